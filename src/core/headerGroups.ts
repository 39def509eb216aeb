/**
 * The top row of a three-level header: a caption such as "投资情况（万元）" merged across the columns
 * it groups, one row above the row that names the fields. It holds no field itself, so the header
 * search, which scores rows by the fields they name, starts one row too low without this, and the
 * unit it names (万元) is lost.
 */

import { matchField } from './fields';
import type { CellValue, SheetGrid } from './grid';
import { isCellError } from './grid';
import type { MergeIndex } from './mergeIndex';
import { yearInTitle } from './parseDeadline';

/** A header is three rows at most; the group row adds one above a two-row header at most. */
const MAX_GROUP_ROWS = 1;

function text(v: CellValue): string {
  return v === null || isCellError(v) ? '' : String(v).trim();
}

/** The header's top row after taking in group-caption rows above `top`. */
export function groupRowsAbove(
  grid: SheetGrid,
  merges: MergeIndex,
  top: number,
  width: number,
): number {
  let t = top;
  for (let i = 0; i < MAX_GROUP_ROWS && t > 0 && isGroupRow(grid, merges, t - 1, t, width); i++)
    t--;
  return t;
}

/**
 * True when every caption on row `g` is merged across several columns, names no year (a title
 * does), spans only part of the header below (a title spans all of it) and not its name column,
 * and names a field or stands over at least one column whose caption below names one.
 */
function isGroupRow(
  grid: SheetGrid,
  merges: MergeIndex,
  g: number,
  below: number,
  width: number,
): boolean {
  let first = -1;
  let last = -1;
  for (let c = 0; c < width; c++) {
    if (text(merges.valueAt(below, c)) === '') continue;
    if (first < 0) first = c;
    last = c;
  }
  if (first < 0) return false;
  let groups = 0;
  for (let c = 0; c < width; c++) {
    const caption = text(grid.values[g]?.[c] ?? null);
    if (caption === '') continue;
    const m = merges.mergeAt(g, c);
    if (!m || m.top !== g || m.bottom !== g || m.right <= m.left || m.left !== c) return false;
    if (yearInTitle(caption) !== null) return false;
    if (m.left <= first && m.right >= last) return false;
    let namesField = false;
    for (let cc = m.left; cc <= m.right; cc++) {
      const field = matchField(text(merges.valueAt(below, cc)));
      // A title spans the name column too; a group caption never groups the names.
      if (field === 'name') return false;
      if (field !== null) namesField = true;
    }
    // "时间节点" over "计划" | "实际": the caption names the field its children split.
    if (!namesField && matchField(caption) === null) return false;
    groups++;
  }
  return groups > 0;
}
