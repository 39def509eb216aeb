import { columnLetters } from '../../core/grid';
import type { PaintPlan } from '../../core/paintPlan';
import { estimateBytes, LIMITS, type RequestBudget } from './requestBudget';

/**
 * What a data row's status cell holds while the column is being written. A label costs 10–17
 * bytes a row in UTF-8 ("严重滞后" is 12 on its own), a one-letter code 6; five replaceAll calls then
 * turn the codes into labels inside Excel. At 100,000 rows that is ~0.6 MB sent instead of ~1.2 MB.
 */
const CODES = ['', 'a', 'b', 'c', 'd', 'e'] as const;

/** A value Excel would read as a formula when written into a cell formatted General. */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@]/.test(text);
}

/** Where the status column goes, in 1-based Excel rows and columns. */
export interface StatusGeometry {
  readonly column: number;
  readonly headerTop: number;
  readonly headerBottom: number;
  /** First and last Excel rows of the body; bodyTop > bodyBottom when the table has none. */
  readonly bodyTop: number;
  readonly bodyBottom: number;
}

export function statusGeometry(plan: PaintPlan): StatusGeometry {
  return {
    column: plan.origin.col + plan.statusColumn,
    headerTop: plan.origin.row + plan.headerTop,
    headerBottom: plan.origin.row + plan.headerBottom,
    bodyTop: plan.origin.row + plan.firstRow,
    bodyBottom: plan.origin.row + plan.firstRow + plan.codes.length - 1,
  };
}

/** True when some text we write must be protected from being read as a formula. */
export function needsTextFormat(plan: PaintPlan): boolean {
  return [plan.header, ...plan.labels].some(looksLikeFormula);
}

/**
 * Queues the status column: the header (merged over the header rows) and the body as one 2-D
 * array per row block. Rows without a status get "" so a label left by an earlier run goes away.
 */
export async function queueStatusColumn(
  ws: Excel.Worksheet,
  budget: RequestBudget,
  plan: PaintPlan,
  textFormat: boolean,
): Promise<void> {
  const g = statusGeometry(plan);
  const col = columnLetters(g.column);
  const headerRows = g.headerBottom - g.headerTop + 1;
  await budget.add(estimateBytes(plan.header, 4), () => {
    const header = ws.getRange(`${col}${g.headerTop}:${col}${g.headerBottom}`);
    if (textFormat) header.numberFormat = Array.from({ length: headerRows }, () => ['@']);
    ws.getRange(`${col}${g.headerTop}`).values = [[plan.header]];
    if (headerRows > 1) header.merge(false);
  });

  // Codes only work when no label is itself a code (a user could name a status "a").
  const useCodes = !plan.labels.some((l, i) => i > 0 && (CODES as readonly string[]).includes(l));
  const text = useCodes ? CODES : plan.labels;
  for (let start = 0; start < plan.codes.length; start += LIMITS.blockRows) {
    const end = Math.min(plan.codes.length, start + LIMITS.blockRows);
    const values: string[][] = [];
    for (let i = start; i < end; i++) values.push([text[plan.codes[i] as number] ?? '']);
    const top = g.bodyTop + start;
    const bottom = g.bodyTop + end - 1;
    const ops = textFormat ? 3 : 2;
    await budget.add(estimateBytes(values, ops) * (textFormat ? 2 : 1), () => {
      const range = ws.getRange(`${col}${top}:${col}${bottom}`);
      if (textFormat) range.numberFormat = values.map(() => ['@']);
      range.values = values;
    });
  }
  if (!useCodes || plan.codes.length === 0) return;

  const present = new Set(plan.codes);
  const body = `${col}${g.bodyTop}:${col}${g.bodyBottom}`;
  for (let code = 1; code < CODES.length; code++) {
    const label = plan.labels[code];
    if (!present.has(code) || label === undefined) continue;
    await budget.add(estimateBytes([body, label], 2), () => {
      ws.getRange(body).replaceAll(CODES[code] as string, label, {
        completeMatch: true,
        matchCase: true,
      });
    });
  }
}

/** Queues removing the status column's contents (and our merge and text format). */
export async function queueClearStatusColumn(
  ws: Excel.Worksheet,
  budget: RequestBudget,
  g: StatusGeometry,
  headerMerged: boolean,
  textFormat: boolean,
): Promise<void> {
  const col = columnLetters(g.column);
  const top = Math.min(g.headerTop, g.bodyTop);
  const bottom = Math.max(g.headerBottom, g.bodyBottom);
  await budget.add(estimateBytes(null, 3), () => {
    if (headerMerged) ws.getRange(`${col}${g.headerTop}:${col}${g.headerBottom}`).unmerge();
    ws.getRange(`${col}${top}:${col}${bottom}`).clear('Contents');
  });
  if (!textFormat) return;
  // Back to General, which the column had: the plan only puts the status column in an empty one.
  for (let start = top; start <= bottom; start += LIMITS.blockRows) {
    const end = Math.min(bottom, start + LIMITS.blockRows - 1);
    const formats = Array.from({ length: end - start + 1 }, () => ['General']);
    await budget.add(estimateBytes(formats, 2), () => {
      ws.getRange(`${col}${start}:${col}${end}`).numberFormat = formats;
    });
  }
}
