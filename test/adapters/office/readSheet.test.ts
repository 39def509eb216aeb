import { OfficeWorkbook } from '../../../src/adapters/office/OfficeWorkbook';
import { MINIMUM_CAPABILITIES, type Capabilities } from '../../../src/adapters/office/capabilities';
import { parseAreasAddress, toCellValue } from '../../../src/adapters/office/readSheet';
import { formatIsoDay, serialToDay } from '../../../src/core/dates';
import { RecordingExcel } from '../../fakes/recordingExcel';

const ALL: Capabilities = { delayForCellEdit: true, mergedAreas: true, mergeUndoGroup: true };

function port(excel: RecordingExcel, caps: Capabilities = ALL): OfficeWorkbook {
  return new OfficeWorkbook({ run: excel.run, capabilities: caps });
}

describe('readSheet', () => {
  it('reads values, number formats, hidden rows and merges from where the table starts', async () => {
    const excel = new RecordingExcel();
    const sheet = excel.addSheet(
      '计划表',
      [
        ['2023年重点工作任务清单', null, null],
        ['序号', '工作任务', '完成时限'],
        [1, '道路改造', 45107],
        [2, '污水管网', '6月底'],
        [null, null, null],
        [3, '学校扩建', true],
      ],
      'B3',
    );
    sheet.merge('B3:D3');
    sheet.setNumberFormat('D5', 'yyyy/m/d');
    sheet.hiddenRows.add(6);

    const grid = await port(excel).readSheet('计划表');

    expect(grid).toEqual({
      name: '计划表',
      origin: { row: 3, col: 2 },
      values: [
        ['2023年重点工作任务清单', null, null],
        ['序号', '工作任务', '完成时限'],
        [1, '道路改造', 45107],
        [2, '污水管网', '6月底'],
        [null, null, null],
        [3, '学校扩建', true],
      ],
      numberFormats: [
        undefined,
        undefined,
        [null, null, 'yyyy/m/d'],
        undefined,
        undefined,
        undefined,
      ],
      merges: [{ top: 0, left: 0, bottom: 0, right: 2 }],
      hiddenRows: [3],
      date1904: false,
    });
  });

  it('turns error values into { error } but keeps "#N/A" typed as text a string', async () => {
    const excel = new RecordingExcel();
    excel.addSheet('表', [[{ error: '#N/A' }, '#N/A', { error: '#DIV/0!' }, { error: '#SPILL!' }]]);
    const grid = await port(excel).readSheet('表');
    expect(grid.values).toEqual([
      [{ error: '#N/A' }, '#N/A', { error: '#DIV/0!' }, { error: '#SPILL!' }],
    ]);
  });

  it('reads an empty sheet as an empty grid at A1', async () => {
    const excel = new RecordingExcel();
    excel.addSheet('空表');
    await expect(port(excel).readSheet('空表')).resolves.toEqual({
      name: '空表',
      values: [],
      merges: [],
      origin: { row: 1, col: 1 },
      date1904: false,
    });
  });

  it('reads 12,000 rows in three blocks of 5,000, reporting progress after each', async () => {
    const excel = new RecordingExcel();
    excel.addSheet(
      '长表',
      Array.from({ length: 12_000 }, (_, i) => [i, `任务${i}`]),
    );
    const progress: [number, number][] = [];
    const grid = await port(excel).readSheet('长表', (done, total) => progress.push([done, total]));
    expect(grid.values).toHaveLength(12_000);
    expect(grid.values[11_999]).toEqual([11_999, '任务11999']);
    expect(progress).toEqual([
      [5_000, 12_000],
      [10_000, 12_000],
      [12_000, 12_000],
    ]);
    // One sync for the used range, then one per block: never one per row.
    expect(excel.stats.syncs).toBe(4);
  });

  it('halves the block and goes on when Excel says the response is too large', async () => {
    const excel = new RecordingExcel();
    excel.addSheet(
      '宽表',
      Array.from({ length: 6_000 }, (_, i) => [
        i,
        `项目名称${i}`,
        '建设内容及规模较长的一段文字',
        '单位',
      ]),
    );
    excel.maxResponseBytes = 500_000;
    const grid = await port(excel).readSheet('宽表');
    expect(grid.values).toHaveLength(6_000);
    expect(grid.values[5_999]?.[1]).toBe('项目名称5999');
    const failed = excel.stats.responses.filter((b) => b > 500_000).length;
    expect(failed).toBeGreaterThan(0);
    expect(excel.largestResponse).toBeGreaterThan(500_000);
  });

  it('gives up with a payload message when even one row is too large', async () => {
    const excel = new RecordingExcel();
    excel.addSheet('表', [['x'.repeat(1_000)]]);
    excel.maxResponseBytes = 100;
    await expect(port(excel).readSheet('表')).rejects.toMatchObject({ code: 'payload_too_large' });
  });

  it('reads more than 512 merged areas, which one Excel call cannot return', async () => {
    const excel = new RecordingExcel();
    const sheet = excel.addSheet(
      '合并',
      Array.from({ length: 3_000 }, (_, i) => [i % 3 === 0 ? `单位${i}` : null, `任务${i}`]),
    );
    for (let r = 1; r <= 3_000; r += 3) sheet.merge(`A${r}:A${r + 2}`);
    const grid = await port(excel).readSheet('合并');
    expect(grid.merges).toHaveLength(1_000);
    expect(grid.merges).toContainEqual({ top: 2_997, left: 0, bottom: 2_999, right: 0 });
  });

  it('reads no merges where Excel lacks getMergedAreasOrNullObject (before ExcelApi 1.13)', async () => {
    const excel = new RecordingExcel();
    excel.addSheet('表', [['a', null]]).merge('A1:B1');
    const grid = await port(excel, MINIMUM_CAPABILITIES).readSheet('表');
    expect(grid.merges).toEqual([]);
  });

  it('says which sheet is missing', async () => {
    const excel = new RecordingExcel();
    await expect(port(excel).readSheet('不存在')).rejects.toMatchObject({
      code: 'sheet_not_found',
      message: '找不到工作表“不存在”,可能已被重命名或删除。请刷新后再试。',
    });
  });
});

describe('toCellValue', () => {
  it('maps Office.js values by their value type', () => {
    expect(toCellValue('#REF!', 'Error')).toEqual({ error: '#REF!' });
    expect(toCellValue('#REF!', 'String')).toBe('#REF!');
    expect(toCellValue('', 'Empty')).toBeNull();
    expect(toCellValue(3.5, 'Double')).toBe(3.5);
    expect(toCellValue(false, 'Boolean')).toBe(false);
  });
});

describe('parseAreasAddress', () => {
  it('reads each area of a RangeAreas address, whatever the sheet is called', () => {
    expect(parseAreasAddress("'A, b!c'!A1:B2, 'A, b!c'!$D$4")).toEqual([
      { top: 1, left: 1, bottom: 2, right: 2 },
      { top: 4, left: 4, bottom: 4, right: 4 },
    ]);
    expect(parseAreasAddress('Sheet1!C3:C9')).toEqual([{ top: 3, left: 3, bottom: 9, right: 3 }]);
    expect(parseAreasAddress('A1,B2:C3')).toHaveLength(2);
  });
});

describe('readSheet and the workbook’s date system', () => {
  it('says the workbook counts dates from 1904 when DATE(1904,1,1) gives 0, asked in the first sync', async () => {
    const excel = new RecordingExcel();
    excel.date1904 = true;
    excel.addSheet('表', [['完成时限'], [43646]]).setNumberFormat('A2', 'yyyy/m/d');
    const grid = await port(excel).readSheet('表');
    expect(grid.date1904).toBe(true);
    // One sync for the used range and the date system, one for the block: none more.
    expect(excel.stats.syncs).toBe(2);
    // So the engine reads serial 43646 as the day Excel shows there: 2023-07-01, not 2019-06-30.
    expect(formatIsoDay(serialToDay(43646, grid.date1904))).toBe('2023-07-01');
  });

  it('says the workbook counts dates from 1900 when DATE(1904,1,1) gives 1462', async () => {
    const excel = new RecordingExcel();
    excel.addSheet('表', [['完成时限'], [43646]]);
    const grid = await port(excel).readSheet('表');
    expect(grid.date1904).toBe(false);
    expect(excel.stats.syncs).toBe(2);
    expect(formatIsoDay(serialToDay(43646, grid.date1904))).toBe('2019-06-30');
  });

  it('tells the date system of an empty sheet too', async () => {
    const excel = new RecordingExcel();
    excel.date1904 = true;
    excel.addSheet('空表');
    await expect(port(excel).readSheet('空表')).resolves.toMatchObject({ date1904: true });
    expect(excel.stats.syncs).toBe(1);
  });
});
