import { promises as fsp } from 'fs';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { STATE_SHEET } from '../../src/core/ownSheets';
import { defaultRules } from '../../src/core/rules';
import { STATUSES } from '../../src/core/status';
import { analyze, paintSheets, readSheets } from '../../src/session/workflow';
import { dayNumber } from '../../src/core/dates';
import {
  cellAt,
  deleteRow,
  insertRow,
  modelOfXlsx,
  openIn,
  sortRows,
  xlsxOf,
  type BookModel,
  type CellModel,
  type SheetModel,
} from '../support/bookModel';
import { captureIo, SAMPLE, tempDir } from './cliTestKit';

/** `tricolor clear`: the command-line twin of 清除标注. */
let dir = '';
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

const SHEET = '重点项目';
const BLUE = '#DDEBF7';
const ORANGE = '#FFC000';
const OURS = new Set(STATUSES.map((s) => `#${defaultRules('zh').colors[s].toUpperCase()}`));

const c = (value: string | number | null, fill: string | null = null): CellModel => ({
  value,
  fill,
});

/** A small table: 项目3 is the user's light blue row, 项目5's name is orange. */
function table(): BookModel {
  const rows: CellModel[][] = [
    [c('2023年度重点项目推进计划表')],
    ['序号', '项目名称', '责任单位', '计划节点'].map((v) => c(v)),
  ];
  const units = ['区住建局', '区发改局', '区水务局', '区发改局', '区交通局'];
  const deadlines = ['2023年3月31日', '6月底', '2023年5月31日', '三季度', '年底'];
  for (let i = 1; i <= 5; i++) {
    const fill = i === 3 ? BLUE : null;
    rows.push([
      c(i, fill),
      c(`项目${i}`, i === 5 ? ORANGE : fill),
      c(units[i - 1] ?? '', fill),
      c(deadlines[i - 1] ?? '', fill),
    ]);
  }
  return [{ name: SHEET, visibility: 'visible', rows }];
}

function plan(book: BookModel): SheetModel {
  const s = book.find((x) => x.name === SHEET);
  if (!s) throw new Error('no plan sheet');
  return s;
}

async function write(name: string, book: BookModel): Promise<string> {
  const file = path.join(dir, name);
  await fsp.writeFile(file, await xlsxOf(book));
  return file;
}

async function read(name: string): Promise<BookModel> {
  return modelOfXlsx(new Uint8Array(await fsp.readFile(path.join(dir, name))));
}

describe('tricolor clear', () => {
  it('gives back the user’s sheets of a run’s output: no status column, the fills they had', async () => {
    const io = captureIo(dir);
    await fsp.copyFile(SAMPLE, path.join(dir, 'in.xlsx'));
    expect(await main(['run', 'in.xlsx', '--as-of', '2023-06-30', '--out', 'run.xlsx'], io)).toBe(
      0,
    );
    expect(await main(['clear', 'run.xlsx', '--out', 'cleared.xlsx'], io)).toBe(0);
    expect(io.out()).toContain('已清除 1 个工作表的标注。');
    const cleared = (await read('cleared.xlsx')).filter((s) => s.name !== STATE_SHEET);
    const original = await read('in.xlsx');
    // The bulletin sheets the run added stay: clearing the paint leaves the add-in's sheets.
    expect(cleared.filter((s) => original.some((o) => o.name === s.name))).toEqual(original);
  });

  it('finds every row’s own fill after rows were inserted, deleted and sorted in the painted file', async () => {
    const io = captureIo(dir);
    await write('plan.xlsx', table());
    expect(await main(['run', 'plan.xlsx', '--as-of', '2023-06-30', '--out', 'run.xlsx'], io)).toBe(
      0,
    );
    const painted = await read('run.xlsx');
    let s = plan(painted);
    // As staff do in Excel: a row inserted under the title of the table, one deleted, a sort by unit.
    s = insertRow(s, 4);
    s = deleteRow(s, 6);
    s = sortRows(s, 3, 7, 3);
    await write(
      'edited.xlsx',
      painted.map((x) => (x.name === SHEET ? s : x)),
    );
    expect(await main(['clear', 'edited.xlsx', '--out', 'cleared.xlsx'], io)).toBe(0);
    expect(io.err()).toBe('');
    const cleared = plan(await read('cleared.xlsx'));
    const own = new Map(
      plan(table())
        .rows.slice(2)
        .map((r) => [r[1]?.value, r.map((x) => x.fill)]),
    );
    for (let r = 3; r <= 7; r++) {
      const name = cellAt(s, r, 2).value;
      const expected = own.get(name) ?? [null, null, null, null];
      const got = [1, 2, 3, 4, 5].map((col) => cellAt(cleared, r, col).fill);
      expect({ name, got }).toEqual({ name, got: [...expected, null] });
      expect(cellAt(cleared, r, 5).value).toBeNull();
    }
    // The inserted row had taken our colour from the row above; it is left with none.
    expect(cleared.rows.flat().some((x) => x.fill !== null && OURS.has(x.fill))).toBe(false);
  });

  it('clears, by itself, what the add-in in Excel painted: the workbook saved as .xlsx has one status column when run and the user’s fills when cleared', async () => {
    const io = captureIo(dir);
    const excel = await openIn('office', table());
    const { grids } = await readSheets(excel.port);
    const analysis = await analyze(grids, {
      asOf: dayNumber(2023, 6, 30),
      rules: defaultRules('zh'),
      lang: 'zh',
    });
    await paintSheets(excel.port, analysis, 'zh');
    await write('fromExcel.xlsx', await excel.save());
    expect(
      await main(['run', 'fromExcel.xlsx', '--as-of', '2023-09-30', '--out', 'run.xlsx'], io),
    ).toBe(0);
    const header = plan(await read('run.xlsx')).rows[1]?.map((x) => x.value) ?? [];
    expect(header.filter((v) => v === defaultRules('zh').statusHeader)).toHaveLength(1);
    expect(await main(['clear', 'run.xlsx', '--out', 'cleared.xlsx'], io)).toBe(0);
    const cleared = plan(await read('cleared.xlsx'));
    expect(cleared.rows).toEqual(plan(table()).rows);
  });

  it('refuses the options of a run with exit code 2 and one sentence', async () => {
    for (const extra of [
      ['--as-of', '2023-06-30'],
      ['--preset', 'due-soon'],
      ['--no-bulletin'],
      ['--docx', 'a.docx'],
    ]) {
      const io = captureIo(dir);
      expect(await main(['clear', 'in.xlsx', ...extra], io)).toBe(2);
      expect(io.err().split('\n')[0]).toBe(`clear 命令只恢复原样,不能使用 ${extra[0]}。`);
    }
  });

  it('exits 2 naming the file when the input is missing, and refuses to write over its input', async () => {
    let io = captureIo(dir);
    expect(await main(['clear', 'nope.xlsx'], io)).toBe(2);
    expect(io.err()).toBe(`找不到文件 ${path.join(dir, 'nope.xlsx')}。\n`);
    await fsp.copyFile(SAMPLE, path.join(dir, 'in.xlsx'));
    io = captureIo(dir);
    expect(await main(['clear', 'in.xlsx', '--out', 'in.xlsx'], io)).toBe(2);
    expect(io.err()).toContain('输出文件不能是输入文件本身');
  });

  it('exits 1 when the output cannot be written, leaving no file behind, and writes atomically otherwise', async () => {
    await fsp.copyFile(SAMPLE, path.join(dir, 'in.xlsx'));
    await fsp.mkdir(path.join(dir, 'taken'));
    let io = captureIo(dir);
    // A folder already has the output's name: the final rename fails.
    expect(await main(['clear', 'in.xlsx', '--out', 'taken'], io)).toBe(1);
    expect(io.err()).toContain(`无法写入 ${path.join(dir, 'taken')}`);
    expect((await fsp.readdir(dir)).sort()).toEqual(['in.xlsx', 'taken']);
    io = captureIo(dir);
    expect(await main(['clear', 'in.xlsx'], io)).toBe(0);
    const files = (await fsp.readdir(dir)).sort();
    expect(files).toHaveLength(3);
    expect(files.filter((f) => /^in\..+\.xlsx$/.test(f))).toHaveLength(1);
    expect(io.out()).toContain('没有找到本工具的标注,工作簿未改动。');
  });
});
