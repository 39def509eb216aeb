import type { CellRange, CellValue, SheetGrid } from './grid';
import { cellAt } from './grid';

/**
 * Finds the top-left cell a merged cell belongs to, so a unit merged over three rows counts for
 * each of them and a header merged over two rows names both.
 */
export interface MergeIndex {
  /** The value shown at (r, c): the merge's top-left value for any cell it covers. */
  valueAt(r: number, c: number): CellValue;
  /** The merge covering (r, c), or undefined. */
  mergeAt(r: number, c: number): CellRange | undefined;
}

export function buildMergeIndex(grid: SheetGrid): MergeIndex {
  // Keyed by row, then column: merges are few compared with cells, and most rows have none.
  const byRow = new Map<number, Map<number, CellRange>>();
  for (const m of grid.merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      let row = byRow.get(r);
      if (!row) {
        row = new Map();
        byRow.set(r, row);
      }
      for (let c = m.left; c <= m.right; c++) row.set(c, m);
    }
  }
  const mergeAt = (r: number, c: number): CellRange | undefined => byRow.get(r)?.get(c);
  return {
    mergeAt,
    valueAt(r, c) {
      const m = mergeAt(r, c);
      return m ? cellAt(grid, m.top, m.left) : cellAt(grid, r, c);
    },
  };
}
