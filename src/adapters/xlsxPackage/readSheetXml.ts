import { NO_SAVED_RESULT, type CellRange, type CellValue, type SheetGrid } from '../../core/grid';
import type { Progress } from '../../port/WorkbookPort';
import { parseCellRef } from './cellRef';
import { isDateFormat } from './numberFormats';
import { slideFormula } from './sharedFormula';
import type { CellFormats } from './styles';
import { attrLocal, walkXml, type XmlHandlers } from './xml';

const MS_PER_DAY = 86_400_000;
/** Serial of 1970-01-01 in the 1900 date system. */
const UNIX_EPOCH_SERIAL = 25569;
/** Serial difference between the 1900 and 1904 date systems. */
const DATE1904_OFFSET = 1462;
const PROGRESS_EVERY = 5000;

export interface SheetRead {
  readonly grid: SheetGrid;
  /** <sheetProtection sheet="1">: Excel would refuse changes to the sheet. */
  readonly protected: boolean;
}

function parseRange(ref: string): CellRange | null {
  const [from, to] = ref.split(':');
  const a = from === undefined ? null : parseCellRef(from);
  const b = to === undefined ? a : parseCellRef(to);
  if (a === null || b === null) return null;
  return { top: a.row - 1, left: a.col - 1, bottom: b.row - 1, right: b.col - 1 };
}

function xmlBoolean(v: string | undefined): boolean {
  return v === '1' || v === 'true';
}

/**
 * A date-formatted number rounded to the millisecond, as ExcelJS reports it (it goes through a
 * Date and back): the first adapter's grids were so, and files analysed by it read the same here.
 */
function dateSerial(v: number, date1904: boolean): number {
  const offset = date1904 ? DATE1904_OFFSET : 0;
  const ms = Math.round((v - UNIX_EPOCH_SERIAL + offset) * MS_PER_DAY);
  return ms / MS_PER_DAY + UNIX_EPOCH_SERIAL - offset;
}

/** An ISO 8601 date cell (t="d", written by some producers) as a serial in the workbook's system. */
function isoSerial(text: string, date1904: boolean): number | null {
  const ms = Date.parse(
    /[zZ]|[+-]\d\d:\d\d$/.test(text) || !text.includes('T') ? text : `${text}Z`,
  );
  if (Number.isNaN(ms)) return null;
  return ms / MS_PER_DAY + UNIX_EPOCH_SERIAL - (date1904 ? DATE1904_OFFSET : 0);
}

function number(text: string): number | null {
  const n = parseFloat(text);
  return Number.isFinite(n) ? n : null;
}

interface CellState {
  col: number;
  /** <f t="shared" si=…>: the shared formula it belongs to. */
  shared: string | undefined;
  type: string;
  style: number;
  value: string | undefined;
  formula: string | undefined;
  inline: string | undefined;
}

/**
 * Streams one worksheet part into the engine's SheetGrid: values (shared and inline strings,
 * rich text as plain text, formulas' saved results), number formats, merges, hidden rows. The
 * grid starts at A1; a merged area keeps its value at the top-left cell only.
 */
export function readSheetXml(
  name: string,
  xml: string,
  strings: readonly string[],
  formats: CellFormats,
  date1904: boolean,
  onProgress?: Progress,
): SheetRead {
  const reader = sheetReader(name, strings, formats, date1904, onProgress);
  walkXml(xml, reader.handlers);
  return reader.finish();
}

/**
 * readSheetXml as handlers and a finish, so the package reader can walk a part once with these and
 * other handlers together (the sheet's layout for patching it, see sheetLayout.ts).
 */
export function sheetReader(
  name: string,
  strings: readonly string[],
  formats: CellFormats,
  date1904: boolean,
  onProgress?: Progress,
): { readonly handlers: XmlHandlers; finish(): SheetRead } {
  const values: CellValue[][] = [];
  const numFmts: (string | null)[][] = [];
  const hiddenAll: number[] = [];
  const merges: CellRange[] = [];
  let isProtected = false;
  let totalRows = 0;

  let rowIndex = -1;
  let nextCol = 0;
  let cell: CellState | null = null;
  const reused: CellState = {
    col: 0,
    shared: undefined,
    type: 'n',
    style: 0,
    value: undefined,
    formula: undefined,
    inline: undefined,
  };
  let textTarget: 'v' | 'f' | 'is' | null = null;
  let inInlineText = false;
  let phonetic = 0;
  let inSheetData = false;

  const sharedMasters = new Map<string, { formula: string; row: number; col: number }>();
  /** The formula of a cell, a shared one's slid from its master as Excel would show it. */
  const formulaOf = (c: CellState): string => {
    const own = c.formula ?? '';
    if (c.shared === undefined) return own;
    const master = sharedMasters.get(c.shared);
    if (own !== '' || master === undefined) return own;
    return slideFormula(master.formula, rowIndex - master.row, c.col - master.col);
  };

  const finishCell = (c: CellState): void => {
    if (c.shared !== undefined && c.formula !== undefined && c.formula !== '')
      sharedMasters.set(c.shared, { formula: c.formula, row: rowIndex, col: c.col });
    const fmt = formats.numFmt[c.style];
    let v: CellValue = null;
    if (c.formula !== undefined) {
      const saved = c.value;
      if (c.type === 'str') v = saved ?? { error: NO_SAVED_RESULT, formula: formulaOf(c) };
      else if (saved === undefined || saved === '')
        v = { error: NO_SAVED_RESULT, formula: formulaOf(c) };
      else if (c.type === 'b') v = parseInt(saved, 10) !== 0;
      else if (c.type === 'e') v = { error: saved };
      else {
        const n = number(saved);
        v = n !== null && isDateFormat(fmt) ? dateSerial(n, date1904) : n;
      }
    } else if (c.type === 'inlineStr') {
      v = c.inline ?? null;
    } else if (c.value !== undefined) {
      switch (c.type) {
        case 's':
          v = strings[parseInt(c.value, 10)] ?? null;
          break;
        case 'str':
          v = c.value;
          break;
        case 'b':
          v = parseInt(c.value, 10) !== 0;
          break;
        case 'e':
          v = { error: c.value };
          break;
        case 'd':
          v = isoSerial(c.value, date1904);
          break;
        default: {
          const n = number(c.value);
          v = n !== null && isDateFormat(fmt) ? dateSerial(n, date1904) : n;
        }
      }
    }
    if (v === null) return;
    const out = (values[rowIndex] ??= []);
    while (out.length < c.col) out.push(null);
    out[c.col] = v;
    if (fmt !== undefined) {
      const f = (numFmts[rowIndex] ??= []);
      while (f.length < c.col) f.push(null);
      f[c.col] = fmt;
    }
  };

  const handlers: XmlHandlers = {
    open(tag) {
      switch (tag.local) {
        case 'sheetData':
          inSheetData = true;
          return;
        case 'row': {
          if (!inSheetData) return;
          const r = Number(attrLocal(tag, 'r'));
          rowIndex = Number.isInteger(r) && r > 0 ? r - 1 : rowIndex + 1;
          nextCol = 0;
          if (xmlBoolean(attrLocal(tag, 'hidden'))) hiddenAll.push(rowIndex);
          if (onProgress && (rowIndex + 1) % PROGRESS_EVERY === 0)
            onProgress(rowIndex + 1, Math.max(totalRows, rowIndex + 1));
          return;
        }
        case 'c': {
          if (!inSheetData) return;
          const ref = attrLocal(tag, 'r');
          const at = ref === undefined ? null : parseCellRef(ref);
          // Without r=, a cell follows the one before it (allowed by the schema, used by some tools).
          const col = at === null ? nextCol : at.col - 1;
          if (at !== null && at.row - 1 !== rowIndex) rowIndex = at.row - 1;
          nextCol = col + 1;
          // One object serves every cell in turn (finishCell keeps nothing of it): a sheet of
          // 550,000 cells need not make 550,000 of them.
          cell = reused;
          cell.col = col;
          cell.shared = undefined;
          cell.type = attrLocal(tag, 't') ?? 'n';
          cell.style = Number(attrLocal(tag, 's') ?? '0') || 0;
          cell.value = undefined;
          cell.formula = undefined;
          cell.inline = undefined;
          return;
        }
        case 'v':
          if (cell) {
            textTarget = 'v';
            cell.value = '';
          }
          return;
        case 'f':
          if (cell) {
            textTarget = 'f';
            cell.formula ??= '';
            if (attrLocal(tag, 't') === 'shared') cell.shared = attrLocal(tag, 'si');
          }
          return;
        case 'is':
          if (cell) {
            textTarget = 'is';
            cell.inline = '';
          }
          return;
        case 'rPh':
          phonetic++;
          return;
        case 't':
          if (textTarget === 'is' && phonetic === 0) inInlineText = true;
          return;
        case 'mergeCell': {
          const range = parseRange(attrLocal(tag, 'ref') ?? '');
          if (range) merges.push(range);
          return;
        }
        case 'sheetProtection':
          isProtected = xmlBoolean(attrLocal(tag, 'sheet'));
          return;
        case 'dimension': {
          const range = parseRange(attrLocal(tag, 'ref') ?? '');
          if (range) totalRows = range.bottom + 1;
          return;
        }
        default:
          return;
      }
    },
    close(local) {
      switch (local) {
        case 'sheetData':
          inSheetData = false;
          return;
        case 'c':
          if (cell) finishCell(cell);
          cell = null;
          return;
        case 'v':
        case 'f':
        case 'is':
          textTarget = null;
          return;
        case 't':
          inInlineText = false;
          return;
        case 'rPh':
          phonetic--;
          return;
        default:
          return;
      }
    },
    text(text) {
      if (cell === null) return;
      if (textTarget === 'v') cell.value += text;
      else if (textTarget === 'f') cell.formula += text;
      else if (inInlineText) cell.inline += text;
    },
  };

  const finish = (): SheetRead => {
    clearMergedCells(values, numFmts, merges);
    let lastRow = values.length;
    while (lastRow > 0 && (values[lastRow - 1]?.length ?? 0) === 0) lastRow--;
    values.length = lastRow;
    for (let r = 0; r < lastRow; r++) values[r] ??= [];
    const anyFormat = numFmts.some((row) => row !== undefined);
    const numberFormats: (string | null)[][] = numFmts.slice(0, lastRow);
    onProgress?.(Math.max(totalRows, lastRow), Math.max(totalRows, lastRow));

    const grid: SheetGrid = {
      name,
      values,
      merges,
      hiddenRows: hiddenAll.filter((r) => r < lastRow),
      origin: { row: 1, col: 1 },
      date1904,
      ...(anyFormat ? { numberFormats } : {}),
    };
    return { grid, protected: isProtected };
  };
  return { handlers, finish };
}

/**
 * Empties the cells a merge covers other than its top-left one, as Excel shows them; a row left
 * with nothing loses its trailing nulls so rows stay as short as their last value.
 */
function clearMergedCells(
  values: (CellValue[] | undefined)[],
  numFmts: ((string | null)[] | undefined)[],
  merges: readonly CellRange[],
): void {
  const touched = new Set<number>();
  for (const m of merges) {
    const bottom = Math.min(m.bottom, values.length - 1);
    for (let r = m.top; r <= bottom; r++) {
      const row = values[r];
      if (row === undefined) continue;
      const right = Math.min(m.right, row.length - 1);
      for (let c = m.left; c <= right; c++) {
        if (r === m.top && c === m.left) continue;
        if (row[c] !== null && row[c] !== undefined) {
          row[c] = null;
          const f = numFmts[r];
          if (f && c < f.length) f[c] = null;
          touched.add(r);
        }
      }
    }
  }
  for (const r of touched) {
    const row = values[r];
    if (row) {
      while (row.length > 0 && row[row.length - 1] === null) row.pop();
      if (row.length === 0) values[r] = undefined;
    }
    const f = numFmts[r];
    if (f) {
      while (f.length > 0 && f[f.length - 1] === null) f.pop();
      if (f.length === 0) numFmts[r] = undefined;
    }
  }
}
