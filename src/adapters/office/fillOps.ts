import type { PaintPlan } from '../../core/paintPlan';
import {
  chunkAddresses,
  rectAddress,
  rectCells,
  runAddresses,
  type Rect,
} from '../../core/workbookRecord/cellRect';
import { estimateBytes, LIMITS, type RequestBudget, type Work } from './requestBudget';
import {
  fillRects,
  NO_FILL,
  parseFillKey,
  type SavedFills,
} from '../../core/workbookRecord/savedFills';

/** Queues one fill over every address of `addresses`, one RangeAreas per address chunk. */
async function queueFill(
  ws: Excel.Worksheet,
  budget: RequestBudget,
  addresses: Iterable<string>,
  apply: (fill: Excel.RangeFill) => void,
  tag: string,
): Promise<number> {
  let areas = 0;
  for (const chunk of chunkAddresses(addresses, LIMITS.addressChars)) {
    await budget.addWork(fillWork(ws, chunk.split(','), apply), tag);
    areas++;
  }
  return areas;
}

/** One fill over one RangeAreas; halved into two when Excel finds the request too large. */
function fillWork(
  ws: Excel.Worksheet,
  addresses: readonly string[],
  apply: (fill: Excel.RangeFill) => void,
): Work {
  const union = addresses.join(',');
  const work: Work = {
    bytes: estimateBytes(union, 4),
    queue: () => apply(ws.getRanges(union).format.fill),
  };
  if (addresses.length < 2) return work;
  const mid = Math.floor(addresses.length / 2);
  return {
    ...work,
    split: () => [
      fillWork(ws, addresses.slice(0, mid), apply),
      fillWork(ws, addresses.slice(mid), apply),
    ],
  };
}

/** Inclusive runs [start, end, …] of the plan's rows that have a status, in grid rows. */
export function statusRowRuns(plan: PaintPlan): number[] {
  const runs: number[] = [];
  let start = -1;
  for (let i = 0; i <= plan.codes.length; i++) {
    const painted = i < plan.codes.length && (plan.codes[i] as number) > 0;
    if (painted && start < 0) start = i;
    if (!painted && start >= 0) {
      runs.push(plan.firstRow + start, plan.firstRow + i - 1);
      start = -1;
    }
  }
  return runs;
}

function runRows(runs: readonly number[]): number {
  let n = 0;
  for (let i = 0; i + 1 < runs.length; i += 2)
    n += (runs[i + 1] as number) - (runs[i] as number) + 1;
  return n;
}

/**
 * Queues the plan's fills. The most common colour goes first over every status row at once (a
 * few long runs between section rows), then the other colours over their own runs: with scattered
 * statuses this roughly halves the addresses sent. Returns how many RangeAreas were used.
 */
export async function queuePaintFills(
  ws: Excel.Worksheet,
  budget: RequestBudget,
  plan: PaintPlan,
  tag: string,
): Promise<number> {
  const toExcel = (runs: readonly number[]): number[] => runs.map((r) => plan.origin.row + r);
  const left = plan.origin.col + plan.left;
  const right = plan.origin.col + plan.right;
  const fills = [...plan.fills].sort((a, b) => runRows(b.runs) - runRows(a.runs));
  const [most, ...rest] = fills;
  if (!most) return 0;
  const layers = [{ color: most.color, runs: statusRowRuns(plan) }, ...rest];
  let areas = 0;
  for (const layer of layers) {
    const color = `#${layer.color.toUpperCase()}`;
    areas += await queueFill(
      ws,
      budget,
      runAddresses(toExcel(layer.runs), left, right),
      (fill) => {
        fill.color = color;
        // A patterned user fill would otherwise show through our colour.
        fill.pattern = 'Solid';
      },
      tag,
    );
  }
  return areas;
}

/**
 * Queues putting back the saved fills of the cells `cols` selects (see fillRects). Cells that had
 * no fill get format.fill.clear(), not white, so gridlines show again. Returns the cells restored.
 */
export async function queueRestoreFills(
  ws: Excel.Worksheet,
  budget: RequestBudget,
  state: SavedFills,
  cols: (row: number, area: Rect) => readonly (readonly [number, number])[],
  tag: string,
): Promise<number> {
  let cells = 0;
  for (const [key, rects] of fillRects(state, cols)) {
    for (const r of rects) cells += rectCells(r);
    const fill = parseFillKey(key);
    await queueFill(
      ws,
      budget,
      rects.map(rectAddress),
      (f) => {
        if (key === NO_FILL || fill === null) {
          f.clear();
          return;
        }
        f.color = fill.color;
        f.pattern = fill.pattern as Excel.FillPattern;
        if (fill.patternColor !== undefined) f.patternColor = fill.patternColor;
      },
      tag,
    );
  }
  return cells;
}
