/**
 * The only file that reaches past ExcelJS's typed API (written against ExcelJS 4.4). Each reach is
 * checked on a really loaded workbook by test/adapters/xlsx/exceljsPrivate.test.ts, so an ExcelJS
 * upgrade that renames or reshapes one of them fails that test instead of silently changing what
 * the adapter reads or how fast it loads.
 */
import type { Workbook, Worksheet } from 'exceljs';

/** A merged area as ExcelJS indexes it: 1-based rows and columns, inclusive. */
export interface MergeArea {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** A worksheet's merge index: the master cell's address ("B2") to the area it heads. */
export type MergeIndex = Record<string, MergeArea | undefined>;

/** Worksheet internals: `_merges` is set in the constructor and kept up to date by mergeCells. */
interface WorksheetInternals {
  _merges?: MergeIndex;
}

function internals(ws: Worksheet): WorksheetInternals {
  return ws as unknown as WorksheetInternals;
}

/**
 * The worksheet's merge index (Worksheet._merges), or undefined from an ExcelJS without one.
 * Listing merges from it is cheap; the public `worksheet.model.merges` serialises every row.
 */
export function mergeIndex(ws: Worksheet): MergeIndex | undefined {
  return internals(ws)._merges;
}

/**
 * Runs `merge` (a mergeCellsWithoutStyle call) against an empty merge index and then adds what
 * it merged to the real index. ExcelJS checks each new merge against every indexed one, which is
 * quadratic over a sheet's merges; callers that have checked the overlap themselves skip that.
 */
export function mergeAgainstEmptyIndex(ws: Worksheet, merge: () => void): void {
  const sheet = internals(ws);
  const index = sheet._merges ?? {};
  sheet._merges = {};
  try {
    merge();
  } finally {
    const added = sheet._merges;
    sheet._merges = index;
    Object.assign(index, added);
  }
}

/** A sheet's model as the xlsx reader hands it to the workbook, before the sheet is built. */
export interface ParsedSheetModel {
  /** The sheet id, as `workbook.getWorksheet(id)` takes it. */
  readonly id: unknown;
  /** The `<mergeCell ref>` values read from the sheet's XML. */
  mergeCells?: unknown;
}

/** The parsed sheet models in a value `xlsx.load` assigns to `workbook.model`. */
export function parsedSheetModels(value: unknown): ParsedSheetModel[] {
  if (typeof value !== 'object' || value === null || !('worksheets' in value)) return [];
  const sheets: unknown = value.worksheets;
  return Array.isArray(sheets)
    ? sheets.filter((m): m is ParsedSheetModel => typeof m === 'object' && m !== null)
    : [];
}

/**
 * The `model` accessor ExcelJS defines on Workbook.prototype (`xlsx.load` ends by assigning the
 * parsed workbook to it), called on `workbook`; null from an ExcelJS that has no such accessor.
 * Reflect calls the prototype's getter and setter with `workbook` as `this`, as a plain read or
 * assignment would without an own property in the way.
 */
export function prototypeModelAccessor(workbook: Workbook): {
  readonly get: () => unknown;
  readonly set: (value: unknown) => void;
} | null {
  const proto = Object.getPrototypeOf(workbook) as object;
  const desc = Object.getOwnPropertyDescriptor(proto, 'model');
  if (desc?.get === undefined || desc.set === undefined) return null;
  return {
    get: (): unknown => Reflect.get(proto, 'model', workbook),
    set: (value: unknown): void => {
      Reflect.set(proto, 'model', value, workbook);
    },
  };
}
