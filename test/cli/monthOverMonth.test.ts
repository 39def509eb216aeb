import { promises as fsp } from 'fs';
import * as path from 'path';
import { Workbook } from 'exceljs';
import { main } from '../../src/cli/main';
import { ReportSchema, type Report } from '../../src/core/report';
import {
  cellAt,
  deleteRow,
  insertRow,
  modelOfXlsx,
  setCells,
  sortRows,
  xlsxOf,
  type BookModel,
  type SheetModel,
} from '../support/bookModel';
import { captureIo, readJson, tempDir } from './cliTestKit';

/**
 * A month as staff live it: a plan table is run at 30 June, edited before the next bulletin (a row
 * deleted, one inserted, the rows sorted by unit, one reported done), and run at 30 September,
 * either on the painted June file (its own history) or as a fresh file with `--previous` naming
 * June's. Every row's previous status and change, the counts and the draft sentence are checked.
 */
const SHEET = '重点项目';
const NAME_COL = 2;
const UNIT_COL = 3;
const DONE_COL = 5;

type Row = readonly [name: string, unit: string, deadline: string, done: string];
const JUNE_ROWS: readonly Row[] = [
  ['A项目', '区发改局', '2023年6月30日', '否'], // normal in June, lagging in September
  ['B项目', '区住建局', '2023年5月20日', '否'], // lagging, then severe
  ['C项目', '区住建局', '2023年2月10日', '否'], // severe both times
  ['D项目', '区交通局', '2023年5月15日', '否'], // lagging, then done
  ['E项目', '区水务局', '2023年4月30日', '否'], // deleted before September
];

const cell = (value: string | number | null) => ({ value, fill: null });

function planSheet(rows: readonly Row[]): SheetModel {
  return {
    name: SHEET,
    visibility: 'visible',
    rows: [
      [cell('2023年重点项目推进表')],
      ['序号', '项目名称', '责任单位', '计划节点', '是否完成'].map(cell),
      ...rows.map((r, i) => [cell(i + 1), ...r.map(cell)]),
    ],
  };
}

/** Row number of a project by name. */
function rowOf(s: SheetModel, name: string): number {
  const i = s.rows.findIndex((r) => r[NAME_COL - 1]?.value === name);
  if (i < 0) throw new Error(`no ${name}`);
  return i + 1;
}

/** The June file edited as staff edit it: E deleted, F inserted, sorted by unit, D done. */
function editedForSeptember(june: SheetModel): SheetModel {
  let s = deleteRow(june, rowOf(june, 'E项目'));
  s = insertRow(s, 4);
  s = setCells(s, 4, {
    1: cell(6),
    2: cell('F项目'),
    3: cell('区发改局'),
    4: cell('年底'),
    5: cell('否'),
  });
  const last = s.rows.length;
  s = sortRows(s, 3, last, UNIT_COL);
  return setCells(s, rowOf(s, 'D项目'), { [DONE_COL]: cell('是') });
}

const EXPECTED: Record<
  string,
  { previousStatus: string | null; change: string; periodsBehind: number }
> = {
  A项目: { previousStatus: 'normal', change: 'newlyBehind', periodsBehind: 1 },
  B项目: { previousStatus: 'lagging', change: 'turnedRed', periodsBehind: 2 },
  C项目: { previousStatus: 'severe', change: 'unchanged', periodsBehind: 2 },
  D项目: { previousStatus: 'lagging', change: 'completed', periodsBehind: 0 },
  F项目: { previousStatus: null, change: 'added', periodsBehind: 0 },
};
const SENTENCE =
  '与上期（2023年6月30日）相比，新增滞后1项，由黄转红1项，新完成1项，新纳入1项，不再列入1项；连续2期以上滞后的有2项。';

let dir: string;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

async function write(name: string, book: BookModel): Promise<string> {
  const file = path.join(dir, name);
  await fsp.writeFile(file, await xlsxOf(book));
  return file;
}

async function run(args: string[]): Promise<string> {
  const io = captureIo(dir);
  const code = await main(args, io);
  expect(io.err()).toBe('');
  expect(code).toBe(0);
  return io.out();
}

async function sheetOf(file: string): Promise<SheetModel> {
  const s = (await modelOfXlsx(new Uint8Array(await fsp.readFile(file)))).find(
    (x) => x.name === SHEET,
  );
  if (s === undefined) throw new Error('no plan sheet');
  return s;
}

/** Each report row, by the project's name in the sheet the report is of. */
function rowsByName(report: Report, sheet: SheetModel) {
  const rows = report.sheets[0]?.rows ?? [];
  return Object.fromEntries(
    rows.map((r) => [
      String(cellAt(sheet, r.row, NAME_COL).value),
      { previousStatus: r.previousStatus, change: r.change, periodsBehind: r.periodsBehind },
    ]),
  );
}

function checkSeptember(report: Report, september: SheetModel): void {
  expect(rowsByName(report, september)).toEqual(EXPECTED);
  const summary = report.sheets[0]?.summary;
  expect(summary?.changes).toEqual({
    previousAsOf: '2023-06-30',
    newlyBehind: 1,
    turnedRed: 1,
    improved: 0,
    completed: 1,
    added: 1,
    removed: 1,
    behindPeriods: 2,
    longBehind: [
      { row: rowOf(september, 'B项目'), periods: 2 },
      { row: rowOf(september, 'C项目'), periods: 2 },
    ].sort((x, y) => x.row - y.row),
    unitsRising: [{ unit: '区发改局', previous: 0, current: 1 }],
  });
  expect(summary?.text.endsWith(SENTENCE)).toBe(true);
}

async function bulletinCells(file: string, name: string): Promise<string[]> {
  const wb = new Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(name);
  if (ws === undefined) throw new Error(`no sheet ${name}`);
  const texts: string[] = [];
  ws.eachRow((row) => row.eachCell((c) => texts.push(c.text)));
  return texts;
}

describe('tricolor run, month over month', () => {
  it('compares September with June from the painted workbook’s own history, rows inserted, deleted and sorted', async () => {
    const input = await write('plan.xlsx', [planSheet(JUNE_ROWS)]);
    const first = await run(['run', input, '--as-of', '2023-06-30', '--out', 'jun.xlsx']);
    expect(first).toContain('没有上期记录可比较');

    const junBook = await modelOfXlsx(
      new Uint8Array(await fsp.readFile(path.join(dir, 'jun.xlsx'))),
    );
    const edited = junBook.map((s) => (s.name === SHEET ? editedForSeptember(s) : s));
    const sepIn = await write('sep-in.xlsx', edited);
    const out = await run([
      'run',
      sepIn,
      '--as-of',
      '2023-09-30',
      '--out',
      'sep.xlsx',
      '--report',
      'sep.json',
    ]);
    expect(out).toContain(SENTENCE);
    const report = ReportSchema.parse(await readJson(path.join(dir, 'sep.json')));
    checkSeptember(report, await sheetOf(path.join(dir, 'sep.xlsx')));

    // The bulletin sheet, read back from the written file, has the section and its counts.
    const texts = await bulletinCells(path.join(dir, 'sep.xlsx'), '通报2023-09-30');
    expect(texts.some((t) => t.includes('与上期相比'))).toBe(true);
    expect(texts).toEqual(expect.arrayContaining(['由黄转红', '新完成', '连续2期以上滞后']));
    expect(texts.some((t) => t.endsWith(SENTENCE))).toBe(true);
  }, 60_000);

  it('compares a fresh September file with last month’s file given by --previous', async () => {
    const input = await write('plan.xlsx', [planSheet(JUNE_ROWS)]);
    await run(['run', input, '--as-of', '2023-06-30', '--out', 'jun.xlsx']);
    // September's table as the units sent it: no paint, no record of ours.
    const september = editedForSeptember(planSheet(JUNE_ROWS));
    const sepIn = await write('sep-in.xlsx', [september]);
    await run([
      'run',
      sepIn,
      '--as-of',
      '2023-09-30',
      '--previous',
      'jun.xlsx',
      '--out',
      'sep.xlsx',
      '--report',
      'sep.json',
    ]);
    const report = ReportSchema.parse(await readJson(path.join(dir, 'sep.json')));
    checkSeptember(report, september);
  }, 60_000);

  it('refuses a previous file that was never painted and has no history: it has no report date', async () => {
    const june = await write('june-raw.xlsx', [planSheet(JUNE_ROWS)]);
    const sepIn = await write('sep-in.xlsx', [planSheet(JUNE_ROWS)]);
    const io = captureIo(dir);
    const code = await main(['run', sepIn, '--as-of', '2023-09-30', '--previous', june], io);
    expect(code).toBe(2);
    expect(io.err()).toContain('没有截至日期');
  });

  it('counts periods behind across three report dates, and neither reads nor writes history with --no-history', async () => {
    const rows: Row[] = [
      ['B项目', '区住建局', '2023年5月20日', '否'],
      ['G项目', '区住建局', '2023年5月20日', '否'],
    ];
    const input = await write('plan.xlsx', [planSheet(rows)]);
    await run(['run', input, '--as-of', '2023-06-30', '--out', 'jun.xlsx']);
    await run(['run', 'jun.xlsx', '--as-of', '2023-07-31', '--out', 'jul.xlsx']);
    // G reported done in August: its run of periods behind ends.
    const jul = await modelOfXlsx(new Uint8Array(await fsp.readFile(path.join(dir, 'jul.xlsx'))));
    const aug = jul.map((s) =>
      s.name === SHEET ? setCells(s, rowOf(s, 'G项目'), { [DONE_COL]: cell('是') }) : s,
    );
    await run([
      'run',
      await write('aug-in.xlsx', aug),
      '--as-of',
      '2023-08-31',
      '--out',
      'aug.xlsx',
      '--report',
      'aug.json',
    ]);
    const report = ReportSchema.parse(await readJson(path.join(dir, 'aug.json')));
    const augSheet = await sheetOf(path.join(dir, 'aug.xlsx'));
    expect(rowsByName(report, augSheet)).toEqual({
      B项目: { previousStatus: 'lagging', change: 'turnedRed', periodsBehind: 3 },
      G项目: { previousStatus: 'lagging', change: 'completed', periodsBehind: 0 },
    });

    await run([
      'run',
      'aug.xlsx',
      '--as-of',
      '2023-09-30',
      '--no-history',
      '--out',
      'sep.xlsx',
      '--report',
      'sep.json',
    ]);
    const sep = ReportSchema.parse(await readJson(path.join(dir, 'sep.json')));
    expect(sep.sheets[0]?.rows.map((r) => [r.previousStatus, r.change])).toEqual([
      [null, null],
      [null, null],
    ]);
    expect(sep.sheets[0]?.summary.changes).toBeUndefined();
    // September was not recorded: October compares with August.
    await run([
      'run',
      'sep.xlsx',
      '--as-of',
      '2023-10-31',
      '--out',
      'oct.xlsx',
      '--report',
      'oct.json',
    ]);
    const oct = ReportSchema.parse(await readJson(path.join(dir, 'oct.json')));
    expect(oct.sheets[0]?.summary.changes?.previousAsOf).toBe('2023-08-31');
  }, 60_000);
});
