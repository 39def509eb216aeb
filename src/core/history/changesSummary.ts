import type { SheetAnalysis } from '../analysis';
import type { Status } from '../status';
import type { SheetChanges } from './rowChanges';

/** A row named in the comparison's lists, and where it is. */
export interface ChangedItem {
  readonly sheet: string;
  readonly excelRow: number;
  readonly name: string | null;
  readonly unit: string | null;
  readonly status: Status;
  readonly periodsBehind: number;
}

/** A unit with more items behind (lagging and severe) than at the previous report date. */
export interface UnitRise {
  readonly unit: string;
  readonly previous: number;
  readonly current: number;
}

/** The bulletin's "与上期相比": counts of each change, and the lists the meeting asks about. */
export interface ChangesSummary {
  /** The previous report date, "YYYY-MM-DD" (the latest, when sheets differ). */
  readonly previousAsOf: string;
  readonly newlyBehind: number;
  readonly turnedRed: number;
  readonly improved: number;
  readonly completed: number;
  readonly added: number;
  readonly removed: number;
  /** N of "behind N or more periods" (the rules' behindPeriods). */
  readonly behindPeriods: number;
  readonly turnedRedItems: readonly ChangedItem[];
  /** Rows behind for behindPeriods report dates or more, longest first. */
  readonly longBehind: readonly ChangedItem[];
  /** Counted over the rows present now: the history keeps no unit names for rows since deleted. */
  readonly unitsRising: readonly UnitRise[];
}

const behind = (s: Status | null): boolean => s === 'lagging' || s === 'severe';

/**
 * The comparison of every sheet that has a previous period, or undefined when none has (the
 * bulletin then says nothing about the previous period). changes[i] belongs to analyses[i].
 */
export function summarizeChanges(
  analyses: readonly SheetAnalysis[],
  changes: readonly SheetChanges[],
  behindPeriods: number,
): ChangesSummary | undefined {
  const compared = analyses
    .map((a, i) => ({ a, c: changes.find((c) => c.sheet === a.sheet) ?? changes[i] }))
    .filter((x): x is { a: SheetAnalysis; c: SheetChanges } => x.c?.previousAsOf != null);
  if (compared.length === 0) return undefined;
  const count = { newlyBehind: 0, turnedRed: 0, improved: 0, completed: 0, added: 0 };
  let removed = 0;
  const turnedRedItems: ChangedItem[] = [];
  const longBehind: ChangedItem[] = [];
  const units = new Map<string, { previous: number; current: number }>();
  for (const { a, c } of compared) {
    removed += c.removed;
    a.rows.forEach((row, i) => {
      const rc = c.rows[i];
      const st = a.statuses[i];
      if (rc === undefined || st === undefined) return;
      if (rc.change !== null && rc.change in count) count[rc.change as keyof typeof count]++;
      const item: ChangedItem = {
        sheet: a.sheet,
        excelRow: a.origin.row + row.row,
        name: row.name,
        unit: row.unit,
        status: st.status,
        periodsBehind: rc.periodsBehind,
      };
      if (rc.change === 'turnedRed') turnedRedItems.push(item);
      if (rc.periodsBehind >= behindPeriods) longBehind.push(item);
      if (row.unit !== null) {
        const u = units.get(row.unit) ?? { previous: 0, current: 0 };
        if (behind(rc.previousStatus)) u.previous++;
        if (behind(st.status)) u.current++;
        units.set(row.unit, u);
      }
    });
  }
  const previousAsOf = compared
    .map(({ c }) => c.previousAsOf as string)
    .sort()
    .at(-1) as string;
  return {
    previousAsOf,
    ...count,
    removed,
    behindPeriods,
    turnedRedItems,
    // Stable sort: equal runs keep table order.
    longBehind: longBehind.sort((x, y) => y.periodsBehind - x.periodsBehind),
    unitsRising: [...units]
      .filter(([, u]) => u.current > u.previous)
      .map(([unit, u]) => ({ unit, ...u }))
      .sort((x, y) => y.current - y.previous - (x.current - x.previous)),
  };
}
