import fc from 'fast-check';
import { analyzeWorkbook } from '../../src/core/analyzeWorkbook';
import { dayNumber, type DayNumber } from '../../src/core/dates';
import type { PaintPlan } from '../../src/core/paintPlan';
import { defaultRules } from '../../src/core/rules';
import { STATUSES } from '../../src/core/status';
import { analyze, clearSheets, paintSheets, readSheets } from '../../src/session/workflow';
import {
  cellAt,
  deleteRow,
  insertRow,
  moveRow,
  openIn,
  setCells,
  sortRows,
  type BookModel,
  type CellModel,
  type HostKind,
  type SheetModel,
} from '../support/bookModel';

/**
 * The month, not the moment: a plan table with the user's own fills is painted in one host,
 * edited as staff edit it between two bulletins (rows inserted, deleted, moved, sorted; a new row
 * filled by hand), repainted at the next report date in another host and cleared in a third.
 * After the repaint every data row has its status and colour; after the clear the workbook is the
 * edited one with exactly the user's own fills, on the rows they moved with.
 */
const RUNS = Number(process.env.FC_RUNS ?? 25);
const SHEET = '重点项目';
const HEADER = ['序号', '项目名称', '责任单位', '计划节点', '是否完成'];
const WIDTH = HEADER.length;
const UNITS = ['区发改局', '区住建局', '区交通局', '区水务局'];
const DEADLINES = ['2023年3月31日', '2023年5月31日', '6月底', '2023年8月31日', '三季度', '年底'];
const LIGHT_BLUE = '#DDEBF7';
const ORANGE = '#FFC000';
const FIRST = 3;
const ASOF_1 = dayNumber(2023, 6, 30);
const ASOF_2 = dayNumber(2023, 9, 30);
const rules = defaultRules('zh');
const OUR_COLORS = new Set(STATUSES.map((st) => `#${rules.colors[st].toUpperCase()}`));

interface GenRow {
  readonly unit: number;
  readonly deadline: number;
  readonly done: boolean;
  /** The user's own fill: none, the whole row, or the name cell only. */
  readonly own: 'none' | 'row' | 'name';
}

type Edit =
  | { readonly kind: 'insert'; readonly at: number; readonly hand: boolean }
  | { readonly kind: 'delete'; readonly at: number }
  | { readonly kind: 'move'; readonly from: number; readonly to: number }
  | { readonly kind: 'sort'; readonly by: 'unit' | 'deadline' };

const rowArb: fc.Arbitrary<GenRow> = fc.record({
  unit: fc.nat(UNITS.length - 1),
  deadline: fc.nat(DEADLINES.length - 1),
  done: fc.nat(4).map((n) => n === 0),
  own: fc.constantFrom<GenRow['own']>('none', 'none', 'none', 'row', 'name'),
});

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(20), hand: fc.boolean() }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(20) }),
  fc.record({ kind: fc.constant('move' as const), from: fc.nat(20), to: fc.nat(20) }),
  fc.record({
    kind: fc.constant('sort' as const),
    by: fc.constantFrom('unit' as const, 'deadline' as const),
  }),
);

const hostArb = fc.constantFrom<HostKind>('package', 'office', 'worker');

/** The user's fills of a data row, A..E, as they own them. */
type OwnFills = (string | null)[];

function ownFills(own: GenRow['own']): OwnFills {
  if (own === 'row') return Array<string>(WIDTH).fill(LIGHT_BLUE);
  if (own === 'name') return [null, ORANGE, null, null, null];
  return Array<null>(WIDTH).fill(null);
}

function dataRow(seq: number, name: string, g: GenRow, fills: OwnFills): CellModel[] {
  const values = [
    seq,
    name,
    UNITS[g.unit] ?? '',
    DEADLINES[g.deadline] ?? '',
    g.done ? '是' : null,
  ];
  return values.map((value, c) => ({ value, fill: fills[c] ?? null }));
}

function tableOf(rows: readonly GenRow[]): { book: BookModel; own: Map<string, OwnFills> } {
  const own = new Map<string, OwnFills>();
  const lines: CellModel[][] = [
    [{ value: '2023年度重点项目推进计划表', fill: null }],
    HEADER.map((value) => ({ value, fill: null })),
  ];
  rows.forEach((g, i) => {
    const name = `项目${i + 1}`;
    own.set(name, ownFills(g.own));
    lines.push(dataRow(i + 1, name, g, ownFills(g.own)));
  });
  return { book: [{ name: SHEET, visibility: 'visible', rows: lines }], own };
}

function bodyRows(s: SheetModel): number {
  let last = FIRST - 1;
  for (let r = FIRST; r <= s.rows.length; r++) if (cellAt(s, r, 2).value !== null) last = r;
  return last - FIRST + 1;
}

/** Applies one edit to the painted sheet, as a user would in Excel or WPS. */
function edit(
  s: SheetModel,
  e: Edit,
  own: Map<string, OwnFills>,
  serial: { n: number },
): SheetModel {
  const n = bodyRows(s);
  if (e.kind === 'insert') {
    const at = FIRST + (e.at % (n + 1));
    const name = `新增项目${++serial.n}`;
    let next = insertRow(s, at);
    const g: GenRow = {
      unit: serial.n % UNITS.length,
      deadline: serial.n % DEADLINES.length,
      done: false,
      own: 'none',
    };
    // Like Excel, the new row took the formats of the row above: our colours there are ours, and
    // any other fill is a fill of the user's (filled by hand since the paint). Then it is typed
    // in, and filled by hand when `hand`.
    const took = Array.from({ length: WIDTH }, (_, i) => cellAt(next, at, i + 1).fill);
    const fills: OwnFills = e.hand
      ? Array<string>(WIDTH).fill(ORANGE)
      : took.map((f) => (f !== null && OUR_COLORS.has(f) ? null : f));
    const cells = dataRow(0, name, g, fills);
    next = setCells(
      next,
      at,
      Object.fromEntries(
        cells.map((c, i) => [i + 1, { value: c.value, fill: e.hand ? ORANGE : (took[i] ?? null) }]),
      ),
    );
    own.set(name, fills);
    return next;
  }
  if (n === 0) return s;
  if (e.kind === 'delete') return deleteRow(s, FIRST + (e.at % n));
  if (e.kind === 'move') return moveRow(s, FIRST + (e.from % n), FIRST + (e.to % n));
  return sortRows(s, FIRST, FIRST + n - 1, e.by === 'unit' ? 3 : 4);
}

async function paintIn(kind: HostKind, book: BookModel, asOf: DayNumber): Promise<BookModel> {
  const host = await openIn(kind, book);
  const { grids } = await readSheets(host.port);
  const analysis = await analyze(grids, { asOf, rules, lang: 'zh' });
  const out = await paintSheets(host.port, analysis, 'zh');
  expect(out.issues).toEqual([]);
  expect(out.painted).toHaveLength(1);
  return host.save();
}

async function clearIn(kind: HostKind, book: BookModel): Promise<BookModel> {
  const host = await openIn(kind, book);
  const { grids } = await readSheets(host.port);
  const analysis = await analyze(grids, { asOf: ASOF_2, rules, lang: 'zh' });
  const out = await clearSheets(host.port, analysis, [], 'zh');
  expect(out.issues).toEqual([]);
  return host.save();
}

function sheetOf(book: BookModel): SheetModel {
  const s = book.find((x) => x.name === SHEET);
  if (!s) throw new Error('no plan sheet');
  return s;
}

/** The plan the engine makes for the sheet now: which rows are data and what they should show. */
function planOf(s: SheetModel, asOf: DayNumber): PaintPlan {
  const values = s.rows.map((r) => r.map((c) => c.value));
  const a = analyzeWorkbook([{ name: SHEET, values, merges: [], origin: { row: 1, col: 1 } }], {
    asOf,
    rules,
    lang: 'zh',
  });
  const sheet = a.sheets[0];
  if (!sheet) throw new Error('no table');
  return sheet.paint;
}

describe('the monthly cycle across hosts', () => {
  it('repaints every row right and clears back to exactly the user’s fills after rows were inserted, deleted, moved and sorted', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(rowArb, { minLength: 2, maxLength: 10 }),
        fc.array(editArb, { maxLength: 4 }),
        hostArb,
        hostArb,
        hostArb,
        async (rows, edits, first, second, third) => {
          const { book, own } = tableOf(rows);
          const painted = await paintIn(first, book, ASOF_1);
          let sheet = sheetOf(painted);
          const serial = { n: 0 };
          for (const e of edits) sheet = edit(sheet, e, own, serial);
          const edited: BookModel = painted.map((s) => (s.name === SHEET ? sheet : s));

          const repaintedBook = await paintIn(second, edited, ASOF_2);
          const repainted = sheetOf(repaintedBook);
          const plan = planOf(sheet, ASOF_2);
          const col = plan.statusColumn + 1;
          expect(cellAt(repainted, 2, col).value).toBe(rules.statusHeader);
          for (let i = 0; i < plan.codes.length; i++) {
            const code = plan.codes[i] ?? 0;
            const row = FIRST + i;
            if (code === 0) continue;
            expect(cellAt(repainted, row, col).value).toBe(plan.labels[code]);
            const status = STATUSES[code - 1];
            const color = status === undefined ? null : `#${rules.colors[status].toUpperCase()}`;
            for (let c = 1; c <= col; c++) expect(cellAt(repainted, row, c).fill).toBe(color);
          }

          const cleared = sheetOf(await clearIn(third, repaintedBook));
          // The edited sheet, its status column gone, every row with the fills its user gave it.
          for (let r = 1; r <= Math.max(sheet.rows.length, cleared.rows.length); r++) {
            const name = cellAt(sheet, r, 2).value;
            const fills = r >= FIRST && typeof name === 'string' ? own.get(name) : undefined;
            for (let c = 1; c <= col; c++) {
              const got = cellAt(cleared, r, c);
              const value = c === col ? null : cellAt(sheet, r, c).value;
              const fill =
                c <= WIDTH && fills !== undefined
                  ? (fills[c - 1] ?? null)
                  : r < FIRST
                    ? cellAt(sheet, r, c).fill
                    : null;
              expect({ r, c, ...got }).toEqual({ r, c, value, fill });
            }
          }
          expect(cleared.rows.every((row) => row.length <= col)).toBe(true);
        },
      ),
      { numRuns: RUNS },
    );
  }, 120_000);
});
