import {
  intersect,
  rectAddress,
  rectCells,
  rowBlocks,
  type Rect,
} from '../../core/workbookRecord/cellRect';
import { isPayloadError } from './errors';
import { FILL_PROPS_BYTES_PER_CELL, LIMITS } from './requestBudget';
import {
  fillKey,
  NO_FILL,
  type Palette,
  type SavedArea,
} from '../../core/workbookRecord/savedFills';

/** One block's fill as loaded from a multi-cell range: uniform, or null where cells differ. */
export interface FillCheck {
  readonly rect: Rect;
  readonly fill: Excel.RangeFill;
}

/**
 * Queues, for each block of `rect`, a load of the block's fill. A block whose cells all share
 * one fill (the usual case: no fill at all) then needs no per-cell read, which keeps responses
 * small however long the table.
 */
export function queueFillChecks(ws: Excel.Worksheet, rect: Rect): FillCheck[] {
  return rowBlocks(rect, LIMITS.fillBlockCells).map((block) => {
    const fill = ws.getRange(rectAddress(block)).format.fill;
    fill.load(['color', 'pattern', 'patternColor']);
    return { rect: block, fill };
  });
}

interface Pending {
  readonly area: MutableArea;
  readonly sub: Rect;
}

interface MutableArea {
  readonly rect: Rect;
  readonly cells: Int32Array;
}

function put(area: MutableArea, sub: Rect, at: (row: number, col: number) => number): void {
  const width = area.rect.right - area.rect.left + 1;
  for (let r = sub.top; r <= sub.bottom; r++) {
    const base = (r - area.rect.top) * width - area.rect.left;
    for (let c = sub.left; c <= sub.right; c++) area.cells[base + c] = at(r, c);
  }
}

const FILL_PROPS: Excel.CellPropertiesLoadOptions = {
  format: { fill: { color: true, pattern: true, patternColor: true } },
};

/**
 * Reads the user's fills under `rects` (the cells about to be painted that are not saved yet).
 * Uniform blocks come from `checks`; the rest are read cell by cell with getCellProperties, as
 * many blocks per sync as fit the response budget, halving on a payload error. So the syncs grow
 * with how varied the user's fills are, never with the number of plain rows.
 */
export async function readUserFills(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  rects: readonly Rect[],
  checks: readonly FillCheck[],
  palette: Palette,
): Promise<SavedArea[]> {
  const areas: MutableArea[] = rects.map((rect) => ({
    rect,
    cells: new Int32Array(rectCells(rect)).fill(palette.of(NO_FILL)),
  }));
  let pending: Pending[] = [];
  for (const area of areas) {
    for (const check of checks) {
      const sub = intersect(area.rect, check.rect);
      if (!sub) continue;
      const key = fillKey(check.fill.color, check.fill.pattern, check.fill.patternColor);
      if (key === null) pending.push({ area, sub });
      else {
        const i = palette.of(key);
        put(area, sub, () => i);
      }
    }
  }

  let maxCells = Math.floor(LIMITS.responseBytes / FILL_PROPS_BYTES_PER_CELL);
  let next = 0;
  while (next < pending.length) {
    const group: Pending[] = [];
    let cells = 0;
    for (let j = next; j < pending.length; j++) {
      const p = pending[j] as Pending;
      const n = rectCells(p.sub);
      if (group.length > 0 && cells + n > maxCells) break;
      group.push(p);
      cells += n;
    }
    const results = group.map((p) => ws.getRange(rectAddress(p.sub)).getCellProperties(FILL_PROPS));
    try {
      // One sync per group of blocks that fits the response budget (halved when Excel refuses
      // the answer): the groups grow with how varied the user's fills are, never per row.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (e) {
      const width = (group[0] as Pending).sub.right - (group[0] as Pending).sub.left + 1;
      if (!isPayloadError(e) || cells <= width) throw e;
      // Too big an answer: ask for half as many cells at a time, splitting blocks if need be.
      maxCells = Math.max(width, Math.floor(cells / 2));
      pending = [
        ...pending.slice(0, next),
        ...pending
          .slice(next)
          .flatMap((p) => rowBlocks(p.sub, maxCells).map((sub) => ({ area: p.area, sub }))),
      ];
      continue;
    }
    group.forEach((p, g) => {
      const props = (results[g] as OfficeExtension.ClientResult<Excel.CellProperties[][]>).value;
      put(p.area, p.sub, (r, c) => {
        const fill = props[r - p.sub.top]?.[c - p.sub.left]?.format?.fill;
        return palette.of(fillKey(fill?.color, fill?.pattern, fill?.patternColor) ?? NO_FILL);
      });
    });
    next += group.length;
  }
  return areas;
}
