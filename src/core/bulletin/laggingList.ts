import type { SheetAnalysis } from '../analysis';
import { formatIsoDay } from '../dates';

/** One lagging or severely lagging row, with what a bulletin's list prints and where the row is. */
export interface LaggingItem {
  readonly sheet: string;
  /** The Excel row number of the row in its sheet. */
  readonly excelRow: number;
  readonly name: string | null;
  /** The first-listed unit. */
  readonly unit: string | null;
  /** The deadline as "YYYY-MM-DD"; null when it is not a date. */
  readonly deadline: string | null;
  /** The deadline as the user wrote it ("6月底", "二季度"). */
  readonly deadlineText: string;
  readonly overdueDays: number;
  readonly overdueMonths: number;
  readonly status: 'lagging' | 'severe';
  /** 存在问题. */
  readonly problem: string | null;
}

/** Every lagging and severe row of all sheets: severe first, then the longest overdue, then table order. */
export function laggingList(analyses: readonly SheetAnalysis[]): LaggingItem[] {
  const items: LaggingItem[] = [];
  for (const a of analyses) {
    a.rows.forEach((row, i) => {
      const s = a.statuses[i];
      if (s === undefined || (s.status !== 'lagging' && s.status !== 'severe')) return;
      items.push({
        sheet: a.sheet,
        excelRow: a.origin.row + row.row,
        name: row.name,
        unit: row.unit,
        deadline: row.deadline.kind === 'date' ? formatIsoDay(row.deadline.day) : null,
        deadlineText: row.deadlineText,
        overdueDays: s.overdueDays,
        overdueMonths: s.overdueMonths,
        status: s.status,
        problem: row.problem,
      });
    });
  }
  // Array.prototype.sort is stable, so equal items keep sheet and row order.
  return items.sort(
    (x, y) =>
      Number(y.status === 'severe') - Number(x.status === 'severe') ||
      y.overdueDays - x.overdueDays,
  );
}
