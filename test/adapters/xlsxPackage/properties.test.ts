import fc from 'fast-check';
import { PackageWorkbook } from '../../../src/adapters/xlsxPackage/PackageWorkbook';
import { analyzeWorkbook } from '../../../src/core/analyzeWorkbook';
import type { SheetAnalysis } from '../../../src/core/analysis';
import type { DayNumber } from '../../../src/core/dates';
import type { CellRange, SheetGrid } from '../../../src/core/grid';
import { a1, excelColumn } from '../../../src/core/grid';
import { STATE_SHEET } from '../../../src/core/ownSheets';
import { defaultRules } from '../../../src/core/rules';
import { bytesOfWorkbook, cellsByAddress, workbookOf } from '../../fixtures/bad/writeWorkbook';
import { asOfArb, planTable } from '../../support/genPlanTable';
import { reread, snapshot } from '../../support/xlsxTestKit';

describe('the package adapter', () => {
  /**
   * The xlsx adapter over generated plan tables (test/support/genPlanTable.ts), each written as a
   * real .xlsx file: it reads back exactly what the table holds, painting changes nothing of the
   * user's but the status column and the fills, a second run gives the same workbook, and clearing
   * gives the user's workbook back. Fewer runs than the core properties: each one writes and reads
   * several files.
   */
  const RUNS = Number(process.env.FC_RUNS ?? 40);
  /** Deeper searches (FC_RUNS) get time in proportion. */
  const TIMEOUT = Math.max(20_000, RUNS * 300);

  function analyze(grid: SheetGrid, asOf: DayNumber): SheetAnalysis {
    const a = analyzeWorkbook([grid], { asOf, rules: defaultRules(), lang: 'zh' });
    expect(a.skipped).toEqual([]);
    return a.sheets[0] as SheetAnalysis;
  }

  const rangeText = (g: SheetGrid, m: CellRange): string =>
    `${a1(g, m.top, m.left)}:${a1(g, m.bottom, m.right)}`;
  const mergesOf = (g: SheetGrid): string[] => g.merges.map((m) => rangeText(g, m)).sort();
  /** Hidden rows that hold a value: a hidden blank row has nothing to read, and ExcelJS does not list it. */
  function hiddenOf(g: SheetGrid): number[] {
    return (g.hiddenRows ?? [])
      .filter((r) => g.values[r]?.some((v) => v !== null))
      .map((r) => g.origin.row + r);
  }

  /** The user's sheets as the file holds them: every value and style, without the add-in's own state sheet. */
  async function userSheets(bytes: Uint8Array) {
    return snapshot(await reread(bytes)).filter((s) => s.name !== STATE_SHEET);
  }

  describe('xlsx adapter invariants over generated plan tables', () => {
    it(
      'reads back every value, merge and hidden row holding data, and analyses the table as the grid',
      async () => {
        await fc.assert(
          fc.asyncProperty(planTable(), asOfArb, async (t, asOf) => {
            const book = await PackageWorkbook.open(await bytesOfWorkbook(workbookOf(t.grid)));
            const read = await book.readSheet(t.grid.name);
            expect(cellsByAddress(read)).toEqual(cellsByAddress(t.grid));
            expect(mergesOf(read)).toEqual(mergesOf(t.grid));
            expect(hiddenOf(read)).toEqual(hiddenOf(t.grid));
            const fromFile = analyze(read, asOf);
            const fromGrid = analyze(t.grid, asOf);
            const excelRows = (s: SheetAnalysis) =>
              s.statuses.map((x) => [s.origin.row + x.row, x.status]);
            expect(excelRows(fromFile)).toEqual(excelRows(fromGrid));
            expect(fromFile.issues.map((i) => [i.code, i.cell])).toEqual(
              fromGrid.issues.map((i) => [i.code, i.cell]),
            );
            expect(excelColumn(fromFile, fromFile.paint.statusColumn)).toBe(
              excelColumn(fromGrid, fromGrid.paint.statusColumn),
            );
          }),
          { numRuns: RUNS },
        );
      },
      TIMEOUT,
    );

    it(
      'changes no user value, merge or sheet when painting: only the status column and fills',
      async () => {
        await fc.assert(
          fc.asyncProperty(planTable(), asOfArb, async (t, asOf) => {
            const original = await bytesOfWorkbook(workbookOf(t.grid));
            const book = await PackageWorkbook.open(original);
            const before = await book.readSheet(t.grid.name);
            const sheet = analyze(before, asOf);
            await book.applyPaint(sheet.paint);
            const after = await PackageWorkbook.open(await book.save());
            expect(await after.listSheets()).toEqual([{ name: t.grid.name, visible: true }]);
            const grid = await after.readSheet(t.grid.name);
            const col = excelColumn(grid, sheet.paint.statusColumn);
            const user = (g: SheetGrid) =>
              [...cellsByAddress(g)].filter(([addr]) => addr.replace(/\d+$/, '') !== col);
            expect(user(grid)).toEqual(user(before));
            const added = mergesOf(grid).filter((m) => !mergesOf(before).includes(m));
            const { headerTop, headerBottom } = sheet.paint;
            expect(added).toEqual(
              headerBottom > headerTop ? [`${col}${headerTop + 1}:${col}${headerBottom + 1}`] : [],
            );
            expect(mergesOf(grid).length).toBe(mergesOf(before).length + added.length);
            expect(hiddenOf(grid)).toEqual(hiddenOf(before));
            // Every painted label is where the plan put it, and nothing else is in the status column.
            const labels = [...cellsByAddress(grid)].filter(
              ([addr]) => addr.replace(/\d+$/, '') === col,
            );
            const planned = [[`${col}${headerTop + 1}`, sheet.paint.header]];
            sheet.paint.codes.forEach((code, i) => {
              if (code !== 0)
                planned.push([
                  `${col}${sheet.paint.firstRow + i + 1}`,
                  sheet.paint.labels[code] as string,
                ]);
            });
            expect(labels).toEqual(planned);
          }),
          { numRuns: RUNS },
        );
      },
      TIMEOUT,
    );

    it(
      'gives the same workbook when run twice as when run once',
      async () => {
        await fc.assert(
          fc.asyncProperty(planTable(), asOfArb, async (t, asOf) => {
            const once = await PackageWorkbook.open(await bytesOfWorkbook(workbookOf(t.grid)));
            const first = analyze(await once.readSheet(t.grid.name), asOf);
            await once.applyPaint(first.paint);
            const onceBytes = await once.save();
            const twice = await PackageWorkbook.open(onceBytes);
            const second = analyze(await twice.readSheet(t.grid.name), asOf);
            expect(second.statuses).toEqual(first.statuses);
            await twice.applyPaint(second.paint);
            expect(await userSheets(await twice.save())).toEqual(await userSheets(onceBytes));
          }),
          { numRuns: RUNS },
        );
      },
      TIMEOUT,
    );

    it(
      'gives back exactly the user’s workbook when the paint is cleared',
      async () => {
        await fc.assert(
          fc.asyncProperty(planTable(), asOfArb, async (t, asOf) => {
            const original = await bytesOfWorkbook(workbookOf(t.grid));
            const book = await PackageWorkbook.open(original);
            await book.applyPaint(analyze(await book.readSheet(t.grid.name), asOf).paint);
            const painted = await PackageWorkbook.open(await book.save());
            await painted.clearPaint(t.grid.name);
            expect(await userSheets(await painted.save())).toEqual(await userSheets(original));
          }),
          { numRuns: RUNS },
        );
      },
      TIMEOUT,
    );
  });
});
