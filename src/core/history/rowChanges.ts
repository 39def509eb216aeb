import type { SheetAnalysis } from '../analysis';
import { parseIsoDay, type DayNumber } from '../dates';
import type { Status } from '../status';
import { hashText, rowFingerprint } from '../workbookRecord/rowIdentity';
import { previousIndex, statusAt, uniqueKeys, type StatusHistory } from './statusHistory';

/**
 * What happened to a row since the previous report date. `uncertain`: its key is shared by another
 * row (same name and units), so which previous row it was cannot be told, and nothing is guessed.
 */
export const CHANGES = [
  'newlyBehind',
  'turnedRed',
  'improved',
  'completed',
  'added',
  'unchanged',
  'uncertain',
] as const;
export type Change = (typeof CHANGES)[number];

export interface RowChange {
  /** Null when the row was not in the previous period (or is uncertain). */
  readonly previousStatus: Status | null;
  /** Null when there is no previous period to compare with. */
  readonly change: Change | null;
  /** Consecutive report dates, this one included, the row has been lagging or severe (连续 N 期). */
  readonly periodsBehind: number;
}

/** One sheet compared with its previous period; rows[i] belongs to the analysis's statuses[i]. */
export interface SheetChanges {
  readonly sheet: string;
  /** The previous report date, "YYYY-MM-DD"; null when the history holds none before this one. */
  readonly previousAsOf: string | null;
  readonly rows: readonly RowChange[];
  /** Rows of the previous period no row carries now (deleted, or renamed). */
  readonly removed: number;
}

const behind = (s: Status | null): boolean => s === 'lagging' || s === 'severe';

/** The change from one status to the next, for a row present at both dates. */
export function changeOf(previous: Status, current: Status): Change {
  if (behind(current) && !behind(previous)) return 'newlyBehind';
  if (previous === 'lagging' && current === 'severe') return 'turnedRed';
  if (current === 'done' && previous !== 'done') return 'completed';
  if (previous === 'severe' && current === 'lagging') return 'improved';
  if (behind(previous) && !behind(current)) return 'improved';
  return 'unchanged';
}

/** The key of each analysed row, in the order of its statuses. */
export function rowKeys(sheet: SheetAnalysis): string[] {
  return sheet.rows.map((r) => hashText(rowFingerprint(r)));
}

/**
 * Compares one analysed sheet with its history at the report date: each row's previous status,
 * its change and how long it has been behind. The history may hold the report date itself (a
 * repaint); only earlier dates count as previous.
 */
export function sheetChanges(
  sheet: SheetAnalysis,
  history: StatusHistory,
  asOf: DayNumber,
): SheetChanges {
  const keys = rowKeys(sheet);
  const unique = uniqueKeys(keys);
  const prev = previousIndex(history, asOf);
  const rows = sheet.statuses.map((st, i): RowChange => {
    const key = keys[i] as string;
    const now = behind(st.status) ? 1 : 0;
    if (prev < 0) return { previousStatus: null, change: null, periodsBehind: now };
    if (!unique.has(key)) return { previousStatus: null, change: 'uncertain', periodsBehind: now };
    const previousStatus = statusAt(history, key, prev);
    if (previousStatus === null) return { previousStatus, change: 'added', periodsBehind: now };
    let periodsBehind = now;
    if (now > 0) {
      for (let j = prev; j >= 0 && behind(statusAt(history, key, j)); j--) periodsBehind++;
    }
    return { previousStatus, change: changeOf(previousStatus, st.status), periodsBehind };
  });
  let removed = 0;
  if (prev >= 0) {
    const present = new Set(keys);
    for (const key of Object.keys(history.rows))
      if (!present.has(key) && statusAt(history, key, prev) !== null) removed++;
  }
  const previousAsOf = prev < 0 ? null : (history.dates[prev] ?? null);
  return { sheet: sheet.sheet, previousAsOf, rows, removed };
}

/** The previous report date of a comparison, as a day; null when there was no previous period. */
export function previousDay(changes: SheetChanges): DayNumber | null {
  return changes.previousAsOf === null ? null : parseIsoDay(changes.previousAsOf);
}
