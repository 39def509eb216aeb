import fc from 'fast-check';
import { analyzeWorkbook } from '../../src/core/analyzeWorkbook';
import type { SheetAnalysis, WorkbookAnalysis } from '../../src/core/analysis';
import { dayNumber, fromDayNumber, type DayNumber } from '../../src/core/dates';
import type { CellRange, CellValue, SheetGrid } from '../../src/core/grid';
import type { PaintPlan } from '../../src/core/paintPlan';
import { PRESET_IDS, resolveRules, type PresetId, type RuleSet } from '../../src/core/rules';
import type { Status } from '../../src/core/status';
import { asOfArb, planTable, type PlanTable } from '../support/genPlanTable';

/** About 100 runs per property keeps the fast suite fast (FC_RUNS=5000 for a deeper search). */
const RUNS = Number(process.env.FC_RUNS ?? 100);
/** Deeper searches (FC_RUNS) get time in proportion. */
const TIMEOUT = Math.max(20_000, RUNS * 20);

function rulesFor(preset: PresetId): RuleSet {
  const r = resolveRules({ preset });
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.value;
}

function analyze(
  grid: SheetGrid,
  asOf: DayNumber,
  preset: PresetId = 'node-lag',
): WorkbookAnalysis {
  return analyzeWorkbook([grid], { asOf, rules: rulesFor(preset), lang: 'zh' });
}

function only(a: WorkbookAnalysis): SheetAnalysis {
  expect(a.skipped).toEqual([]);
  expect(a.sheets).toHaveLength(1);
  return a.sheets[0] as SheetAnalysis;
}

const presetArb = fc.constantFrom(...PRESET_IDS);

/** The grid after an adapter applied the plan: the status header and each data row's label. */
function painted(grid: SheetGrid, plan: PaintPlan): SheetGrid {
  const width = Math.max(plan.statusColumn + 1, ...grid.values.map((r) => r.length));
  const values: CellValue[][] = grid.values.map((r) =>
    Array.from({ length: width }, (_, c) => r[c] ?? null),
  );
  const set = (r: number, c: number, v: CellValue): void => {
    (values[r] as CellValue[])[c] = v;
  };
  set(plan.headerTop, plan.statusColumn, plan.header);
  for (let i = 0; i < plan.codes.length; i++) {
    const code = plan.codes[i] as number;
    if (code !== 0) set(plan.firstRow + i, plan.statusColumn, plan.labels[code] as string);
  }
  const merges: CellRange[] = [...grid.merges];
  if (!plan.statusColumnExists && plan.headerBottom > plan.headerTop) {
    merges.push({
      top: plan.headerTop,
      left: plan.statusColumn,
      bottom: plan.headerBottom,
      right: plan.statusColumn,
    });
  }
  return { ...grid, values, merges };
}

const RANK: Record<Status, number> = { normal: 0, lagging: 1, severe: 2, done: -1, unknown: -1 };

describe('engine invariants over generated plan tables', () => {
  it(
    'classifies every data row exactly once, and never a section, subtotal, note or blank row',
    () => {
      fc.assert(
        fc.property(planTable(), asOfArb, presetArb, (t: PlanTable, asOf, preset) => {
          const s = only(analyze(t.grid, asOf, preset));
          expect([s.layout.headerTop, s.layout.headerBottom]).toEqual([
            t.headerTop,
            t.headerBottom,
          ]);
          expect(s.layout.fields).toEqual(t.columns);
          expect(s.layout.dataRows).toEqual(t.dataRows);
          expect(s.rows.map((r) => r.row)).toEqual(t.dataRows);
          expect(s.statuses.map((r) => r.row)).toEqual(t.dataRows);
          for (const b of t.body) {
            if (b.row > s.layout.lastRow) continue;
            expect([b.row, s.layout.kinds[b.row - s.layout.headerBottom - 1]]).toEqual([
              b.row,
              b.kind,
            ]);
          }
          const codes = [...s.paint.codes];
          const paintedRows = codes.flatMap((code, i) =>
            code === 0 ? [] : [s.paint.firstRow + i],
          );
          expect(paintedRows).toEqual(t.dataRows);
          const c = s.counts;
          expect(c.normal + c.lagging + c.severe + c.done + c.unknown).toBe(t.dataRows.length);
          expect(s.byUnit.reduce((n, g) => n + g.total, 0)).toBe(t.dataRows.length);
          expect(s.byCategory.reduce((n, g) => n + g.total, 0)).toBe(t.dataRows.length);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'gives the same result when run twice on the same sheet',
    () => {
      fc.assert(
        fc.property(planTable(), asOfArb, presetArb, (t, asOf, preset) => {
          expect(analyze(t.grid, asOf, preset)).toEqual(analyze(t.grid, asOf, preset));
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'gives the same statuses and paint when run again on the sheet it painted',
    () => {
      fc.assert(
        fc.property(planTable(), asOfArb, presetArb, (t, asOf, preset) => {
          const first = only(analyze(t.grid, asOf, preset));
          const again = only(analyze(painted(t.grid, first.paint), asOf, preset));
          expect(again.statuses).toEqual(first.statuses);
          expect(again.rows).toEqual(first.rows);
          expect(again.layout.dataRows).toEqual(first.layout.dataRows);
          expect(again.paint.statusColumn).toBe(first.paint.statusColumn);
          expect(again.paint.statusColumnExists).toBe(true);
          expect([...again.paint.codes]).toEqual([...first.paint.codes]);
          expect(again.paint.fills).toEqual(first.paint.fills);
          // Only the warning that the status column had to move is gone: the column is ours now.
          expect(again.issues).toEqual(
            first.issues.filter((i) => i.code !== 'status_column_conflict'),
          );
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'never makes a not-done row less late at a later report date, and keeps done and unknown rows',
    () => {
      const pair = fc
        .tuple(planTable(), asOfArb, fc.integer({ min: 0, max: 500 }), presetArb)
        .map(([t, asOf, later, preset]) => {
          // Without a year in the title, deadlines such as "6月底" are read in the report date's
          // year (domain.md), so both dates stay in one year there.
          const { y } = fromDayNumber(asOf);
          const cap = t.titleYear === null ? dayNumber(y, 12, 31) : Infinity;
          return { t, asOf1: asOf, asOf2: Math.min(asOf + later, cap), preset };
        });
      fc.assert(
        fc.property(pair, ({ t, asOf1, asOf2, preset }) => {
          const s1 = only(analyze(t.grid, asOf1, preset));
          const s2 = only(analyze(t.grid, asOf2, preset));
          s1.statuses.forEach((a, i) => {
            const b = s2.statuses[i];
            if (b === undefined) throw new Error('row count changed');
            const change = [a.row, a.status, b.status, b.reason];
            // A row becomes done later only because its completion date has come by then.
            if (b.status === 'done' && a.status !== 'done') {
              expect(change).toEqual([a.row, a.status, 'done', 'done_date']);
            } else if (a.status === 'done' || a.status === 'unknown') {
              expect(change).toEqual([a.row, a.status, a.status, b.reason]);
            } else {
              expect([a.row, a.status, RANK[b.status] >= RANK[a.status]]).toEqual([
                a.row,
                a.status,
                true,
              ]);
            }
          });
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'paints only the status column and fills over data rows, never a cell of the user’s',
    () => {
      fc.assert(
        fc.property(planTable(), asOfArb, (t, asOf) => {
          const s = only(analyze(t.grid, asOf));
          const plan = s.paint;
          const col = plan.statusColumn;
          expect(plan.statusColumnExists).toBe(false);
          expect(col).toBeGreaterThan(s.layout.right);
          for (let r = plan.headerTop; r <= plan.lastRow; r++) {
            const v = t.grid.values[r]?.[col] ?? null;
            expect([r, v]).toEqual([r, null]);
          }
          for (const m of t.grid.merges) {
            const crosses =
              m.left <= col &&
              m.right >= col &&
              m.bottom >= plan.headerTop &&
              m.top <= plan.lastRow;
            expect([m, crosses]).toEqual([m, false]);
          }
          const userCol = t.userColumn;
          if (userCol !== null && t.grid.values.some((r) => r[userCol] != null))
            expect(col).toBeGreaterThan(userCol);
          expect([plan.left, plan.right]).toEqual([s.layout.left, col]);
          expect([plan.firstRow, plan.headerTop, plan.headerBottom]).toEqual([
            t.headerBottom + 1,
            t.headerTop,
            t.headerBottom,
          ]);
          const data = new Set(t.dataRows);
          for (const fill of plan.fills) {
            for (let i = 0; i < fill.runs.length; i += 2) {
              for (let r = fill.runs[i] as number; r <= (fill.runs[i + 1] as number); r++) {
                expect([fill.status, r, data.has(r)]).toEqual([fill.status, r, true]);
              }
            }
          }
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});
