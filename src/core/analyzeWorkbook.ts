import type { AnalyzeOptions, SheetAnalysis, SkippedSheet, WorkbookAnalysis } from './analysis';
import { buildPaintPlan } from './buildPaintPlan';
import { classifyRow, nodeLagStatus, reportedStatusOf, type ClassifyContext } from './classify';
import { countBy, countStatuses } from './counts';
import { dayNumber, formatChineseDay } from './dates';
import { detectTableSteps } from './detectTable';
import type { SheetGrid } from './grid';
import { a1 } from './grid';
import type { Issue } from './issue';
import { buildMergeIndex } from './mergeIndex';
import { makeIssue } from './messages';
import { isOwnSheet } from './ownSheets';
import { decidePlanYear } from './planYear';
import { readRowsSteps } from './readRows';
import { runSteps, STEP_ROWS, type Steps } from './steps';
import type { RowStatus } from './status';

export type SheetOutcome =
  { kind: 'table'; analysis: SheetAnalysis } | { kind: 'skipped'; skipped: SkippedSheet };

/** Detects, reads, classifies and plans the paint of one sheet; a sheet without a table is skipped. */
export function analyzeSheet(grid: SheetGrid, opts: AnalyzeOptions): SheetOutcome {
  return runSteps(analyzeSheetSteps(grid, opts));
}

/** analyzeSheet as steps (see steps.ts), for front ends that must not block their thread. */
export function* analyzeSheetSteps(grid: SheetGrid, opts: AnalyzeOptions): Steps<SheetOutcome> {
  const { lang, rules, asOf } = opts;
  const overrides = opts.overrides?.[grid.name];
  const merges = buildMergeIndex(grid);
  const detected = yield* detectTableSteps(
    grid,
    { lang, statusHeader: rules.statusHeader, ...(overrides ? { overrides } : {}) },
    merges,
  );
  if (!detected.ok) {
    return {
      kind: 'skipped',
      skipped: { name: grid.name, reason: 'no_table', issues: detected.issues },
    };
  }
  const layout = detected.layout;
  const issues: Issue[] = [...detected.issues];
  const decided = decidePlanYear(grid, layout, merges, asOf);
  const planYear = decided.year;
  if (decided.source !== 'title') {
    issues.push(
      makeIssue(lang, 'plan_year_assumed', grid.name, '', {
        year: planYear,
        source: decided.source,
      }),
    );
  }
  // More than a year past the plan year, every row not done is red: most likely a wrong date.
  if (asOf > dayNumber(planYear + 1, 12, 31)) {
    issues.push(
      makeIssue(lang, 'as_of_far_past', grid.name, '', {
        year: planYear,
        asOf: formatChineseDay(asOf),
      }),
    );
  }
  const read = yield* readRowsSteps(grid, layout, merges, { asOf, planYear, lang });
  issues.push(...read.issues);

  const ctx: ClassifyContext = { asOf, rules, planYear };
  const statuses: RowStatus[] = new Array<RowStatus>(read.rows.length);
  const reportedCol = layout.fields.reportedStatus;
  for (let i = 0; i < read.rows.length; i++) {
    if ((i & (STEP_ROWS - 1)) === STEP_ROWS - 1) yield;
    const row = read.rows[i]!;
    const s = classifyRow(row, ctx);
    statuses[i] = s;
    if (s.reason === 'no_progress') {
      const col = layout.fields.progress ?? layout.fields.doneInvest ?? layout.fields.name ?? 0;
      issues.push(
        makeIssue(lang, 'progress_not_numeric', grid.name, a1(grid, row.row, col), {
          text: row.progressText ?? '',
        }),
      );
    }
    // Where units colour their own rows, say where their word and the deadline disagree.
    if (reportedCol !== undefined && row.reportedStatus !== null) {
      const reported = reportedStatusOf(row.reportedStatus);
      const computed = nodeLagStatus(row, ctx);
      if (reported !== null && reported !== computed) {
        issues.push(
          makeIssue(lang, 'status_disagrees', grid.name, a1(grid, row.row, reportedCol), {
            text: row.reportedStatus,
            computed: rules.labels[computed],
          }),
        );
      }
    }
  }

  const painted = buildPaintPlan(grid, layout, statuses, rules, lang);
  if (painted.plan === null) {
    return {
      kind: 'skipped',
      skipped: { name: grid.name, reason: 'no_room', issues: painted.issues },
    };
  }
  issues.push(...painted.issues);
  return {
    kind: 'table',
    analysis: {
      sheet: grid.name,
      layout,
      planYear,
      rows: read.rows,
      statuses,
      issues,
      counts: countStatuses(statuses),
      byUnit: countBy(read.rows, statuses, 'unit', lang),
      byCategory: countBy(read.rows, statuses, 'category', lang),
      paint: painted.plan,
      origin: grid.origin,
    },
  };
}

/** The sheets an analysis reads: those asked for (all by default), never the add-in's own. */
export function sheetsToAnalyze(grids: readonly SheetGrid[], opts: AnalyzeOptions): SheetGrid[] {
  const wanted = opts.sheets && opts.sheets.length > 0 ? new Set(opts.sheets) : null;
  return grids.filter((g) => !isOwnSheet(g.name) && (!wanted || wanted.has(g.name)));
}

/** Runs the engine over a workbook's sheets (sheets the add-in made itself are left out). */
export function analyzeWorkbook(
  grids: readonly SheetGrid[],
  opts: AnalyzeOptions,
): WorkbookAnalysis {
  const sheets: SheetAnalysis[] = [];
  const skipped: SkippedSheet[] = [];
  for (const grid of sheetsToAnalyze(grids, opts)) {
    const result = analyzeSheet(grid, opts);
    if (result.kind === 'table') sheets.push(result.analysis);
    else skipped.push(result.skipped);
  }
  return { asOf: opts.asOf, rules: opts.rules, sheets, skipped };
}
