import type { ReadTable, CollectResult, ReturnFile } from '../core/collect/collectReturns';
import { collectReturns } from '../core/collect/collectReturns';
import { collectLogBook } from '../core/collect/collectLogSheet';
import { conflictMessage } from '../core/collect/collectMessages';
import type { FieldKey } from '../core/fields';
import type { DayNumber } from '../core/dates';
import { formatIsoDay } from '../core/dates';
import type { Lang } from '../core/issue';
import type { RuleSet } from '../core/rules';
import { a1 } from '../core/grid';
import {
  lastCollect,
  storedValue,
  valueHash,
  withCollect,
  type CollectEntry,
} from '../core/workbookRecord/collectRecord';
import { collectKey } from '../core/workbookRecord/recordKeys';
import type { CellWrite, ValueWritingPort } from '../port/optionalPorts';
import type { WorkbookPort } from '../port/WorkbookPort';
import { analyze, readSheets } from './workflow';

/*
 * Distribution and collection (分发与汇总), once for every front end: read the master's table and
 * the returns' tables, decide in the core what goes where, then write the changes and the record
 * sheet through the port. The pane and `tricolor collect` both call these.
 */

/** The plan tables of a workbook, as the engine reads any plan table; `only` limits the sheets. */
export async function readTables(
  port: WorkbookPort,
  opts: { asOf: DayNumber; rules: RuleSet; lang: Lang; only?: readonly string[] },
): Promise<ReadTable[]> {
  const { grids } = await readSheets(port, opts.only ?? []);
  const analysis = await analyze(grids, { asOf: opts.asOf, rules: opts.rules, lang: opts.lang });
  return analysis.sheets.flatMap((a) => {
    const grid = grids.find((g) => g.name === a.sheet);
    return grid === undefined ? [] : [{ grid, analysis: a }];
  });
}

/** What collecting these returns into the master would change, and what it would leave alone. */
export function planCollect(
  master: ReadTable,
  returns: readonly ReturnFile[],
  lang: Lang,
  fillFields: readonly FieldKey[],
): CollectResult {
  return collectReturns(master, returns, { lang, fillFields });
}

/** A return that could not be opened at all: its file name and the reader's sentence. */
export interface UnreadableReturn {
  readonly file: string;
  readonly reason: string;
}

/** The result with a conflict for each file that could not be read, ahead of the rest. */
export function withUnreadable(
  result: CollectResult,
  unreadable: readonly UnreadableReturn[],
  lang: Lang,
): CollectResult {
  if (unreadable.length === 0) return result;
  return {
    ...result,
    conflicts: [
      ...unreadable.map((u) => ({
        file: u.file,
        sheet: null,
        cell: null,
        code: 'unreadable_file' as const,
        message: conflictMessage(lang, 'unreadable_file', u),
      })),
      ...result.conflicts,
    ],
  };
}

/**
 * Writes the changes into the master and adds the record sheet `汇总记录YYYY-MM-DD`. With nothing
 * to change nothing is written, so collecting the same returns again leaves the workbook as it is
 * (and keeps the first record).
 */
export async function applyCollect(
  port: ValueWritingPort,
  result: CollectResult,
  lang: Lang,
  day: DayNumber,
): Promise<{ readonly recordSheet: string | null }> {
  if (result.changes.length === 0) return { recordSheet: null };
  await port.writeValues(
    result.sheet,
    result.changes.map((c) => ({
      row: c.row,
      col: c.col,
      value: c.value,
      numberFormat: c.numberFormat,
    })),
  );
  const written = await port.writeBulletin(collectLogBook(result, lang, formatIsoDay(day)));
  const key = collectKey(result.sheet);
  const records = await port.readRecords();
  const entry: CollectEntry = {
    day: formatIsoDay(day),
    cells: result.changes.map((c) => ({
      row: c.row,
      col: c.col,
      old: storedValue(c.oldValue),
      oldFormat: c.oldFormat,
      newHash: valueHash(c.value),
      formatSet: c.numberFormat !== null,
    })),
  };
  await port.writeRecords(new Map([[key, withCollect(records.get(key), entry)]]));
  return { recordSheet: written.sheets[0] ?? null };
}

export interface UndoOutcome {
  /** False when the sheet has no collect to undo. */
  readonly undone: boolean;
  readonly restored: number;
  /** A1 addresses of cells changed by hand since the collect: left as they are now. */
  readonly editedSince: readonly string[];
}

/**
 * 撤销汇总: puts back the old values of the newest collect into a sheet, from the record, and
 * drops that collect from it. A cell edited since the collect keeps the user's edit.
 */
export async function undoCollect(port: ValueWritingPort, sheet: string): Promise<UndoOutcome> {
  const key = collectKey(sheet);
  const last = lastCollect((await port.readRecords()).get(key));
  if (last === null) return { undone: false, restored: 0, editedSince: [] };
  const grid = await port.readSheet(sheet);
  const writes: CellWrite[] = [];
  const editedSince: string[] = [];
  for (const c of last.entry.cells) {
    const r = c.row - grid.origin.row;
    const col = c.col - grid.origin.col;
    const now = storedValue(grid.values[r]?.[col] ?? null);
    if (valueHash(now) !== c.newHash) {
      editedSince.push(a1(grid, r, col));
      continue;
    }
    writes.push({
      row: c.row,
      col: c.col,
      value: c.old,
      numberFormat: c.formatSet ? (c.oldFormat ?? 'General') : null,
    });
  }
  if (writes.length > 0) await port.writeValues(sheet, writes);
  await port.writeRecords(new Map([[key, last.rest]]));
  return { undone: true, restored: writes.length, editedSince };
}
