import fc from 'fast-check';
import { MINIMUM_CAPABILITIES } from '../../../src/adapters/office/capabilities';
import { OfficeWorkbook } from '../../../src/adapters/office/OfficeWorkbook';
import type { SheetAnalysis } from '../../../src/core/analysis';
import { analyzeWorkbook } from '../../../src/core/analyzeWorkbook';
import type { DayNumber } from '../../../src/core/dates';
import type { SheetGrid } from '../../../src/core/grid';
import { a1, columnNumber, excelColumn } from '../../../src/core/grid';
import { defaultRules } from '../../../src/core/rules';
import { cellsByAddress } from '../../fixtures/bad/writeWorkbook';
import { RecordingExcel, type FakeSheet } from '../../fakes/recordingExcel';
import { asOfArb, planTable, type PlanTable } from '../../support/genPlanTable';

/**
 * The Office adapter over generated plan tables (test/support/genPlanTable.ts) in the recording
 * Excel fake, with the user's own fills here and there: it reads the table as the grid, painting
 * changes no user value, merge, hidden row, sheet or fill outside the painted rows, a second run
 * gives the same sheet, and clearing gives back the user's sheet, fills included.
 */
const RUNS = Number(process.env.FC_RUNS ?? 100);
/** Deeper searches (FC_RUNS) get time in proportion. */
const TIMEOUT = Math.max(20_000, RUNS * 100);

const USER_FILLS = ['#FFFF00', '#DDEBF7', '#C6EFCE'];

/** A generated table and some cells (row and column offsets inside its grid) the user filled. */
const tableWithFills = fc
  .tuple(
    planTable(),
    fc.array(fc.tuple(fc.nat(30), fc.nat(12), fc.constantFrom(...USER_FILLS)), { maxLength: 8 }),
    asOfArb,
  )
  .map(([t, fills, asOf]) => ({ t, fills, asOf }));

function fakeSheetOf(
  excel: RecordingExcel,
  t: PlanTable,
  fills: readonly [number, number, string][],
): FakeSheet {
  const g = t.grid;
  const sheet = excel.addSheet(g.name);
  g.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null) sheet.setValues(a1(g, r, c), [[v]]);
    }),
  );
  g.numberFormats?.forEach((row, r) =>
    row?.forEach((fmt, c) => {
      if (fmt) sheet.setNumberFormat(a1(g, r, c), fmt);
    }),
  );
  for (const m of g.merges) sheet.merge(`${a1(g, m.top, m.left)}:${a1(g, m.bottom, m.right)}`);
  for (const r of g.hiddenRows ?? []) sheet.hiddenRows.add(g.origin.row + r);
  for (const [r, c, color] of fills) sheet.setFill(a1(g, r, c), color);
  return sheet;
}

/** Excel rows of hidden rows that hold a value (a hidden blank row outside the used range is not read). */
function hiddenWithData(g: SheetGrid): number[] {
  return (g.hiddenRows ?? [])
    .filter((r) => g.values[r]?.some((v) => v !== null))
    .map((r) => g.origin.row + r);
}

function port(excel: RecordingExcel): OfficeWorkbook {
  return new OfficeWorkbook({ run: excel.run, capabilities: MINIMUM_CAPABILITIES });
}

function analyze(grid: SheetGrid, asOf: DayNumber): SheetAnalysis {
  const a = analyzeWorkbook([grid], { asOf, rules: defaultRules(), lang: 'zh' });
  expect(a.skipped).toEqual([]);
  return a.sheets[0] as SheetAnalysis;
}

interface SheetState {
  readonly contents: [string, unknown][];
  readonly fills: [string, string][];
  readonly merges: string[];
  readonly hidden: number[];
}

function stateOf(sheet: FakeSheet): SheetState {
  const byAddress = <T>(m: Map<string, T>): [string, T][] =>
    [...m].sort(([a], [b]) => a.localeCompare(b));
  return {
    contents: byAddress(sheet.contents()),
    fills: byAddress(sheet.fillMap()),
    merges: sheet.merges.map((m) => `${m.top},${m.left},${m.bottom},${m.right}`).sort(),
    hidden: [...sheet.hiddenRows].sort((a, b) => a - b),
  };
}

/** Excel row and column letters of an address. */
const split = (addr: string): [string, number] => {
  const m = /^([A-Z]+)(\d+)$/.exec(addr);
  if (!m) throw new Error(`bad address ${addr}`);
  return [m[1] as string, Number(m[2])];
};

describe('Office adapter invariants over generated plan tables', () => {
  it(
    'reads the table as the grid, hidden rows included, and analyses it the same',
    async () => {
      await fc.assert(
        fc.asyncProperty(tableWithFills, async ({ t, fills, asOf }) => {
          const excel = new RecordingExcel();
          fakeSheetOf(excel, t, fills);
          const read = await port(excel).readSheet(t.grid.name);
          expect(cellsByAddress(read)).toEqual(cellsByAddress(t.grid));
          expect(hiddenWithData(read)).toEqual(hiddenWithData(t.grid));
          const fromExcel = analyze(read, asOf);
          const fromGrid = analyze(t.grid, asOf);
          const rows = (s: SheetAnalysis) =>
            s.statuses.map((x) => [s.origin.row + x.row, x.status]);
          expect(rows(fromExcel)).toEqual(rows(fromGrid));
          expect(fromExcel.issues.map((i) => [i.code, i.cell])).toEqual(
            fromGrid.issues.map((i) => [i.code, i.cell]),
          );
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'changes no user value, merge, hidden row, sheet or fill outside the painted rows',
    async () => {
      await fc.assert(
        fc.asyncProperty(tableWithFills, async ({ t, fills, asOf }) => {
          const excel = new RecordingExcel();
          const sheet = fakeSheetOf(excel, t, fills);
          const wb = port(excel);
          const sheetsBefore = await wb.listSheets();
          const before = stateOf(sheet);
          const s = analyze(await wb.readSheet(t.grid.name), asOf);
          await wb.applyPaint(s.paint);
          const after = stateOf(sheet);
          expect(await wb.listSheets()).toEqual(sheetsBefore);

          const col = excelColumn(s, s.paint.statusColumn);
          const user = (st: SheetState) => st.contents.filter(([addr]) => split(addr)[0] !== col);
          expect(user(after)).toEqual(user(before));
          expect(after.hidden).toEqual(before.hidden);
          const { headerTop, headerBottom } = s.paint;
          const r0 = s.origin.row;
          const c0 = s.origin.col;
          const added = after.merges.filter((m) => !before.merges.includes(m));
          const statusCol = c0 + s.paint.statusColumn;
          expect(added).toEqual(
            headerBottom > headerTop
              ? [`${r0 + headerTop},${statusCol},${r0 + headerBottom},${statusCol}`]
              : [],
          );
          expect(after.merges.length).toBe(before.merges.length + added.length);

          // Fills change only on data rows, across the table and the status column.
          const painted = new Set(s.statuses.map((x) => r0 + x.row));
          const inPaint = (addr: string): boolean => {
            const [letters, row] = split(addr);
            const c = columnNumber(letters);
            return painted.has(row) && c >= c0 + s.paint.left && c <= statusCol;
          };
          expect(after.fills.filter(([a]) => !inPaint(a))).toEqual(
            before.fills.filter(([a]) => !inPaint(a)),
          );
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'gives the same sheet when run twice as when run once',
    async () => {
      await fc.assert(
        fc.asyncProperty(tableWithFills, async ({ t, fills, asOf }) => {
          const excel = new RecordingExcel();
          const sheet = fakeSheetOf(excel, t, fills);
          const wb = port(excel);
          const first = analyze(await wb.readSheet(t.grid.name), asOf);
          await wb.applyPaint(first.paint);
          const once = stateOf(sheet);
          const second = analyze(await wb.readSheet(t.grid.name), asOf);
          expect(second.statuses).toEqual(first.statuses);
          await wb.applyPaint(second.paint);
          expect(stateOf(sheet)).toEqual(once);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'gives back exactly the user’s sheet, fills included, when the paint is cleared',
    async () => {
      await fc.assert(
        fc.asyncProperty(tableWithFills, async ({ t, fills, asOf }) => {
          const excel = new RecordingExcel();
          const sheet = fakeSheetOf(excel, t, fills);
          const wb = port(excel);
          const before = stateOf(sheet);
          await wb.applyPaint(analyze(await wb.readSheet(t.grid.name), asOf).paint);
          await wb.clearPaint(t.grid.name);
          expect(stateOf(sheet)).toEqual(before);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});
