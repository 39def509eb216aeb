import { OfficeMockObject } from './officeAddinMock';
import { MINIMUM_CAPABILITIES } from '../../../src/adapters/office/capabilities';
import { excelRun, runOptions } from '../../../src/adapters/office/excelRun';

describe('runOptions', () => {
  it('asks Excel to wait for cell editing and to merge undo only where supported', () => {
    expect(runOptions(MINIMUM_CAPABILITIES)).toEqual({});
    expect(
      runOptions({ delayForCellEdit: true, mergedAreas: true, mergeUndoGroup: false }),
    ).toEqual({ delayForCellEdit: true });
    expect(runOptions({ delayForCellEdit: true, mergedAreas: true, mergeUndoGroup: true })).toEqual(
      { delayForCellEdit: true, mergeUndoGroup: true },
    );
  });
});

describe('excelRun', () => {
  it('passes the options to Excel.run with the batch', async () => {
    const calls: unknown[] = [];
    const excel = new OfficeMockObject({
      run: async (options: unknown, batch: (ctx: unknown) => Promise<unknown>) => {
        calls.push(options);
        return batch({ workbook: {} });
      },
    });
    const g = globalThis as unknown as { Excel?: unknown };
    g.Excel = excel;
    try {
      const run = excelRun({ delayForCellEdit: true, mergedAreas: false, mergeUndoGroup: false });
      await expect(run(() => Promise.resolve(42))).resolves.toBe(42);
    } finally {
      delete g.Excel;
    }
    expect(calls).toEqual([{ delayForCellEdit: true }]);
  });
});
