import { columnLetters } from '../../core/grid';
import type { Lang } from '../../core/issue';
import type { CellWrite } from '../../port/optionalPorts';
import { portError } from './errors';
import { estimateBytes, LIMITS, RequestBudget } from './requestBudget';

// Text Excel would take for something else when written as a value: a formula (= + - @) or a
// number or date ("0045", "2023-07-01"). Such a cell is formatted as text ("@") first.
const REINTERPRETED = /^\s*(?:[=+\-@]|\d)/;

interface Run {
  readonly col: number;
  readonly top: number;
  readonly values: (string | number | boolean)[][];
  readonly formats: (string | null)[][];
}

/**
 * Cells of one column on consecutive rows go in one range: a month's returns fill a few columns
 * of many rows, so the ranges (and proxies) follow the columns, not the cells. Runs stop at
 * LIMITS.blockRows rows so one range's data stays well inside a request.
 */
function runsOf(cells: readonly CellWrite[]): Run[] {
  const sorted = [...cells].sort((a, b) => a.col - b.col || a.row - b.row);
  const runs: Run[] = [];
  let run: Run | undefined;
  for (const c of sorted) {
    const asText = typeof c.value === 'string' && REINTERPRETED.test(c.value);
    const format = asText ? '@' : c.numberFormat;
    const value = c.value ?? '';
    const next =
      run !== undefined &&
      run.col === c.col &&
      run.top + run.values.length === c.row &&
      run.values.length < LIMITS.blockRows;
    if (!next || run === undefined) {
      run = { col: c.col, top: c.row, values: [], formats: [] };
      runs.push(run);
    }
    run.values.push([value]);
    run.formats.push([format]);
  }
  return runs;
}

/**
 * Writes collected values into user cells: one request to check the sheet, then one range per run
 * of cells queued under the request budget, so the number of syncs follows the bytes written (two
 * for a month's returns), never the number of rows. A cell gets a number format only when the
 * change carries one, or "@" for text Excel would otherwise turn into a formula or a number; null
 * in the format array leaves a cell's format as it is.
 */
export async function writeValues(
  context: Excel.RequestContext,
  sheet: string,
  cells: readonly CellWrite[],
  lang: Lang,
): Promise<void> {
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.load('protection/protected');
  await context.sync();
  if (ws.protection.protected) throw portError('sheet_protected', { sheet }, lang);
  const budget = new RequestBudget(context);
  for (const run of runsOf(cells)) {
    const letters = columnLetters(run.col);
    const address = `${letters}${run.top}:${letters}${run.top + run.values.length - 1}`;
    const formatted = run.formats.some((f) => f[0] !== null);
    await budget.add(
      estimateBytes([address, run.values, formatted ? run.formats : null], formatted ? 3 : 2),
      () => {
        const range = ws.getRange(address);
        if (formatted) range.numberFormat = run.formats as string[][];
        range.values = run.values;
      },
      'values',
    );
  }
  await budget.flush();
}
