import type { SheetAnalysis } from '../analysis';
import { excelColumn, excelRow } from '../grid';
import type { Status } from '../status';
import type { Change, SheetChanges } from './rowChanges';

/** One row whose status moved since the previous period, as the pane's 变化 view lists it. */
export interface ChangedRow {
  readonly sheet: string;
  /** The row's name cell (else its first cell), A1, for the view to select. */
  readonly cell: string;
  readonly name: string | null;
  readonly unit: string | null;
  readonly status: Status;
  readonly previousStatus: Status | null;
  readonly change: Exclude<Change, 'unchanged'>;
  readonly periodsBehind: number;
}

/** The order a meeting reads changes in: what got worse first, then what got better. */
const ORDER: readonly Exclude<Change, 'unchanged'>[] = [
  'turnedRed',
  'newlyBehind',
  'improved',
  'completed',
  'added',
  'uncertain',
];

/** The rows that changed, worst first, in table order within a kind; changes[i] is analyses[i]'s. */
export function changedRows(
  analyses: readonly SheetAnalysis[],
  changes: readonly SheetChanges[],
): ChangedRow[] {
  const out: ChangedRow[] = [];
  for (const a of analyses) {
    const c = changes.find((x) => x.sheet === a.sheet);
    if (c === undefined || c.previousAsOf === null) continue;
    const col = a.layout.fields.name ?? a.paint.left;
    a.rows.forEach((row, i) => {
      const rc = c.rows[i];
      const st = a.statuses[i];
      if (rc === undefined || st === undefined) return;
      if (rc.change === null || rc.change === 'unchanged') return;
      out.push({
        sheet: a.sheet,
        cell: `${excelColumn(a, col)}${excelRow(a, row.row)}`,
        name: row.name,
        unit: row.unit,
        status: st.status,
        previousStatus: rc.previousStatus,
        change: rc.change,
        periodsBehind: rc.periodsBehind,
      });
    });
  }
  return out.sort((x, y) => ORDER.indexOf(x.change) - ORDER.indexOf(y.change));
}
