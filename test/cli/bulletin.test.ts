import { createHash } from 'crypto';
import { promises as fsp } from 'fs';
import * as path from 'path';
import { Workbook, type Cell, type Worksheet } from 'exceljs';
import JSZip from 'jszip';
import { sheetXmlPath } from '../support/exceljsGrid/sheetXmlPath';
import { main } from '../../src/cli/main';
import { ReportSchema } from '../../src/core/report';
import { FORMULA_LIKE_NAMES, QUARTER_END, writeTangshanXlsx } from './bulletinKit';
import { captureIo, readJson, SAMPLE, sampleCopy, tempDir } from './cliTestKit';
import { statusByRow } from '../support/statusByRow';

/**
 * `tricolor run` adds the bulletin sheets to the workbook it writes. The Tangshan fixture's
 * published figures are read back from the saved file with plain ExcelJS, values and number
 * formats both, so what a user opens in Excel is what is checked.
 */

let dir: string;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

async function load(file: string): Promise<Workbook> {
  const wb = new Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

function sheet(wb: Workbook, name: string): Worksheet {
  const ws = wb.getWorksheet(name);
  if (ws === undefined) {
    throw new Error(`no sheet ${name} among ${wb.worksheets.map((w) => w.name).join(', ')}`);
  }
  return ws;
}

/** Every cell of a sheet holding a value. */
function valueCells(ws: Worksheet): Cell[] {
  const cells: Cell[] = [];
  ws.eachRow((row) => row.eachCell((c) => void cells.push(c)));
  return cells;
}

/** The cell under the first cell holding exactly this text. */
function below(ws: Worksheet, header: string): Cell {
  const h = valueCells(ws).find((c) => c.value === header);
  if (h === undefined) throw new Error(`no cell "${header}" on ${ws.name}`);
  return ws.getCell(Number(h.row) + 1, Number(h.col));
}

/** What Excel shows for a number in the formats bulletins use, computed apart from the code under test. */
function shown(cell: Cell): string {
  const v = cell.value;
  if (typeof v !== 'number') return typeof v === 'string' ? v : JSON.stringify(v);
  if (cell.numFmt === '0.0%') return `${(v * 100).toFixed(1)}%`;
  if (cell.numFmt === '0.0') return v.toFixed(1);
  if (cell.numFmt === '0') return v.toFixed(0);
  return String(v);
}

async function runTangshan(
  quarter: 'Q1' | 'Q2',
  extra: string[] = [],
): Promise<{ input: string; out: string; stdout: string }> {
  const input = await writeTangshanXlsx(dir, quarter);
  const out = path.join(dir, `out-${quarter}.xlsx`);
  const io = captureIo(dir);
  const code = await main(
    ['run', input, '--as-of', QUARTER_END[quarter], '--out', out, ...extra],
    io,
  );
  expect([code, io.err()]).toEqual([0, '']);
  return { input, out, stdout: io.out() };
}

async function sheetXml(file: string, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(await fsp.readFile(file));
  const part = await sheetXmlPath(zip, name);
  const xml = part === null ? undefined : await zip.file(part)?.async('string');
  if (xml === undefined) throw new Error(`no XML part for ${name}`);
  return xml;
}

describe('tricolor run writes the bulletin sheets of the Tangshan 2023 fixture', () => {
  it('shows the Q1 figures (as of 2023-03-31): 1127.4, 162.5, 14.4% and 50.7%, in their number formats', async () => {
    const { out, stdout } = await runTangshan('Q1');
    expect(stdout).toContain('已加上通报工作表:通报2023-03-31、滞后清单2023-03-31\n');
    const wb = await load(out);
    const ws = sheet(wb, '通报2023-03-31');
    expect(ws.getCell('A1').value).toBe('截至2023年3月31日重点项目推进情况');

    const plan = below(ws, '年度计划投资（亿元）');
    expect([plan.numFmt, shown(plan)]).toEqual(['0.0', '1127.4']);
    expect(plan.value).toBeCloseTo(1127.4, 9);
    const done = below(ws, '1-3月完成投资（亿元）');
    expect([done.numFmt, shown(done)]).toEqual(['0.0', '162.5']);
    expect(done.value).toBeCloseTo(162.5, 9);
    const rate = below(ws, '完成率');
    expect([rate.numFmt, shown(rate)]).toEqual(['0.0%', '14.4%']);
    expect(rate.value).toBeCloseTo(1625 / 11274, 12);
    expect(shown(below(ws, '序时进度（1-3月）'))).toBe('24.7%');
    expect(below(ws, '计划新开工（个）').value).toBe(73);
    expect(below(ws, '已开工（个）').value).toBe(37);
    const starts = below(ws, '开工率');
    expect([starts.numFmt, shown(starts)]).toEqual(['0.0%', '50.7%']);
    expect(starts.value).toBeCloseTo(37 / 73, 12);

    const draft = below(ws, '一、通报文字（草稿）').value;
    expect(draft).toEqual(
      expect.stringContaining('年度计划投资1127.4亿元，1-3月完成投资162.5亿元'),
    );
    expect(draft).toEqual(expect.stringContaining('完成率14.4%'));
    expect(draft).toEqual(expect.stringContaining('开工率50.7%'));
  });

  it('shows the Q2 figures (as of 2023-06-30): 44.7% of the plan done and 83.6% started', async () => {
    const { out } = await runTangshan('Q2');
    const ws = sheet(await load(out), '通报2023-06-30');
    const rate = below(ws, '完成率');
    expect([rate.numFmt, shown(rate)]).toEqual(['0.0%', '44.7%']);
    expect(rate.value).toBeCloseTo(5039 / 11274, 12);
    expect(shown(below(ws, '年度计划投资（亿元）'))).toBe('1127.4');
    expect(shown(below(ws, '序时进度（1-6月）'))).toBe('49.6%');
    expect(below(ws, '已开工（个）').value).toBe(61);
    const starts = below(ws, '开工率');
    expect([starts.numFmt, shown(starts)]).toEqual(['0.0%', '83.6%']);
    expect(starts.value).toBeCloseTo(61 / 73, 12);
  });

  it('keeps a project name that starts with "=" as text in the lagging list: no formula, no <f> in the sheet XML', async () => {
    const { out } = await runTangshan('Q2');
    const ws = sheet(await load(out), '滞后清单2023-06-30');
    // Column B below the title (ExcelJS gives every cell of a merge the title's value).
    const names = valueCells(ws)
      .filter((c) => Number(c.col) === 2 && Number(c.row) > 1)
      .map((c) => c.value);
    for (const name of Object.values(FORMULA_LIKE_NAMES)) {
      expect(names).toContain(name);
      const cell = valueCells(ws).find((c) => c.value === name);
      expect([name, typeof cell?.value, cell?.formula]).toEqual([name, 'string', undefined]);
    }
    // Eight lagging and eight severe projects, each once, under the repeated header row.
    expect(ws.getCell('B2').value).toBe('项目名称');
    expect(names.filter((n) => n !== '项目名称')).toHaveLength(16);
    for (const name of ['滞后清单2023-06-30', '通报2023-06-30']) {
      expect(await sheetXml(out, name)).not.toMatch(/<f[\s>]/);
    }
  });

  it('sets both sheets to print on A4 landscape, one page wide and as many tall as needed, the list with its header on every page', async () => {
    const { out } = await runTangshan('Q1');
    const wb = await load(out);
    const onePageWide = {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    };
    expect(sheet(wb, '通报2023-03-31').pageSetup).toMatchObject(onePageWide);
    expect(sheet(wb, '滞后清单2023-03-31').pageSetup).toMatchObject({
      ...onePageWide,
      printTitlesRow: '2:2',
    });
    for (const name of ['通报2023-03-31', '滞后清单2023-03-31']) {
      const xml = await sheetXml(out, name);
      expect(xml).toMatch(/<pageSetUpPr fitToPage="1"\/>/);
      expect(xml).toMatch(
        /<pageSetup paperSize="9" orientation="landscape"[^>]* fitToWidth="1" fitToHeight="0"/,
      );
    }
    const workbookXml = await (
      await JSZip.loadAsync(await fsp.readFile(out))
    )
      .file('xl/workbook.xml')!
      .async('string');
    // localSheetId counts sheets from 0 in workbook order: 唐山Q1, 通报…, 滞后清单….
    // The quotes may be written as &apos; (ExcelJS) or as they are (the package adapter): same XML.
    expect(workbookXml.replaceAll('&apos;', "'")).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="2">'滞后清单2023-03-31'!$2:$2</definedName>`,
    );
  });

  it("leaves the input sheet's cells and merges as they were, adding only the status column", async () => {
    const { input, out } = await runTangshan('Q2');
    const before = sheet(await load(input), '唐山Q2');
    const after = sheet(await load(out), '唐山Q2');
    const statusColumn = 10; // J, right of the nine columns of the table
    expect(after.getCell(3, statusColumn).value).toBe('三色状态');
    const original = valueCells(before);
    expect(original.length).toBeGreaterThan(300 * 7);
    for (const c of original) {
      expect([c.address, after.getCell(c.address).value]).toEqual([c.address, c.value]);
      expect([c.address, after.getCell(c.address).numFmt]).toEqual([c.address, c.numFmt]);
    }
    const added = valueCells(after).filter((c) => before.getCell(c.address).value === null);
    expect(added.every((c) => Number(c.col) === statusColumn)).toBe(true);
    expect(added).toHaveLength(1 + 300);
    expect([...after.model.merges].sort()).toEqual([...before.model.merges].sort());
    expect(before.model.merges).toEqual(['A1:I1']);
  });

  it('writes no bulletin sheets with --no-bulletin', async () => {
    const { out, stdout } = await runTangshan('Q1', ['--no-bulletin']);
    expect((await load(out)).worksheets.map((w) => w.name)).toEqual(['唐山Q1', '_tricolor']);
    expect(stdout).not.toContain('通报');
  });
});

describe('tricolor and bulletins on the sample', () => {
  it('adds the bulletin of the report date and leaves the input file unchanged', async () => {
    const input = await sampleCopy(dir);
    const hash = async () =>
      createHash('sha256')
        .update(await fsp.readFile(input))
        .digest('hex');
    const before = await hash();
    expect(await main(['run', input, '--as-of', '2023-06-30'], captureIo(dir))).toBe(0);
    expect(await hash()).toBe(before);
    const wb = await load(path.join(dir, 'projects.三色.xlsx'));
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['重点项目', 'visible'],
      ['填表说明', 'visible'],
      ['通报2023-06-30', 'visible'],
      ['滞后清单2023-06-30', 'visible'],
      ['_tricolor', 'veryHidden'],
    ]);
  });

  it('names the bulletin sheets in English with --lang en', async () => {
    const out = path.join(dir, 'out.xlsx');
    const io = captureIo(dir);
    expect(
      await main(['run', SAMPLE, '--as-of', '2023-06-30', '--out', out, '--lang', 'en'], io),
    ).toBe(0);
    expect(io.out()).toContain(
      'Added the bulletin sheets: Bulletin 2023-06-30, Lagging 2023-06-30\n',
    );
    const ws = sheet(await load(out), 'Bulletin 2023-06-30');
    expect(ws.getCell('A1').value).toBe('Progress of key projects as of 30 June 2023');
  });

  it('replaces its own bulletin when run again on its output at the same date, and keeps the older date’s', async () => {
    const first = path.join(dir, 'first.xlsx');
    const second = path.join(dir, 'second.xlsx');
    const third = path.join(dir, 'third.xlsx');
    expect(
      await main(['run', SAMPLE, '--as-of', '2023-06-30', '--out', first], captureIo(dir)),
    ).toBe(0);
    expect(
      await main(['run', first, '--as-of', '2023-06-30', '--out', second], captureIo(dir)),
    ).toBe(0);
    expect(
      await main(['run', second, '--as-of', '2023-10-15', '--out', third], captureIo(dir)),
    ).toBe(0);
    // The very hidden _tricolor sheet has no tab; where it sits among the sheets is not seen.
    const tabs = async (file: string) => {
      const sheets = (await load(file)).worksheets;
      expect(sheets.filter((w) => w.name === '_tricolor').map((w) => w.state)).toEqual([
        'veryHidden',
      ]);
      return sheets.filter((w) => w.name !== '_tricolor').map((w) => w.name);
    };
    expect(await tabs(second)).toEqual([
      '重点项目',
      '填表说明',
      '通报2023-06-30',
      '滞后清单2023-06-30',
    ]);
    expect(await tabs(third)).toEqual([
      '重点项目',
      '填表说明',
      '通报2023-06-30',
      '滞后清单2023-06-30',
      '通报2023-10-15',
      '滞后清单2023-10-15',
    ]);
  });

  it('check writes no bulletin and refuses --no-bulletin, as it writes no workbook', async () => {
    const input = await sampleCopy(dir);
    expect(await main(['check', input, '--as-of', '2023-06-30'], captureIo(dir))).toBe(0);
    expect(await fsp.readdir(dir)).toEqual(['projects.xlsx']);
    const io = captureIo(dir);
    expect(await main(['check', input, '--no-bulletin'], io)).toBe(2);
    expect(io.err()).toContain('check 命令不写工作簿,不能使用 --no-bulletin。');
  });

  it('writes a report whose summary has the draft text, investment and the lagging list, and no starts the table has no columns for', async () => {
    const json = path.join(dir, 'r.json');
    expect(
      await main(['check', SAMPLE, '--as-of', '2023-06-30', '--report', json], captureIo(dir)),
    ).toBe(0);
    const report = ReportSchema.parse(await readJson(json));
    expect(report.lang).toBe('zh');
    const [s] = report.sheets;
    if (s === undefined) throw new Error('no sheet in the report');
    expect(s.summary.text.startsWith('截至2023年6月30日')).toBe(true);
    expect(s.summary.investment).toMatchObject({ unitLabel: '万元' });
    expect(s.summary).not.toHaveProperty('starts');
    // The lagging list is exactly the rows the report marks lagging or severe, severe first.
    const behind = Object.entries(statusByRow(s.rows))
      .filter(([, st]) => st === 'lagging' || st === 'severe')
      .map(([row]) => Number(row))
      .sort((a, b) => a - b);
    expect(s.summary.lagging.map((l) => l.excelRow).sort((a, b) => a - b)).toEqual(behind);
    expect(s.summary.lagging.every((l) => l.sheet === '重点项目')).toBe(true);
    expect(s.summary.lagging[0]?.status).toBe('severe');
  });
});
