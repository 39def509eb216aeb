import { ValueType, type Worksheet } from 'exceljs';
import {
  decodeState,
  encodeState,
  footprintOf,
  isPhase,
  writtenAt,
  type PaintState,
  type StatusWrite,
} from '../../core/workbookRecord/sheetPaint';
import type { Palette, SavedArea } from '../../core/workbookRecord/savedFills';
import { uncovered, type Rect } from '../../core/workbookRecord/cellRect';
import { paintedSheetOf, paintKey } from '../../core/workbookRecord/recordKeys';
import { plainValue } from './cellValue';
import { fillOf } from './cellStyle';
import { fillKeyOf } from './fillKeys';
import { migrateLegacy } from './legacyRecord';
import type { StateStore } from './stateSheet';

/** The sheets that have a paint record. */
export function paintedSheets(store: StateStore): string[] {
  return store.keys().flatMap((k) => paintedSheetOf(k) ?? []);
}

/** The sheet's paint record; null when there is none or it cannot be read (then it is forgotten). */
export function loadRecord(store: StateStore, sheet: string): PaintState | null {
  const text = store.getText(paintKey(sheet));
  if (text === undefined) return null;
  const state = isPhase(text.charAt(0)) ? decodeState(text.slice(1)) : migrateLegacy(text);
  if (state === null) store.setText(paintKey(sheet), undefined);
  return state;
}

/** Stores a finished paint ("D": this adapter writes a paint in one go) or forgets it. */
export function saveRecord(store: StateStore, sheet: string, state: PaintState | undefined): void {
  store.setText(paintKey(sheet), state === undefined ? undefined : `D${encodeState(state)}`);
}

function textAt(ws: Worksheet, row: number, col: number): string {
  const v = plainValue(ws.getCell(row, col).value, false);
  if (typeof v === 'string') return v;
  return typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
}

/**
 * True when the status column still holds what `w` wrote, so it is ours to rewrite or empty: the
 * header where it was, and in the body each row's label (any of them, after rows moved).
 */
export function statusFits(ws: Worksheet, w: StatusWrite): boolean {
  const f = footprintOf(w);
  for (let row = f.top; row <= f.bottom; row++) {
    // A merged header's lower cells read as its top one in ExcelJS.
    if (ws.getCell(row, w.column).type === ValueType.Merge) continue;
    const actual = textAt(ws, row, w.column);
    if (w.moved === true && row >= w.firstRow) {
      if (actual === '' || w.labels.includes(actual)) continue;
      return false;
    }
    if (actual !== writtenAt(w, w.column, row)) return false;
  }
  return true;
}

/**
 * The fills now under the cells of `within` that no saved area covers, as areas of one row each
 * (palette indices), with the exact fills of keys that need them added to `exact`.
 */
export function readFills(
  ws: Worksheet,
  within: Rect,
  covered: readonly SavedArea[],
  palette: Palette,
  exact: Record<string, unknown>,
): SavedArea[] {
  const out: SavedArea[] = [];
  for (const r of uncovered(
    within,
    covered.map((a) => a.rect),
  )) {
    const width = r.right - r.left + 1;
    const cells = new Int32Array(width * (r.bottom - r.top + 1));
    for (let row = r.top; row <= r.bottom; row++) {
      const line = ws.getRow(row);
      for (let c = r.left; c <= r.right; c++) {
        const { key, exact: e } = fillKeyOf(fillOf(line.getCell(c)));
        const i = palette.of(key);
        if (e !== undefined) exact[String(i)] = e;
        cells[(row - r.top) * width + c - r.left] = i;
      }
    }
    out.push({ rect: r, cells });
  }
  return out;
}
