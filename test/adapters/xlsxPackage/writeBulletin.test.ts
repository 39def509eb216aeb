import { Workbook } from 'exceljs';
import JSZip from 'jszip';
import { sheetXmlPath } from '../../support/exceljsGrid/sheetXmlPath';
import type { BulletinBook, BulletinSheet } from '../../../src/core/bulletinBook';
import { STATE_SHEET } from '../../../src/core/ownSheets';
import { PackageWorkbook } from '../../../src/adapters/xlsxPackage/PackageWorkbook';
import { bytesOf, planTableWorkbook, reread, snapSheet } from '../../support/xlsxTestKit';

function bulletinSheet(name: string, title = '重点项目推进情况通报'): BulletinSheet {
  return {
    name,
    cells: [
      { row: 0, col: 0, value: title, style: 'title' },
      { row: 1, col: 0, value: '责任单位', style: 'head' },
      { row: 1, col: 1, value: '完成率', style: 'head' },
      { row: 2, col: 0, value: '=1+1' },
      { row: 2, col: 1, value: 0.836, style: 'pct' },
      { row: 3, col: 0, value: '@SUM(A1:A2)' },
    ],
    styles: {
      title: { bold: true, fontSize: 16, align: 'center' },
      head: { bold: true, fill: 'D9E1F2', border: true, wrap: true },
      pct: { numFmt: '0.0%', align: 'right' },
    },
    merges: [{ top: 0, left: 0, bottom: 0, right: 1 }],
    columnWidths: [24, 12],
    print: {
      orientation: 'landscape',
      paperSize: 'A4',
      fitToWidth: true,
      repeatRows: { top: 0, bottom: 1 },
    },
    chart: {
      title: '各单位滞后情况',
      categories: { top: 2, left: 0, bottom: 2, right: 0 },
      series: [
        { name: '完成率', range: { top: 2, left: 1, bottom: 2, right: 1 }, color: 'FFC7CE' },
      ],
    },
  };
}

function book(...sheets: BulletinSheet[]): BulletinBook {
  return { reportDate: '2023-06-30', sheets, text: '截至2023年6月30日……' };
}

describe('writeBulletin through the package adapter', () => {
  async function written(
    bytes: Uint8Array,
    b: BulletinBook,
  ): Promise<{ names: string[]; bytes: Uint8Array }> {
    const wb = await PackageWorkbook.open(bytes);
    const { sheets } = await wb.writeBulletin(b);
    return { names: [...sheets], bytes: await wb.save() };
  }

  it('stores strings as text, never as formulas, even when they start with "="', async () => {
    const out = await written(
      await bytesOf(planTableWorkbook()),
      book(bulletinSheet('通报2023-06-30')),
    );
    const ws = (await reread(out.bytes)).getWorksheet('通报2023-06-30')!;
    expect(ws.getCell('A3').value).toBe('=1+1');
    expect(ws.getCell('A3').formula).toBeUndefined();
    expect(ws.getCell('A4').value).toBe('@SUM(A1:A2)');
    const zip = await JSZip.loadAsync(out.bytes);
    const path = await sheetXmlPath(zip, '通报2023-06-30');
    const xml = await zip.file(path ?? '')!.async('string');
    expect(xml).toContain('<c r="A3"');
    expect(xml).not.toMatch(/<f[\s>]/);
  });

  it('writes styles, merges, column widths and an A4 landscape print setup fit to one page wide', async () => {
    const out = await written(
      await bytesOf(planTableWorkbook()),
      book(bulletinSheet('通报2023-06-30')),
    );
    const ws = (await reread(out.bytes)).getWorksheet('通报2023-06-30')!;
    const snap = snapSheet(ws);
    expect(snap.merges).toEqual(['A1:B1']);
    expect(snap.cells.A1?.style).toMatchObject({
      font: { bold: true, size: 16 },
      alignment: { horizontal: 'center' },
    });
    expect(snap.cells.A2?.style).toMatchObject({
      font: { bold: true },
      fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } },
      border: { top: { style: 'thin' }, bottom: { style: 'thin' } },
      alignment: { wrapText: true },
    });
    expect(snap.cells.B3).toEqual({
      value: 0.836,
      style: expect.objectContaining({ numFmt: '0.0%' }) as unknown,
    });
    expect(ws.getColumn(1).width).toBe(24);
    expect(ws.getColumn(2).width).toBe(12);
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:2',
    });
  });

  it("keeps a user's sheet of the same name and writes the bulletin beside it", async () => {
    const wb = planTableWorkbook();
    wb.addWorksheet('通报2023-06-30').getCell('A1').value = '用户自己的通报';
    const first = await written(await bytesOf(wb), book(bulletinSheet('通报2023-06-30')));
    expect(first.names).toEqual(['通报2023-06-30 (2)']);
    const after = await reread(first.bytes);
    expect(after.getWorksheet('通报2023-06-30')!.getCell('A1').value).toBe('用户自己的通报');
    expect(after.getWorksheet('通报2023-06-30 (2)')!.getCell('A1').value).toBe(
      '重点项目推进情况通报',
    );
  });

  it('replaces the sheet it made on an earlier run instead of adding another', async () => {
    const wb = planTableWorkbook();
    wb.addWorksheet('通报2023-06-30').getCell('A1').value = '用户自己的通报';
    const first = await written(await bytesOf(wb), book(bulletinSheet('通报2023-06-30', '第一次')));
    const second = await written(first.bytes, book(bulletinSheet('通报2023-06-30', '第二次')));
    expect(second.names).toEqual(['通报2023-06-30 (2)']);
    const after = await reread(second.bytes);
    // Where the very hidden records sheet sits among the tabs is no one's concern: it is not shown.
    expect(after.worksheets.map((w) => w.name).filter((n) => n !== STATE_SHEET)).toEqual([
      '重点项目',
      '填表说明',
      '通报2023-06-30',
      '通报2023-06-30 (2)',
    ]);
    expect(after.getWorksheet(STATE_SHEET)?.state).toBe('veryHidden');
    expect(after.getWorksheet('通报2023-06-30')!.getCell('A1').value).toBe('用户自己的通报');
    expect(after.getWorksheet('通报2023-06-30 (2)')!.getCell('A1').value).toBe('第二次');
  });

  it('leaves every other sheet as it was', async () => {
    const original = await bytesOf(planTableWorkbook());
    const out = await written(original, book(bulletinSheet('通报2023-06-30')));
    const before = await reread(original);
    const after = await reread(out.bytes);
    for (const ws of before.worksheets)
      expect(snapSheet(after.getWorksheet(ws.name)!)).toEqual(snapSheet(ws));
  });

  it('makes a name Excel accepts from one it would refuse', async () => {
    const out = await written(
      await bytesOf(new Workbook().addWorksheet('S').workbook),
      book(bulletinSheet('通报[2023/06/30]:各单位推进情况汇总及滞后事项清单一览')),
    );
    const [name] = out.names;
    expect(name).toBe('通报_2023_06_30__各单位推进情况汇总及滞后事项清单');
    expect([...(name ?? '')].length).toBeLessThanOrEqual(31);
  });
});
