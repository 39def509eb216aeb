import { columnLetters } from '../src/core/grid';
import type { PaintPlan } from '../src/core/paintPlan';
import { STATUSES } from '../src/core/status';

/**
 * The way a first Office.js version would paint a plan, for the bench to compare against: one
 * range per row for its fill and one for its label, everything queued and sent in one sync at the
 * end, as the API's samples do. It saves no user fill and knows nothing of earlier runs: it is
 * only here to show what the adapter's traffic would be without address chunks and row blocks.
 */
export async function naivePaint(ctx: Excel.RequestContext, plan: PaintPlan): Promise<void> {
  const ws = ctx.workbook.worksheets.getItem(plan.sheet);
  const left = columnLetters(plan.origin.col + plan.left);
  const right = columnLetters(plan.origin.col + plan.right);
  const status = columnLetters(plan.origin.col + plan.statusColumn);
  ws.getRange(`${status}${plan.origin.row + plan.headerTop}`).values = [[plan.header]];
  // Status code → "#RRGGBB" (codes are STATUSES indices + 1).
  const colorOf = new Map(plan.fills.map((f) => [f.status, `#${f.color.toUpperCase()}`]));
  const colors = ['', ...STATUSES.map((s) => colorOf.get(s) ?? '')];
  for (let i = 0; i < plan.codes.length; i++) {
    const code = plan.codes[i] as number;
    if (code === 0) continue;
    const row = plan.origin.row + plan.firstRow + i;
    const color = colors[code];
    if (color) ws.getRange(`${left}${row}:${right}${row}`).format.fill.color = color;
    ws.getRange(`${status}${row}`).values = [[plan.labels[code] ?? '']];
  }
  await ctx.sync();
}
