import type { BulletinSheet } from '../../../src/core/bulletinBook';
import { PackageWorkbook } from '../../../src/adapters/xlsxPackage/PackageWorkbook';
import { bytesOf, planTableWorkbook, reread } from '../../support/xlsxTestKit';

/**
 * Excel and LibreOffice do not fit rows to their text when they open a file, so the xlsx writer
 * gives the rows of a bulletin the height their text needs; otherwise the 16 pt title and wrapped
 * names are cut off on paper.
 */

const LONG_NAME = '城市快速路及配套综合管廊建设工程二期（含跨河大桥）';

function sheet(): BulletinSheet {
  return {
    name: '滞后清单2023-06-30',
    cells: [
      { row: 0, col: 0, value: '截至2023年6月30日滞后重点项目清单', style: 'title' },
      { row: 1, col: 0, value: '序号', style: 'header' },
      { row: 1, col: 1, value: '项目名称', style: 'header' },
      { row: 2, col: 0, value: 1, style: 'text' },
      { row: 2, col: 1, value: '短名', style: 'text' },
      { row: 3, col: 0, value: 2, style: 'text' },
      { row: 3, col: 1, value: LONG_NAME, style: 'text' },
      { row: 4, col: 0, value: LONG_NAME.repeat(3), style: 'text' },
    ],
    styles: {
      title: { bold: true, fontSize: 16, align: 'center' },
      header: { bold: true, border: true, wrap: true },
      text: { border: true, wrap: true },
    },
    merges: [
      { top: 0, left: 0, bottom: 0, right: 1 },
      { top: 4, left: 0, bottom: 6, right: 1 },
    ],
    columnWidths: [6, 21],
    print: { orientation: 'landscape', paperSize: 'A4', fitToWidth: true },
  };
}

async function heights(): Promise<(number | undefined)[]> {
  const book = await PackageWorkbook.open(await bytesOf(planTableWorkbook()));
  await book.writeBulletin({ reportDate: '2023-06-30', sheets: [sheet()], text: '' });
  const ws = (await reread(await book.save())).getWorksheet('滞后清单2023-06-30')!;
  return [1, 2, 3, 4, 5, 6, 7].map((r) => ws.getRow(r).height);
}

describe('bulletin row heights through the package adapter', () => {
  it('gives the 16 pt title row room for its font, and leaves one-line rows at the default height', async () => {
    const [title, header, short] = await heights();
    expect(title).toBe(22);
    expect(header).toBeUndefined();
    expect(short).toBeUndefined();
  });

  it('gives a wrapped name longer than its column a line per column width of text', async () => {
    // 50 display columns in a column 21 wide, 20 of it for text: three lines of 15 pt.
    expect((await heights())[3]).toBe(45);
  });

  it('leaves the rows of a merge spanning rows alone: the merge gives its text the room', async () => {
    expect((await heights()).slice(4)).toEqual([undefined, undefined, undefined]);
  });
});
