import type { CellRange, SheetGrid } from '../../core/grid';
import { cellAt, gridWidth } from '../../core/grid';
import type { PaintPlan } from '../../core/paintPlan';

/** Columns beyond this are not drawn: plan tables are narrow, and the DOM stays small. */
export const MAX_COLUMNS = 100;
const SAMPLE_ROWS = 200;
const MIN_WIDTH = 44;
const MAX_WIDTH = 220;

/** How wide a text is in pixels at the grid's font size: CJK characters count double. */
function textWidth(text: string): number {
  let units = 0;
  for (const ch of text) units += /[\u2e80-\uffff]/.test(ch) ? 2 : 1;
  return units * 6.5 + 14;
}

/** Column widths from the text in the first rows (merged titles spanning columns do not count). */
export function columnWidths(grid: SheetGrid, columns: number): number[] {
  const spanning = new Set<string>();
  for (const m of grid.merges) if (m.right > m.left) spanning.add(`${m.top}:${m.left}`);
  const widths = new Array<number>(columns).fill(MIN_WIDTH);
  const rows = Math.min(grid.values.length, SAMPLE_ROWS);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      if (spanning.has(`${r}:${c}`)) continue;
      const v = cellAt(grid, r, c);
      if (v === null) continue;
      const w = textWidth(typeof v === 'object' ? v.error : String(v));
      if (w > (widths[c] ?? 0)) widths[c] = Math.min(MAX_WIDTH, w);
    }
  }
  return widths;
}

/** The columns and rows to draw: the grid's, widened to hold a status column painted past it. */
export function gridExtent(
  grid: SheetGrid,
  plan: PaintPlan | undefined,
): { rows: number; columns: number } {
  const columns = Math.max(gridWidth(grid), plan ? plan.statusColumn + 1 : 0);
  const rows = Math.max(grid.values.length, plan ? plan.lastRow + 1 : 0);
  return { rows, columns: Math.min(columns, MAX_COLUMNS) };
}

/** For each row, the merged areas that cross it (only rows that have any). */
export function mergesByRow(merges: readonly CellRange[]): Map<number, CellRange[]> {
  const map = new Map<number, CellRange[]>();
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      const list = map.get(r);
      if (list) list.push(m);
      else map.set(r, [m]);
    }
  }
  return map;
}
