import type { ColumnOverrides, SheetAnalysis, WorkbookAnalysis } from '../core/analysis';
import { bulletinFromSummary, bulletinSummaryFor } from '../core/bulletin/buildBulletin';
import type { BulletinSummary } from '../core/bulletin/summarize';
import type { BulletinBook } from '../core/bulletinBook';
import { formatIsoDay, type DayNumber } from '../core/dates';
import { columnLetters, type SheetGrid } from '../core/grid';
import type { Issue, Lang } from '../core/issue';
import { makeIssue } from '../core/messages';
import { isOwnSheet } from '../core/ownSheets';
import type { RuleInput, RuleSet } from '../core/rules';
import { identifiedPlan, rowIdentityOf } from '../core/workbookRecord/rowIdentity';
import {
  PortError,
  type ApplyReport,
  type ClearReport,
  type Progress,
  type SheetInfo,
  type WorkbookPort,
  type WorkbookSettings,
} from '../port/WorkbookPort';
import { analyzeInChunks } from './analyzeInChunks';
import { yieldToEventLoop } from './yieldToEventLoop';

/*
 * The monthly workflow, once, for every front end: read the sheets, analyse them, paint, clear,
 * write the bulletin, remember the choices. The pane (WorkbookSession) and the command line call
 * these, so both follow one policy.
 */

/** Which sheets a run reads: the visible ones that are not the add-in's own, or those named. */
export function sheetsToRead(sheets: readonly SheetInfo[], only: readonly string[]): SheetInfo[] {
  if (only.length > 0) return sheets.filter((s) => only.includes(s.name));
  return sheets.filter((s) => s.visible && !isOwnSheet(s.name));
}

/** Reads the sheets a run analyses, reporting progress over all of them. */
export async function readSheets(
  port: WorkbookPort,
  only: readonly string[] = [],
  onProgress?: Progress,
): Promise<{ sheets: SheetInfo[]; grids: SheetGrid[] }> {
  const sheets = await port.listSheets();
  const wanted = sheetsToRead(sheets, only);
  const grids: SheetGrid[] = [];
  for (let i = 0; i < wanted.length; i++) {
    const n = wanted.length;
    onProgress?.(i, n);
    await yieldToEventLoop();
    grids.push(
      await port.readSheet((wanted[i] as SheetInfo).name, (done, total) => {
        if (total > 0) onProgress?.(i + done / total, n);
      }),
    );
  }
  return { sheets, grids };
}

export interface AnalyzeRequest {
  readonly asOf: DayNumber;
  readonly rules: RuleSet;
  readonly lang: Lang;
  readonly overrides?: Readonly<Record<string, ColumnOverrides>>;
  readonly sheets?: readonly string[];
}

/** The engine over the grids, in slices that leave the thread to the page between them. */
export function analyze(
  grids: readonly SheetGrid[],
  req: AnalyzeRequest,
  onProgress?: Progress,
): Promise<WorkbookAnalysis> {
  return analyzeInChunks(
    grids,
    {
      asOf: req.asOf,
      rules: req.rules,
      lang: req.lang,
      ...(req.overrides ? { overrides: req.overrides } : {}),
      ...(req.sheets && req.sheets.length > 0 ? { sheets: req.sheets } : {}),
    },
    onProgress,
  );
}

/** Rows the record could not follow for certain, as issues naming their first cell. */
function uncertainIssues(sheet: SheetAnalysis, rows: readonly number[], lang: Lang): Issue[] {
  const col = sheet.paint.origin.col + sheet.paint.left;
  return rows.map((row) =>
    makeIssue(lang, 'row_unmatched', sheet.sheet, `${columnLetters(col)}${row}`),
  );
}

export interface PaintOutcome {
  readonly painted: readonly { readonly sheet: SheetAnalysis; readonly report: ApplyReport }[];
  /** Sheets left as they were because they are protected, with the adapter's sentence. */
  readonly skipped: readonly PortError[];
  readonly issues: readonly Issue[];
}

/**
 * Paints every analysed sheet. A protected sheet is left as it is and said so; the others are
 * painted. Any other failure stops the run (the adapter's sentence says what is half done).
 */
export async function paintSheets(
  port: WorkbookPort,
  analysis: WorkbookAnalysis,
  lang: Lang,
  onProgress?: Progress,
): Promise<PaintOutcome> {
  const painted: { sheet: SheetAnalysis; report: ApplyReport }[] = [];
  const skipped: PortError[] = [];
  const issues: Issue[] = [];
  const n = analysis.sheets.length;
  for (let i = 0; i < n; i++) {
    const sheet = analysis.sheets[i] as SheetAnalysis;
    onProgress?.(i, n);
    await yieldToEventLoop();
    try {
      const report = await port.applyPaint(identifiedPlan(sheet), (done, total) => {
        if (total > 0) onProgress?.(i + done / total, n);
      });
      painted.push({ sheet, report });
      issues.push(...uncertainIssues(sheet, report.uncertainRows, lang));
    } catch (e) {
      if (!(e instanceof PortError) || e.code !== 'sheet_protected') throw e;
      skipped.push(e);
    }
  }
  onProgress?.(n, n);
  return { painted, skipped, issues };
}

export interface ClearOutcome {
  readonly cleared: readonly ClearReport[];
  readonly skipped: readonly PortError[];
  readonly issues: readonly Issue[];
}

/**
 * Clears the analysed sheets, each on its rows as they are now (so the saved fills follow rows
 * moved since the paint), and any other sheet named in `also` (painted earlier, no table now).
 */
export async function clearSheets(
  port: WorkbookPort,
  analysis: WorkbookAnalysis | null,
  also: readonly string[],
  lang: Lang,
  onProgress?: Progress,
): Promise<ClearOutcome> {
  const sheets = analysis?.sheets ?? [];
  const names = new Set(sheets.map((s) => s.sheet));
  const rest = also.filter((name) => !names.has(name));
  const n = sheets.length + rest.length;
  const cleared: ClearReport[] = [];
  const skipped: PortError[] = [];
  const issues: Issue[] = [];
  const one = async (i: number, clear: () => Promise<ClearReport>): Promise<void> => {
    onProgress?.(i, n);
    await yieldToEventLoop();
    try {
      cleared.push(await clear());
    } catch (e) {
      if (!(e instanceof PortError) || e.code !== 'sheet_protected') throw e;
      skipped.push(e);
    }
  };
  for (const [i, sheet] of sheets.entries()) {
    await one(i, async () => {
      const report = await port.clearPaint(sheet.sheet, rowIdentityOf(identifiedPlan(sheet)));
      issues.push(...uncertainIssues(sheet, report.uncertainRows, lang));
      return report;
    });
  }
  for (const [i, name] of rest.entries()) {
    await one(sheets.length + i, () => port.clearPaint(name));
  }
  onProgress?.(n, n);
  return { cleared, skipped, issues };
}

export interface BulletinOutcome {
  readonly book: BulletinBook;
  readonly summary: BulletinSummary;
  /** The sheets written, as the workbook named them. */
  readonly sheets: readonly string[];
}

/**
 * Builds the bulletin of the analysed sheets at the report date and adds its sheets. The summary
 * it is built from is returned (or taken, when the caller made it already), so the documents
 * (.docx) say exactly what the sheets say.
 */
export async function writeBulletin(
  port: WorkbookPort,
  analysis: WorkbookAnalysis,
  asOf: DayNumber,
  rules: RuleSet,
  lang: Lang,
  onProgress?: Progress,
  made?: BulletinSummary,
): Promise<BulletinOutcome> {
  onProgress?.(0, 1);
  await yieldToEventLoop();
  // Each a task of its own: on a long sheet each takes a good part of a second's budget.
  const summary = made ?? bulletinSummaryFor(analysis.sheets, asOf, { lang, rules });
  onProgress?.(0.3, 1);
  await yieldToEventLoop();
  const book = bulletinFromSummary(summary, asOf, { lang, rules });
  onProgress?.(0.5, 1);
  await yieldToEventLoop();
  const written = await port.writeBulletin(book);
  onProgress?.(1, 1);
  return { book, summary, sheets: written.sheets };
}

/** What a paint leaves remembered in the workbook: the rules as chosen, the columns, the date. */
export function settingsAfterPaint(
  settings: WorkbookSettings,
  ruleInput: RuleInput | undefined,
  overrides: Readonly<Record<string, ColumnOverrides>> | undefined,
  asOf: DayNumber,
): WorkbookSettings {
  const next: { -readonly [K in keyof WorkbookSettings]: WorkbookSettings[K] } = { ...settings };
  if (ruleInput !== undefined) next.rules = ruleInput;
  if (overrides !== undefined && Object.keys(overrides).length > 0) next.overrides = overrides;
  next.lastAsOf = formatIsoDay(asOf);
  return next;
}
