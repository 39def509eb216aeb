import { ValueType, type Cell } from 'exceljs';
import { NO_SAVED_RESULT, type CellValue } from '../../../src/core/grid';

const MS_PER_DAY = 86_400_000;
/** Serial of 1970-01-01 in the 1900 date system. */
const UNIX_EPOCH_SERIAL = 25569;
/** Serial difference between the 1900 and 1904 date systems. */
const DATE1904_OFFSET = 1462;

/**
 * ExcelJS turns date-formatted numbers into Dates built in UTC (utils.excelToDate); this inverts it
 * exactly, so the grid holds the serial Excel stored, as Office.js would report it.
 */
export function dateToSerial(d: Date, date1904: boolean): number | null {
  const ms = d.getTime();
  if (Number.isNaN(ms)) return null;
  return ms / MS_PER_DAY + UNIX_EPOCH_SERIAL - (date1904 ? DATE1904_OFFSET : 0);
}

interface RichTextLike {
  readonly richText: readonly { readonly text?: unknown }[];
}

function isRichText(v: object): v is RichTextLike {
  return Array.isArray((v as { richText?: unknown }).richText);
}

function richTextToPlain(v: RichTextLike): string {
  let s = '';
  for (const run of v.richText) if (typeof run.text === 'string') s += run.text;
  return s;
}

/** A value as found in a cell or a formula's saved result: primitives, Dates, errors, rich text. */
export function plainValue(v: unknown, date1904: boolean): CellValue {
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return v;
    case 'number':
      return Number.isFinite(v) ? v : null;
    case 'object': {
      if (v === null) return null;
      if (v instanceof Date) return dateToSerial(v, date1904);
      if ('error' in v && typeof v.error === 'string') return { error: v.error };
      if (isRichText(v)) return richTextToPlain(v);
      // A hyperlink: { text, hyperlink }, where text may itself be rich text.
      if ('text' in v) {
        const t = v.text;
        if (typeof t === 'string') return t;
        if (typeof t === 'object' && t !== null && isRichText(t)) return richTextToPlain(t);
      }
      return null;
    }
    default:
      return null;
  }
}

/**
 * The grid value of one ExcelJS cell. Merged slave cells are null: ExcelJS reports the master's
 * value on them, but the grid keeps a merged value at its top-left cell only.
 */
export function cellValue(cell: Cell, date1904: boolean): CellValue {
  switch (cell.type) {
    case ValueType.Null:
    case ValueType.Merge:
      return null;
    case ValueType.Formula: {
      // cell.value drops falsy results (0, "", false) in ExcelJS 4.4, so read cell.result instead.
      const result: unknown = cell.result;
      // A text result in a date-formatted cell comes back as an Invalid Date: its text is read
      // from the sheet's XML afterwards, like a result that was dropped (textResults.ts).
      if (result === undefined || (result instanceof Date && Number.isNaN(result.getTime())))
        return { error: NO_SAVED_RESULT, formula: cell.formula ?? '' };
      return plainValue(result, date1904);
    }
    default:
      return plainValue(cell.value, date1904);
  }
}
