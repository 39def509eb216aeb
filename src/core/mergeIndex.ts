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
  /** True when any merge touches row r: most rows have none, and skip every lookup. */
  rowHasMerges(r: number): boolean;
}

export function buildMergeIndex(grid: SheetGrid): MergeIndex {
  // Indexed by row (an array, not a Map: this is looked up for every cell the engine reads).
  const byRow: (Map<number, CellRange> | undefined)[] = [];
  for (const m of grid.merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      let row = byRow[r];
      if (!row) {
        row = new Map();
        byRow[r] = row;
      }
      for (let c = m.left; c <= m.right; c++) row.set(c, m);
    }
  }
  const mergeAt = (r: number, c: number): CellRange | undefined => byRow[r]?.get(c);
  return {
    mergeAt,
    rowHasMerges: (r) => byRow[r] !== undefined,
    valueAt(r, c) {
      const row = byRow[r];
      const m = row === undefined ? undefined : row.get(c);
      return m ? cellAt(grid, m.top, m.left) : cellAt(grid, r, c);
    },
  };
}
