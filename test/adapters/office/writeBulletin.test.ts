import { OfficeWorkbook } from '../../../src/adapters/office/OfficeWorkbook';
import { MINIMUM_CAPABILITIES } from '../../../src/adapters/office/capabilities';
import { SETTING_KEYS } from '../../../src/adapters/office/settings';
import { columnWidthPoints } from '../../../src/adapters/office/writeBulletin';
import { rowHeights } from '../../../src/core/bulletin/rowHeights';
import type { BulletinBook, BulletinSheet } from '../../../src/core/bulletinBook';
import { RecordingExcel } from '../../fakes/recordingExcel';

function port(excel: RecordingExcel): OfficeWorkbook {
  return new OfficeWorkbook({ run: excel.run, capabilities: MINIMUM_CAPABILITIES });
}

const SHEET: BulletinSheet = {
  name: '通报2023-06-30',
  cells: [
    { row: 0, col: 0, value: '2023年重点项目推进情况通报', style: 'title' },
    { row: 2, col: 0, value: '责任单位', style: 'head' },
    { row: 2, col: 1, value: '正常', style: 'head' },
    { row: 2, col: 2, value: '滞后', style: 'head' },
    { row: 2, col: 3, value: '完成率', style: 'head' },
    { row: 3, col: 0, value: '=SUM(A1)', style: 'cell' },
    { row: 3, col: 1, value: 12, style: 'cell' },
    { row: 3, col: 2, value: 3, style: 'cell' },
    { row: 3, col: 3, value: 0.8, style: 'pct' },
    { row: 4, col: 0, value: '-3', style: 'cell' },
    { row: 4, col: 1, value: 5, style: 'cell' },
    { row: 4, col: 2, value: 0, style: 'cell' },
    { row: 4, col: 3, value: 1, style: 'pct' },
    { row: 5, col: 0, value: '@住建局', style: 'cell' },
  ],
  styles: {
    title: { bold: true, fontSize: 16, align: 'center' },
    head: { bold: true, fill: 'D9E1F2', border: true, align: 'center', wrap: true },
    cell: { border: true },
    pct: { border: true, numFmt: '0.0%' },
  },
  merges: [{ top: 0, left: 0, bottom: 0, right: 3 }],
  columnWidths: [20, 8, 8, 10],
  print: {
    orientation: 'landscape',
    paperSize: 'A4',
    fitToWidth: true,
    repeatRows: { top: 0, bottom: 2 },
  },
  chart: {
    title: '各单位推进情况',
    categories: { top: 3, left: 0, bottom: 4, right: 0 },
    series: [
      { name: '正常', range: { top: 3, left: 1, bottom: 4, right: 1 }, color: 'C6EFCE' },
      { name: '滞后', range: { top: 3, left: 2, bottom: 4, right: 2 }, color: 'FFEB9C' },
    ],
  },
};

const BOOK: BulletinBook = {
  reportDate: '2023-06-30',
  sheets: [SHEET],
  text: '截至2023年6月30日……',
};

describe('writeBulletin', () => {
  it('keeps text that looks like a formula or a number as text', async () => {
    const excel = new RecordingExcel();
    await port(excel).writeBulletin(BOOK);
    const s = excel.sheet('通报2023-06-30');
    expect(s.value('A4')).toBe('=SUM(A1)');
    expect(s.formula('A4')).toBeUndefined();
    expect(s.value('A5')).toBe('-3');
    expect(s.value('A6')).toBe('@住建局');
    expect(s.value('B4')).toBe(12);
    expect(s.value('D4')).toBe(0.8);
    expect(s.numberFormat('D4')).toBe('0.0%');
  });

  it('applies styles, merges, column widths and the print setup', async () => {
    const excel = new RecordingExcel();
    await port(excel).writeBulletin(BOOK);
    const s = excel.sheet('通报2023-06-30');
    expect(s.style('A1')).toMatchObject({
      bold: true,
      fontSize: 16,
      horizontalAlignment: 'Center',
    });
    expect(s.fillOf('C3')).toBe('#D9E1F2');
    expect(s.style('C3').borders).toEqual(
      expect.arrayContaining(['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight']) as unknown,
    );
    expect(s.style('C3').wrapText).toBe(true);
    expect(s.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 4 }]);
    expect(s.columnWidths.get(1)).toBe(columnWidthPoints(20));
    expect(s.pageLayout).toEqual({
      orientation: 'Landscape',
      paperSize: 'A4',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: '$1:$3',
    });
  });

  it('falls back to "one page wide" when Excel refuses an automatic page height', async () => {
    const excel = new RecordingExcel();
    excel.rejectZoom = (z) => (z as { verticalFitToPages?: number }).verticalFitToPages === 0;
    await port(excel).writeBulletin(BOOK);
    expect(excel.sheet('通报2023-06-30').pageLayout.zoom).toEqual({ horizontalFitToPages: 1 });
    expect(excel.sheet('通报2023-06-30').value('A1')).toBe('2023年重点项目推进情况通报');
  });

  it('draws a clustered column chart of the counts by unit below the table, where core places it', async () => {
    const excel = new RecordingExcel();
    await port(excel).writeBulletin(BOOK);
    expect(excel.sheet('通报2023-06-30').charts).toEqual([
      {
        type: 'ColumnClustered',
        source: 'B4:B5',
        seriesBy: 'Columns',
        title: '各单位推进情况',
        position: 'A8:D25',
        series: [
          { name: '正常', xValues: "'通报2023-06-30'!A4:A5", color: '#C6EFCE' },
          {
            name: '滞后',
            values: "'通报2023-06-30'!C4:C5",
            xValues: "'通报2023-06-30'!A4:A5",
            color: '#FFEB9C',
          },
        ],
      },
    ]);
  });

  it('replaces a bulletin sheet it made before for the same date', async () => {
    const excel = new RecordingExcel();
    const wb = port(excel);
    await wb.writeBulletin(BOOK);
    excel.sheet('通报2023-06-30').setValues('H1', [['old']]);
    await expect(wb.writeBulletin(BOOK)).resolves.toEqual({ sheets: ['通报2023-06-30'] });
    expect(excel.sheets.map((s) => s.name)).toEqual(['_tricolor', '通报2023-06-30']);
    expect(excel.sheet('通报2023-06-30').value('H1')).toBeNull();
    // The sheets it made are listed in its record on the hidden sheet, as every host keeps them.
    expect(await wb.readRecords()).toEqual(new Map([['bulletins', '["通报2023-06-30"]']]));
    expect(excel.settings.get(SETTING_KEYS.bulletinSheets)).toBeUndefined();
  });

  it('never replaces a user sheet of the same name: it takes a numbered name', async () => {
    const excel = new RecordingExcel();
    const mine = excel.addSheet('通报2023-06-30', [['我自己的通报']]);
    await expect(port(excel).writeBulletin(BOOK)).resolves.toEqual({
      sheets: ['通报2023-06-30 (2)'],
    });
    expect(excel.sheet('通报2023-06-30')).toBe(mine);
    expect(mine.value('A1')).toBe('我自己的通报');
    expect(excel.sheet('通报2023-06-30 (2)').value('A4')).toBe('=SUM(A1)');
  });
});

describe('writeBulletin row heights', () => {
  it('sets the heights the .xlsx writer sets, from the one place they are decided', async () => {
    const excel = new RecordingExcel();
    await port(excel).writeBulletin(BOOK);
    const sheet = BOOK.sheets[0];
    if (sheet === undefined) throw new Error('no sheet');
    const expected = [...rowHeights(sheet)].map(([row, h]) => [row + 1, h]);
    expect(expected.length).toBeGreaterThan(0); // the title's larger font at least
    expect([...excel.sheet(sheet.name).rowHeights].sort(([a], [b]) => a - b)).toEqual(expected);
  });
});
