import { ValueType, type Cell, type Workbook, type Worksheet } from 'exceljs';
import type { Lang } from '../../core/issue';
import type { PaintPlan } from '../../core/paintPlan';
import type { Rect } from '../../core/workbookRecord/cellRect';
import { dropOurPaint, planColors, rebase, rowMemoryOf } from '../../core/workbookRecord/rebase';
import { rowIdentityOf, type RowIdentity } from '../../core/workbookRecord/rowIdentity';
import { NO_FILL, Palette, type SavedArea } from '../../core/workbookRecord/savedFills';
import {
  footprintOf,
  writtenAt,
  type PaintState,
  type StatusWrite,
} from '../../core/workbookRecord/sheetPaint';
import { statusWriteOf } from '../../core/workbookRecord/statusWrite';
import { xmlSafeText } from '../../core/xmlSafeText';
import type { ApplyReport, Progress } from '../../port/WorkbookPort';
import { rangeRef } from './cellKeys';
import { FillSetter, solidFill } from './cellStyle';
import { fillOfKey } from './fillKeys';
import { findWritableSheet } from './findSheet';
import { loadRecord, readFills, saveRecord, statusFits } from './paintRecord';
import type { StateStore } from './stateSheet';

/** Values written to a merged slave cell land on its master in ExcelJS, so slaves are skipped. */
export function isMergedSlave(cell: Cell): boolean {
  return cell.type === ValueType.Merge;
}

/** True when a cell of the status header's rows is merged already (public isMerged: master or slave). */
function hasMergeOver(ws: Worksheet, w: StatusWrite, col: number): boolean {
  for (let row = w.headerTop; row <= w.headerBottom; row++) {
    if (ws.findCell(row, col)?.isMerged === true) return true;
  }
  return false;
}

/** The record of a sheet laid over its rows as they are now, and whether its status column fits. */
export interface LaidOver {
  readonly state: PaintState | null;
  readonly fits: boolean;
  readonly uncertain: readonly number[];
}

/**
 * The sheet's record laid over the rows as they are now (see rebase.ts). A record that finds its
 * rows by key keeps the user's fills even where the status column no longer fits; a positional
 * one from before rows had keys is then forgotten, as it may point at other cells.
 */
export function layOver(store: StateStore, ws: Worksheet, now: RowIdentity | undefined): LaidOver {
  const saved = loadRecord(store, ws.name);
  if (saved === null) return { state: null, fits: false, uncertain: [] };
  const r = now === undefined ? { state: saved, uncertain: [] } : rebase(saved, now);
  const fits = statusFits(ws, r.state.status);
  if (!fits && (now === undefined || r.state.rows.digest === ''))
    return { state: null, fits: false, uncertain: [] };
  return { state: r.state, fits, uncertain: r.uncertain };
}

/** Sets each cell of `areas` that `take` accepts to its saved fill; returns how many. */
export function restoreFills(
  ws: Worksheet,
  state: Pick<PaintState, 'palette' | 'areas' | 'exact'>,
  take: (row: number, col: number) => boolean,
  setter: FillSetter = new FillSetter(),
): number {
  let n = 0;
  for (const a of state.areas) {
    const { top, left, bottom, right } = a.rect;
    const width = right - left + 1;
    for (let row = top; row <= bottom; row++) {
      const line = ws.getRow(row);
      for (let c = left; c <= right; c++) {
        if (!take(row, c)) continue;
        const i = a.cells[(row - top) * width + c - left] ?? -1;
        const key = state.palette[i] ?? NO_FILL;
        setter.set(line.getCell(c), fillOfKey(key, state.exact?.[String(i)]), `${i}`);
        n++;
      }
    }
  }
  return n;
}

/** Empties what an earlier write left in the status column where `next` writes nothing. */
export function undoStatus(ws: Worksheet, prev: StatusWrite, next: StatusWrite | null): void {
  const merge = prev.merged
    ? rangeRef(prev.headerTop, prev.column, prev.headerBottom, prev.column)
    : null;
  const keep =
    next !== null &&
    next.merged &&
    merge === rangeRef(next.headerTop, next.column, next.headerBottom, next.column);
  if (merge !== null && !keep) ws.unMergeCells(merge);
  const f = footprintOf(prev);
  for (let row = f.top; row <= f.bottom; row++) {
    if (next !== null && next.column === prev.column && writtenAt(next, next.column, row) !== '') {
      continue;
    }
    const cell = ws.getCell(row, prev.column);
    if (!isMergedSlave(cell)) cell.value = null;
  }
}

/**
 * Paints one sheet as planned: the status column (header, merged down over a multi-row header,
 * and a label per row) and a solid fill per data row over the table's columns. The record of the
 * last paint is laid over the rows as they are now first, so the user's fills saved then follow
 * their rows; fills of cells not covered by it are read now, with our colours on them taken for
 * ours (rows inserted between painted ones copy them). Cells painted before but not in this plan
 * get their saved fill back. The record written is the one the Office adapter writes.
 */
export function applyPaint(
  workbook: Workbook,
  store: StateStore,
  planned: PaintPlan,
  lang: Lang,
  onProgress?: Progress,
): ApplyReport {
  // The texts as the saved file will hold them: a character XML cannot keep would vanish on save,
  // and the record of what was written would no longer match the column it must find again.
  const plan: PaintPlan = {
    ...planned,
    header: xmlSafeText(planned.header),
    labels: planned.labels.map(xmlSafeText),
  };
  const ws = findWritableSheet(workbook, plan.sheet, lang);
  const r0 = plan.origin.row;
  const c0 = plan.origin.col;
  // ExcelJS writes no text as a formula, so the text format Excel needs is not wanted here.
  const status: StatusWrite = { ...statusWriteOf(plan), letters: false, textFormat: false };
  const col = status.column;
  const left = c0 + plan.left;
  const right = c0 + plan.right;
  const prev = layOver(store, ws, rowIdentityOf(plan));

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
  const read = body ? readFills(ws, body, kept, palette, exact) : [];
  const fresh = prev.state
    ? dropOurPaint(
        palette.keys,
        read,
        [...prev.state.rows.colors, ...planColors(plan)],
        palette.of(NO_FILL),
      )
    : read;

  const setter = new FillSetter();
  if (prev.state) {
    if (prev.fits) undoStatus(ws, prev.state.status, status);
    restoreFills(ws, prev.state, (row, c) => !painted(row, c), setter);
  }

  // The status column: the header, merged over the header rows, then one label per row.
  const write = (row: number, value: string | null): void => {
    const cell = ws.getCell(row, col);
    if (!isMergedSlave(cell)) cell.value = value;
  };
  write(status.headerTop, plan.header);
  for (let row = status.headerTop + 1; row < status.firstRow; row++) write(row, null);
  // The header merge is ours when we make it, or made it last time over the same rows; a merge of
  // the user's there is left alone, and a clear must not undo it.
  const keptOurs =
    prev.fits &&
    prev.state !== null &&
    prev.state.status.merged &&
    prev.state.status.column === col &&
    prev.state.status.headerTop === status.headerTop &&
    prev.state.status.headerBottom === status.headerBottom;
  let merged = keptOurs;
  if (status.merged && !keptOurs && !hasMergeOver(ws, status, col)) {
    ws.mergeCells(status.headerTop, col, status.headerBottom, col);
    merged = true;
  }
  for (let i = 0; i < plan.codes.length; i++) {
    const code = plan.codes[i] ?? 0;
    write(status.firstRow + i, code === 0 ? null : (plan.labels[code] ?? null));
  }

  // The fills, one shared fill object per colour.
  let total = 0;
  for (const c of plan.codes) if (c > 0) total++;
  let done = 0;
  for (const f of plan.fills) {
    const fill = solidFill(f.color);
    const key = `solid:${f.color}`;
    for (let j = 0; j + 1 < f.runs.length; j += 2) {
      for (let r = f.runs[j] as number; r <= (f.runs[j + 1] as number); r++) {
        const cells = ws.getRow(r0 + r);
        for (let c = left; c <= right; c++) setter.set(cells.getCell(c), fill, key);
        done++;
      }
      onProgress?.(done, total);
    }
  }

  const areas = [...kept, ...fresh];
  saveRecord(store, ws.name, {
    rows: rowMemoryOf(plan, palette.keys, areas),
    ...(Object.keys(exact).length > 0 ? { exact } : {}),
    status: { ...status, merged },
    earlier: [],
    before: [],
    palette: palette.keys,
    areas,
  });
  return {
    sheet: ws.name,
    statusHeaderCell: rangeRef(status.headerTop, col, status.headerTop, col),
    rowsPainted: total,
    uncertainRows: prev.uncertain,
  };
}
