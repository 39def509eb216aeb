import type {
  AnalyzeOptions,
  SheetAnalysis,
  SkippedSheet,
  WorkbookAnalysis,
} from '../core/analysis';
import { analyzeSheetSteps, sheetsToAnalyze } from '../core/analyzeWorkbook';
import type { SheetGrid } from '../core/grid';
import type { Progress } from '../port/WorkbookPort';
import { yieldToEventLoop } from './yieldToEventLoop';

/** Longest stretch of engine work between two yields: well under the 200 ms a long task may take. */
const SLICE_MS = 40;

/**
 * Runs the engine one sheet at a time and, inside a sheet, in its steps (a few thousand rows
 * each), handing the thread back whenever a slice of SLICE_MS is used up, so neither many sheets
 * nor one sheet of 100,000 rows holds the page.
 */
export async function analyzeInChunks(
  grids: readonly SheetGrid[],
  opts: AnalyzeOptions,
  onProgress?: Progress,
): Promise<WorkbookAnalysis> {
  const sheets: SheetAnalysis[] = [];
  const skipped: SkippedSheet[] = [];
  const wanted = sheetsToAnalyze(grids, opts);
  for (let i = 0; i < wanted.length; i++) {
    onProgress?.(i, wanted.length);
    await yieldToEventLoop();
    const steps = analyzeSheetSteps(wanted[i] as SheetGrid, opts);
    let sliceStart = performance.now();
    let next = steps.next();
    while (next.done !== true) {
      if (performance.now() - sliceStart > SLICE_MS) {
        await yieldToEventLoop();
        sliceStart = performance.now();
      }
      next = steps.next();
    }
    if (next.value.kind === 'table') sheets.push(next.value.analysis);
    else skipped.push(next.value.skipped);
  }
  onProgress?.(wanted.length, wanted.length);
  return { asOf: opts.asOf, rules: opts.rules, sheets, skipped };
}

/**
 * The analysis with some sheets' results replaced by a newer run (after a column mapping changed),
 * keeping sheets in workbook order.
 */
export function replaceSheets(
  analysis: WorkbookAnalysis,
  next: WorkbookAnalysis,
  order: readonly string[],
): WorkbookAnalysis {
  const replaced = new Set([
    ...next.sheets.map((s) => s.sheet),
    ...next.skipped.map((s) => s.name),
  ]);
  const rank = new Map(order.map((name, i) => [name, i]));
  const byOrder = (a: string, b: string) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0);
  const sheets = [...analysis.sheets.filter((s) => !replaced.has(s.sheet)), ...next.sheets].sort(
    (a, b) => byOrder(a.sheet, b.sheet),
  );
  const skipped = [...analysis.skipped.filter((s) => !replaced.has(s.name)), ...next.skipped].sort(
    (a, b) => byOrder(a.name, b.name),
  );
  return { ...analysis, sheets, skipped };
}
