import type { Fill } from 'exceljs';
import type { SheetGrid } from '../../core/grid';
import type { PaintPlan } from '../../core/paintPlan';
import { uncovered, type Rect } from '../../core/workbookRecord/cellRect';
import { dropOurPaint, planColors, rebase, rowMemoryOf } from '../../core/workbookRecord/rebase';
import { rowIdentityOf, type RowIdentity } from '../../core/workbookRecord/rowIdentity';
import { NO_FILL, Palette, type SavedArea } from '../../core/workbookRecord/savedFills';
import {
  decodeState,
  encodeState,
  footprintOf,
  isPhase,
  writtenAt,
  type PaintState,
  type StatusWrite,
} from '../../core/workbookRecord/sheetPaint';
import { statusWriteOf } from '../../core/workbookRecord/statusWrite';
import { xmlSafeText } from '../../core/xmlSafeText';
import type { ApplyReport, ClearReport, Progress } from '../../port/WorkbookPort';
import { rangeRef } from '../xlsx/cellKeys';
import { solidFill } from '../xlsx/cellStyle';
import { fillKeyOf, fillOfKey } from '../xlsx/fillKeys';
import { migrateLegacy } from '../xlsx/legacyRecord';
import type { SheetPatch } from './sheetPatch';
import type { StateRecords } from './stateRecords';
import type { StylesPatch } from './stylesPatch';

/*
 * applyPaint and clearPaint over a patched package. The decisions are core's (rebase, dropOurPaint,
 * rowMemoryOf, statusWriteOf, the fill keys); the record it leaves is the one the Office adapter
 * and the first (ExcelJS) adapter leave, so a file passes between them. Cells are reached only
 * through the patches.
 */

/** One sheet as the paint sees it: its patch, the stylesheet, and its values as read. */
export interface PaintTarget {
  readonly name: string;
  readonly sheet: SheetPatch;
  readonly styles: StylesPatch;
  readonly grid: SheetGrid;
}

export function paintKey(sheet: string): string {
  return `paint:${sheet}`;
}

export function paintedSheets(store: StateRecords): string[] {
  const prefix = paintKey('');
  return store
    .keys()
    .filter((k) => k.startsWith(prefix))
    .map((k) => k.slice(prefix.length));
}

function loadRecord(store: StateRecords, sheet: string): PaintState | null {
  const text = store.getText(paintKey(sheet));
  if (text === undefined) return null;
  // A record of the first xlsx adapter (version 1, plain JSON) is read as the shared record, so a
  // workbook painted by that version still clears to the user's fills.
  const state = isPhase(text.charAt(0)) ? decodeState(text.slice(1)) : migrateLegacy(text);
  if (state === null) store.setText(paintKey(sheet), undefined);
  return state;
}

function saveRecord(store: StateRecords, sheet: string, state: PaintState | undefined): void {
  store.setText(paintKey(sheet), state === undefined ? undefined : `D${encodeState(state)}`);
}

function textAt(t: PaintTarget, row: number, col: number): string {
  const edited = t.sheet.editedValue(row, col);
  if (edited !== undefined) return edited === null ? '' : String(edited);
  const v = t.grid.values[row - 1]?.[col - 1];
  if (typeof v === 'string') return v;
  return typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
}

function fillAt(t: PaintTarget, row: number, col: number): Fill | null {
  return t.styles.fillOfXf(t.sheet.styleAt(row, col));
}

function setFill(t: PaintTarget, row: number, col: number, fill: Fill | null): void {
  t.sheet.setStyle(row, col, t.styles.withFill(t.sheet.styleAt(row, col), fill));
}

function statusFits(t: PaintTarget, w: StatusWrite): boolean {
  const f = footprintOf(w);
  for (let row = f.top; row <= f.bottom; row++) {
    if (t.sheet.isMergedSlave(row, w.column)) continue;
    const actual = textAt(t, row, w.column);
    if (w.moved === true && row >= w.firstRow) {
      if (actual === '' || w.labels.includes(actual)) continue;
      return false;
    }
    if (actual !== writtenAt(w, w.column, row)) return false;
  }
  return true;
}

function readFills(
  t: PaintTarget,
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
      for (let c = r.left; c <= r.right; c++) {
        const { key, exact: e } = fillKeyOf(fillAt(t, row, c));
        const i = palette.of(key);
        if (e !== undefined) exact[String(i)] = e;
        cells[(row - r.top) * width + c - r.left] = i;
      }
    }
    out.push({ rect: r, cells });
  }
  return out;
}

interface LaidOver {
  readonly state: PaintState | null;
  readonly fits: boolean;
  readonly uncertain: readonly number[];
}

function layOver(store: StateRecords, t: PaintTarget, now: RowIdentity | undefined): LaidOver {
  const saved = loadRecord(store, t.name);
  if (saved === null) return { state: null, fits: false, uncertain: [] };
  const r = now === undefined ? { state: saved, uncertain: [] } : rebase(saved, now);
  const fits = statusFits(t, r.state.status);
  if (!fits && (now === undefined || r.state.rows.digest === ''))
    return { state: null, fits: false, uncertain: [] };
  return { state: r.state, fits, uncertain: r.uncertain };
}

function restoreFills(
  t: PaintTarget,
  state: Pick<PaintState, 'palette' | 'areas' | 'exact'>,
  take: (row: number, col: number) => boolean,
): number {
  let n = 0;
  for (const a of state.areas) {
    const { top, left, bottom, right } = a.rect;
    const width = right - left + 1;
    for (let row = top; row <= bottom; row++) {
      for (let c = left; c <= right; c++) {
        if (!take(row, c)) continue;
        const i = a.cells[(row - top) * width + c - left] ?? -1;
        const key = state.palette[i] ?? NO_FILL;
        setFill(t, row, c, fillOfKey(key, state.exact?.[String(i)]));
        n++;
      }
    }
  }
  return n;
}

function undoStatus(t: PaintTarget, prev: StatusWrite, next: StatusWrite | null): void {
  const merge = prev.merged
    ? rangeRef(prev.headerTop, prev.column, prev.headerBottom, prev.column)
    : null;
  const keep =
    next !== null &&
    next.merged &&
    merge === rangeRef(next.headerTop, next.column, next.headerBottom, next.column);
  if (merge !== null && !keep) t.sheet.unmerge(merge);
  const f = footprintOf(prev);
  for (let row = f.top; row <= f.bottom; row++) {
    if (next !== null && next.column === prev.column && writtenAt(next, next.column, row) !== '')
      continue;
    if (!t.sheet.isMergedSlave(row, prev.column)) t.sheet.setValue(row, prev.column, null);
  }
}

export function applyPaint(
  store: StateRecords,
  t: PaintTarget,
  planned: PaintPlan,
  onProgress?: Progress,
): ApplyReport {
  const plan: PaintPlan = {
    ...planned,
    header: xmlSafeText(planned.header),
    labels: planned.labels.map(xmlSafeText),
  };
  const r0 = plan.origin.row;
  const c0 = plan.origin.col;
  // Text is written as inline strings, never read as a formula: no text format needed.
  const status: StatusWrite = { ...statusWriteOf(plan), letters: false, textFormat: false };
  const col = status.column;
  const left = c0 + plan.left;
  const right = c0 + plan.right;
  const prev = layOver(store, t, rowIdentityOf(plan));

  const body: Rect | null =
    plan.codes.length > 0
      ? { top: status.firstRow, bottom: status.firstRow + plan.codes.length - 1, left, right }
      : null;
  const painted = (row: number, c: number): boolean => {
    const i = row - status.firstRow;
    return c >= left && c <= right && i >= 0 && i < plan.codes.length && plan.codes[i] !== 0;
  };

  const palette = new Palette(prev.state?.palette ?? []);
  const exact: Record<string, unknown> = { ...(prev.state?.exact ?? {}) };
  const kept: SavedArea[] = [...(prev.state?.areas ?? [])];
  const read = body ? readFills(t, body, kept, palette, exact) : [];
  const fresh = prev.state
    ? dropOurPaint(
        palette.keys,
        read,
        [...prev.state.rows.colors, ...planColors(plan)],
        palette.of(NO_FILL),
      )
    : read;

  if (prev.state) {
    if (prev.fits) undoStatus(t, prev.state.status, status);
    restoreFills(t, prev.state, (row, c) => !painted(row, c));
  }

  const write = (row: number, value: string | null): void => {
    if (!t.sheet.isMergedSlave(row, col)) t.sheet.setValue(row, col, value);
  };
  write(status.headerTop, plan.header);
  for (let row = status.headerTop + 1; row < status.firstRow; row++) write(row, null);
  const keptOurs =
    prev.fits &&
    prev.state !== null &&
    prev.state.status.merged &&
    prev.state.status.column === col &&
    prev.state.status.headerTop === status.headerTop &&
    prev.state.status.headerBottom === status.headerBottom;
  let merged = keptOurs;
  let over = false;
  for (let row = status.headerTop; row <= status.headerBottom; row++)
    if (t.sheet.isMerged(row, col)) over = true;
  if (status.merged && !keptOurs && !over) {
    t.sheet.merge(rangeRef(status.headerTop, col, status.headerBottom, col));
    merged = true;
  }
  for (let i = 0; i < plan.codes.length; i++) {
    const code = plan.codes[i] ?? 0;
    write(status.firstRow + i, code === 0 ? null : (plan.labels[code] ?? null));
  }

  let total = 0;
  for (const c of plan.codes) if (c > 0) total++;
  let done = 0;
  for (const f of plan.fills) {
    const fill = solidFill(f.color);
    for (let j = 0; j + 1 < f.runs.length; j += 2) {
      for (let r = f.runs[j] as number; r <= (f.runs[j + 1] as number); r++) {
        for (let c = left; c <= right; c++) setFill(t, r0 + r, c, fill);
        done++;
      }
      onProgress?.(done, total);
    }
  }

  const areas = [...kept, ...fresh];
  saveRecord(store, t.name, {
    rows: rowMemoryOf(plan, palette.keys, areas),
    ...(Object.keys(exact).length > 0 ? { exact } : {}),
    status: { ...status, merged },
    earlier: [],
    before: [],
    palette: palette.keys,
    areas,
  });
  return {
    sheet: t.name,
    statusHeaderCell: rangeRef(status.headerTop, col, status.headerTop, col),
    rowsPainted: total,
    uncertainRows: prev.uncertain,
  };
}

export function clearPaint(store: StateRecords, t: PaintTarget, now?: RowIdentity): ClearReport {
  const prev = layOver(store, t, now);
  const state = prev.state;
  if (state === null) {
    saveRecord(store, t.name, undefined);
    return { sheet: t.name, fillsRestored: 0, statusColumnRemoved: false, uncertainRows: [] };
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
    const read = readFills(t, body, state.areas, palette, exact);
    areas = [...areas, ...dropOurPaint(palette.keys, read, state.rows.colors, palette.of(NO_FILL))];
  }
  const fillsRestored = restoreFills(t, { palette: palette.keys, areas, exact }, () => true);
  if (prev.fits) undoStatus(t, state.status, null);
  saveRecord(store, t.name, undefined);
  return {
    sheet: t.name,
    fillsRestored,
    statusColumnRemoved: prev.fits,
    uncertainRows: prev.uncertain,
  };
}
