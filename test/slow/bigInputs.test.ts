import { promises as fsp } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Workbook, type Worksheet } from 'exceljs';
import { PackageWorkbook } from '../../src/adapters/xlsxPackage/PackageWorkbook';
import { main } from '../../src/cli/main';
import { analyzeWorkbook } from '../../src/core/analyzeWorkbook';
import type { SheetAnalysis } from '../../src/core/analysis';
import { dayNumber } from '../../src/core/dates';
import type { CellValue, SheetGrid } from '../../src/core/grid';
import { columnLetters } from '../../src/core/grid';
import { defaultRules } from '../../src/core/rules';
import type { Status } from '../../src/core/status';

/**
 * The two bad inputs too large to commit, built in memory: a 200,000-row plan table and sheets
 * 16,384 columns wide (Excel's last column, XFD). Run by `npm run test:slow`.
 */

const ASOF = dayNumber(2023, 6, 30);
const options = { asOf: ASOF, rules: defaultRules(), lang: 'zh' as const };
const TITLE = '2023年度XX区重点项目推进计划表';
const HEADER = ['序号', '项目名称', '责任单位', '计划节点', '年度计划投资'];

/** Deadlines cycled over the rows, and the status each gives as of 2023-06-30. */
const CYCLE: readonly [string, Status][] = [
  ['3月底', 'lagging'],
  ['12月底', 'normal'],
  ['2023-01-15', 'severe'],
  ['尽快', 'unknown'],
  ['二季度', 'normal'],
];
const ROWS = 200_000;
/** A section row every this many rows, and a subtotal closing each section. */
const SECTION = 10_000;

interface BigTable {
  readonly rows: CellValue[][];
  /** Excel rows of the data rows, with the status each must get. */
  readonly expected: Map<number, Status>;
  readonly sections: number;
}

/**
 * Title, header, then 200,000 data rows in sections of 10,000, each opened by a section row and
 * closed by a subtotal row: 200,040 rows below the header, 200,000 of them data.
 */
function bigTable(): BigTable {
  const rows: CellValue[][] = [[TITLE], HEADER];
  const expected = new Map<number, Status>();
  let sections = 0;
  for (let i = 0; i < ROWS; i++) {
    if (i % SECTION === 0) {
      sections++;
      rows.push([`(${sections})第${sections}批项目`]);
    }
    const [deadline, status] = CYCLE[i % CYCLE.length] as [string, Status];
    rows.push([i + 1, `项目${i + 1}`, `单位${i % 50}`, deadline, 100]);
    expected.set(rows.length, status);
    if (i % SECTION === SECTION - 1) rows.push([null, '小计', null, null, 100 * SECTION]);
  }
  return { rows, expected, sections };
}

function gridOfRows(name: string, rows: CellValue[][]): SheetGrid {
  return { name, values: rows, merges: [], origin: { row: 1, col: 1 } };
}

function only(grids: SheetGrid[]): SheetAnalysis {
  const a = analyzeWorkbook(grids, options);
  expect(a.skipped).toEqual([]);
  return a.sheets[0] as SheetAnalysis;
}

function statusesByExcelRow(s: SheetAnalysis): Map<number, Status> {
  return new Map(s.statuses.map((x) => [s.origin.row + x.row, x.status]));
}

describe('a 200,000-row plan table', () => {
  const table = bigTable();

  it('classifies every one of the 200,000 data rows exactly once, and no section or subtotal row', () => {
    const s = only([gridOfRows('重点项目', table.rows)]);
    expect(s.statuses).toHaveLength(ROWS);
    expect(statusesByExcelRow(s)).toEqual(table.expected);
    expect(s.layout.sections).toHaveLength(table.sections);
    expect(s.counts).toEqual({
      normal: 80_000,
      lagging: 40_000,
      severe: 40_000,
      done: 0,
      unknown: 40_000,
    });
    expect(s.issues.filter((i) => i.code === 'deadline_unreadable')).toHaveLength(40_000);
    expect(s.issues).toHaveLength(40_000);
    const painted = [...s.paint.codes].filter((c) => c !== 0).length;
    expect(painted).toBe(ROWS);
  });

  describe('as a workbook, through the command line and the xlsx adapter', () => {
    let dir: string;
    let input: string;
    beforeAll(async () => {
      dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'tricolor-slow-'));
      input = path.join(dir, '重点项目.xlsx');
      const wb = new Workbook();
      const ws = wb.addWorksheet('重点项目');
      for (const row of table.rows) ws.addRow(row);
      await wb.xlsx.writeFile(input);
    }, 600_000);
    afterAll(async () => {
      await fsp.rm(dir, { recursive: true, force: true });
    });

    it('runs to exit 0, and the saved workbook holds the user’s cells unchanged and a label on every data row', async () => {
      const out = path.join(dir, 'out.xlsx');
      let err = '';
      const code = await main(['run', input, '--as-of', '2023-06-30', '--out', out], {
        stdout: { write: () => true },
        stderr: { write: (s: string) => (err += s) },
        cwd: dir,
        now: () => new Date(2023, 5, 30),
      });
      expect(code).toBe(0);
      // The first 20 problems, then one line saying how many more there are.
      expect(err.trimEnd().split('\n')).toHaveLength(21);

      const book = await PackageWorkbook.open(await fsp.readFile(out));
      const grid = await book.readSheet('重点项目');
      const statusCol = HEADER.length; // F, right after the table
      const labels = defaultRules().labels;
      expect(grid.values[1]?.[statusCol]).toBe('三色状态');
      for (let r = 0; r < table.rows.length; r++) {
        const mine = table.rows[r] as CellValue[];
        const theirs = grid.values[r] ?? [];
        const want = table.expected.get(r + 1);
        const got = theirs.slice(0, statusCol);
        while (got.length < mine.length) got.push(null);
        if (got.length !== mine.length || got.some((v, c) => v !== mine[c])) {
          throw new Error(
            `row ${r + 1} changed: ${JSON.stringify(got)} != ${JSON.stringify(mine)}`,
          );
        }
        if (r < 2) continue;
        const label = theirs[statusCol] ?? null;
        if (label !== (want === undefined ? null : labels[want])) {
          throw new Error(`row ${r + 1}: label ${JSON.stringify(label)}, want ${want ?? 'none'}`);
        }
      }
    }, 900_000);
  });
});

/** A worksheet with values at the given 1-based rows and columns. */
function put(ws: Worksheet, cells: readonly [number, number, CellValue][]): void {
  for (const [r, c, v] of cells) ws.getCell(r, c).value = v as string | number | boolean | null;
}

describe('sheets 16,384 columns wide', () => {
  const XFD = 16_384;

  it('reads a row filled out to column XFD, and moves the status column to the first free column after the header', () => {
    const far: CellValue[] = [1, '甲项目', '区发改局', '3月底'];
    for (let c = 4; c < XFD; c++) far[c] = c % 2 === 0 ? `备忘${c}` : null;
    const s = only([
      gridOfRows('宽表', [[TITLE], HEADER.slice(0, 4), far, [2, '乙项目', '区财政局', '12月底']]),
    ]);
    expect(statusesByExcelRow(s)).toEqual(
      new Map([
        [3, 'lagging'],
        [4, 'normal'],
      ]),
    );
    // E3 holds the user's note, so the status column cannot be E: it moves to the first free one.
    expect(s.paint.statusColumn).toBe(5);
    expect(s.issues.map((i) => [i.code, i.cell])).toEqual([['status_column_conflict', 'E2']]);
  });

  it('reads a deadline column at XFC, names its cells by their real address, and puts the status column at XFD', () => {
    const header: CellValue[] = ['序号', '项目名称'];
    header[XFD - 2] = '计划节点';
    const rowA: CellValue[] = [1, '甲项目'];
    rowA[XFD - 2] = '尽快';
    const rowB: CellValue[] = [2, '乙项目'];
    rowB[XFD - 2] = '3月底';
    const fill = (r: CellValue[]): CellValue[] =>
      Array.from({ length: XFD - 1 }, (_, c) => r[c] ?? null);
    const s = only([gridOfRows('宽表', [[TITLE], fill(header), fill(rowA), fill(rowB)])]);
    expect(columnLetters(s.layout.fields.deadline! + 1)).toBe('XFC');
    expect(statusesByExcelRow(s)).toEqual(
      new Map([
        [3, 'unknown'],
        [4, 'lagging'],
      ]),
    );
    expect(s.issues.map((i) => [i.code, i.cell])).toEqual([['deadline_unreadable', 'XFC3']]);
    expect(columnLetters(s.paint.statusColumn + 1)).toBe('XFD');
  });

  it('reads, paints and saves a workbook whose table reaches column XFC, through the xlsx adapter', async () => {
    const wb = new Workbook();
    const ws = wb.addWorksheet('宽表');
    put(ws, [
      [1, 1, TITLE],
      [2, 1, '序号'],
      [2, 2, '项目名称'],
      [2, XFD - 1, '计划节点'],
      [3, 1, 1],
      [3, 2, '甲项目'],
      [3, XFD - 1, '尽快'],
      [4, 1, 2],
      [4, 2, '乙项目'],
      [4, XFD - 1, '3月底'],
    ]);
    const book = await PackageWorkbook.open(new Uint8Array(await wb.xlsx.writeBuffer()));
    const grid = await book.readSheet('宽表');
    const s = only([grid]);
    expect(s.issues.map((i) => [i.code, i.cell])).toEqual([['deadline_unreadable', 'XFC3']]);
    await book.applyPaint(s.paint);
    const again = await PackageWorkbook.open(await book.save());
    const painted = await again.readSheet('宽表');
    expect([2, 3, 4].map((r) => painted.values[r - 1]?.[XFD - 1])).toEqual([
      '三色状态',
      '无法判定',
      '滞后',
    ]);
    expect(painted.values[2]?.[XFD - 2]).toBe('尽快');
  }, 120_000);
});
