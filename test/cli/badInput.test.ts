import { Workbook } from 'exceljs';
import { promises as fsp } from 'fs';
import * as path from 'path';
import { main } from '../../src/cli/main';
import {
  expectedOutcome,
  gridFixtureFiles,
  loadGridFixture,
  XLSX_FILES_DIR,
  XLSX_GRIDS_DIR,
} from '../fixtures/bad/corpus';
import { captureIo, tempDir } from './cliTestKit';

/**
 * The bad-input corpus through `tricolor`: files that are no workbook, or a damaged one, stop with
 * exit 2 and the one sentence that says why; workbooks without a plan table stop with exit 3; every
 * grid fixture's workbook gives its exit code and one stderr line per problem found. Nothing is
 * ever written beside an input that could not be used.
 */

let dir: string;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

/** A copy of a corpus file in the test's own folder, so a run may write beside it. */
async function copy(from: string, name: string): Promise<string> {
  const file = path.join(dir, name);
  await fsp.copyFile(path.join(from, name), file);
  return file;
}

const NOT_XLSX_ZH = '这个文件不是 Excel 工作簿(.xlsx),无法读取。';
const CUT_ZH = '文件已损坏或不完整(可能没有下载或复制完整),无法读取。';
const DAMAGED_ZH = '工作簿内容已损坏,无法读取。请在 Excel 中打开并另存一次后重试。';

describe('tricolor on files it cannot open', () => {
  it.each<[string, string]>([
    ['zero-bytes.xlsx', '文件是空的,不是 Excel 工作簿(.xlsx)。'],
    ['csv-named-xlsx.xlsx', NOT_XLSX_ZH],
    ['html-named-xlsx.xlsx', NOT_XLSX_ZH],
    ['png-named-xlsx.xlsx', NOT_XLSX_ZH],
    [
      'legacy-xls-named-xlsx.xlsx',
      '这是旧版 .xls 文件或设置了打开密码的文件,无法读取。请在 Excel 中另存为不加密的 .xlsx 后重试。',
    ],
    ['docx-named-xlsx.xlsx', '这个文件是压缩包,但不是 Excel 工作簿(.xlsx),无法读取。'],
    ['truncated-half.xlsx', CUT_ZH],
    ['truncated-last-byte.xlsx', CUT_ZH],
    ['zip-magic-then-garbage.xlsx', CUT_ZH],
    ['corrupt-entry-bytes.xlsx', CUT_ZH],
    ['missing-sheet-part.xlsx', CUT_ZH],
    ['broken-sheet-xml.xlsx', DAMAGED_ZH],
    ['broken-workbook-xml.xlsx', DAMAGED_ZH],
  ])('exits 2 on %s with one sentence and writes nothing', async (name, sentence) => {
    const input = await copy(XLSX_FILES_DIR, name);
    for (const command of ['run', 'check']) {
      const io = captureIo(dir);
      const code = await main([command, input, '--as-of', '2023-06-30'], io);
      expect([command, code, io.err(), io.out()]).toEqual([command, 2, `${sentence}\n`, '']);
    }
    expect(await fsp.readdir(dir)).toEqual([name]);
  });

  it('says so in English when asked', async () => {
    const input = await copy(XLSX_FILES_DIR, 'truncated-half.xlsx');
    const io = captureIo(dir);
    expect(await main(['run', input, '--lang', 'en'], io)).toBe(2);
    expect(io.err()).toBe(
      'The file is damaged or incomplete (perhaps not fully downloaded or copied) and cannot be read.\n',
    );
  });

  it('exits 2 for a missing file and for a folder named like a workbook', async () => {
    const missing = path.join(dir, '没有这个文件.xlsx');
    let io = captureIo(dir);
    expect(await main(['run', missing], io)).toBe(2);
    expect(io.err()).toBe(`找不到文件 ${missing}。\n`);
    const folder = path.join(dir, '文件夹.xlsx');
    await fsp.mkdir(folder);
    io = captureIo(dir);
    expect(await main(['run', folder], io)).toBe(2);
    expect(io.err()).toBe(`${folder} 是一个文件夹,请给出 .xlsx 文件。\n`);
  });
});

const noTable = (file: string): string =>
  `${file} 中没有找到计划表(需要“项目名称”“工作任务”之类的表头),未写出工作簿。\n`;

describe('tricolor on workbooks without a plan table', () => {
  it('exits 3 on a workbook without sheets, saying no plan table was found', async () => {
    const input = await copy(XLSX_FILES_DIR, 'no-sheets.xlsx');
    const io = captureIo(dir);
    expect(await main(['run', input], io)).toBe(3);
    expect([io.out(), io.err()]).toEqual(['', noTable(input)]);
    expect(await fsp.readdir(dir)).toEqual(['no-sheets.xlsx']);
  });

  it('exits 3 on blank sheets, naming each one it skipped', async () => {
    const input = await copy(XLSX_FILES_DIR, 'blank-sheets.xlsx');
    const io = captureIo(dir);
    expect(await main(['run', input], io)).toBe(3);
    expect(io.out()).toBe('已跳过“Sheet1”:没有计划表\n已跳过“Sheet2”:没有计划表\n');
    expect(io.err()).toBe(noTable(input));
  });

  it('exits 3 on a workbook whose only sheet is named like its own bulletin', async () => {
    const input = await copy(XLSX_FILES_DIR, 'only-bulletin-sheets.xlsx');
    const io = captureIo(dir);
    expect(await main(['check', input], io)).toBe(3);
    expect([io.out(), io.err()]).toEqual(['', noTable(input)]);
  });
});

describe('tricolor on protected sheets', () => {
  const PROTECTED_ZH =
    '工作表“重点项目”受保护,请先在“审阅”中撤销工作表保护(在 Excel 中撤销后保存),再重试。';

  it('checks a protected sheet, but runs on it to exit 2 with its sentence and writes nothing', async () => {
    const input = await copy(XLSX_FILES_DIR, 'protected-sheet.xlsx');
    let io = captureIo(dir);
    expect(await main(['check', input, '--as-of', '2023-06-30'], io)).toBe(0);
    expect(io.err()).toBe('');
    io = captureIo(dir);
    expect(await main(['run', input, '--as-of', '2023-06-30'], io)).toBe(2);
    expect(io.err()).toBe(`${PROTECTED_ZH}\n有计划表的工作表都受保护,无法着色,未写出工作簿。\n`);
    expect(await fsp.readdir(dir)).toEqual(['protected-sheet.xlsx']);
  });

  it('paints the other sheets, leaving the protected one as it was, and exits 0', async () => {
    const wb = new Workbook();
    await wb.xlsx.readFile(path.join(XLSX_FILES_DIR, 'protected-sheet.xlsx'));
    const rows = wb.getWorksheet('重点项目')!.getSheetValues();
    const open = wb.addWorksheet('一般项目');
    rows.forEach((row, i) => {
      if (Array.isArray(row)) open.getRow(i).values = row;
    });
    const input = path.join(dir, 'mixed.xlsx');
    await wb.xlsx.writeFile(input);
    const out = path.join(dir, 'out.xlsx');
    const io = captureIo(dir);
    expect(await main(['run', input, '--as-of', '2023-06-30', '--out', out], io)).toBe(0);
    expect(io.err()).toBe(`${PROTECTED_ZH}\n`);
    const done = new Workbook();
    await done.xlsx.readFile(out);
    const width = (name: string) => done.getWorksheet(name)!.getRow(2).cellCount;
    expect([width('重点项目'), width('一般项目')]).toEqual([4, 5]);
    expect(done.getWorksheet('重点项目')!.getRow(3).getCell(1).fill).toBeUndefined();
    const kept = done.getWorksheet('重点项目') as unknown as { sheetProtection?: unknown };
    expect(kept.sheetProtection).toMatchObject({ sheet: true });
    expect(done.getWorksheet('一般项目')!.getCell('E2').value).toBeTruthy();
  });
});

describe('tricolor on every grid fixture written as a workbook', () => {
  // Issues of severity info (an assumed plan year) go to the report, not to stderr.
  const INFO = new Set(['plan_year_assumed', 'no_table']);

  it.each(gridFixtureFiles())(
    '%s: exits as the fixture says, one stderr line per problem, at its cell',
    async (file) => {
      const g = loadGridFixture(file);
      const name = file.replace(/\.json$/, '.xlsx');
      const input = await copy(XLSX_GRIDS_DIR, name);
      const io = captureIo(dir);
      const code = await main(['run', input, '--as-of', g.asOf], io);
      if (g.expect.skipped) {
        expect([code, io.out(), io.err()]).toEqual([
          3,
          `已跳过“${g.sheet.name}”:没有计划表\n`,
          noTable(input),
        ]);
        expect(await fsp.readdir(dir)).toEqual([name]);
        return;
      }
      expect(code).toBe(0);
      const problems = expectedOutcome(g).issues.filter(([c]) => !INFO.has(c));
      const lines = io.err() === '' ? [] : io.err().trimEnd().split('\n');
      expect(lines).toHaveLength(problems.length);
      for (const [, cell] of problems) {
        expect([cell, lines.some((l) => l.includes(g.sheet.name) && l.includes(cell))]).toEqual([
          cell,
          true,
        ]);
      }
      expect((await fsp.readdir(dir)).sort()).toEqual(
        [name, name.replace(/\.xlsx$/, '.三色.xlsx')].sort(),
      );
    },
  );
});
