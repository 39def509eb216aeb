import type { Fill, Workbook } from 'exceljs';
import type { Lang } from '../../core/issue';
import type { ClearReport } from '../../port/WorkbookPort';
import { isMergedSlave } from './applyPaint';
import { decodeCellMap } from './cellKeys';
import { FillSetter, type CellStyle } from './cellStyle';
import { findWritableSheet } from './findSheet';
import { loadPaintState, paintKey, ValueList } from './paintState';
import type { StateStore } from './stateSheet';

/**
 * Undoes applyPaint on one sheet: every painted cell gets exactly the fill it had (none, if it had
 * none), the status column's cells get their values emptied and their styles back, the merge made
 * for its header is undone, and the saved state is forgotten.
 */
export function clearPaint(
  workbook: Workbook,
  store: StateStore,
  sheet: string,
  lang: Lang,
): ClearReport {
  const ws = findWritableSheet(workbook, sheet, lang);
  const saved = loadPaintState(store, ws);
  if (saved === null) return { sheet: ws.name, fillsRestored: 0, statusColumnRemoved: false };

  if (saved.status.merge !== null) ws.unMergeCells(saved.status.merge);

  const fillValues = new ValueList(saved.fills.values);
  const setter = new FillSetter();
  let fillsRestored = 0;
  decodeCellMap(saved.fills.cells).forEach((row, col, i) => {
    const fill = fillValues.get(i) as Fill | null;
    setter.set(ws.getCell(row, col), fill, JSON.stringify(fill));
    fillsRestored++;
  });

  // Whole styles last: they include the status column cells' original fills.
  const styleValues = new ValueList(saved.status.styles.values);
  decodeCellMap(saved.status.styles.cells).forEach((row, col, i) => {
    const cell = ws.getCell(row, col);
    if (!isMergedSlave(cell)) cell.value = null;
    cell.style = (styleValues.get(i) ?? {}) as CellStyle;
  });

  store.set(paintKey(ws.name), undefined);
  return { sheet: ws.name, fillsRestored, statusColumnRemoved: true };
}
