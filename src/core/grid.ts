/**
 * The plain picture of a worksheet that every adapter produces and the engine reads.
 * Rows and columns here are 0-based grid indices; `origin` says which Excel cell values[0][0] is.
 */

/** An Excel error value (#N/A, #REF!, …), or a formula whose result the file never saved. */
export interface CellError {
  readonly error: string;
  /** Set when the cell is a formula with no saved result (error is then NO_SAVED_RESULT). */
  readonly formula?: string;
}

/** The marker adapters use for a formula cell the file holds no result for. */
export const NO_SAVED_RESULT = '#NO_RESULT';

/**
 * A cell's value as Excel stores it. Dates are Excel serial numbers (their number format says they
 * are dates), exactly as the Office JavaScript API reports them; the xlsx adapter converts ExcelJS's Date objects.
 */
export type CellValue = string | number | boolean | null | CellError;

/** An inclusive rectangle of grid indices. */
export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface SheetGrid {
  readonly name: string;
  /** values[r][c]; a merged area holds its value at its top-left cell only, null elsewhere. */
  readonly values: readonly (readonly CellValue[])[];
  /** Number formats in the same shape; missing rows or cells mean "General". */
  readonly numberFormats?: readonly (readonly (string | null | undefined)[] | undefined)[];
  readonly merges: readonly CellRange[];
  /** Grid row indices of hidden (or filtered-out) rows: they are data like any other. */
  readonly hiddenRows?: readonly number[];
  /** 1-based Excel row and column of values[0][0]. */
  readonly origin: { readonly row: number; readonly col: number };
  /** True when the workbook uses the 1904 date system (serials count from 1904-01-01). */
  readonly date1904?: boolean;
}

export function isCellError(v: CellValue | undefined): v is CellError {
  return typeof v === 'object' && v !== null;
}

export function cellAt(grid: SheetGrid, r: number, c: number): CellValue {
  const row = grid.values[r];
  if (row === undefined) return null;
  const v = row[c];
  return v === undefined ? null : v;
}

export function formatAt(grid: SheetGrid, r: number, c: number): string | null {
  const f = grid.numberFormats?.[r]?.[c];
  return f === undefined || f === null || f === '' ? null : f;
}

export function gridWidth(grid: SheetGrid): number {
  let w = 0;
  for (const row of grid.values) if (row.length > w) w = row.length;
  return w;
}

/** 1 → "A", 27 → "AA" (1-based column numbers, as Excel counts them). */
export function columnLetters(col1: number): string {
  let n = col1;
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "AA" → 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** The Excel row number of grid row r. */
export function excelRow(grid: Pick<SheetGrid, 'origin'>, r: number): number {
  return grid.origin.row + r;
}

/** The Excel column letters of grid column c. */
export function excelColumn(grid: Pick<SheetGrid, 'origin'>, c: number): string {
  return columnLetters(grid.origin.col + c);
}

/** The A1 address of grid cell (r, c), e.g. "H9". */
export function a1(grid: Pick<SheetGrid, 'origin'>, r: number, c: number): string {
  return excelColumn(grid, c) + String(excelRow(grid, r));
}

/** Parses "H9" into 1-based { row, col }; null when it is not a plain A1 address. */
export function parseA1(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!m || m[1] === undefined || m[2] === undefined) return null;
  return { col: columnNumber(m[1]), row: Number(m[2]) };
}
