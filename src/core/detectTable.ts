import type { ColumnOverrides } from './analysis';
import { amountUnit, exactField, matchField, type FieldKey } from './fields';
import type { CellValue, SheetGrid } from './grid';
import { a1, columnNumber, gridWidth, isCellError } from './grid';
import type { Issue, Lang } from './issue';
import { buildMergeIndex, type MergeIndex } from './mergeIndex';
import { makeIssue } from './messages';
import { normalizeText } from './normalizeText';
import { yearInTitle } from './parseDeadline';
import { DEFAULT_STATUS_HEADER } from './rules';
import type { ColumnInfo, RowKind, TableLayout } from './tableLayout';
import { groupRowsAbove } from './headerGroups';
import { captionColumns, classifyRowKind } from './rowKind';
import { runSteps, STEP_ROWS, type Steps } from './steps';

/** How far down a sheet a header is looked for: titles and notes above it are a few rows at most. */
const HEADER_SCAN_ROWS = 40;

export interface DetectOptions {
  readonly lang: Lang;
  /** The status column header this add-in writes (found again on a re-run). */
  readonly statusHeader: string;
  readonly overrides?: ColumnOverrides;
}

export type DetectResult =
  | { readonly ok: true; readonly layout: TableLayout; readonly issues: Issue[] }
  | { readonly ok: false; readonly issues: Issue[] };

function headerText(v: CellValue): string {
  if (v === null || isCellError(v)) return '';
  return String(v).trim();
}

interface Candidate {
  readonly row: number;
  readonly score: number;
  readonly hasName: boolean;
}

/** Counts how many distinct fields a row's cells name; a header names the name field and more. */
function scoreRow(merges: MergeIndex, r: number, width: number): Candidate {
  const seen = new Set<FieldKey>();
  for (let c = 0; c < width; c++) {
    const f = matchField(headerText(merges.valueAt(r, c)));
    if (f) seen.add(f);
  }
  return { row: r, score: seen.size, hasName: seen.has('name') };
}

function findHeaderRow(grid: SheetGrid, merges: MergeIndex, width: number): number | null {
  let best: Candidate | null = null;
  const limit = Math.min(grid.values.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < limit; r++) {
    const cand = scoreRow(merges, r, width);
    if (!cand.hasName || cand.score < 2) continue;
    if (!best || cand.score > best.score) best = cand;
  }
  return best ? best.row : null;
}

/**
 * Extends the header row to the rows a two-level header spans: merges that start on the header
 * row and reach down, or a parent merged across columns with child captions below it.
 */
function headerSpan(
  grid: SheetGrid,
  merges: MergeIndex,
  r: number,
  width: number,
): { top: number; bottom: number } {
  let top = r;
  let bottom = r;
  // A parent row above the best-scoring row, tied to it by merges that reach down into it.
  if (r > 0) {
    for (let c = 0; c < width; c++) {
      const m = merges.mergeAt(r - 1, c);
      if (m && m.top === r - 1 && m.bottom >= r && m.left === c) top = r - 1;
    }
  }
  // "投资情况（万元）" merged over the columns it groups, one row above the best-scoring row.
  top = groupRowsAbove(grid, merges, top, width);
  for (let rr = top; rr <= r; rr++) {
    for (let c = 0; c < width; c++) {
      const m = merges.mergeAt(rr, c);
      if (m && m.top === rr && m.bottom > bottom && m.bottom - top <= 2) bottom = m.bottom;
    }
  }
  // A vertical merge alone does not make a second header row: the row below must hold captions
  // only (child captions under a parent merged across columns), or it is data and stays data.
  for (let r = top + 1; r <= bottom; r++) {
    if (!isCaptionRow(grid, merges, top, r, width)) {
      bottom = r - 1;
      break;
    }
  }
  if (bottom === r && bottom - top < 2) {
    // "1-6月完成投资" merged across F:G with "金额" and "占年度计划%" under it, without vertical merges.
    for (let c = 0; c < width; c++) {
      const m = merges.mergeAt(r, c);
      if (m && m.top === r && m.right > m.left && m.left === c) {
        const below = headerText(grid.values[r + 1]?.[c] ?? null);
        // The row below must hold captions only: a data row under a merged "项目名称" is data.
        if (
          below !== '' &&
          matchField(below) !== 'name' &&
          !/^\d+(\.\d+)?$/.test(below) &&
          isCaptionRow(grid, merges, r, r + 1, width)
        ) {
          bottom = r + 1;
        }
      }
    }
  }
  return { top, bottom };
}

function isCaptionRow(
  grid: SheetGrid,
  merges: MergeIndex,
  top: number,
  r: number,
  width: number,
): boolean {
  for (let c = 0; c < width; c++) {
    const own = headerText(grid.values[r]?.[c] ?? null);
    if (own === '') continue;
    const parent = merges.mergeAt(top, c);
    const underParent = parent !== undefined && parent.right > parent.left && parent.bottom < r;
    if (
      !underParent &&
      matchField(own) === null &&
      exactField(textAbove(merges, top, r, c) + own) === null
    ) {
      return false;
    }
  }
  return true;
}

/** The header text of column c from row top down to the row above r: "项目" over "名称" reads "项目名称". */
function textAbove(merges: MergeIndex, top: number, r: number, c: number): string {
  let t = '';
  for (let i = top; i < r; i++) t += headerText(merges.valueAt(i, c));
  return t;
}

// Child captions that are amounts take the parent's field; shares and per-period columns do not.
const SHARE_CAPTION = /[%％率比占]/;
const PERIOD_CAPTION =
  /^(?:第?[一二三四1-4]季度|Q[1-4]|[上下]半年|\d{1,2}月|[一二三四五六七八九十]{1,2}月)/i;

function fieldForColumn(parts: readonly string[], parentClaimed: Set<string>): FieldKey | null {
  const child = parts[parts.length - 1] ?? '';
  const childField = matchField(child);
  if (childField) return childField;
  if (parts.length < 2) return null;
  // The nearest caption above that names a field: under "投资情况（万元）" / "1-6月完成投资" / "金额"
  // it is "1-6月完成投资"; the group caption on top names none.
  let parent = '';
  let parentField: FieldKey | null = null;
  for (let i = parts.length - 2; i >= 0 && parentField === null; i--) {
    parent = parts[i] ?? '';
    parentField = matchField(parent);
  }
  // A header word broken over two rows ("责任" over "单位") names its field only when joined.
  if (!parentField) return exactField(parts.join(''));
  // "时间节点" over "计划" | "实际": the planned node and the date it was done (domain.md).
  if (parentField === 'deadline') {
    const c = normalizeText(child);
    if (/^实际/.test(c)) return 'doneDate';
    if (/^计划/.test(c)) return 'deadline';
  }
  if (SHARE_CAPTION.test(child) || PERIOD_CAPTION.test(normalizeText(child))) return null;
  // Only the first neutral child ("金额") under a parent inherits its field.
  if (parentClaimed.has(parent)) return null;
  parentClaimed.add(parent);
  return parentField;
}

function isOwnStatusHeader(text: string, statusHeader: string): boolean {
  const n = normalizeText(text);
  return (
    n !== '' && (n === normalizeText(statusHeader) || n === normalizeText(DEFAULT_STATUS_HEADER))
  );
}

/** Finds the plan table on a sheet: its header rows, columns, fields and the kind of every row. */
export function detectTable(
  grid: SheetGrid,
  opts: DetectOptions,
  merges: MergeIndex = buildMergeIndex(grid),
): DetectResult {
  return runSteps(detectTableSteps(grid, opts, merges));
}

/** detectTable as steps, yielding every STEP_ROWS rows of the body. */
export function* detectTableSteps(
  grid: SheetGrid,
  opts: DetectOptions,
  merges: MergeIndex = buildMergeIndex(grid),
): Steps<DetectResult> {
  const { lang } = opts;
  const issues: Issue[] = [];
  const width = gridWidth(grid);
  const headerRow = findHeaderRow(grid, merges, width);
  if (headerRow === null) {
    return { ok: false, issues: [makeIssue(lang, 'no_table', grid.name, '')] };
  }
  const { top, bottom } = headerSpan(grid, merges, headerRow, width);

  // Columns: every column with header text in the header rows.
  const columns: ColumnInfo[] = [];
  const fields: Partial<Record<FieldKey, number>> = {};
  const parentClaimed = new Set<string>();
  let left = -1;
  let right = -1;
  let statusColumn: number | null = null;
  let unit: string | null = null;
  for (let c = 0; c < width; c++) {
    const parts: string[] = [];
    // False when every caption of the column is a merge's continuation: "项目名称" merged across B:C
    // names column B, and C is the same header, not a second column that looks like it.
    let captioned = false;
    for (let r = top; r <= bottom; r++) {
      const t = headerText(merges.valueAt(r, c));
      if (t === '') continue;
      const m = merges.mergeAt(r, c);
      if (!m || m.left === c) captioned = true;
      if (parts[parts.length - 1] !== t) parts.push(t);
    }
    if (parts.length === 0) continue;
    if (left < 0) left = c;
    right = c;
    const header = parts.join('/');
    if (isOwnStatusHeader(parts[0] ?? '', opts.statusHeader)) {
      statusColumn = c;
      columns.push({ col: c, header, field: null });
      continue;
    }
    const field = captioned ? fieldForColumn(parts, parentClaimed) : null;
    unit ??= parts.map(amountUnit).find((u) => u !== null) ?? null;
    if (field && fields[field] !== undefined) {
      const used = fields[field];
      issues.push(
        makeIssue(lang, 'header_duplicate', grid.name, a1(grid, top, c), {
          field: header,
          other: a1(grid, top, used),
        }),
      );
      columns.push({ col: c, header, field: null });
      continue;
    }
    if (field) fields[field] = c;
    columns.push({ col: c, header, field });
  }

  applyOverrides(grid, fields, columns, opts.overrides);

  if (fields.name === undefined) {
    return {
      ok: false,
      issues: [
        ...issues,
        makeIssue(lang, 'no_name_column', grid.name, '', { row: grid.origin.row + top }),
      ],
    };
  }
  if (fields.deadline === undefined) {
    issues.push(makeIssue(lang, 'no_deadline_column', grid.name, ''));
  }

  // Merges that start in the header and reach into the data would hide a data row's cells.
  for (const m of grid.merges) {
    if (m.top >= top && m.top <= bottom && m.bottom > bottom) {
      issues.push(makeIssue(lang, 'merge_crosses_header', grid.name, a1(grid, m.top, m.left)));
    }
  }

  // Title: the text of the rows above the header, in order.
  const titleParts: string[] = [];
  let titleYear: number | null = null;
  for (let r = 0; r < top; r++) {
    for (let c = 0; c < width; c++) {
      const m = merges.mergeAt(r, c);
      if (m && (m.top !== r || m.left !== c)) continue;
      const t = headerText(grid.values[r]?.[c] ?? null);
      if (t === '') continue;
      titleParts.push(t);
      titleYear ??= yearInTitle(t);
    }
  }

  // Rows below the header, until a second header (another table) or the end of the sheet.
  const kinds: RowKind[] = [];
  const dataRows: number[] = [];
  const sections: { row: number; category: string }[] = [];
  let lastRow = bottom;
  const rowCtx = {
    grid,
    merges,
    left,
    right,
    fields,
    statusColumn,
    captionCols: captionColumns(left, right, fields),
  };
  for (let r = bottom + 1; r < grid.values.length; r++) {
    if ((r & (STEP_ROWS - 1)) === 0) yield;
    const kind = classifyRowKind(rowCtx, r);
    if (kind.kind === 'header') break;
    kinds.push(kind.kind);
    if (kind.kind === 'blank') continue;
    lastRow = r;
    if (kind.kind === 'data') dataRows.push(r);
    else if (kind.kind === 'section') sections.push({ row: r, category: kind.category });
  }
  kinds.length = lastRow - bottom;

  return {
    ok: true,
    issues,
    layout: {
      sheet: grid.name,
      title: titleParts.length > 0 ? titleParts.join(' ') : null,
      titleYear,
      headerTop: top,
      headerBottom: bottom,
      left,
      right,
      columns,
      fields,
      kinds,
      dataRows,
      sections,
      lastRow,
      statusColumn,
      amountUnit: unit,
    },
  };
}

/** The user's column choices win over detection; columns outside the grid are ignored. */
function applyOverrides(
  grid: SheetGrid,
  fields: Partial<Record<FieldKey, number>>,
  columns: ColumnInfo[],
  overrides: ColumnOverrides | undefined,
): void {
  if (!overrides) return;
  for (const [key, letters] of Object.entries(overrides) as [FieldKey, string | null][]) {
    if (letters === null) {
      delete fields[key];
      continue;
    }
    if (!/^[A-Za-z]{1,3}$/.test(letters)) continue;
    const c = columnNumber(letters) - grid.origin.col;
    if (c < 0) continue;
    // A column holds one field: a column taken by the override stops meaning its old field.
    for (const [k, col] of Object.entries(fields) as [FieldKey, number][]) {
      if (col === c && k !== key) delete fields[k];
    }
    fields[key] = c;
    for (let j = 0; j < columns.length; j++) {
      const cj = columns[j] as ColumnInfo;
      if (cj.field === key && cj.col !== c) columns[j] = { ...cj, field: null };
    }
    const i = columns.findIndex((ci) => ci.col === c);
    if (i >= 0) {
      const ci = columns[i] as ColumnInfo;
      columns[i] = { ...ci, field: key };
    }
  }
}
