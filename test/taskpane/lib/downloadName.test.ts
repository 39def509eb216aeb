import { downloadName } from '../../../src/taskpane/lib/downloadName';

describe('downloadName', () => {
  it('puts 三色 before the extension so the copy sits next to the original', () => {
    expect(downloadName('重点项目.xlsx')).toBe('重点项目.三色.xlsx');
    expect(downloadName('Plan.XLSX')).toBe('Plan.三色.xlsx');
  });

  it('names a file without a name', () => {
    expect(downloadName('.xlsx')).toBe('workbook.三色.xlsx');
  });
});
