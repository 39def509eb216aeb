import { MINIMUM_CAPABILITIES } from '../../../src/adapters/office/capabilities';
import { OfficeWorkbook } from '../../../src/adapters/office/OfficeWorkbook';
import type { PaintPlan } from '../../../src/core/paintPlan';
import { RecordingExcel, type FakeSheet } from '../../fakes/recordingExcel';
import { records, world } from './faultMatrix';
import { addPlanTable } from './planTable';

/**
 * Rows or columns inserted or deleted between painting and clearing move the cells we painted
 * away from the addresses we saved. Like the package adapter (src/adapters/xlsxPackage/paint.ts), the
 * Office adapter checks that the status column still holds what it wrote before it restores
 * anything; if not, it leaves the cells alone, forgets the paint and reports nothing removed.
 */

const SHEET = '重点项目';
const NOTHING = { sheet: SHEET, fillsRestored: 0, statusColumnRemoved: false, uncertainRows: [] };

function port(excel: RecordingExcel): OfficeWorkbook {
  return new OfficeWorkbook({ run: excel.run, capabilities: MINIMUM_CAPABILITIES });
}

async function painted(): Promise<{
  excel: RecordingExcel;
  sheet: FakeSheet;
  plan: PaintPlan;
  wb: OfficeWorkbook;
}> {
  const excel = new RecordingExcel();
  const { sheet, plan } = addPlanTable(excel, { rows: 200, sectionEvery: 40 });
  sheet.setFill('A5:J5', '#FFFF00');
  sheet.setFill('C8', '#FF0000');
  const wb = port(excel);
  await wb.applyPaint(plan);
  return { excel, sheet, plan, wb };
}

/** Our records on the hidden sheet. */
function recordCount(excel: RecordingExcel): number {
  return records({ excel } as Parameters<typeof records>[0]);
}

describe('clearPaint after the user moved cells', () => {
  it.each([
    ['a row was inserted above the table', (s: FakeSheet) => s.insertRows(1)],
    ['a row was inserted inside the table', (s: FakeSheet) => s.insertRows(100)],
    ['two rows were deleted inside the table', (s: FakeSheet) => s.deleteRows(60, 2)],
    ['a column was inserted left of the status column', (s: FakeSheet) => s.insertColumns('C')],
    ['a column was deleted left of the status column', (s: FakeSheet) => s.deleteColumns('H')],
    ['a status cell was typed over', (s: FakeSheet) => s.setValues('K50', [['已核实']])],
  ])(
    'leaves the cells alone, forgets the paint and reports nothing removed when %s',
    async (_what, move) => {
      const { excel, sheet, wb } = await painted();
      move(sheet);
      const moved = sheet.snapshot();
      await expect(wb.clearPaint(SHEET)).resolves.toEqual(NOTHING);
      expect(sheet.snapshot()).toEqual(moved);
      expect(recordCount(excel)).toBe(0);
      // Forgotten: a second clear finds nothing either.
      await expect(wb.clearPaint(SHEET)).resolves.toEqual(NOTHING);
    },
  );

  it('clears exactly when rows were inserted below the table and nothing of ours moved', async () => {
    const excel = new RecordingExcel();
    const { sheet, plan } = addPlanTable(excel, { rows: 200, sectionEvery: 40 });
    sheet.setValues('A220', [['备注:以上数据截至6月底']]);
    sheet.setFill('A5:J5', '#FFFF00');
    const wb = port(excel);
    await wb.applyPaint(plan);
    sheet.insertRows(215, 3);
    const expected = (() => {
      const e = new RecordingExcel();
      const t = addPlanTable(e, { rows: 200, sectionEvery: 40 }).sheet;
      t.setValues('A220', [['备注:以上数据截至6月底']]);
      t.setFill('A5:J5', '#FFFF00');
      t.insertRows(215, 3);
      return t.snapshot();
    })();
    await expect(wb.clearPaint(SHEET)).resolves.toMatchObject({
      statusColumnRemoved: true,
      uncertainRows: [],
    });
    expect(sheet.snapshot()).toEqual(expected);
  });

  it('leaves the cells alone when rows were inserted after a paint that stopped part way', async () => {
    const w = world();
    w.excel.failAtSync(5, 'ActivityLimitReached');
    await expect(w.wb.applyPaint(w.first)).rejects.toThrow('状态列已写入,颜色未完成');
    const sheet = w.excel.sheet(SHEET);
    sheet.insertRows(40);
    const moved = sheet.snapshot();
    await expect(w.wb.clearPaint(SHEET)).resolves.toEqual(NOTHING);
    expect(sheet.snapshot()).toEqual(moved);
  });
});

describe('applyPaint after the user moved cells', () => {
  // As in the xlsx adapter, the record no longer fits, so the sheet is painted as one never
  // painted: fills the old paint left on moved rows are then taken for the user's own.
  it('paints as on a sheet never painted, keeping one record, like the xlsx adapter', async () => {
    const { excel, sheet, plan, wb } = await painted();
    sheet.insertRows(1);
    const shifted: PaintPlan = { ...plan, origin: { row: plan.origin.row + 1, col: 1 } };
    await wb.applyPaint(shifted);
    expect(recordCount(excel)).toBe(1);
    const row = 4 + plan.codes.findIndex((c) => c === 3);
    expect(sheet.value(`K${row}`)).toBe(plan.labels[3]);
    // The clear checks the column written by this paint, which is in place.
    await expect(wb.clearPaint(SHEET)).resolves.toMatchObject({
      statusColumnRemoved: true,
      uncertainRows: [],
    });
    expect(sheet.value(`K${row}`)).toBeNull();
    expect(sheet.value('K3')).toBeNull();
    expect(recordCount(excel)).toBe(0);
  });

  it('paints again over its own column when the record was lost, and finishes after a failure part way', async () => {
    const { excel, sheet, plan, wb } = await painted();
    excel.removeSheet(excel.sheet('_tricolor'));
    excel.resetStats();
    // Syncs 1–4 read (the sheet, the column found full, its texts, the fills); 5 writes first.
    excel.failAtSync(5, 'ActivityLimitReached', { applied: 0.5 });
    await expect(wb.applyPaint(plan)).rejects.toThrow('状态列未写完');
    await wb.applyPaint(plan);
    const reference = (await painted()).sheet.snapshot();
    expect(sheet.snapshot()).toEqual(reference);
  });
});
