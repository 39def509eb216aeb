import type { Workbook } from 'exceljs';
import type { Lang } from '../../core/issue';
import type { CellWrite } from '../../port/optionalPorts';
import { findWritableSheet } from './findSheet';

/**
 * Writes values into user cells, as the engine will read them back: a string stays a string (so
 * "=1+1" is text), a date is its serial with a date format, and every other part of the cell's
 * style is kept. A cell's style object may be shared with other cells, so a new format gets a new
 * object rather than a change in place.
 */
export function writeValues(
  workbook: Workbook,
  sheet: string,
  cells: readonly CellWrite[],
  lang: Lang,
): void {
  const ws = findWritableSheet(workbook, sheet, lang);
  for (const w of cells) {
    const cell = ws.getCell(w.row, w.col);
    cell.value = w.value;
    if (w.numberFormat !== null) cell.style = { ...cell.style, numFmt: w.numberFormat };
  }
}
