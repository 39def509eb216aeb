import { PackageWorkbook } from '../../../src/adapters/xlsxPackage/PackageWorkbook';
import { STATE_SHEET } from '../../../src/core/ownSheets';
import type { WorkbookSettings } from '../../../src/port/WorkbookPort';
import { bytesOf, planTableWorkbook, reread } from '../../support/xlsxTestKit';

describe('the package adapter', () => {
  describe('PackageWorkbook settings', () => {
    it('reads back the settings it saved, after the file is written and opened again', async () => {
      const settings: WorkbookSettings = {
        rules: { preset: 'due-soon', dueSoonDays: 5, labels: { severe: '逾期' } },
        overrides: { 重点项目: { deadline: 'H', unit: null } },
        lastAsOf: '2023-06-30',
        documents: {
          issuingOffice: 'XX区人民政府办公室',
          noticeBody: '{单位}：请于{回复日期}前回复。',
        },
      };
      const book = await PackageWorkbook.open(await bytesOf(planTableWorkbook()));
      await book.saveSettings(settings);
      const again = await PackageWorkbook.open(await book.save());
      expect(await again.loadSettings()).toEqual(settings);
    });

    it('keeps settings longer than one cell can hold, split over several cells', async () => {
      const overrides: Record<string, { deadline: string }> = {};
      for (let i = 0; i < 3000; i++) overrides[`第${i}号工作表😀`] = { deadline: 'H' };
      const book = await PackageWorkbook.open(await bytesOf(planTableWorkbook()));
      await book.saveSettings({ overrides });
      const bytes = await book.save();
      const state = (await reread(bytes)).getWorksheet(STATE_SHEET)!;
      expect(state.state).toBe('veryHidden');
      const cells = state.getRow(2).cellCount;
      expect(cells).toBeGreaterThan(3);
      for (let c = 2; c <= cells; c++) {
        expect(state.getRow(2).getCell(c).text.length).toBeLessThanOrEqual(32767);
      }
      expect(await (await PackageWorkbook.open(bytes)).loadSettings()).toEqual({ overrides });
    });

    it('gives empty settings for a workbook that has none, and drops parts that are damaged', async () => {
      const book = await PackageWorkbook.open(await bytesOf(planTableWorkbook()));
      expect(await book.loadSettings()).toEqual({});
      await book.saveSettings({
        rules: { preset: 'no-such-preset' } as never,
        lastAsOf: '2023-06-30',
        documents: { replyDays: -1 },
      });
      expect(await book.loadSettings()).toEqual({ lastAsOf: '2023-06-30' });
    });
  });
});
