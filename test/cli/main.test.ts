import { STATE_SHEET } from '../../src/core/ownSheets';
import { createHash } from 'crypto';
import { promises as fsp } from 'fs';
import * as path from 'path';
import { Workbook } from 'exceljs';
import JSZip from 'jszip';
import { PackageWorkbook } from '../../src/adapters/xlsxPackage/PackageWorkbook';
import { main } from '../../src/cli/main';
import { reread, snapshot } from '../support/xlsxTestKit';
import { ReportSchema, type Report } from '../../src/core/report';
import { captureIo, readJson, SAMPLE, SAMPLES, sampleCopy, tempDir } from './cliTestKit';
import { statusByRow } from '../support/statusByRow';

interface Expected {
  sheet: string;
  rows: Record<string, string>;
  counts: Record<string, number>;
  byUnit: Record<string, Record<string, number>>;
}

const CJK = /[\u4e00-\u9fff]/;

async function expectedFor(date: string): Promise<Expected> {
  const all = (await readJson(path.join(SAMPLES, 'expected.json'))) as Record<
    string,
    Record<string, Expected>
  >;
  const e = all['projects.xlsx']?.[date];
  if (!e) throw new Error(`expected.json has no ${date}`);
  return e;
}

async function hash(file: string): Promise<string> {
  return createHash('sha256')
    .update(await fsp.readFile(file))
    .digest('hex');
}

async function report(file: string): Promise<Report> {
  return ReportSchema.parse(await readJson(file));
}

let dir: string;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

describe('tricolor run on the sample plan table', () => {
  it.each(['2023-06-30', '2023-10-15'])(
    'gives exactly the statuses, counts and unit counts of expected.json as of %s',
    async (date) => {
      const expected = await expectedFor(date);
      const io = captureIo(dir);
      const out = path.join(dir, 'out.xlsx');
      const json = path.join(dir, 'report.json');
      const code = await main(['run', SAMPLE, '--as-of', date, '--out', out, '--report', json], io);
      expect(io.err()).toBe('');
      expect(code).toBe(0);

      const r = await report(json);
      expect(r.asOf).toBe(date);
      expect(r.sheets.map((s) => s.name)).toEqual([expected.sheet]);
      const [sheet] = r.sheets;
      expect(statusByRow(sheet?.rows)).toEqual(expected.rows);
      expect(sheet?.counts).toEqual(expected.counts);
      const byUnit = Object.fromEntries(
        (sheet?.summary.byUnit ?? []).map(({ unit, ...counts }) => [unit, counts]),
      );
      expect(byUnit).toEqual(expected.byUnit);
      expect(r.skippedSheets).toEqual([{ name: '填表说明', reason: 'no_table' }]);

      // The painted workbook says the same in its status column.
      const wb = new Workbook();
      await wb.xlsx.readFile(out);
      const ws = wb.getWorksheet(expected.sheet)!;
      const col = sheet?.table.statusColumn ?? '';
      for (const [row, status] of Object.entries(expected.rows)) {
        expect([row, ws.getCell(`${col}${row}`).value]).toEqual([
          row,
          r.rules.labels[status as 'normal'],
        ]);
      }
      expect(io.out()).toContain(`${expected.sheet}:22 行`);
    },
  );

  it("repaints its own output at a later date in the same status column, with that date's statuses", async () => {
    const later = await expectedFor('2023-10-15');
    const first = path.join(dir, 'first.xlsx');
    const second = path.join(dir, 'second.xlsx');
    const json = path.join(dir, 'r.json');
    expect(
      await main(['run', SAMPLE, '--as-of', '2023-06-30', '--out', first], captureIo(dir)),
    ).toBe(0);
    const io = captureIo(dir);
    const code = await main(
      ['run', first, '--as-of', '2023-10-15', '--out', second, '--report', json],
      io,
    );
    expect(io.err()).toBe('');
    expect(code).toBe(0);
    const [sheet] = (await report(json)).sheets;
    expect(sheet?.table.statusColumn).toBe('N');
    expect(statusByRow(sheet?.rows)).toEqual(later.rows);
    const wb = new Workbook();
    await wb.xlsx.readFile(second);
    expect(wb.getWorksheet('重点项目')!.getCell('O3').value).toBeNull();
  });

  it('leaves a painted workbook that clearPaint turns back into the input, cell for cell, keeping only the settings it was run with', async () => {
    const out = path.join(dir, 'out.xlsx');
    expect(
      await main(
        ['run', SAMPLE, '--as-of', '2023-10-15', '--out', out, '--no-bulletin'],
        captureIo(dir),
      ),
    ).toBe(0);
    const book = await PackageWorkbook.open(await fsp.readFile(out));
    expect(await book.clearPaint('重点项目')).toMatchObject({
      statusColumnRemoved: true,
      uncertainRows: [],
    });
    const saved = await book.save();
    const cleared = snapshot(await reread(saved)).filter((s) => s.name !== STATE_SHEET);
    expect(cleared).toEqual(snapshot(await reread(await fsp.readFile(SAMPLE))));
    // The run remembers the report date, as the pane does; no paint record is left.
    await expect((await PackageWorkbook.open(saved)).loadSettings()).resolves.toEqual({
      lastAsOf: '2023-10-15',
    });
    expect(await (await PackageWorkbook.open(saved)).paintedSheets()).toEqual([]);
  });

  it('leaves the user’s sheets of a workbook with bulletins as clearPaint needs them to give the input back', async () => {
    const out = path.join(dir, 'out.xlsx');
    expect(await main(['run', SAMPLE, '--as-of', '2023-10-15', '--out', out], captureIo(dir))).toBe(
      0,
    );
    const book = await PackageWorkbook.open(await fsp.readFile(out));
    expect(await book.clearPaint('重点项目')).toMatchObject({
      statusColumnRemoved: true,
      uncertainRows: [],
    });
    const userSheets = (wb: Awaited<ReturnType<typeof reread>>) =>
      snapshot(wb).filter((s) => ['重点项目', '填表说明'].includes(s.name));
    const cleared = await reread(await book.save());
    expect(userSheets(cleared)).toEqual(userSheets(await reread(await fsp.readFile(SAMPLE))));
    expect(cleared.worksheets.map((w) => w.name)).toEqual([
      '重点项目',
      '填表说明',
      '通报2023-10-15',
      '滞后清单2023-10-15',
      '_tricolor',
    ]);
  });

  it('never changes the input file', async () => {
    const input = await sampleCopy(dir);
    const before = await hash(input);
    expect(await main(['run', input, '--as-of', '2023-06-30'], captureIo(dir))).toBe(0);
    expect(await hash(input)).toBe(before);
  });

  it('reads the report date from the local clock when --as-of is not given', async () => {
    const io = captureIo(dir, new Date(2023, 9, 15, 23, 59));
    const json = path.join(dir, 'r.json');
    expect(await main(['check', SAMPLE, '--report', json], io)).toBe(0);
    expect((await report(json)).asOf).toBe('2023-10-15');
  });

  it('writes beside the input by default, numbering the name rather than overwrite a file', async () => {
    const input = await sampleCopy(dir);
    expect(await main(['run', 'projects.xlsx', '--as-of', '2023-06-30'], captureIo(dir))).toBe(0);
    expect(await main(['run', input, '--as-of', '2023-06-30'], captureIo(dir))).toBe(0);
    expect(
      await main(['run', input, '--as-of', '2023-06-30', '--lang', 'en'], captureIo(dir)),
    ).toBe(0);
    expect((await fsp.readdir(dir)).sort()).toEqual([
      'projects.tricolor.xlsx',
      'projects.xlsx',
      'projects.三色 (2).xlsx',
      'projects.三色.xlsx',
    ]);
  });

  it('overwrites an --out file the user named, leaving no temporary file behind', async () => {
    const out = path.join(dir, 'out.xlsx');
    await fsp.writeFile(out, 'old');
    expect(await main(['run', SAMPLE, '--as-of', '2023-06-30', '--out', out], captureIo(dir))).toBe(
      0,
    );
    expect((await fsp.readFile(out)).subarray(0, 2).toString()).toBe('PK');
    expect(await fsp.readdir(dir)).toEqual(['out.xlsx']);
  });

  it('refuses an --out that is the input file, however it is spelled, and leaves the input alone', async () => {
    const input = await sampleCopy(dir);
    await fsp.mkdir(path.join(dir, 'sub'));
    await fsp.symlink(input, path.join(dir, 'link.xlsx'));
    const before = await hash(input);
    for (const out of ['projects.xlsx', './sub/../projects.xlsx', input, 'link.xlsx']) {
      const io = captureIo(dir);
      expect(await main(['run', 'projects.xlsx', '--as-of', '2023-06-30', '--out', out], io)).toBe(
        2,
      );
      expect(io.err()).toContain('输出文件不能是输入文件本身');
    }
    expect(await hash(input)).toBe(before);
    expect((await fsp.readdir(dir)).sort()).toEqual(['link.xlsx', 'projects.xlsx', 'sub']);
  });

  it('applies --preset and --rules, and reports them', async () => {
    const rules = path.join(dir, 'rules.json');
    await fsp.writeFile(
      rules,
      JSON.stringify({ lagMonths: 2, severeMonths: 4, labels: { severe: '红牌' } }),
    );
    const json = path.join(dir, 'r.json');
    const args = ['check', SAMPLE, '--as-of', '2023-10-15', '--rules', rules, '--report', json];
    expect(await main([...args, '--preset', 'due-soon'], captureIo(dir))).toBe(0);
    expect((await report(json)).rules).toMatchObject({
      preset: 'due-soon',
      lagMonths: 2,
      severeMonths: 4,
      labels: { severe: '红牌', lagging: '即将到期' },
    });
  });

  it('uses the rules saved in the workbook unless --preset or --rules is given', async () => {
    const book = await PackageWorkbook.open(await fsp.readFile(SAMPLE));
    await book.saveSettings({ rules: { preset: 'due-soon', dueSoonDays: 7 } });
    const input = path.join(dir, 'saved.xlsx');
    await fsp.writeFile(input, await book.save());
    const json = path.join(dir, 'r.json');
    expect(await main(['check', input, '--report', json], captureIo(dir))).toBe(0);
    expect((await report(json)).rules).toMatchObject({ preset: 'due-soon', dueSoonDays: 7 });
    expect(
      await main(['check', input, '--report', json, '--preset', 'node-lag'], captureIo(dir)),
    ).toBe(0);
    expect((await report(json)).rules).toMatchObject({ preset: 'node-lag', dueSoonDays: 3 });
  });

  it('lists each error of a --rules file with its path, and exits 2', async () => {
    const rules = path.join(dir, 'rules.json');
    await fsp.writeFile(rules, JSON.stringify({ lagMonths: 'one', colors: { normal: 'green' } }));
    const io = captureIo(dir);
    expect(await main(['check', SAMPLE, '--rules', rules], io)).toBe(2);
    expect(io.err()).toContain(`规则文件 ${rules} 有以下错误`);
    expect(io.err()).toMatch(/^ {2}规则中的“lagMonths”不符合要求/m);
    expect(io.err()).toMatch(/^ {2}规则中的“colors\.normal”不符合要求/m);
  });

  it('processes only the sheets named with --sheet', async () => {
    const json = path.join(dir, 'r.json');
    const args = [
      'check',
      SAMPLE,
      '--as-of',
      '2023-06-30',
      '--sheet',
      '重点项目',
      '--report',
      json,
    ];
    expect(await main(args, captureIo(dir))).toBe(0);
    const r = await report(json);
    expect(r.sheets.map((s) => s.name)).toEqual(['重点项目']);
    expect(r.skippedSheets).toEqual([]);
  });

  it('check writes no workbook, only the report asked for', async () => {
    const input = await sampleCopy(dir);
    const io = captureIo(dir);
    expect(await main(['check', input, '--as-of', '2023-06-30', '--report', 'r.json'], io)).toBe(0);
    expect((await fsp.readdir(dir)).sort()).toEqual(['projects.xlsx', 'r.json']);
    expect(io.out()).toContain('重点项目:22 行,正常 16,滞后 3,严重滞后 1,已完成 2,无法判定 0');
  });

  it('keeps the charts, pictures, pivot table and comments of the workbook byte for byte, with nothing to warn of', async () => {
    const corpus = path.join(__dirname, '..', 'fixtures', 'corpus', 'libreoffice-pivot.xlsx');
    const input = path.join(dir, 'pivot.xlsx');
    await fsp.copyFile(corpus, input);
    const io = captureIo(dir);
    expect(await main(['run', input, '--as-of', '2023-06-30', '--out', 'o.xlsx'], io)).toBe(0);
    expect(io.err()).toBe('');
    const before = await JSZip.loadAsync(await fsp.readFile(input));
    const after = await JSZip.loadAsync(await fsp.readFile(path.join(dir, 'o.xlsx')));
    const kept = Object.keys(before.files).filter((p) =>
      /^xl\/(charts|media|pivotTables|pivotCache|drawings|comments)/.test(p),
    );
    expect(kept.length).toBeGreaterThanOrEqual(8);
    for (const part of kept) {
      expect({ part, same: await after.file(part)?.async('string') }).toEqual({
        part,
        same: await before.file(part)?.async('string'),
      });
    }
  });
});

describe('tricolor failures', () => {
  it('says in one sentence that an unreadable file cannot be read, and exits 2', async () => {
    const input = path.join(dir, 'plan.xlsx');
    await fsp.writeFile(input, '序号,项目名称\n1,城市快速路项目\n');
    const io = captureIo(dir);
    expect(await main(['run', input], io)).toBe(2);
    expect(io.err()).toBe('这个文件不是 Excel 工作簿(.xlsx),无法读取。\n');
    expect(io.out()).toBe('');
    expect(await fsp.readdir(dir)).toEqual(['plan.xlsx']);
  });

  it('says so when the input file does not exist', async () => {
    const io = captureIo(dir);
    expect(await main(['run', 'missing.xlsx'], io)).toBe(2);
    expect(io.err()).toBe(`找不到文件 ${path.join(dir, 'missing.xlsx')}。\n`);
  });

  it('exits 3 and writes no workbook when no sheet holds a plan table', async () => {
    const wb = new Workbook();
    wb.addWorksheet('说明').getCell('A1').value = '本工作簿只有说明文字。';
    const input = path.join(dir, 'notes.xlsx');
    await wb.xlsx.writeFile(input);
    const io = captureIo(dir);
    expect(await main(['run', input, '--as-of', '2023-06-30', '--report', 'r.json'], io)).toBe(3);
    expect(io.err()).toContain('中没有找到计划表');
    expect((await fsp.readdir(dir)).sort()).toEqual(['notes.xlsx', 'r.json']);
    const r = await report(path.join(dir, 'r.json'));
    expect(r).toMatchObject({ sheets: [], skippedSheets: [{ name: '说明', reason: 'no_table' }] });
  });

  it.each(['2023-02-30', '2023/06/30', '6月30日'])(
    'refuses the report date %s with exit 2',
    async (d) => {
      const io = captureIo(dir);
      expect(await main(['run', SAMPLE, '--as-of', d], io)).toBe(2);
      expect(io.err()).toBe(`截至日期“${d}”无效,请写成 YYYY-MM-DD,例如 2023-06-30。\n`);
    },
  );

  it('refuses unknown presets, sheets, options and commands with exit 2', async () => {
    const cases: [string[], string][] = [
      [['check', SAMPLE, '--preset', 'fast'], '没有名为“fast”的规则'],
      [['check', SAMPLE, '--sheet', '不存在'], '工作簿中没有名为“不存在”的工作表'],
      [['check', SAMPLE, '--colour', 'red'], '不认识的选项“--colour”'],
      [['paint', SAMPLE], '不认识的命令“paint”'],
      [['run'], '命令 run 需要一个输入文件'],
      [['check', SAMPLE, '--out', 'x.xlsx'], 'check 命令不写工作簿'],
      [['run', SAMPLE, '--as-of'], '选项 --as-of 后面需要一个值'],
      [['run', SAMPLE, '--lang', 'fr'], '--lang 只能是 zh 或 en'],
    ];
    for (const [argv, message] of cases) {
      const io = captureIo(dir);
      expect({ argv, code: await main(argv, io) }).toEqual({ argv, code: 2 });
      expect(io.err()).toContain(message);
      expect(io.err()).not.toMatch(/\n\s+at /);
    }
  });

  it('speaks English with --lang en, in its sentences and its summary', async () => {
    const missing = captureIo(dir);
    expect(await main(['run', 'missing.xlsx', '--lang', 'en'], missing)).toBe(2);
    expect(missing.err()).toBe(`There is no file ${path.join(dir, 'missing.xlsx')}.\n`);
    const bad = captureIo(dir);
    expect(await main(['run', SAMPLE, '--lang=en', '--as-of', 'soon'], bad)).toBe(2);
    expect(bad.err()).not.toMatch(CJK);
    const ok = captureIo(dir);
    expect(await main(['check', SAMPLE, '--as-of', '2023-06-30', '--lang', 'en'], ok)).toBe(0);
    expect(ok.out()).toContain(
      '重点项目: 22 rows, On track 16, Lagging 3, Severely lagging 1, Done 2, Unknown 0; 0 issues',
    );
  });

  it('exits 2 when the folder for --out does not exist', async () => {
    const io = captureIo(dir);
    expect(
      await main(['run', SAMPLE, '--out', 'no/such/dir/o.xlsx', '--as-of', '2023-06-30'], io),
    ).toBe(2);
    expect(io.err()).toBe(`输出文件夹 ${path.join(dir, 'no/such/dir')} 不存在。\n`);
  });

  it('prints help and the version on stdout with exit 0', async () => {
    const help = captureIo(dir);
    expect(await main(['--help'], help)).toBe(0);
    expect(help.out()).toContain('tricolor run 输入.xlsx');
    expect(help.out()).toContain('--no-bulletin       不生成通报工作表');
    expect(help.out()).toContain('命令行写出的 .xlsx 中没有图表');
    const en = captureIo(dir);
    expect(await main(['--help', '--lang', 'en'], en)).toBe(0);
    expect(en.out()).toContain('Exit codes');
    expect(en.out()).toContain('--no-bulletin       do not add the bulletin sheets');
    const version = captureIo(dir);
    expect(await main(['--version'], version)).toBe(0);
    expect(version.out()).toMatch(/^tricolor \d+\.\d+\.\d+\n$/);
  });
});

describe('tricolor on a table with no free column for the status', () => {
  it('says why the sheet was skipped, on stderr, and exits 3 when it was the only table', async () => {
    const wb = new Workbook();
    const ws = wb.addWorksheet('宽表');
    ws.getRow(1).values = ['序号', '项目名称', '责任单位', '计划节点'];
    const full: (string | number)[] = [1, '甲项目', '区发改局', '3月底'];
    for (let c = 4; c < 16_384; c++) full[c] = `备忘${c}`;
    ws.getRow(2).values = full;
    const input = path.join(dir, 'wide.xlsx');
    await wb.xlsx.writeFile(input);
    const io = captureIo(dir);
    expect(await main(['run', input, '--as-of', '2023-06-30'], io)).toBe(3);
    expect(io.out()).toBe('');
    expect(io.err()).toBe(
      '工作表“宽表”右侧直到最后一列(XFD)都有内容,没有空列可写状态列,已跳过该表。请删除右侧多余的列后重试。\n' +
        `${input} 中没有找到计划表(需要“项目名称”“工作任务”之类的表头),未写出工作簿。\n`,
    );
    expect(await fsp.readdir(dir)).toEqual(['wide.xlsx']);
  }, 30_000);
});
