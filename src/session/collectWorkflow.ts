import type { ReadTable, CollectResult, ReturnFile } from '../core/collect/collectReturns';
import { collectReturns } from '../core/collect/collectReturns';
import { collectLogBook } from '../core/collect/collectLogSheet';
import type { FieldKey } from '../core/fields';
import type { DayNumber } from '../core/dates';
import { formatIsoDay } from '../core/dates';
import type { Lang } from '../core/issue';
import type { RuleSet } from '../core/rules';
import type { ValueWritingPort } from '../port/optionalPorts';
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
  return { recordSheet: written.sheets[0] ?? null };
}
