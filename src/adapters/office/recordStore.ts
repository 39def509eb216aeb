import { STATE_SHEET } from '../../core/ownSheets';
import { RequestBudget } from './requestBudget';
import {
  parseAllRecords,
  queueDropRows,
  queueStoreRead,
  queueTextRecord,
  type AllRecords,
} from './stateSheet';

const TAG = 'records';

/** One sync (two when the hidden sheet exists): every record on the hidden sheet. */
async function readAll(
  context: Excel.RequestContext,
): Promise<{ all: AllRecords; exists: boolean }> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(STATE_SHEET);
  await context.sync();
  if (sheet.isNullObject) return { all: parseAllRecords(null), exists: false };
  const used = queueStoreRead(sheet);
  await context.sync();
  return { all: parseAllRecords(used), exists: true };
}

/** The records kept on the hidden sheet, by key, as stored text. */
export async function readRecords(
  context: Excel.RequestContext,
): Promise<ReadonlyMap<string, string>> {
  return (await readAll(context)).all.texts;
}

/**
 * Writes records by key: each new text goes below every used row, then the key's older rows are
 * emptied, so a request that stops part way leaves the old record or the new one, never neither.
 * The syncs are a fixed few plus what the size budget needs.
 */
export async function writeRecords(
  context: Excel.RequestContext,
  changes: ReadonlyMap<string, string | undefined>,
): Promise<void> {
  const { all, exists } = await readAll(context);
  const budget = new RequestBudget(context);
  let next = Math.max(2, all.lastRow + 1);
  let create = !exists;
  for (const [key, text] of changes) {
    if (text === undefined) continue;
    await queueTextRecord(context, budget, create, next++, key, text, TAG);
    create = false;
  }
  for (const key of changes.keys()) {
    if (exists) await queueDropRows(context, budget, all.rows.get(key) ?? [], TAG);
  }
  await budget.flush();
}
