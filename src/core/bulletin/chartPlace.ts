import type { BulletinSheet } from '../bulletinBook';
import type { CellRange } from '../grid';

/** Rows the chart spans: tall enough for a legend and unit names set at an angle. */
const CHART_ROWS = 18;
/** Columns it spans at most, so a narrow table's page is not widened by it. */
const CHART_COLS = 9;

/**
 * Where a bulletin sheet's chart goes, in cells (0-based, inclusive): below everything on the
 * sheet with one empty row between, from its first column, no wider than the table. Below rather
 * than beside because the sheet prints one page wide: a chart beside the table widened the page
 * and shrank every figure in it. Every adapter that draws the chart places it here.
 */
export function chartPlace(sheet: BulletinSheet): CellRange {
  let lastRow = -1;
  let lastCol = 0;
  for (const c of sheet.cells) {
    lastRow = Math.max(lastRow, c.row);
    lastCol = Math.max(lastCol, c.col);
  }
  for (const m of sheet.merges) {
    lastRow = Math.max(lastRow, m.bottom);
    lastCol = Math.max(lastCol, m.right);
  }
  const top = lastRow + 2;
  return {
    top,
    left: 0,
    bottom: top + CHART_ROWS - 1,
    right: Math.min(Math.max(lastCol, 0), CHART_COLS - 1),
  };
}
