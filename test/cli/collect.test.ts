import { promises as fsp } from 'fs';
import * as path from 'path';
import { Workbook } from 'exceljs';
import { PackageWorkbook } from '../../src/adapters/xlsxPackage/PackageWorkbook';
import { main } from '../../src/cli/main';
import type { CollectReport } from '../../src/cli/collectReport';
import { cellAt, parseA1 } from '../../src/core/grid';
import { defaultRules } from '../../src/core/rules';
import { undoCollect } from '../../src/session/collectWorkflow';
import { leaks, userStrings, xlsxStateStrings } from '../support/storedState';
import { captureIo, readJson, sampleCopy, tempDir } from './cliTestKit';
import { looksOf, returnFiles, sha, userGridsOf } from './collectKit';

// The fixed clock of captureIo is 2023-06-30: the record sheet carries that day.
const RECORD = '汇总记录2023-06-30';

/** What the returns in test/fixtures/collect should write: cell → new value. */
const EXPECTED_CHANGES: Record<string, string | number> = {
  // 区交通运输局, saved by LibreOffice: its filled row (its changed deadline is a conflict).
  F6: 4000,
  I6: '已开工',
  J6: '否',
  // 金城镇's edited copy of the whole master, columns reordered, traditional headers.
  I11: '主体结构封顶',
  M11: '无',
  // 区发改局, re-sorted by name: every row lands on its own master row.
  I12: '主体施工(区发改局,第6行)',
  I13: '主体施工(区发改局,第7行)',
  I14: '主体施工(区发改局,第8行)',
  I28: '主体施工(区发改局,第9行)',
  I29: '主体施工(区发改局,第10行)',
  I30: '主体施工(区发改局,第11行)',
  I31: '主体施工(区发改局,第12行)',
  // 区农业农村局's two returns agree on row 19 (and disagree on row 18).
  I19: '已验收',
  J19: '已完成',
  // 区水利局: its filled row (its added row is a conflict).
  I20: '完成主体工程',
  J20: '是',
  // 区文广旅体局, saved by LibreOffice; a leading "=" stays text.
  I23: '正在装修',
  M23: '=资金未到位',
  I24: '正在装修',
};

const EXPECTED_CONFLICTS = [
  ['20-损坏.xlsx', 'unreadable_file', null],
  ['21-空文件.xlsx', 'unreadable_file', null],
  ['22-其实是CSV.xlsx', 'unreadable_file', null],
  ['23-其实是xls.xlsx', 'unreadable_file', null],
  ['02-区交通运输局-改了时限-LibreOffice.xlsx', 'protected_changed', 'H6'],
  ['03-区水利局-加了一行.xlsx', 'row_not_in_master', 'B9'],
  ['06-区卫生健康局-进度超百.xlsx', 'unreadable_value', 'I15'],
  ['24-另一张表.xlsx', 'not_this_table', null],
  ['04-区农业农村局.xlsx, 05-区农业农村局-更正.xlsx', 'returns_disagree', 'I18'],
];

async function collectIn(
  dir: string,
  master: string,
  out: string,
  report: string,
): Promise<{ code: number; err: string; out: string; report: CollectReport }> {
  const io = captureIo(dir);
  const code = await main(
    ['collect', master, ...(await returnFiles()), '--out', out, '--report', report],
    io,
  );
  return {
    code,
    err: io.err(),
    out: io.out(),
    report: (await readJson(path.resolve(dir, report))) as CollectReport,
  };
}

describe('tricolor collect', () => {
  let dir: string;
  let master: string;
  beforeAll(async () => {
    dir = await tempDir();
    master = await sampleCopy(dir);
  });
  afterAll(async () => fsp.rm(dir, { recursive: true, force: true }));

  it('writes the filled-in cells of every good return, lists each conflict with its code, and names the units that sent nothing', async () => {
    const before = await Promise.all([master, ...(await returnFiles())].map(sha));
    const r = await collectIn(dir, master, 'out.xlsx', 'report.json');
    expect(r.code).toBe(0);
    const changes = Object.fromEntries(r.report.changes.map((c) => [c.cell, c.new]));
    expect(changes).toEqual(
      Object.fromEntries(Object.entries(EXPECTED_CHANGES).map(([k, v]) => [k, String(v)])),
    );
    expect(r.report.changes.every((c) => c.sheet === '重点项目')).toBe(true);
    expect(r.report.conflicts.map((c) => [c.file, c.code, c.cell])).toEqual(EXPECTED_CONFLICTS);
    expect(r.report.notReturned).toEqual(['西城街道']);
    // Each bad file gets one sentence naming it.
    for (const bad of [
      '20-损坏.xlsx',
      '21-空文件.xlsx',
      '22-其实是CSV.xlsx',
      '23-其实是xls.xlsx',
    ]) {
      expect(r.err.split('\n').filter((l) => l.includes(bad))).toHaveLength(1);
    }
    expect(r.out).toContain(RECORD);
    // The input files are never written.
    expect(await Promise.all([master, ...(await returnFiles())].map(sha))).toEqual(before);
  }, 60_000);

  it('changes those cells only: every other cell, merge, style and sheet of the master is as before', async () => {
    const out = path.join(dir, 'out.xlsx');
    const [was] = await userGridsOf(master);
    const now = (await userGridsOf(out)).find((g) => g.name === '重点项目');
    expect(was && now).toBeTruthy();
    const changed = new Set(Object.keys(EXPECTED_CHANGES));
    for (let r = 0; r < Math.max(was!.values.length, now!.values.length); r++) {
      for (let c = 0; c < 16; c++) {
        const address = String.fromCharCode(65 + c) + String(r + 1);
        const expected = changed.has(address) ? EXPECTED_CHANGES[address] : cellAt(was!, r, c);
        expect([address, cellAt(now!, r, c)]).toEqual([address, expected]);
      }
    }
    const sorted = (g: typeof was) =>
      [...g!.merges].sort((a, b) => a.top - b.top || a.left - b.left);
    expect(sorted(now)).toEqual(sorted(was));
    expect(await looksOf(out)).toEqual(await looksOf(master));
    const wb = new Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['重点项目', 'visible'],
      ['填表说明', 'visible'],
      [RECORD, 'visible'],
      ['_tricolor', 'veryHidden'],
    ]);
    // "=资金未到位" is text in the cell, not a formula.
    expect(wb.getWorksheet('重点项目')!.getCell('M23').value).toBe('=资金未到位');
  }, 60_000);

  it('lists every change and conflict on its record sheet', async () => {
    const book = await PackageWorkbook.open(await fsp.readFile(path.join(dir, 'out.xlsx')));
    const record = await book.readSheet(RECORD);
    const text = record.values.flat().filter((v) => typeof v === 'string');
    for (const cell of Object.keys(EXPECTED_CHANGES)) expect(text).toContain(cell);
    for (const [, code] of EXPECTED_CONFLICTS) expect(text).toContain(code);
    expect(text).toContain('西城街道');
  }, 60_000);

  it('changes nothing more when the same returns are collected again into its output', async () => {
    const r = await collectIn(dir, path.join(dir, 'out.xlsx'), 'again.xlsx', 'again.json');
    expect(r.code).toBe(0);
    expect(r.report.changes).toEqual([]);
    // The whole-master copy now differs from the master in the rows the others' returns filled:
    // each such row is a conflict, and the master keeps what the first collect wrote.
    const codes = r.report.conflicts.map((c) => c.code);
    expect(codes.filter((c) => c !== 'not_own_row')).toEqual(EXPECTED_CONFLICTS.map((c) => c[1]));
    expect(
      r.report.conflicts
        .filter((c) => c.code === 'not_own_row')
        .every((c) => c.file.startsWith('08-')),
    ).toBe(true);
    const first = await userGridsOf(path.join(dir, 'out.xlsx'));
    const second = await userGridsOf(path.join(dir, 'again.xlsx'));
    expect(second.map((g) => g.values)).toEqual(first.map((g) => g.values));
    const wb = new Workbook();
    await wb.xlsx.readFile(path.join(dir, 'again.xlsx'));
    expect(wb.worksheets.map((w) => w.name).sort()).toEqual(
      ['重点项目', '填表说明', '_tricolor', RECORD].sort(),
    );
  }, 60_000);

  it('keeps in the workbook no user text but the old values of the cells it changed, and undoing the collect puts them back and drops them', async () => {
    const out = path.join(dir, 'out.xlsx');
    const bytes = new Uint8Array(await fsp.readFile(out));
    const stored = await xlsxStateStrings(bytes);
    const user = userStrings(await userGridsOf(master), defaultRules());
    const [was] = await userGridsOf(master);
    const oldValues = new Set(
      Object.keys(EXPECTED_CHANGES).map((a) => {
        const p = parseA1(a)!;
        return cellAt(was!, p.row - 1, p.col - 1);
      }),
    );
    // Only text that was in a changed cell before the collect is found in the record.
    const leaked = user.filter((u) => leaks([u], stored).length > 0);
    expect(leaked.length).toBeGreaterThan(0);
    expect(
      leaked.filter((u) => ![...oldValues].some((v) => typeof v === 'string' && v.includes(u))),
    ).toEqual([]);

    const book = await PackageWorkbook.open(bytes);
    const undone = await undoCollect(book, '重点项目');
    expect(undone).toEqual({
      undone: true,
      restored: Object.keys(EXPECTED_CHANGES).length,
      editedSince: [],
    });
    expect((await book.readSheet('重点项目')).values).toEqual(was!.values);
    const after = await book.save();
    expect(leaks(user, await xlsxStateStrings(after))).toEqual([]);
    // Nothing left to undo.
    expect((await undoCollect(await PackageWorkbook.open(after), '重点项目')).undone).toBe(false);
  }, 60_000);
});

describe('tricolor collect exit codes', () => {
  it('exits 2 with a usage sentence when no return is given', async () => {
    const io = captureIo(process.cwd());
    expect(await main(['collect', 'master.xlsx'], io)).toBe(2);
    expect(io.err()).toContain('至少一个报送表');
  });

  it('exits 2 when the output would be the master itself, and writes nothing', async () => {
    const dir = await tempDir();
    const master = await sampleCopy(dir);
    const before = await sha(master);
    const io = captureIo(dir);
    const [first] = await returnFiles();
    expect(await main(['collect', master, first!, '--out', master], io)).toBe(2);
    expect(await sha(master)).toBe(before);
    await fsp.rm(dir, { recursive: true, force: true });
  });

  it('exits 3 when the master holds no plan table', async () => {
    const dir = await tempDir();
    const files = await returnFiles();
    const other = files.find((f) => f.endsWith('24-另一张表.xlsx'))!;
    const io = captureIo(dir);
    // A workbook of notes only, given as the master.
    const wb = new Workbook();
    wb.addWorksheet('说明').addRow(['1. 计划节点请填写具体日期或月份。']);
    await wb.xlsx.writeFile(path.join(dir, 'notes.xlsx'));
    expect(await main(['collect', path.join(dir, 'notes.xlsx'), other], io)).toBe(3);
    expect(io.err()).toContain('notes.xlsx');
    await fsp.rm(dir, { recursive: true, force: true });
  });

  it('exits 2 and writes nothing when no return could be read', async () => {
    const dir = await tempDir();
    const master = await sampleCopy(dir);
    const bad = (await returnFiles()).filter((f) => /2[0-3]-/.test(path.basename(f)));
    const io = captureIo(dir);
    expect(await main(['collect', master, ...bad, '--out', 'o.xlsx'], io)).toBe(2);
    await expect(fsp.access(path.join(dir, 'o.xlsx'))).rejects.toThrow();
    expect(io.err()).toContain('没有可汇总的报送表');
    await fsp.rm(dir, { recursive: true, force: true });
  });
});
