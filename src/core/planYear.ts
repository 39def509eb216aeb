/**
 * The year deadlines without a year ("6月底") are read in (domain.md): the title's year, or a
 * 填报日期 / 截至 line above the header (both are read into TableLayout.titleYear); else the most
 * common year among the full dates of the deadline column; else the report date's year.
 */

import { isDateFormat, serialDay } from './cellText';
import { fromDayNumber, type DayNumber } from './dates';
import { formatAt, type SheetGrid } from './grid';
import type { MergeIndex } from './mergeIndex';
import type { TableLayout } from './tableLayout';

export type PlanYearSource = 'title' | 'deadlines' | 'report_date';

export interface PlanYear {
  readonly year: number;
  readonly source: PlanYearSource;
}

// A full date written as text: 2023-06-30, 2023/6/30, 2023.6.30, 2023年6月30日 (a year and a month at least).
const FULL_DATE_TEXT = /^\s*(\d{4})\s*[-/.年]\s*\d{1,2}/;

/** Decides the plan year of a detected table. */
export function decidePlanYear(
  grid: SheetGrid,
  layout: TableLayout,
  merges: MergeIndex,
  asOf: DayNumber,
): PlanYear {
  if (layout.titleYear !== null) return { year: layout.titleYear, source: 'title' };
  const fromDeadlines = commonDeadlineYear(grid, layout, merges);
  if (fromDeadlines !== null) return { year: fromDeadlines, source: 'deadlines' };
  return { year: fromDayNumber(asOf).y, source: 'report_date' };
}

function commonDeadlineYear(
  grid: SheetGrid,
  layout: TableLayout,
  merges: MergeIndex,
): number | null {
  const c = layout.fields.deadline;
  if (c === undefined) return null;
  const counts = new Map<number, number>();
  const date1904 = grid.date1904 === true;
  for (const r of layout.dataRows) {
    const v = merges.valueAt(r, c);
    let year: number | null = null;
    if (typeof v === 'number' && isDateFormat(formatAt(grid, r, c))) {
      const day = serialDay(v, date1904);
      if (day !== null) year = fromDayNumber(day).y;
    } else if (typeof v === 'string') {
      const m = FULL_DATE_TEXT.exec(v);
      if (m !== null) year = Number(m[1]);
    }
    if (year !== null && year >= 1900 && year <= 2199)
      counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  let best: number | null = null;
  let bestCount = 0;
  // Ties go to the earlier year: a table carried over into January still plans the old year.
  for (const [year, n] of [...counts].sort((a, b) => a[0] - b[0])) {
    if (n > bestCount) {
      best = year;
      bestCount = n;
    }
  }
  return best;
}
