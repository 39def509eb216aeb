import { promises as fsp } from 'fs';
import * as path from 'path';
import { Workbook, type Worksheet } from 'exceljs';
import { main } from '../../src/cli/main';
import { ROW_KEY_HEADER } from '../../src/core/collect/rowKeyColumn';
import type { CollectReport } from '../../src/cli/collectReport';
import { captureIo, readJson, sampleCopy, tempDir } from './cliTestKit';
import { sha } from './collectKit';

const TABLE = '2023年度XX区重点项目推进计划表';
const UNITS = [
  '区交通运输局',
  '金城镇',
  '区发改局',
  '区卫生健康局',
  '区农业农村局',
  '区水利局',
  '区文广旅体局',
  '西城街道',
];
// In a split file of the sample: title, 单位 line, the instruction line, two header rows.
const FIRST_DATA_ROW = 6;
const KEY_COL = 14; // N: right of the table's last column, M.

async function sheetOf(file: string): Promise<Worksheet> {
  const wb = new Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets[0]!;
}

describe('tricolor split', () => {
  let dir: string;
  let master: string;
  let outDir: string;
  let stdout = '';
  beforeAll(async () => {
    dir = await tempDir();
    master = await sampleCopy(dir);
    outDir = path.join(dir, 'returns');
    await fsp.mkdir(outDir);
    const before = await sha(master);
    const io = captureIo(dir);
    expect(await main(['split', master, '--out-dir', 'returns', '--due', '2023-07-05'], io)).toBe(
      0,
    );
    stdout = io.out();
    expect(await sha(master)).toBe(before);
  });
  afterAll(async () => fsp.rm(dir, { recursive: true, force: true }));

  it('writes one workbook per responsible unit, named after the unit and the table', async () => {
    expect((await fsp.readdir(outDir)).sort()).toEqual(
      UNITS.map((u) => `${u}-${TABLE}.xlsx`).sort(),
    );
    for (const u of UNITS) expect(stdout).toContain(`${u}-${TABLE}.xlsx`);
  });

  it('holds the title, a line saying what to fill and by when, the header and that unit’s rows only, at the master’s widths', async () => {
    const m = await sheetOf(master);
    const ws = await sheetOf(path.join(outDir, `区水利局-${TABLE}.xlsx`));
    expect(ws.getCell('A1').value).toBe(m.getCell('A1').value);
    expect(ws.getCell('A3').value as string).toContain('2023年7月5日');
    expect(ws.getCell('B4').value).toBe('项目名称');
    const names: unknown[] = [];
    for (let r = FIRST_DATA_ROW; r <= ws.rowCount; r++) names.push(ws.getCell(r, 2).value);
    const expected: unknown[] = [];
    for (let r = 1; r <= m.rowCount; r++) {
      if (m.getCell(r, 11).value === '区水利局') expected.push(m.getCell(r, 2).value);
    }
    expect(names).toEqual(expected);
    for (let c = 1; c <= 13; c++) expect(ws.getColumn(c).width).toBe(m.getColumn(c).width);
    expect(ws.model.merges).toEqual(expect.arrayContaining(['A1:M1', 'F4:G4']));
  });

  it('unlocks only the fill-in columns of the unit’s rows and protects the sheet without a password', async () => {
    const ws = await sheetOf(path.join(outDir, `区发改局-${TABLE}.xlsx`));
    const protection = (ws as unknown as { sheetProtection: Record<string, unknown> })
      .sheetProtection;
    expect(protection.sheet).toBe(true);
    expect(protection.hashValue).toBeUndefined();
    // F 金额, I 形象进度, J 是否完成, M 存在问题 are filled in; the rest (H 计划节点…) is locked.
    const unlocked = new Set([6, 9, 10, 13]);
    for (let c = 1; c <= 13; c++) {
      const locked = ws.getCell(FIRST_DATA_ROW, c).protection?.locked !== false;
      expect([c, locked]).toEqual([c, !unlocked.has(c)]);
    }
    expect(ws.getCell(4, 2).protection?.locked).not.toBe(false);
  });

  it('gives every row its identity in a hidden column, so a re-sorted return still matches', async () => {
    const ws = await sheetOf(path.join(outDir, `区发改局-${TABLE}.xlsx`));
    expect(ws.getColumn(KEY_COL).hidden).toBe(true);
    expect(ws.getCell(4, KEY_COL).value).toBe(ROW_KEY_HEADER);
    for (let r = FIRST_DATA_ROW; r <= ws.rowCount; r++) {
      expect(ws.getCell(r, KEY_COL).value as string).toMatch(/^k:[0-9a-z]+$/);
    }
  });

  it('gives back files that, collected unchanged, change nothing and leave no unit unreported', async () => {
    const files = (await fsp.readdir(outDir)).map((f) => path.join(outDir, f));
    const io = captureIo(dir);
    const code = await main(
      ['collect', master, ...files, '--out', 'same.xlsx', '--report', 'same.json'],
      io,
    );
    expect(code).toBe(0);
    const report = (await readJson(path.join(dir, 'same.json'))) as CollectReport;
    expect(report).toMatchObject({ changes: [], conflicts: [], notReturned: [] });
  });
});

describe('tricolor split exit codes', () => {
  it('exits 2 when --out-dir is missing', async () => {
    const io = captureIo(process.cwd());
    expect(await main(['split', 'master.xlsx'], io)).toBe(2);
    expect(io.err()).toContain('--out-dir');
  });

  it('exits 2 on a due date that is not YYYY-MM-DD', async () => {
    const dir = await tempDir();
    const master = await sampleCopy(dir);
    const io = captureIo(dir);
    expect(await main(['split', master, '--out-dir', dir, '--due', '7月5日'], io)).toBe(2);
    expect(io.err()).toContain('7月5日');
    await fsp.rm(dir, { recursive: true, force: true });
  });

  it('makes the output folder when its parent exists, and exits 2 when the parent does not', async () => {
    const dir = await tempDir();
    const master = await sampleCopy(dir);
    const io = captureIo(dir);
    expect(await main(['split', master, '--out-dir', 'new', '--due', '2023-07-05'], io)).toBe(0);
    expect((await fsp.readdir(path.join(dir, 'new'))).length).toBeGreaterThan(1);
    expect(await main(['split', master, '--out-dir', path.join(dir, 'no', 'such')], io)).toBe(2);
    expect(io.err()).toContain(path.join(dir, 'no', 'such'));
    expect(await fsp.readdir(dir)).not.toContain('no');
    await fsp.rm(dir, { recursive: true, force: true });
  });

  it('exits 2 when the output folder is a file, and 3 when the master holds no table', async () => {
    const dir = await tempDir();
    const master = await sampleCopy(dir);
    const io = captureIo(dir);
    expect(await main(['split', master, '--out-dir', master], io)).toBe(2);
    const wb = new Workbook();
    wb.addWorksheet('说明').addRow(['1. 计划节点请填写具体日期或月份。']);
    await wb.xlsx.writeFile(path.join(dir, 'notes.xlsx'));
    expect(await main(['split', path.join(dir, 'notes.xlsx'), '--out-dir', dir], io)).toBe(3);
    expect(await fsp.readdir(dir)).toEqual(
      expect.not.arrayContaining([expect.stringMatching(/-/)]),
    );
    await fsp.rm(dir, { recursive: true, force: true });
  });
});
