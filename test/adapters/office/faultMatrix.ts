import { MINIMUM_CAPABILITIES } from '../../../src/adapters/office/capabilities';
import { OfficeWorkbook } from '../../../src/adapters/office/OfficeWorkbook';
import { STATE_SHEET } from '../../../src/core/ownSheets';
import type { FillRuns, PaintPlan } from '../../../src/core/paintPlan';
import { defaultRules } from '../../../src/core/rules';
import { STATUSES } from '../../../src/core/status';
import { PortError } from '../../../src/port/WorkbookPort';
import { RecordingExcel, type SheetSnapshot } from '../../fakes/recordingExcel';
import { addPlanTable, truncatePlan } from './planTable';

/**
 * Runs a paint, a repaint, the same paint again or a clear in the recording Excel fake with a
 * failure at one sync after another, and checks what every failure leaves: the sheet exactly as
 * before, fully done, or a PortError saying what is half done; then that running the same
 * operation again finishes it exactly, and that clearing afterwards gives back the user's sheet.
 */

export type Operation = 'paint' | 'repaint' | 'repeat' | 'clear';

/**
 * How the n-th sync fails: Excel refuses it (share `applied` of its operations carried out
 * first), or before it the user protects the sheet or starts editing a cell.
 */
export type Failure =
  | { readonly kind: 'fault'; readonly applied: number }
  | { readonly kind: 'protect' }
  | { readonly kind: 'edit' };

export type Outcome = 'before' | 'done' | 'half';

export interface Position {
  readonly sync: number;
  readonly outcome: Outcome;
  /** The error's message, or null when the operation went through. */
  readonly message: string | null;
}

export interface MatrixResult {
  readonly syncs: number;
  readonly positions: Position[];
  /** Everything that broke a rule, in words; empty when all held. */
  readonly problems: string[];
}

const SHEET = '重点项目';
const ROWS = 120;

/** Sentences that say what is half done (see src/adapters/office/errors.ts). */
export const HALF_DONE = {
  paint: /^(状态列未写完,颜色未改|状态列已写入,颜色未完成),请再点一次“标注”。原因:/,
  clear: /^原有颜色(未恢复完,状态列还在|已恢复,状态列未清除完),请再点一次“清除标注”。原因:/,
};

/** Fill runs for codes, as the engine would make them (grid rows from firstRow). */
function fillsFor(codes: Uint8Array, firstRow: number): FillRuns[] {
  const rules = defaultRules();
  return STATUSES.flatMap((status, s) => {
    const runs: number[] = [];
    codes.forEach((c, i) => {
      if (c !== s + 1) return;
      const r = firstRow + i;
      if (runs.length > 0 && runs[runs.length - 1] === r - 1) runs[runs.length - 1] = r;
      else runs.push(r, r);
    });
    return runs.length > 0 ? [{ status, color: rules.colors[status], runs }] : [];
  });
}

/**
 * The second plan of a repaint: ten rows shorter, a status changed on every fifth row, and one
 * label with a digit (so the column becomes text-formatted).
 */
export function secondPlan(plan: PaintPlan): PaintPlan {
  const short = truncatePlan(plan, plan.codes.length - 10);
  const codes = Uint8Array.from(short.codes, (c, i) => (c > 0 && i % 5 === 0 ? (c % 5) + 1 : c));
  const labels = [...plan.labels];
  labels[3] = '严重滞后2';
  return { ...short, codes, labels, fills: fillsFor(codes, short.firstRow) };
}

interface World {
  readonly excel: RecordingExcel;
  readonly wb: OfficeWorkbook;
  readonly first: PaintPlan;
  readonly second: PaintPlan;
}

/** A plan table with the user's own fills: a row, a cell, a patterned block, the header, K30. */
export function world(maxRequestBytes?: number): World {
  const excel = new RecordingExcel();
  const { sheet, plan } = addPlanTable(excel, { rows: ROWS, sectionEvery: 25 });
  sheet.setFill('A5:J5', '#FFFF00');
  sheet.setFill('C8', '#FF0000');
  sheet.setFill('D10:E12', '#92D050', 'Gray50', '#000000');
  sheet.setFill('A2:J2', '#D9D9D9');
  sheet.setFill('K30', '#00B0F0');
  excel.maxRequestBytes = maxRequestBytes;
  const wb = new OfficeWorkbook({ run: excel.run, capabilities: MINIMUM_CAPABILITIES });
  return { excel, wb, first: plan, second: secondPlan(plan) };
}

export function snapshot(w: World): SheetSnapshot {
  return w.excel.sheet(SHEET).snapshot();
}

/** Rows of our records on the hidden sheet. */
export function records(w: World): number {
  const state = w.excel.findSheet(STATE_SHEET);
  if (!state) return 0;
  let n = 0;
  for (const v of state.values.values()) {
    if (typeof v === 'string' && v.startsWith('paint:')) n++;
  }
  return n;
}

async function setup(w: World, op: Operation): Promise<void> {
  if (op !== 'paint') await w.wb.applyPaint(w.first);
}

function run(w: World, op: Operation): Promise<unknown> {
  if (op === 'clear') return w.wb.clearPaint(SHEET);
  return w.wb.applyPaint(op === 'repaint' ? w.second : w.first);
}

const same = (a: SheetSnapshot, b: SheetSnapshot): boolean =>
  JSON.stringify(a) === JSON.stringify(b);

function inject(w: World, n: number, failure: Failure): void {
  if (failure.kind === 'fault') {
    w.excel.failAtSync(n, 'ActivityLimitReached', { applied: failure.applied });
  } else if (n > 1) {
    // Between sync n-1 and sync n, as a user acting while the add-in works.
    w.excel.afterSync(n - 1, () =>
      failure.kind === 'protect' ? w.excel.protect(SHEET) : w.excel.startCellEdit(),
    );
  } else if (failure.kind === 'protect') w.excel.protect(SHEET);
  else w.excel.startCellEdit();
}

function recover(w: World, failure: Failure): void {
  if (failure.kind === 'protect') w.excel.sheet(SHEET).isProtected = false;
  if (failure.kind === 'edit') w.excel.endCellEdit();
}

/**
 * Fails `op` at each of its syncs in turn (counted in a run without failure) and checks every rule;
 * `maxRequestBytes` makes the fake refuse larger requests, so each step spans more syncs.
 */
export async function faultMatrix(
  op: Operation,
  failure: Failure,
  maxRequestBytes?: number,
): Promise<MatrixResult> {
  const original = snapshot(world(maxRequestBytes));
  const clean = world(maxRequestBytes);
  await setup(clean, op);
  const before = snapshot(clean);
  clean.excel.resetStats();
  await run(clean, op);
  const syncs = clean.excel.stats.syncs;
  const done = snapshot(clean);

  const problems: string[] = [];
  const positions: Position[] = [];
  for (let n = 1; n <= syncs; n++) {
    const at = `${op} failing (${JSON.stringify(failure)}) at sync ${n} of ${syncs}`;
    const w = world(maxRequestBytes);
    await setup(w, op);
    const hidden = w.excel.findSheet(STATE_SHEET)?.snapshot() ?? null;
    w.excel.resetStats();
    inject(w, n, failure);
    const error = await run(w, op).then(
      () => null,
      (e: unknown) => e,
    );
    const after = snapshot(w);
    // Painting the same plan again leaves the sheet as it was: that counts as done.
    const outcome: Outcome = same(after, done) ? 'done' : same(after, before) ? 'before' : 'half';
    const message = error instanceof Error ? error.message : null;
    positions.push({ sync: n, outcome, message });
    if (error !== null && !(error instanceof PortError))
      problems.push(
        `${at}: threw ${error instanceof Error ? `${error.name}: ${error.message}` : JSON.stringify(error)}`,
      );
    const halfDone = HALF_DONE[op === 'clear' ? 'clear' : 'paint'];
    if (outcome === 'half' && (message === null || !halfDone.test(message))) {
      problems.push(`${at}: half done, but the message is ${JSON.stringify(message)}`);
    }
    if (outcome !== 'done' && error === null) problems.push(`${at}: not done, yet no error`);
    if (failure.kind === 'protect' && outcome === 'before') {
      const stateNow = w.excel.findSheet(STATE_SHEET)?.snapshot() ?? null;
      if (!same(stateNow as SheetSnapshot, hidden as SheetSnapshot)) {
        problems.push(`${at}: protected before any change, yet the hidden sheet changed`);
      }
      if (message !== '工作表“重点项目”受保护,请先在“审阅”中撤销工作表保护,再点一次。') {
        problems.push(`${at}: protected before any change, message ${JSON.stringify(message)}`);
      }
    }

    recover(w, failure);
    await run(w, op);
    if (!same(snapshot(w), done)) problems.push(`${at}: running it again did not finish it`);
    const expectRecords = op === 'clear' ? 0 : 1;
    if (records(w) !== expectRecords) {
      problems.push(`${at}: ${records(w)} records after running it again`);
    }
    if (op === 'clear') await w.wb.applyPaint(w.first);
    await w.wb.clearPaint(SHEET);
    if (!same(snapshot(w), original)) problems.push(`${at}: clearing did not give the sheet back`);
    if (records(w) !== 0) problems.push(`${at}: ${records(w)} records left after clearing`);

    // The other way out: after the failure, the other operation instead of the same one again.
    const v = world(maxRequestBytes);
    await setup(v, op);
    v.excel.resetStats();
    inject(v, n, failure);
    await run(v, op).catch(() => undefined);
    recover(v, failure);
    if (op === 'clear') {
      await v.wb.applyPaint(v.first);
      await v.wb.clearPaint(SHEET);
    } else await v.wb.clearPaint(SHEET);
    if (!same(snapshot(v), original)) {
      problems.push(
        `${at}: ${op === 'clear' ? 'painting then clearing' : 'clearing'} instead did not give the sheet back`,
      );
    }
  }
  return { syncs, positions, problems };
}
