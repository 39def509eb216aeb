import { z } from 'zod';
import { formatIsoDay, type DayNumber } from '../dates';
import type { Status } from '../status';

/**
 * One sheet's statuses at each report date, as the workbook keeps it between runs: the dates, and
 * per row key (a hash, see rowIdentity.ts) one status code per date. No cell text and no names,
 * so the history can live in the workbook without carrying what users typed.
 */
export interface StatusHistory {
  /** Report dates, "YYYY-MM-DD", oldest first, no two alike. */
  readonly dates: readonly string[];
  /** Row key → one code per date (see CODES); "." where the row was absent or not certain. */
  readonly rows: Readonly<Record<string, string>>;
}

/** A year and a half of monthly bulletins and more; older periods say nothing to this month's. */
export const MAX_PERIODS = 24;

export const HISTORY_VERSION = 1;

const CODES: Readonly<Record<Status, string>> = {
  normal: 'n',
  lagging: 'l',
  severe: 's',
  done: 'd',
  unknown: 'u',
};
const ABSENT = '.';
const BY_CODE = new Map<string, Status>(
  (Object.entries(CODES) as [Status, string][]).map(([s, c]) => [c, s]),
);

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The stored form; `v` lets a later format be told apart and an unknown one ignored. */
export const StoredHistorySchema = z
  .object({
    v: z.literal(HISTORY_VERSION),
    dates: z.array(isoDay).max(MAX_PERIODS),
    rows: z.record(z.string().regex(/^[0-9a-z]+$/), z.string().regex(/^[nlsdu.]*$/)),
  })
  .strict()
  .refine((h) => Object.values(h.rows).every((codes) => codes.length === h.dates.length), {
    message: 'every row has one code per date',
  });

export const EMPTY_HISTORY: StatusHistory = { dates: [], rows: {} };

/** The history a record holds; an absent, damaged or newer record reads as no history at all. */
export function parseHistory(text: string | undefined): StatusHistory {
  if (text === undefined) return EMPTY_HISTORY;
  try {
    const parsed = StoredHistorySchema.safeParse(JSON.parse(text));
    return parsed.success ? { dates: parsed.data.dates, rows: parsed.data.rows } : EMPTY_HISTORY;
  } catch {
    return EMPTY_HISTORY;
  }
}

export function serializeHistory(h: StatusHistory): string {
  return JSON.stringify({ v: HISTORY_VERSION, dates: h.dates, rows: h.rows });
}

/** A row's status at the history's i-th date; null when it was absent or not certain then. */
export function statusAt(h: StatusHistory, key: string, i: number): Status | null {
  const code = h.rows[key]?.[i];
  return code === undefined ? null : (BY_CODE.get(code) ?? null);
}

/** The index of the latest date before the report date, or -1 when there is none. */
export function previousIndex(h: StatusHistory, asOf: DayNumber): number {
  const day = formatIsoDay(asOf);
  for (let i = h.dates.length - 1; i >= 0; i--) if ((h.dates[i] as string) < day) return i;
  return -1;
}

/** Keys that occur once: a key shared by rows (same name and units) cannot say which row it was. */
export function uniqueKeys(keys: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const k of keys) {
    if (k === '') continue;
    if (seen.has(k)) twice.add(k);
    seen.add(k);
  }
  return new Set([...seen].filter((k) => !twice.has(k)));
}

/**
 * The history with the report date's statuses in it: a run at a date already held replaces that
 * date's entry, and only the latest MAX_PERIODS dates are kept. keys[i] is the key of statuses[i].
 */
export function recordPeriod(
  h: StatusHistory,
  asOf: DayNumber,
  keys: readonly string[],
  statuses: readonly Status[],
): StatusHistory {
  const day = formatIsoDay(asOf);
  const kept = h.dates.map((d, i) => ({ d, i })).filter(({ d }) => d !== day);
  const dates = [...kept.map(({ d }) => d), day].sort();
  const drop = Math.max(0, dates.length - MAX_PERIODS);
  const finalDates = dates.slice(drop);
  const now = new Map<string, Status>();
  const unique = uniqueKeys(keys);
  keys.forEach((k, i) => {
    const st = statuses[i];
    if (unique.has(k) && st !== undefined) now.set(k, st);
  });
  // Where each final date's code comes from: this run (TODAY), the old record's index, or none.
  // Worked out once rather than per row: a 50,000-row table made a Map per row here.
  const TODAY = -2;
  const oldIndex = new Map(kept.map(({ d, i }) => [d, i]));
  const source = finalDates.map((d) => (d === day ? TODAY : (oldIndex.get(d) ?? -1)));
  const rows: Record<string, string> = {};
  for (const key of new Set([...Object.keys(h.rows), ...now.keys()])) {
    const old = h.rows[key] ?? '';
    const st = now.get(key);
    const today = st === undefined ? ABSENT : CODES[st];
    let codes = '';
    for (const from of source)
      codes += from === TODAY ? today : from < 0 ? ABSENT : (old[from] ?? ABSENT);
    // A row absent at every kept date has left the history.
    if (/[^.]/.test(codes)) rows[key] = codes;
  }
  return { dates: finalDates, rows };
}
