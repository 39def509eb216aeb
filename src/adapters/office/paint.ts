import { columnLetters } from '../../core/grid';
import type { Lang } from '../../core/issue';
import { STATE_SHEET } from '../../core/ownSheets';
import type { PaintPlan } from '../../core/paintPlan';
import type { ApplyReport, ClearReport, Progress } from '../../port/WorkbookPort';
import { uncovered, type Rect } from './addresses';
import { portError } from './errors';
import { queuePaintFills, queueRestoreFills } from './fillOps';
import { estimateBytes, RequestBudget } from './requestBudget';
import { encodeState, Palette, type PaintState } from './savedFills';
import { EMPTY_STORE, parseStore, queueStateWrite, queueStoreRead } from './stateSheet';
import {
  needsTextFormat,
  queueClearStatusColumn,
  queueStatusColumn,
  statusGeometry,
} from './statusColumn';
import { queueFillChecks, readUserFills } from './userFills';

interface Opened {
  readonly ws: Excel.Worksheet;
  readonly stateSheet: Excel.Worksheet | null;
  /** False when the user set calculation to manual: then we never recalculate for them. */
  readonly automaticCalculation: boolean;
}

/**
 * One sync: the sheet (ItemNotFound if missing), its protection, whether our hidden sheet exists
 * and the calculation mode. Protection is checked first so a protected sheet fails before
 * anything is written.
 */
async function openSheet(ctx: Excel.RequestContext, sheet: string, lang: Lang): Promise<Opened> {
  const ws = ctx.workbook.worksheets.getItem(sheet);
  ws.protection.load('protected');
  const stateSheet = ctx.workbook.worksheets.getItemOrNullObject(STATE_SHEET);
  const app = ctx.workbook.application;
  app.load('calculationMode');
  await ctx.sync();
  if (ws.protection.protected) throw portError('sheet_protected', { sheet }, lang);
  return {
    ws,
    stateSheet: stateSheet.isNullObject ? null : stateSheet,
    automaticCalculation: app.calculationMode !== 'Manual',
  };
}

/** Queued at the start of each request that writes many values: no recalculation per write. */
function suspendCalculation(ctx: Excel.RequestContext): () => void {
  return () => ctx.workbook.application.suspendApiCalculationUntilNextSync();
}

/**
 * suspendApiCalculationUntilNextSync leaves it to us "to re-calc the workbook, to ensure that any
 * dependencies are propagated" (its reference page): a user's COUNTIF over the status column must
 * see the new labels. Queued first in the next, unsuspended request.
 */
async function recalculate(ctx: Excel.RequestContext, budget: RequestBudget, opened: Opened) {
  if (!opened.automaticCalculation) return;
  await budget.add(estimateBytes(null, 1), () => {
    ctx.workbook.application.calculate('Recalculate');
  });
}

/**
 * Paints a plan: saves the user's fills under the cells it will paint (only those not saved by an
 * earlier run, so our own paint is never saved as theirs), then writes the status column, then the
 * fills. The syncs are a fixed few plus whatever the size budget needs; never one per row.
 */
export async function applyPaint(
  ctx: Excel.RequestContext,
  plan: PaintPlan,
  lang: Lang,
  onProgress?: Progress,
): Promise<ApplyReport> {
  const steps = 4;
  const g = statusGeometry(plan);
  const opened = await openSheet(ctx, plan.sheet, lang);
  const { ws, stateSheet } = opened;

  const paintRect: Rect | null =
    g.bodyTop <= g.bodyBottom
      ? {
          top: g.bodyTop,
          bottom: g.bodyBottom,
          left: plan.origin.col + plan.left,
          right: plan.origin.col + plan.right,
        }
      : null;
  const used = stateSheet ? queueStoreRead(stateSheet) : null;
  const checks = paintRect ? queueFillChecks(ws, paintRect) : [];
  await ctx.sync();
  const store = used ? parseStore(used) : EMPTY_STORE;
  const prev = store.states.get(plan.sheet) ?? null;

  const palette = new Palette(prev?.palette ?? []);
  const toSave = paintRect ? uncovered(paintRect, prev?.areas.map((a) => a.rect) ?? []) : [];
  const saved = await readUserFills(ctx, ws, toSave, checks, palette);
  const next: PaintState = {
    statusColumn: g.column,
    headerTop: g.headerTop,
    headerBottom: g.headerBottom,
    headerMerged: g.headerBottom > g.headerTop,
    bodyTop: Math.min(prev?.bodyTop ?? g.bodyTop, g.bodyTop),
    bodyBottom: Math.max(prev?.bodyBottom ?? g.bodyBottom, g.bodyBottom),
    textFormat: (prev?.textFormat ?? false) || needsTextFormat(plan),
    palette: palette.keys,
    areas: [...(prev?.areas ?? []), ...saved],
  };
  onProgress?.(1, steps);

  // The user's fills are committed before anything is painted: if painting fails half way, the
  // next run or "clear" still knows what was there.
  if (prev === null || encodeState(prev) !== encodeState(next)) {
    const budget = new RequestBudget(ctx);
    await queueStateWrite(ctx, budget, stateSheet, store, plan.sheet, next);
    await budget.flush();
  }
  onProgress?.(2, steps);

  const values = new RequestBudget(ctx, undefined, suspendCalculation(ctx));
  await queueStatusColumn(ws, values, plan, next.textFormat);
  if (prev && prev.bodyBottom > g.bodyBottom && prev.statusColumn === g.column) {
    // The table got shorter: labels an earlier run wrote below it are ours to remove.
    const col = columnLetters(g.column);
    const from = Math.max(g.bodyBottom + 1, g.headerBottom + 1);
    await values.add(estimateBytes(null, 2), () => {
      ws.getRange(`${col}${from}:${col}${prev.bodyBottom}`).clear('Contents');
    });
  }
  await values.flush();
  onProgress?.(3, steps);

  // Fills change no formula result, so this stage runs unsuspended and recalculates first.
  const fills = new RequestBudget(ctx);
  await recalculate(ctx, fills, opened);
  if (prev) {
    // Cells an earlier run may have painted that this plan does not (rows that are no longer data
    // rows, columns outside the table) get the user's fill back.
    const left = paintRect?.left ?? Number.MAX_SAFE_INTEGER;
    const right = paintRect?.right ?? Number.MIN_SAFE_INTEGER;
    const painted = (row: number): boolean => {
      const i = row - g.bodyTop;
      return i >= 0 && i < plan.codes.length && (plan.codes[i] as number) > 0;
    };
    await queueRestoreFills(ws, fills, prev, (row, area) => {
      if (!painted(row)) return [[area.left, area.right]];
      const out: [number, number][] = [];
      if (area.left < left) out.push([area.left, left - 1]);
      if (area.right > right) out.push([right + 1, area.right]);
      return out;
    });
  }
  await queuePaintFills(ws, fills, plan);
  await fills.flush();
  onProgress?.(steps, steps);

  let rowsPainted = 0;
  for (const c of plan.codes) if (c > 0) rowsPainted++;
  return {
    sheet: plan.sheet,
    statusHeaderCell: `${columnLetters(g.column)}${g.headerTop}`,
    rowsPainted,
  };
}

/**
 * Undoes a paint: every saved cell gets its own fill back (no fill stays no fill), the status
 * column's contents go, and the saved state is dropped last, so a failure part way can be retried.
 */
export async function clearPaint(
  ctx: Excel.RequestContext,
  sheet: string,
  lang: Lang,
): Promise<ClearReport> {
  const opened = await openSheet(ctx, sheet, lang);
  const { ws, stateSheet } = opened;
  if (!stateSheet) return { sheet, fillsRestored: 0, statusColumnRemoved: false };
  const used = queueStoreRead(stateSheet);
  await ctx.sync();
  const store = parseStore(used);
  const state = store.states.get(sheet);
  if (!state) return { sheet, fillsRestored: 0, statusColumnRemoved: false };

  const budget = new RequestBudget(ctx, undefined, suspendCalculation(ctx));
  const fillsRestored = await queueRestoreFills(ws, budget, state, (_row, area) => [
    [area.left, area.right],
  ]);
  await queueClearStatusColumn(
    ws,
    budget,
    {
      column: state.statusColumn,
      headerTop: state.headerTop,
      headerBottom: state.headerBottom,
      bodyTop: state.bodyTop,
      bodyBottom: state.bodyBottom,
    },
    state.headerMerged,
    state.textFormat,
  );
  await budget.flush();

  const drop = new RequestBudget(ctx);
  await recalculate(ctx, drop, opened);
  await queueStateWrite(ctx, drop, stateSheet, store, sheet, null);
  await drop.flush();
  return { sheet, fillsRestored, statusColumnRemoved: true };
}
