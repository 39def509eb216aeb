import type { FieldKey } from './fields';
import { exactField, matchField } from './fields';
import type { CellValue, SheetGrid } from './grid';
import { isCellError } from './grid';
import type { MergeIndex } from './mergeIndex';
import { normalizeText } from './normalizeText';

export interface RowContext {
  readonly grid: SheetGrid;
  readonly merges: MergeIndex;
  readonly left: number;
  readonly right: number;
  readonly fields: Readonly<Partial<Record<FieldKey, number>>>;
  readonly statusColumn: number | null;
  /** From captionColumns(), computed once per table. */
  readonly captionCols: readonly number[];
}

export type RowKindResult =
  | { readonly kind: 'data' | 'blank' | 'note' | 'subtotal' | 'header' }
  | { readonly kind: 'section'; readonly category: string };

const SUBTOTAL = /(合计|小计|总计)/;
const NOTE_START = new Set(['注', '註', '说', '說', '备', '備', '填', '*', '＊', '※']);
const NOTE = /^(注[::1-9一二三]|注$|说明[::]|备注[::]|填表说明|填报说明|[*※])/;
// "一、产业项目(18项)", "(二)民生项目", "第一部分 …", "1、…" at the start of a section caption.
const SECTION_PREFIX =
  /^(?:[一二三四五六七八九十]{1,3}[、.．]|[((][一二三四五六七八九十\d]{1,3}[))]|第[一二三四五六七八九十\d]{1,3}(?:部分|类|章|板块)|[IVX]{1,4}[、.])/;
const SECTION_COUNT = /[((]?(?:共|计)?\d+(?:个|项|件|条)?[))]?$/;
const CHINESE_ORDINAL = /^(?:[一二三四五六七八九十]{1,3}|[((][一二三四五六七八九十\d]{1,3}[))])$/;

// Shared results: this runs once per row of sheets with 100,000 rows, so it allocates nothing.
const DATA: RowKindResult = { kind: 'data' };
const BLANK: RowKindResult = { kind: 'blank' };
const NOTE_ROW: RowKindResult = { kind: 'note' };
const SUBTOTAL_ROW: RowKindResult = { kind: 'subtotal' };
const HEADER_ROW: RowKindResult = { kind: 'header' };

/** The columns a subtotal caption (合计, 小计) may sit in: the first three, the name and the number. */
export function captionColumns(
  left: number,
  right: number,
  fields: Readonly<Partial<Record<FieldKey, number>>>,
): number[] {
  const cols = new Set([left, left + 1, left + 2, fields.name, fields.seq]);
  return [...cols].filter((c): c is number => c !== undefined && c <= right);
}

function isBlankValue(v: CellValue): boolean {
  return v === null || (typeof v === 'string' && v.trim() === '');
}

function text(v: CellValue): string {
  if (v === null || isCellError(v)) return '';
  return typeof v === 'string' ? v : String(v);
}

/** "一、产业项目(18项)" → "产业项目". */
export function sectionCategory(caption: string): string {
  const n = normalizeText(caption);
  const stripped = n.replace(SECTION_PREFIX, '').replace(SECTION_COUNT, '');
  return stripped === '' ? n : stripped;
}

/**
 * Decides what one row below the header is. Reads only the row's own cells (not values merged in
 * from above), so a unit merged over three rows does not turn a blank row into data.
 */
export function classifyRowKind(ctx: RowContext, r: number): RowKindResult {
  const { grid, merges, left, right, fields } = ctx;
  const row = grid.values[r];
  if (!row) return BLANK;

  let nonEmpty = 0;
  let firstText = '';
  let firstCol = -1;
  let lastCol = -1;
  let distinctMerged = 0;
  const rowMerged = merges.rowHasMerges(r);
  for (let c = left; c <= right; c++) {
    if (c === ctx.statusColumn) continue;
    const v = row[c] ?? null;
    if (isBlankValue(v)) continue;
    nonEmpty++;
    if (firstCol < 0) {
      firstCol = c;
      firstText = text(v).trim();
    }
    lastCol = c;
    if (rowMerged) {
      const m = merges.mergeAt(r, c);
      if (m && m.right > m.left) distinctMerged++;
    }
  }
  if (nonEmpty === 0) return BLANK;

  // Only a caption that starts like a note is worth normalizing (most rows start with a number).
  const first = NOTE_START.has(firstText.charAt(0)) ? normalizeText(firstText) : firstText;
  if (NOTE.test(first)) return NOTE_ROW;

  // Subtotal captions sit in the first columns or the name column.
  const nameCol = fields.name;
  const seqCol = fields.seq;
  for (const c of ctx.captionCols) {
    const raw = text(row[c] ?? null);
    // Cheap test first: every subtotal caption has 计 (or 計) in it.
    if (!raw.includes('计') && !raw.includes('計')) continue;
    const t = normalizeText(raw);
    if (t.length > 0 && t.length <= 12 && SUBTOTAL.test(t) && !/项目|工程/.test(t)) {
      return SUBTOTAL_ROW;
    }
  }

  // Template rows with only a sequence number filled in are blank lines of the form.
  if (
    nonEmpty === 1 &&
    seqCol !== undefined &&
    firstCol === seqCol &&
    /^\d+$/.test(normalizeText(firstText))
  ) {
    return BLANK;
  }

  // A section caption: one caption (possibly merged across columns), or an ordinal plus caption,
  // with nothing in the unit or deadline columns.
  const deadlineCol = fields.deadline;
  const unitCol = fields.unit;
  const hasWork =
    (deadlineCol !== undefined && !isBlankValue(row[deadlineCol] ?? null)) ||
    (unitCol !== undefined && !isBlankValue(row[unitCol] ?? null));
  const caption = nonEmpty <= 2 && lastCol - left <= 3 ? normalizeText(firstText) : '';
  // A lone caption with a section's prefix or merged across columns is a section wherever it sits,
  // also in a unit or deadline column that happens to come first ("责任单位" as column A).
  if (
    nonEmpty === 1 &&
    lastCol - left <= 3 &&
    (SECTION_PREFIX.test(caption) || distinctMerged > 0)
  ) {
    return { kind: 'section', category: sectionCategory(firstText) };
  }
  if (!hasWork && nonEmpty <= 2 && lastCol - left <= 3) {
    if (nonEmpty === 2 && CHINESE_ORDINAL.test(caption)) {
      return { kind: 'section', category: sectionCategory(text(row[lastCol] ?? null)) };
    }
    // A caption alone in the first column, with the name column elsewhere and empty, names a
    // section ("产业项目") or the title of a table below; a lone name stays data.
    if (
      nonEmpty === 1 &&
      firstCol === left &&
      nameCol !== undefined &&
      firstCol !== nameCol &&
      typeof row[firstCol] === 'string' &&
      !/^[\d.、-]+$/.test(caption)
    ) {
      return { kind: 'section', category: sectionCategory(firstText) };
    }
  }

  // A second header below the first table: the table ends here.
  if (nonEmpty >= 3 && nameCol !== undefined && exactField(text(row[nameCol] ?? null)) === 'name') {
    let named = 0;
    let hasName = false;
    for (let c = left; c <= right; c++) {
      const f = matchField(text(merges.valueAt(r, c)));
      if (f) {
        named++;
        if (f === 'name') hasName = true;
      }
    }
    if (hasName && named >= 3) return HEADER_ROW;
  }
  return DATA;
}
