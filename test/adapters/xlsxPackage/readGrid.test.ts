import { promises as fsp } from 'fs';
import { Workbook } from 'exceljs';
import JSZip from 'jszip';
import { PackageWorkbook } from '../../../src/adapters/xlsxPackage/PackageWorkbook';
import { dayNumber, serialToDay } from '../../../src/core/dates';
import { cellAt, formatAt, NO_SAVED_RESULT, type SheetGrid } from '../../../src/core/grid';
import { bytesOf, planTableWorkbook } from '../../support/xlsxTestKit';
import { SAMPLE } from '../../support/samples';

describe('the package adapter', () => {
  async function gridOf(wb: Workbook, sheet: string): Promise<SheetGrid> {
    const book = await PackageWorkbook.open(await bytesOf(wb));
    return book.readSheet(sheet);
  }

  /** Value at an A1 address of a grid read from A1. */
  function at(grid: SheetGrid, address: string): unknown {
    const m = /^([A-Z])(\d+)$/.exec(address);
    if (!m) throw new Error(address);
    return cellAt(grid, Number(m[2]) - 1, (m[1] as string).charCodeAt(0) - 65);
  }

  describe('PackageWorkbook.readSheet', () => {
    it('reads strings, numbers and booleans as they are, starting at A1', async () => {
      const wb = new Workbook();
      const ws = wb.addWorksheet('S');
      ws.getCell('A1').value = '项目名称';
      ws.getCell('B1').value = 27800;
      ws.getCell('C1').value = true;
      ws.getCell('B3').value = 0.5;
      const grid = await gridOf(wb, 'S');
      expect(grid.origin).toEqual({ row: 1, col: 1 });
      expect(grid.values).toEqual([['项目名称', 27800, true], [], [null, 0.5]]);
      expect(grid.date1904).toBe(false);
    });

    it('turns rich text and hyperlinks into their plain text', async () => {
      const wb = new Workbook();
      const ws = wb.addWorksheet('S');
      ws.getCell('A1').value = {
        richText: [{ text: '城市' }, { font: { bold: true }, text: '快速路' }],
      };
      ws.getCell('A2').value = { text: '项目公示', hyperlink: 'https://example.gov.cn/p/1' };
      const grid = await gridOf(wb, 'S');
      expect(at(grid, 'A1')).toBe('城市快速路');
      expect(at(grid, 'A2')).toBe('项目公示');
    });

    it('gives dates as the Excel serial the file stores, with their number format', async () => {
      const wb = new Workbook();
      const ws = wb.addWorksheet('S');
      ws.getCell('A1').value = new Date(Date.UTC(2023, 5, 30));
      ws.getCell('A1').numFmt = 'yyyy-mm-dd';
      ws.getCell('A2').value = new Date(Date.UTC(2023, 5, 30, 12));
      ws.getCell('A2').numFmt = 'yyyy"年"m"月"d"日"';
      const grid = await gridOf(wb, 'S');
      expect(at(grid, 'A1')).toBe(45107);
      expect(at(grid, 'A2')).toBe(45107.5);
      expect(formatAt(grid, 0, 0)).toBe('yyyy-mm-dd');
      expect(formatAt(grid, 1, 0)).toBe('yyyy"年"m"月"d"日"');
    });

    it('gives dates of a 1904-system workbook as 1904 serials and says so', async () => {
      const wb = new Workbook();
      wb.properties.date1904 = true;
      const ws = wb.addWorksheet('S');
      ws.getCell('A1').value = new Date(Date.UTC(2023, 5, 30));
      ws.getCell('A1').numFmt = 'yyyy-mm-dd';
      const bytes = await bytesOf(wb);
      // The serial in the file itself is the 1904 one; the grid must carry exactly that.
      const xml = await (
        await JSZip.loadAsync(bytes)
      )
        .file('xl/worksheets/sheet1.xml')!
        .async('string');
      expect(xml).toContain('<v>43645</v>');
      const grid = await (await PackageWorkbook.open(bytes)).readSheet('S');
      expect(grid.date1904).toBe(true);
      expect(at(grid, 'A1')).toBe(43645);
      expect(serialToDay(43645, true)).toBe(dayNumber(2023, 6, 30));
    });

    it("gives a formula's saved result, including results that are 0, empty or false", async () => {
      const wb = new Workbook();
      const ws = wb.addWorksheet('S');
      ws.getCell('A1').value = { formula: 'B1*2', result: 8 };
      ws.getCell('A2').value = { formula: 'B1*0', result: 0 };
      ws.getCell('A3').value = { formula: 'IF(B1>9,"x","")', result: 'EMPTY' };
      ws.getCell('A4').value = { formula: 'B1>9', result: false };
      ws.getCell('A5').value = { formula: 'TEXT(B1,"0")', result: '已完成' };
      // ExcelJS never writes an empty saved result, but Excel does (<v></v>): patch one in.
      const zip = await JSZip.loadAsync(await bytesOf(wb));
      const sheet = 'xl/worksheets/sheet1.xml';
      const xml = await zip.file(sheet)!.async('string');
      expect(xml).toContain('<v>EMPTY</v>');
      zip.file(sheet, xml.replace('<v>EMPTY</v>', '<v></v>'));
      const book = await PackageWorkbook.open(await zip.generateAsync({ type: 'uint8array' }));
      const grid = await book.readSheet('S');
      expect(grid.values.map((r) => r[0])).toEqual([8, 0, '', false, '已完成']);
    });

    it('marks a formula whose result the file never saved, with the formula', async () => {
      const wb = new Workbook();
      const ws = wb.addWorksheet('S');
      ws.getCell('A1').value = { formula: 'B1*2' };
      const grid = await gridOf(wb, 'S');
      expect(at(grid, 'A1')).toEqual({ error: NO_SAVED_RESULT, formula: 'B1*2' });
    });

    it('reads shared formulas: saved results, and the translated formula when a result is missing', async () => {
      const wb = new Workbook();
      const ws = wb.addWorksheet('S');
      // ExcelJS's types omit shareType and ref, which its writer does support.
      ws.getCell('B2').value = {
        formula: 'A2*2',
        result: 4,
        shareType: 'shared',
        ref: 'B2:B4',
      } as never;
      ws.getCell('B3').value = { sharedFormula: 'B2', result: 6 };
      ws.getCell('B4').value = { sharedFormula: 'B2' };
      const grid = await gridOf(wb, 'S');
      expect(at(grid, 'B2')).toBe(4);
      expect(at(grid, 'B3')).toBe(6);
      expect(at(grid, 'B4')).toEqual({ error: NO_SAVED_RESULT, formula: 'A4*2' });
    });

    it('gives error values, typed or computed, as errors', async () => {
      const wb = new Workbook();
      const ws = wb.addWorksheet('S');
      ws.getCell('A1').value = { error: '#N/A' };
      ws.getCell('A2').value = { formula: '1/0', result: { error: '#DIV/0!' } };
      ws.getCell('A3').value = { error: '#REF!' };
      const grid = await gridOf(wb, 'S');
      expect(grid.values.map((r) => r[0])).toEqual([
        { error: '#N/A' },
        { error: '#DIV/0!' },
        { error: '#REF!' },
      ]);
    });

    it('keeps a merged value in the top-left cell only, with merges as grid ranges', async () => {
      const grid = await gridOf(planTableWorkbook(), '重点项目');
      expect(at(grid, 'A1')).toBe('2023年度重点项目推进计划表');
      // ExcelJS reports the master's value on every merged cell; the grid must not.
      expect(at(grid, 'B1')).toBeNull();
      expect(at(grid, 'E1')).toBeNull();
      expect(at(grid, 'E5')).toBe('区发改局');
      expect(at(grid, 'E6')).toBeNull();
      expect(at(grid, 'D2')).toBeNull();
      expect([...grid.merges].sort((a, b) => a.top - b.top || a.left - b.left)).toEqual([
        { top: 0, left: 0, bottom: 0, right: 4 },
        { top: 1, left: 0, bottom: 2, right: 0 },
        { top: 1, left: 1, bottom: 2, right: 1 },
        { top: 1, left: 2, bottom: 1, right: 3 },
        { top: 1, left: 4, bottom: 2, right: 4 },
        { top: 3, left: 0, bottom: 3, right: 4 },
        { top: 4, left: 4, bottom: 5, right: 4 },
      ]);
    });

    it('lists hidden rows by grid index', async () => {
      const wb = new Workbook();
      const ws = wb.addWorksheet('S');
      for (let r = 1; r <= 6; r++) ws.getCell(r, 1).value = `行${r}`;
      ws.getRow(3).hidden = true;
      ws.getRow(5).hidden = true;
      const grid = await gridOf(wb, 'S');
      expect(grid.hiddenRows).toEqual([2, 4]);
      expect(grid.values).toHaveLength(6);
    });

    it('reads the sample plan table: its dates as serials, its merges, its percentages', async () => {
      const bytes = await fsp.readFile(SAMPLE);
      const book = await PackageWorkbook.open(bytes);
      expect(await book.listSheets()).toEqual([
        { name: '重点项目', visible: true },
        { name: '填表说明', visible: true },
      ]);
      const grid = await book.readSheet('重点项目');
      expect(at(grid, 'B3')).toBe('项目名称');
      expect(at(grid, 'H8')).toBe(45209); // 2023-10-10
      expect(formatAt(grid, 7, 7)).toBe('yyyy-mm-dd');
      expect(at(grid, 'G6')).toBe(0.2717);
      expect(formatAt(grid, 5, 6)).toBe('0.0%');
      expect(at(grid, 'K7')).toBeNull();
      expect(grid.merges).toContainEqual({ top: 0, left: 0, bottom: 0, right: 12 });
      expect(grid.values).toHaveLength(34);
    });

    it('throws sheet_not_found for a sheet the workbook does not have', async () => {
      const book = await PackageWorkbook.open(await bytesOf(planTableWorkbook()));
      await expect(book.readSheet('不存在')).rejects.toMatchObject({
        name: 'PortError',
        code: 'sheet_not_found',
      });
    });
  });
});
