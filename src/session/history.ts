import type { SheetAnalysis, WorkbookAnalysis } from '../core/analysis';
import { parseIsoDay, type DayNumber } from '../core/dates';
import { summarizeChanges, type ChangesSummary } from '../core/history/changesSummary';
import { rowKeys, sheetChanges, type SheetChanges } from '../core/history/rowChanges';
import {
  EMPTY_HISTORY,
  parseHistory,
  recordPeriod,
  serializeHistory,
  type StatusHistory,
} from '../core/history/statusHistory';
import type { Lang } from '../core/issue';
import { resolveRules } from '../core/rules';
import { historyKey } from '../core/workbookRecord/recordKeys';
import type { WorkbookPort } from '../port/WorkbookPort';
import { analyze, readSheets } from './workflow';

/*
 * The month-over-month memory, for every front end: each run (and each 标注) records its report
 * date's statuses per sheet in the workbook's record, and the next run compares with them.
 */

/** What the history part of a port does: text records by key, on the add-in's hidden sheet. */
export type RecordStore = Pick<WorkbookPort, 'readRecords' | 'writeRecords'>;

/** Sheet name → its history, for every sheet asked about (no history reads as the empty one). */
export type Histories = ReadonlyMap<string, StatusHistory>;

/** The histories of the sheets named, from the workbook's record. */
export async function readHistories(
  store: RecordStore,
  sheets: readonly string[],
): Promise<Histories> {
  const records = await store.readRecords();
  return new Map(sheets.map((s) => [s, parseHistory(records.get(historyKey(s)))]));
}

/** Each analysed sheet compared with its history's latest date before the report date. */
export function compareWithHistories(
  analysis: WorkbookAnalysis,
  histories: Histories,
): SheetChanges[] {
  return analysis.sheets.map((s) =>
    sheetChanges(s, histories.get(s.sheet) ?? EMPTY_HISTORY, analysis.asOf),
  );
}

/** The bulletin's comparison of all analysed sheets; undefined when none has a previous period. */
export function changesOfRun(
  analysis: WorkbookAnalysis,
  changes: readonly SheetChanges[],
): ChangesSummary | undefined {
  return summarizeChanges(analysis.sheets, changes, analysis.rules.behindPeriods);
}

/** The histories with the analysis's report date recorded (a date already held is replaced). */
export function withPeriod(
  analysis: WorkbookAnalysis,
  histories: Histories,
  asOf: DayNumber = analysis.asOf,
): Map<string, StatusHistory> {
  const next = new Map(histories);
  for (const s of analysis.sheets) {
    next.set(
      s.sheet,
      recordPeriod(
        histories.get(s.sheet) ?? EMPTY_HISTORY,
        asOf,
        rowKeys(s),
        s.statuses.map((st) => st.status),
      ),
    );
  }
  return next;
}

/**
 * Records the report date's statuses of the sheets painted. Only those: a sheet left unpainted
 * (protected) was not reported on at this date.
 */
export async function recordHistories(
  store: RecordStore,
  analysis: WorkbookAnalysis,
  histories: Histories,
  painted: readonly string[],
): Promise<void> {
  const next = withPeriod(
    { ...analysis, sheets: analysis.sheets.filter((s) => painted.includes(s.sheet)) },
    histories,
  );
  const changes = new Map<string, string | undefined>();
  for (const name of painted) {
    const h = next.get(name);
    if (h !== undefined) changes.set(historyKey(name), serializeHistory(h));
  }
  if (changes.size > 0) await store.writeRecords(changes);
}

/** Forgets the history of the sheets named (the pane's 清除历史). */
export async function clearHistories(store: RecordStore, sheets: readonly string[]): Promise<void> {
  await store.writeRecords(new Map(sheets.map((s) => [historyKey(s), undefined])));
}

/**
 * Last period's histories from last period's own file (`--previous LAST.xlsx`, the pane's file
 * picker): its history, with its last report date's statuses as it reads now (analysed at that
 * date, by the rules it was painted with, else the current ones). Its sheets are matched to this
 * run's by name, or, when each side has one table, to each other (staff often rename the month's
 * sheet). Null when the file has neither a report date nor a history: there is nothing to compare.
 */
export async function previousHistories(
  port: WorkbookPort,
  current: WorkbookAnalysis,
  lang: Lang,
): Promise<Histories | null> {
  const settings = await port.loadSettings();
  const { grids } = await readSheets(port);
  const lastAsOf = settings.lastAsOf === undefined ? null : parseIsoDay(settings.lastAsOf);
  const saved = settings.rules === undefined ? null : resolveRules(settings.rules, lang);
  const rules = saved?.ok ? saved.value : current.rules;
  const names = grids.map((g) => g.name);
  let histories: Histories = await readHistories(port, names);
  if (lastAsOf !== null && lastAsOf < current.asOf) {
    const analysis = await analyze(grids, { asOf: lastAsOf, rules, lang });
    histories = withPeriod(analysis, histories, lastAsOf);
  }
  const dated = [...histories].filter(([, h]) => h.dates.length > 0);
  if (dated.length === 0) return null;
  const out = new Map<string, StatusHistory>();
  for (const s of current.sheets) {
    const h = histories.get(s.sheet);
    if (h !== undefined && h.dates.length > 0) out.set(s.sheet, h);
  }
  const only = dated[0];
  if (out.size === 0 && current.sheets.length === 1 && dated.length === 1 && only !== undefined) {
    out.set((current.sheets[0] as SheetAnalysis).sheet, only[1]);
  }
  return out;
}
