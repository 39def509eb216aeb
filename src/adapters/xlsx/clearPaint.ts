import type { Workbook } from 'exceljs';
import type { Lang } from '../../core/issue';
import type { Rect } from '../../core/workbookRecord/cellRect';
import { dropOurPaint } from '../../core/workbookRecord/rebase';
import type { RowIdentity } from '../../core/workbookRecord/rowIdentity';
import { NO_FILL, Palette } from '../../core/workbookRecord/savedFills';
import type { ClearReport } from '../../port/WorkbookPort';
import { layOver, restoreFills, undoStatus } from './applyPaint';
import { findWritableSheet } from './findSheet';
import { readFills, saveRecord } from './paintRecord';
import type { StateStore } from './stateSheet';

/**
 * Undoes applyPaint on one sheet, on its rows as they are now (`now`): every cell whose fill was
 * saved gets it back (none, if it had none), cells of rows that moved or came since get none where
 * they carry our colours and keep anything else, the status column is emptied and its header
 * merge undone (when it still holds what we wrote), and the record is forgotten.
 */
export function clearPaint(
  workbook: Workbook,
  store: StateStore,
  sheet: string,
  lang: Lang,
  now?: RowIdentity,
): ClearReport {
  const ws = findWritableSheet(workbook, sheet, lang);
  const prev = layOver(store, ws, now);
  const state = prev.state;
  if (state === null) {
    saveRecord(store, ws.name, undefined);
    return { sheet: ws.name, fillsRestored: 0, statusColumnRemoved: false, uncertainRows: [] };
  }

  const palette = new Palette(state.palette);
  const exact: Record<string, unknown> = { ...(state.exact ?? {}) };
  let areas = state.areas;
  if (now !== undefined && now.keys.length > 0) {
    const right = Math.max(state.status.column, ...state.areas.map((a) => a.rect.right));
    const body: Rect = {
      top: now.firstRow,
      bottom: now.firstRow + now.keys.length - 1,
      left: now.left,
      right,
    };
    const read = readFills(ws, body, state.areas, palette, exact);
    areas = [...areas, ...dropOurPaint(palette.keys, read, state.rows.colors, palette.of(NO_FILL))];
  }
  const fillsRestored = restoreFills(ws, { palette: palette.keys, areas, exact }, () => true);
  if (prev.fits) undoStatus(ws, state.status, null);
  saveRecord(store, ws.name, undefined);
  return {
    sheet: ws.name,
    fillsRestored,
    statusColumnRemoved: prev.fits,
    uncertainRows: prev.uncertain,
  };
}
