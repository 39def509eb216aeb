import { MINIMUM_CAPABILITIES, type Capabilities } from '../../../src/adapters/office/capabilities';
import { OfficeWorkbook } from '../../../src/adapters/office/OfficeWorkbook';
import { STATE_SHEET } from '../../../src/core/ownSheets';
import { PortError } from '../../../src/port/WorkbookPort';
import { RecordingExcel, type FakeRunOptions } from '../../fakes/recordingExcel';
import {
  faultMatrix,
  records,
  snapshot,
  world,
  type Failure,
  type MatrixResult,
  type Operation,
} from './faultMatrix';
import { addPlanTable } from './planTable';

/**
 * Faults in Excel at every sync of a paint, a repaint, the same paint again and a clear (see
 * faultMatrix.ts for the rules each one is held to), then payload limits, cell editing and a sheet
 * protected while the add-in works.
 */

const FAILURES: readonly Failure[] = [
  { kind: 'fault', applied: 0 },
  { kind: 'fault', applied: 0.5 },
  { kind: 'fault', applied: 1 },
  { kind: 'protect' },
  { kind: 'edit' },
];

/** Requests as Excel takes them, and requests the fake refuses over 1,000 bytes (more syncs). */
const LIMITS = [undefined, 1_000] as const;

async function matrices(op: Operation): Promise<MatrixResult[]> {
  const out: MatrixResult[] = [];
  for (const limit of LIMITS) for (const f of FAILURES) out.push(await faultMatrix(op, f, limit));
  return out;
}

const outcomes = (results: readonly MatrixResult[]): Set<string> =>
  new Set(results.flatMap((r) => r.positions.map((p) => p.outcome)));

const SHEET = '重点项目';
const PROTECTED = '工作表“重点项目”受保护,请先在“审阅”中撤销工作表保护,再点一次。';
const EDITING = '请先退出单元格编辑状态(按 Enter 或 Esc),再点一次。';

describe('a failure at any sync', () => {
  it('of a first paint leaves the sheet as it was, fully painted, or says what is half done; painting again finishes it, clearing gives the sheet back', async () => {
    const results = await matrices('paint');
    expect(results.flatMap((r) => r.problems)).toEqual([]);
    expect(outcomes(results)).toEqual(new Set(['before', 'half', 'done']));
    // Every read fails before any change; the first write request fails with nothing changed.
    for (const r of results)
      expect(r.positions.slice(0, 3).map((p) => p.outcome)).toEqual(['before', 'before', 'before']);
  }, 120_000);

  it('of a repaint with other statuses and a shorter table never loses the user’s fills: painting again finishes it, clearing gives the sheet back', async () => {
    const results = await matrices('repaint');
    expect(results.flatMap((r) => r.problems)).toEqual([]);
    expect(outcomes(results)).toEqual(new Set(['before', 'half', 'done']));
  }, 120_000);

  it('of the same paint run again leaves the painted sheet or says what is half done, and painting again finishes it', async () => {
    const results = await matrices('repeat');
    expect(results.flatMap((r) => r.problems)).toEqual([]);
  }, 120_000);

  it('of a clear leaves the paint, the user’s sheet, or says what is half done; clearing again finishes it', async () => {
    const results = await matrices('clear');
    expect(results.flatMap((r) => r.problems)).toEqual([]);
    expect(outcomes(results)).toEqual(new Set(['before', 'half', 'done']));
  }, 120_000);

  it('in the fills says exactly that the status column is written and the colours are not', async () => {
    const w = world();
    w.excel.failAtSync(5, 'ActivityLimitReached');
    await expect(w.wb.applyPaint(w.first)).rejects.toMatchObject({
      code: 'busy',
      message:
        '状态列已写入,颜色未完成,请再点一次“标注”。原因:Excel正忙(可能正在计算或同步),请稍等片刻再点一次。',
    });
    await w.wb.applyPaint(w.first);
    expect(records(w)).toBe(1);
  });
});

describe('payload limits', () => {
  it('make a paint send smaller requests and blocks, and the sheet comes out the same', async () => {
    const reference = world();
    await reference.wb.applyPaint(reference.first);
    const w = world(1_000);
    await w.wb.applyPaint(w.first);
    expect(snapshot(w)).toEqual(snapshot(reference));
    const refused = w.excel.stats.requests.filter((r) => r.bytes > 1_000).length;
    expect(refused).toBeGreaterThan(0);
    // Each refusal halves what is sent, so refusals stay few.
    expect(refused).toBeLessThan(8);
    await w.wb.clearPaint(SHEET);
    expect(snapshot(w)).toEqual(snapshot(world()));
  });

  it('make the check of the status column before a clear read smaller blocks', async () => {
    const excel = new RecordingExcel();
    const { sheet, plan } = addPlanTable(excel, { rows: 3_000 });
    sheet.setFill('A5:J5', '#FFFF00');
    const before = sheet.snapshot();
    const wb = new OfficeWorkbook({ run: excel.run, capabilities: MINIMUM_CAPABILITIES });
    await wb.applyPaint(plan);
    excel.maxResponseBytes = 20_000;
    excel.resetStats();
    await expect(wb.clearPaint(SHEET)).resolves.toMatchObject({
      statusColumnRemoved: true,
      uncertainRows: [],
    });
    expect(sheet.snapshot()).toEqual(before);
    expect(excel.stats.responses.some((b) => b > 20_000)).toBe(true);
  });

  it('make reading the user’s varied fills ask for fewer cells at a time', async () => {
    const excel = new RecordingExcel();
    const { sheet, plan } = addPlanTable(excel, { rows: 500 });
    // A chequerboard: every block of fills differs cell by cell, so each is read cell by cell.
    for (let r = 3; r < 500; r += 2) sheet.setFill(`A${r}:E${r}`, '#FFFF00');
    const before = sheet.snapshot();
    excel.maxResponseBytes = 30_000;
    const wb = new OfficeWorkbook({ run: excel.run, capabilities: MINIMUM_CAPABILITIES });
    await wb.applyPaint(plan);
    expect(excel.stats.responses.some((b) => b > 30_000)).toBe(true);
    await wb.clearPaint(SHEET);
    expect(sheet.snapshot()).toEqual(before);
  });
});

/** OfficeWorkbook reaching the fake through the real Excel.run wiring (excelRun). */
async function withExcelGlobal<T>(excel: RecordingExcel, body: () => Promise<T>): Promise<T> {
  const g = globalThis as unknown as { Excel?: unknown };
  g.Excel = {
    run: <R>(options: FakeRunOptions, batch: (ctx: Excel.RequestContext) => Promise<R>) =>
      excel.runWith(options)(batch),
  };
  try {
    return await body();
  } finally {
    delete g.Excel;
  }
}

describe('cell editing', () => {
  it('makes the paint wait until the user leaves the cell where Excel can delay requests', async () => {
    const excel = new RecordingExcel();
    const { sheet, plan } = addPlanTable(excel, { rows: 50 });
    const caps: Capabilities = { ...MINIMUM_CAPABILITIES, delayForCellEdit: true };
    excel.startCellEdit();
    setTimeout(() => excel.endCellEdit(), 20);
    await withExcelGlobal(excel, () => new OfficeWorkbook({ capabilities: caps }).applyPaint(plan));
    expect(excel.cellEditing).toBe(false);
    expect(sheet.value('K2')).toBe('三色状态');
  });

  it('gives its Chinese sentence and changes nothing where Excel cannot wait', async () => {
    const excel = new RecordingExcel();
    const { sheet, plan } = addPlanTable(excel, { rows: 50 });
    const before = sheet.snapshot();
    excel.startCellEdit();
    const error = await withExcelGlobal(excel, () =>
      new OfficeWorkbook({ capabilities: MINIMUM_CAPABILITIES }).applyPaint(plan),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PortError);
    expect(error).toMatchObject({ code: 'cell_edit_mode', message: EDITING });
    expect(sheet.snapshot()).toEqual(before);
    expect(excel.findSheet(STATE_SHEET)).toBeUndefined();
  });

  it('begun while the status column is written says what is half done, then the user leaves the cell and paints again', async () => {
    const w = world();
    w.excel.afterSync(3, () => w.excel.startCellEdit());
    const error = await w.wb.applyPaint(w.first).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'cell_edit_mode',
      message: `状态列未写完,颜色未改,请再点一次“标注”。原因:${EDITING}`,
    });
    w.excel.endCellEdit();
    await w.wb.applyPaint(w.first);
    const reference = world();
    await reference.wb.applyPaint(reference.first);
    expect(snapshot(w)).toEqual(snapshot(reference));
  });
});

describe('a sheet protected while the add-in works', () => {
  it('between reading and painting gives its message and changes nothing', async () => {
    const excel = new RecordingExcel();
    const { sheet, plan } = addPlanTable(excel, { rows: 50 });
    const wb = new OfficeWorkbook({ run: excel.run, capabilities: MINIMUM_CAPABILITIES });
    await wb.readSheet(SHEET);
    const before = sheet.snapshot();
    excel.protect(SHEET);
    await expect(wb.applyPaint(plan)).rejects.toMatchObject({
      code: 'sheet_protected',
      message: PROTECTED,
    });
    expect(sheet.snapshot()).toEqual(before);
    expect(excel.findSheet(STATE_SHEET)).toBeUndefined();
  });

  it('after the paint’s own checks gives its message, and neither the sheet nor the hidden sheet changes', async () => {
    const w = world();
    const before = snapshot(w);
    // Syncs 1–3 read (the sheet, the records and column, the user's fills); 4 writes first.
    w.excel.afterSync(3, () => w.excel.protect(SHEET));
    await expect(w.wb.applyPaint(w.first)).rejects.toMatchObject({
      code: 'sheet_protected',
      message: PROTECTED,
    });
    expect(snapshot(w)).toEqual(before);
    expect(w.excel.findSheet(STATE_SHEET)).toBeUndefined();
  });

  it('before a repaint writes gives its message and leaves the earlier paint and its record as they were', async () => {
    const w = world();
    await w.wb.applyPaint(w.first);
    const painted = snapshot(w);
    const hidden = w.excel.sheet(STATE_SHEET).snapshot();
    w.excel.resetStats();
    // Syncs 1–3 read (the sheet, the records, the status column); 4 writes first.
    w.excel.afterSync(3, () => w.excel.protect(SHEET));
    await expect(w.wb.applyPaint(w.second)).rejects.toMatchObject({ message: PROTECTED });
    expect(snapshot(w)).toEqual(painted);
    expect(w.excel.sheet(STATE_SHEET).snapshot()).toEqual(hidden);
  });

  it('before a clear writes gives its message and leaves the paint and its record as they were', async () => {
    const w = world();
    await w.wb.applyPaint(w.first);
    const painted = snapshot(w);
    const hidden = w.excel.sheet(STATE_SHEET).snapshot();
    w.excel.resetStats();
    w.excel.afterSync(3, () => w.excel.protect(SHEET));
    await expect(w.wb.clearPaint(SHEET)).rejects.toMatchObject({ message: PROTECTED });
    expect(snapshot(w)).toEqual(painted);
    expect(w.excel.sheet(STATE_SHEET).snapshot()).toEqual(hidden);
  });
});
