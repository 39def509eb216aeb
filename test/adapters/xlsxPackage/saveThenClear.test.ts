import { PackageWorkbook } from '../../../src/adapters/xlsxPackage/PackageWorkbook';
import { dayNumber } from '../../../src/core/dates';
import { defaultRules } from '../../../src/core/rules';
import { analyze, clearSheets, paintSheets, readSheets } from '../../../src/session/workflow';
import { modelOfXlsx, xlsxOf, type BookModel, type CellModel } from '../../support/bookModel';

const c = (value: string | number | null, fill: string | null = null): CellModel => ({
  value,
  fill,
});

/** A table whose third project has the user's light blue. */
const BOOK: BookModel = [
  {
    name: 'S',
    visibility: 'visible',
    rows: [
      [c('自检计划表')],
      ['序号', '项目名称', '责任单位', '计划节点'].map((v) => c(v)),
      [1, '项目1', '区住建局', '2023年3月31日'].map((v) => c(v)),
      [2, '项目2', '区发改局', '6月底'].map((v) => c(v)),
      [3, '项目3', '区水务局', '2023年5月31日'].map((v) => c(v, '#DDEBF7')),
      [4, '项目4', '区发改局', '年底'].map((v) => c(v)),
    ],
  },
];

async function run(book: PackageWorkbook, what: 'paint' | 'clear'): Promise<void> {
  const { grids } = await readSheets(book);
  const analysis = await analyze(grids, {
    asOf: dayNumber(2023, 6, 30),
    rules: defaultRules('zh'),
    lang: 'zh',
  });
  if (what === 'paint') await paintSheets(book, analysis, 'zh');
  else await clearSheets(book, analysis, [], 'zh');
}

describe('a workbook saved (downloaded) between its paint and its clear', () => {
  it('is cleared back to exactly the user’s fills, as one never saved is', async () => {
    const book = await PackageWorkbook.open(await xlsxOf(BOOK));
    await run(book, 'paint');
    // The page's 下载 saves the open workbook; staff then click 清除标注 in the same session.
    await book.save();
    await run(book, 'clear');
    const cleared = (await modelOfXlsx(await book.save())).filter((s) => s.name === 'S');
    expect(cleared).toEqual(BOOK);
  });
});
