import type {
  AnalyzeOptions,
  SheetAnalysis,
  SkippedSheet,
  WorkbookAnalysis,
} from '../../core/analysis';
import { analyzeWorkbook } from '../../core/analyzeWorkbook';
import type { SheetGrid } from '../../core/grid';
import type { Progress } from '../../port/WorkbookPort';
import { yieldToEventLoop } from '../lib/yieldToEventLoop';

/**
 * Runs the engine one sheet at a time, yielding between sheets so a workbook of many sheets never
 * holds the page for the whole analysis.
 */
export async function analyzeInChunks(
  grids: readonly SheetGrid[],
  opts: AnalyzeOptions,
  onProgress?: Progress,
): Promise<WorkbookAnalysis> {
  const sheets: SheetAnalysis[] = [];
  const skipped: SkippedSheet[] = [];
  for (let i = 0; i < grids.length; i++) {
    onProgress?.(i, grids.length);
    await yieldToEventLoop();
    const one = analyzeWorkbook([grids[i] as SheetGrid], opts);
    sheets.push(...one.sheets);
    skipped.push(...one.skipped);
  }
  onProgress?.(grids.length, grids.length);
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
