import type { PaintPlan } from '../paintPlan';
import { LETTERS, type StatusWrite } from './sheetPaint';

/*
 * What a paint plan writes into its status column, in Excel rows and columns: the same for every
 * host, so the record one adapter leaves is the record another reads.
 */

/** A value Excel would read as a formula when written into a cell formatted General. */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@]/.test(text);
}

/**
 * True for text Excel would not keep as written in a General cell: a formula, an error value
 * ("#N/A"), a leading apostrophe, TRUE/FALSE, or anything with a digit (a number, a date, a
 * percentage). Such text is written into cells formatted "@", so what is read back is what was
 * written, which the check before a clear relies on.
 */
export function changedByExcel(text: string): boolean {
  return (
    looksLikeFormula(text) ||
    /^[#']/.test(text) ||
    /\d/.test(text) ||
    /^\s*(true|false)\s*$/i.test(text)
  );
}

/** Where the status column goes, in 1-based Excel rows and columns. */
export interface StatusGeometry {
  readonly column: number;
  readonly headerTop: number;
  readonly headerBottom: number;
  /** First and last Excel rows of the body; bodyTop > bodyBottom when the table has none. */
  readonly bodyTop: number;
  readonly bodyBottom: number;
}

export function statusGeometry(plan: PaintPlan): StatusGeometry {
  return {
    column: plan.origin.col + plan.statusColumn,
    headerTop: plan.origin.row + plan.headerTop,
    headerBottom: plan.origin.row + plan.headerBottom,
    bodyTop: plan.origin.row + plan.firstRow,
    bodyBottom: plan.origin.row + plan.firstRow + plan.codes.length - 1,
  };
}

/** True when some text we write must be kept from Excel's conversions. */
export function needsTextFormat(plan: PaintPlan): boolean {
  return [plan.header, ...plan.labels].some(changedByExcel);
}

/** What a plan writes into its status column. */
export function statusWriteOf(plan: PaintPlan): StatusWrite {
  const g = statusGeometry(plan);
  const labels = Array.from({ length: LETTERS.length }, (_, i) =>
    i === 0 ? '' : (plan.labels[i] ?? ''),
  );
  // Letters only work when no label is itself a letter (a user could name a status "a").
  const letters = !labels.some((l, i) => i > 0 && (LETTERS as readonly string[]).includes(l));
  const parts: string[] = [];
  for (let i = 0; i < plan.codes.length; i += 8_192) {
    parts.push(
      String.fromCharCode(...Array.from(plan.codes.subarray(i, i + 8_192), (c) => 48 + c)),
    );
  }
  return {
    column: g.column,
    headerTop: g.headerTop,
    headerBottom: g.headerBottom,
    merged: g.headerBottom > g.headerTop,
    textFormat: needsTextFormat(plan),
    header: plan.header,
    firstRow: g.bodyTop,
    codes: parts.join(''),
    labels,
    letters,
  };
}
