import { promises as fsp } from 'fs';
import * as path from 'path';
import { Workbook } from 'exceljs';
import { main } from '../../src/cli/main';
import { ReportSchema, type Report } from '../../src/core/report';
import { expectedStatuses } from '../fixtures/realForms/gridOfTable';
import { FILES_DIR, OTHER_DIR } from '../fixtures/realForms/paths';
import { REAL_TABLES, type RealTable } from '../fixtures/realForms/tables';
import { captureIo, readJson, tempDir } from './cliTestKit';
import { statusByRow } from '../support/statusByRow';

/**
 * The golden real-world tables of issue 15, run through `tricolor run` as the .xlsx and .csv files
 * test/fixtures/realForms/make.ts wrote: the report must say what the core golden test says.
 */

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

async function runFile(
  t: RealTable,
  input: string,
): Promise<{ code: number; report: Report; out: string; err: string }> {
  const stem = path.basename(input).replace(/\./g, '_');
  const out = path.join(dir, `${stem}.out.xlsx`);
  const json = path.join(dir, `${stem}.json`);
  const io = captureIo(dir);
  const code = await main(
    [
      'run',
      input,
      '--as-of',
      t.asOf,
      '--preset',
      t.preset ?? 'node-lag',
      '--out',
      out,
      '--report',
      json,
    ],
    io,
  );
  const report = ReportSchema.parse(await readJson(json));
  return { code, report, out, err: io.err() };
}

describe.each(REAL_TABLES.map((t) => [t.file, t] as const))(
  'tricolor run on the real-world table %s.xlsx',
  (_, t) => {
    let result: Awaited<ReturnType<typeof runFile>>;
    beforeAll(async () => {
      result = await runFile(t, path.join(FILES_DIR, `${t.file}.xlsx`));
    });

    it('exits 0 and reports every data row with the status domain.md decides', () => {
      expect(result.code).toBe(0);
      expect(statusByRow(result.report.sheets[0]?.rows)).toEqual(expectedStatuses(t));
    });

    it('reports exactly the issues the forms call for, at their cells', () => {
      const got = (result.report.sheets[0]?.issues ?? []).map((i) => [i.code, i.cell]).sort();
      expect(got).toEqual([...t.issues].map((i) => [...i]).sort());
    });

    it('writes the draft text in the words of the table and the preset', () => {
      const text = result.report.sheets[0]?.summary.text ?? '';
      for (const words of t.text?.has ?? []) expect(text).toContain(words);
      for (const words of t.text?.hasNot ?? []) expect(text).not.toContain(words);
    });
  },
);

describe('tricolor run on the real .xlsx files, beyond statuses', () => {
  const table = (file: string): RealTable => {
    const t = REAL_TABLES.find((x) => x.file === file);
    if (t === undefined) throw new Error(`no fixture ${file}`);
    return t;
  };

  it('reads the header of a three-level merged header from its top row, with its unit', async () => {
    const { report } = await runFile(
      table('three-level-header'),
      path.join(FILES_DIR, 'three-level-header.xlsx'),
    );
    expect(report.sheets[0]?.table.headerRows).toEqual([3, 5]);
    expect(report.sheets[0]?.summary.investment?.unitLabel).toBe('万元');
  });

  it('lists serial deadlines as dates in the report and on the list sheet', async () => {
    const { report, out } = await runFile(
      table('serial-deadlines'),
      path.join(FILES_DIR, 'serial-deadlines.xlsx'),
    );
    const texts = (report.sheets[0]?.summary.lagging ?? []).map((l) => l.deadlineText);
    expect(texts).toEqual(['2023-07-14', '2023-09-14']);
    const wb = new Workbook();
    await wb.xlsx.readFile(out);
    const list = wb.getWorksheet('滞后清单2023-11-30');
    const shown: unknown[] = [];
    list?.eachRow((row) => row.eachCell((c) => void shown.push(c.value)));
    expect(shown).toEqual(expect.arrayContaining(['2023-07-14', '2023-09-14']));
    expect(shown).not.toEqual(expect.arrayContaining([45121, 45183.9, '45121', '45183.9']));
  });

  it('leaves 开工率 out of the report of a table with no actual-start column', async () => {
    const { report } = await runFile(
      table('no-actual-start'),
      path.join(FILES_DIR, 'no-actual-start.xlsx'),
    );
    expect(report.sheets[0]?.summary).not.toHaveProperty('starts');
  });
});

describe('tricolor run on CSV exported by Chinese Excel and web platforms', () => {
  const t = REAL_TABLES.find((x) => x.csv !== undefined);
  if (t === undefined) throw new Error('no CSV fixture');

  it.each(t.csv ?? [])('reads the %s CSV as a plan table like the .xlsx', async (encoding) => {
    const { code, report } = await runFile(t, path.join(FILES_DIR, `${t.file}.${encoding}.csv`));
    expect(code).toBe(0);
    expect(statusByRow(report.sheets[0]?.rows)).toEqual(expectedStatuses(t));
  });

  it('writes the result as .xlsx beside the CSV by default', async () => {
    const input = path.join(dir, 'plan.csv');
    await fsp.copyFile(path.join(FILES_DIR, `${t.file}.gbk.csv`), input);
    const code = await main(['run', input, '--as-of', t.asOf], captureIo(dir));
    expect(code).toBe(0);
    const wb = new Workbook();
    await wb.xlsx.readFile(path.join(dir, 'plan.三色.xlsx'));
    expect(wb.getWorksheet('plan')?.getCell('B3').value).toBe('任务一');
  });
});

describe('tricolor run on spreadsheet formats it cannot read', () => {
  it.each([
    ['plan.ods', 'OpenDocument 电子表格(.ods)'],
    ['plan.xls', '旧版 Excel 97-2003 工作簿(.xls)'],
    ['plan.et', 'WPS 表格文件(.et)'],
  ])('says in one sentence how to save %s as .xlsx', async (name, format) => {
    const io = captureIo(dir);
    const code = await main(['run', path.join(OTHER_DIR, name), '--as-of', '2023-06-30'], io);
    expect(code).toBe(2);
    expect(io.err()).toBe(
      `“${name}”是${format},无法直接读取:请在 Excel 或 WPS 中打开,“另存为” Excel 工作簿(.xlsx)后重试。\n`,
    );
  });
});
