import { columnLetters } from '../../core/grid';
import type { Lang } from '../../core/issue';
import { STATE_SHEET } from '../../core/ownSheets';
import type { PaintPlan } from '../../core/paintPlan';
import type { ApplyReport, ClearReport, Progress } from '../../port/WorkbookPort';
import { uncovered, type Rect } from '../../core/workbookRecord/cellRect';
import {
  bytesPerRow,
  checkedFootprints,
  ColumnRegions,
  inPlace,
  readColumns,
  snapshotsOf,
  type ColumnTexts,
} from './columnCheck';
import { isSheetProtectedError, portError, toPortError, unfinishedError } from './errors';
import { queuePaintFills, queueRestoreFills } from './fillOps';
import {
  footprintOf,
  PHASES,
  sameWrite,
  textsOf,
  type Footprint,
  type PaintState,
  type Phase,
  type StatusWrite,
} from '../../core/workbookRecord/sheetPaint';
import { estimateBytes, RequestBudget, WriteLog } from './requestBudget';
import { dropOurPaint, planColors, rebase, rowMemoryOf } from '../../core/workbookRecord/rebase';
import { rowIdentityOf, type RowIdentity } from '../../core/workbookRecord/rowIdentity';
import { NO_FILL, Palette } from '../../core/workbookRecord/savedFills';
import {
  EMPTY_STORE,
  parseStore,
  queueDropRows,
  queuePhase,
  queueRecordWrite,
  queueRemoveStateSheet,
  queueStoreRead,
  type SheetRecord,
} from './stateSheet';
import { statusGeometry, statusWriteOf } from '../../core/workbookRecord/statusWrite';
import { queueStatusColumn, queueUndo } from './statusColumn';
import { queueFillChecks, readUserFills } from './userFills';

/**
 * Tags of queued work (see WriteLog), so a failure can say what is done. Work on the hidden sheet:
 * RECORD (a new record or a phase letter before any change), DONE (the phase letter after the last
 * change, old records removed); on the user's sheet: COLUMN (the status column), FILLS, RESTORE.
 */
const RECORD = 'record';
const COLUMN = 'column';
const FILLS = 'fills';
const RESTORE = 'restore';
const DONE = 'done';
const ON_SHEET = [COLUMN, FILLS, RESTORE];

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
async function openSheet(
  context: Excel.RequestContext,
  sheet: string,
  lang: Lang,
): Promise<Opened> {
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.load('protection/protected');
  const stateSheet = context.workbook.worksheets.getItemOrNullObject(STATE_SHEET);
  const app = context.workbook.application;
  app.load('calculationMode');
  await context.sync();
  if (ws.protection.protected) throw portError('sheet_protected', { sheet }, lang);
  return {
    ws,
    stateSheet: stateSheet.isNullObject ? null : stateSheet,
    automaticCalculation: app.calculationMode !== 'Manual',
  };
}

/** Queued at the start of each request that writes many values: no recalculation per write. */
function suspendCalculation(context: Excel.RequestContext): () => void {
  return () => context.workbook.application.suspendApiCalculationUntilNextSync();
}

/**
 * suspendApiCalculationUntilNextSync leaves it to us "to re-calc the workbook, to ensure that any
 * dependencies are propagated" (its reference page): a user's COUNTIF over the status column must
 * see the new labels. Queued first in the next, unsuspended request.
 */
async function recalculate(
  context: Excel.RequestContext,
  budget: RequestBudget,
  opened: Opened,
  tag: string,
): Promise<void> {
  if (!opened.automaticCalculation) return;
  await budget.add(
    estimateBytes(null, 1),
    () => context.workbook.application.calculate('Recalculate'),
    tag,
  );
}

/** Texts the status column may hold that are ours, not the user's: headers, labels, letters. */
function ourTexts(status: StatusWrite, rec: SheetRecord | null): Set<string> {
  const out = new Set(textsOf(status));
  if (rec) {
    for (const t of textsOf(rec.state.status)) out.add(t);
    for (const b of rec.state.before) for (const t of b.table) if (t !== null) out.add(t);
  }
  out.delete('');
  return out;
}

function dedupe(footprints: readonly Footprint[]): Footprint[] {
  const seen = new Set<string>();
  return footprints.filter((f) => {
    const k = JSON.stringify(f);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * After a failure: when the sheet turned out protected at the first change to it, nothing on it
 * changed, so the hidden sheet is put back as it was too (`undo` queues that) and the user is
 * told only that the sheet is protected. True when that is the case.
 */
async function rolledBack(
  context: Excel.RequestContext,
  e: unknown,
  log: WriteLog,
  undo: () => void,
): Promise<boolean> {
  if (!isSheetProtectedError(e) || !log.failedAny(ON_SHEET) || log.doneAny(ON_SHEET)) return false;
  try {
    undo();
    await context.sync();
  } catch {
    // The record stays; it describes the sheet as it is, so the next run or clear still fits.
  }
  return true;
}

/**
 * Paints a plan in four steps, each safe to stop after:
 * 1. reads (no change): the record of an earlier run and whether it still fits the sheet (see
 *    inPlace), what the status column holds, and the user's fills not saved yet;
 * 2. a new record (phase P: what the column held, what it gets, the user's fills) or, when the
 *    same paint is run again, its phase letter (R), queued before any change to the sheet;
 * 3. the status column; 4. the fills, then the phase letter D and older records removed.
 * A failure in 3 or 4 says what is half done; running the same paint again finishes it, since the
 * record accepts any mix of old and new and keeps the user's fills saved before anything was
 * painted. The syncs are a fixed few plus whatever the size budget needs; never one per row.
 */
export async function applyPaint(
  context: Excel.RequestContext,
  plan: PaintPlan,
  lang: Lang,
  onProgress?: Progress,
): Promise<ApplyReport> {
  const steps = 4;
  const want = statusWriteOf(plan);
  const target = footprintOf(want);
  const g = statusGeometry(plan);
  const opened = await openSheet(context, plan.sheet, lang);
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
  const col = columnLetters(target.column);
  const occupied = ws
    .getRange(`${col}${target.top}:${col}${target.bottom}`)
    .getUsedRangeOrNullObject(true);
  occupied.load('address');
  await context.sync();
  const store = used ? parseStore(used) : EMPTY_STORE;
  const records = store.sheets.get(plan.sheet);
  const rebased = laidOver(records?.current ?? null, rowIdentityOf(plan));
  const rec = rebased.rec;

  // What the status column holds: whether the record still fits, and what this run overwrites.
  const recPrints = rec ? checkedFootprints(rec.state, rec.phase) : [];
  const regions = new ColumnRegions();
  for (const f of recPrints) regions.add(f);
  if (rec || !occupied.isNullObject) regions.add(target);
  const texts: ColumnTexts | null = regions.empty
    ? null
    : await readColumns(context, ws, regions, bytesPerRow(rec ? [want, rec.state.status] : [want]));
  const fits = rec !== null && texts !== null && inPlace(rec.state, rec.phase, texts);
  const prev: SheetRecord | null = fits ? rec : null;
  // A record that follows its rows by key keeps the user's fills even where the status column no
  // longer fits (someone typed over it): those fills are the user's wherever the column went.
  const prevFills = prev ?? (rec && keyed(rec) ? rec : null);

  const earlier = prev ? dedupe(recPrints) : [];
  const status: StatusWrite = {
    ...want,
    // Once formatted as text, the column stays so until cleared, so clearing knows to undo it.
    textFormat: want.textFormat || earlier.some((f) => f.column === want.column && f.textFormat),
  };
  const palette = new Palette(prevFills?.state.palette ?? []);
  const toSave = paintRect
    ? uncovered(paintRect, prevFills?.state.areas.map((a) => a.rect) ?? [])
    : [];
  const read = await readUserFills(context, ws, toSave, checks, palette);
  const saved = rec
    ? dropOurPaint(
        palette.keys,
        read,
        [...rec.state.rows.colors, ...planColors(plan)],
        palette.of(NO_FILL),
      )
    : read;
  onProgress?.(1, steps);

  // The same paint again over an unchanged record: only its phase letter moves.
  const same = prev !== null && saved.length === 0 && sameWrite(prev.state.status, status);
  const areas = [...(prevFills?.state.areas ?? []), ...saved];
  const exact = prevFills?.state.exact;
  const state: PaintState =
    same && prev
      ? prev.state
      : {
          rows: rowMemoryOf(plan, palette.keys, areas),
          ...(exact ? { exact } : {}),
          status,
          earlier,
          before: texts
            ? snapshotsOf(texts, [footprintOf(status), ...earlier], ourTexts(status, rec))
            : [],
          palette: palette.keys,
          areas,
        };
  const undo = same && prev ? (PHASES[prev.phase].earlier ? prev.state.earlier : []) : earlier;
  const row = same && prev ? prev.row : Math.max(2, store.lastRow + 1);
  const rest = same && prev ? prev.first.slice(1) : '';
  const create = stateSheet === null;
  const log = new WriteLog();

  try {
    const values = new RequestBudget(context, undefined, suspendCalculation(context), log);
    if (!same) await queueRecordWrite(context, values, create, row, plan.sheet, 'P', state, RECORD);
    else if (prev?.phase === 'D') await queuePhase(context, values, row, `R${rest}`, RECORD);
    await queueUndo(ws, values, undo, status, COLUMN);
    await queueStatusColumn(ws, values, status, COLUMN);
    await values.flush();
    onProgress?.(2, steps);

    // Fills change no formula result, so this stage runs unsuspended and recalculates first.
    const fills = new RequestBudget(context, undefined, undefined, log);
    await recalculate(context, fills, opened, FILLS);
    if (prevFills) {
      // Cells an earlier run may have painted that this plan does not (rows that are no longer
      // data rows, columns outside the table) get the user's fill back.
      const left = paintRect?.left ?? Number.MAX_SAFE_INTEGER;
      const right = paintRect?.right ?? Number.MIN_SAFE_INTEGER;
      const painted = (r: number): boolean => {
        const i = r - g.bodyTop;
        return i >= 0 && i < plan.codes.length && (plan.codes[i] as number) > 0;
      };
      await queueRestoreFills(
        ws,
        fills,
        prevFills.state,
        (r, area) => {
          if (!painted(r)) return [[area.left, area.right]];
          const out: [number, number][] = [];
          if (area.left < left) out.push([area.left, left - 1]);
          if (area.right > right) out.push([right + 1, area.right]);
          return out;
        },
        FILLS,
      );
    }
    onProgress?.(3, steps);
    await queuePaintFills(ws, fills, plan, FILLS);
    await queuePhase(context, fills, row, `D${rest}`, DONE);
    await queueDropRows(
      context,
      fills,
      (records?.rows ?? []).filter((r) => r !== row),
      DONE,
    );
    await fills.flush();
  } catch (e) {
    const undone = await rolledBack(context, e, log, () => {
      if (!same && create) queueRemoveStateSheet(context);
      else if (!same)
        context.workbook.worksheets.getItem(STATE_SHEET).getRange(`${row}:${row}`).clear();
      else if (prev?.phase === 'D') {
        context.workbook.worksheets.getItem(STATE_SHEET).getRange(`B${row}`).values = [
          [prev.first],
        ];
      }
    });
    const where = { sheet: plan.sheet };
    if (undone || !log.failedAny(ON_SHEET)) throw toPortError(e, where, lang);
    throw unfinishedError(log.failedAny([COLUMN]) ? 'paint_column' : 'paint_fills', e, where, lang);
  }
  onProgress?.(steps, steps);

  let rowsPainted = 0;
  for (const c of plan.codes) if (c > 0) rowsPainted++;
  return {
    sheet: plan.sheet,
    statusHeaderCell: `${columnLetters(g.column)}${g.headerTop}`,
    rowsPainted,
    uncertainRows: rebased.uncertain,
  };
}

/** A record that finds its rows by key rather than by where they were. */
function keyed(rec: SheetRecord): boolean {
  return rec.state.rows.digest !== '' && !PHASES[rec.phase].earlier;
}

/** The newest record laid over the rows as they are now (see rebase). */
function laidOver(
  rec: SheetRecord | null,
  now: RowIdentity | undefined,
): { rec: SheetRecord | null; uncertain: readonly number[] } {
  if (rec === null || now === undefined) return { rec, uncertain: [] };
  const r = rebase(rec.state, now);
  return { rec: { ...rec, state: r.state }, uncertain: r.uncertain };
}

/**
 * Undoes a paint: every saved cell gets its own fill back (no fill stays no fill), the status
 * column's contents, merge and text format go, and the record is dropped last. The record first
 * moves to a clearing phase (C or X) so that a clear stopped part way is finished by the next one.
 * When the status column no longer holds what was written (rows or columns were inserted or
 * deleted, or someone typed over it), the cells are left alone, the record is dropped, and the
 * report says nothing was removed, as the xlsx adapter does.
 */
export async function clearPaint(
  context: Excel.RequestContext,
  sheet: string,
  lang: Lang,
  now?: RowIdentity,
): Promise<ClearReport> {
  const nothing: ClearReport = {
    sheet,
    fillsRestored: 0,
    statusColumnRemoved: false,
    uncertainRows: [],
  };
  const opened = await openSheet(context, sheet, lang);
  const { ws, stateSheet } = opened;
  if (!stateSheet) return nothing;
  const used = queueStoreRead(stateSheet);
  await context.sync();
  const records = parseStore(used).sheets.get(sheet);
  if (!records) return nothing;
  const rebased = laidOver(records.current, now);
  const rec = rebased.rec;
  const prints = rec ? checkedFootprints(rec.state, rec.phase) : [];
  const regions = new ColumnRegions();
  for (const f of prints) regions.add(f);
  const fits =
    rec !== null &&
    inPlace(
      rec.state,
      rec.phase,
      await readColumns(context, ws, regions, bytesPerRow([rec.state.status])),
    );
  if (!rec || (!fits && !(now && keyed(rec)))) {
    // Unreadable, or a positional record no longer in place: forget it, touch nothing else.
    const drop = new RequestBudget(context);
    await queueDropRows(context, drop, records.rows, DONE);
    await drop.flush();
    return nothing;
  }
  const state = now ? await withPaintLeft(context, ws, rec.state, now) : rec.state;

  const log = new WriteLog();
  const clearing: Phase = PHASES[rec.phase].earlier ? 'X' : 'C';
  const mark = rec.phase !== 'C' && rec.phase !== 'X';
  let fillsRestored = 0;
  try {
    const budget = new RequestBudget(context, undefined, suspendCalculation(context), log);
    if (mark) await queuePhase(context, budget, rec.row, clearing + rec.first.slice(1), RECORD);
    fillsRestored = await queueRestoreFills(
      ws,
      budget,
      state,
      (_row, area) => [[area.left, area.right]],
      RESTORE,
    );
    if (fits) await queueUndo(ws, budget, prints, null, COLUMN);
    await budget.flush();

    const drop = new RequestBudget(context, undefined, undefined, log);
    await recalculate(context, drop, opened, DONE);
    await queueDropRows(context, drop, records.rows, DONE);
    await drop.flush();
  } catch (e) {
    const undone = await rolledBack(context, e, log, () => {
      if (mark) {
        context.workbook.worksheets.getItem(STATE_SHEET).getRange(`B${rec.row}`).values = [
          [rec.first],
        ];
      }
    });
    const where = { sheet };
    if (undone || !log.failedAny(ON_SHEET)) throw toPortError(e, where, lang);
    throw unfinishedError(
      log.failedAny([RESTORE]) ? 'clear_fills' : 'clear_column',
      e,
      where,
      lang,
    );
  }
  return {
    sheet,
    fillsRestored,
    statusColumnRemoved: fits,
    uncertainRows: rebased.uncertain,
  };
}

/**
 * The record's saved fills plus, for the body's cells no saved fill covers (rows that moved with
 * no fill of their own, rows inserted since), what they hold now with our colours taken for none:
 * so a clear after rows moved leaves none of our paint behind and keeps what the user put there.
 */
async function withPaintLeft(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  state: PaintState,
  now: RowIdentity,
): Promise<PaintState> {
  if (now.keys.length === 0) return state;
  const right = Math.max(state.status.column, ...state.areas.map((a) => a.rect.right));
  const body: Rect = {
    top: now.firstRow,
    bottom: now.firstRow + now.keys.length - 1,
    left: now.left,
    right,
  };
  const rest = uncovered(
    body,
    state.areas.map((a) => a.rect),
  );
  if (rest.length === 0) return state;
  const palette = new Palette(state.palette);
  const read = await readUserFills(context, ws, rest, queueFillChecks(ws, body), palette);
  const none = palette.of(NO_FILL);
  return {
    ...state,
    palette: palette.keys,
    areas: [...state.areas, ...dropOurPaint(palette.keys, read, state.rows.colors, none)],
  };
}
