import type { Worksheet } from 'exceljs';
import {
  isCellError,
  NO_SAVED_RESULT,
  type CellRange,
  type CellValue,
  type SheetGrid,
} from '../../../src/core/grid';
import { cellValue } from './cellValue';
import { mergeIndex } from '../../../src/adapters/xlsx/exceljsPrivate';

/**
 * The merged areas of a sheet as 0-based grid ranges. Read from the worksheet's merge index:
 * `worksheet.model.merges` would serialise every row of the sheet just to list them.
 */
export function readMerges(ws: Worksheet): CellRange[] {
  const index = mergeIndex(ws);
  const out: CellRange[] = [];
  if (index) {
    for (const m of Object.values(index)) {
      if (m)
        out.push({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 });
    }
    return out;
  }
  for (const ref of ws.model.merges ?? []) {
    const r = parseRange(ref);
    if (r) out.push(r);
  }
  return out;
}

function parseRange(ref: string): CellRange | null {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref);
  if (!m) return null;
  const col = (s: string): number => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return {
    top: Number(m[2]) - 1,
    left: col(m[1] ?? '') - 1,
    bottom: Number(m[4]) - 1,
    right: col(m[3] ?? '') - 1,
  };
}

export interface ReadResult {
  readonly grid: SheetGrid;
  /** The grid's own rows, for the caller to correct cells (see textResults.ts). */
  readonly values: CellValue[][];
  /** 0-based cells holding a formula with no saved result. */
  readonly noResult: readonly { readonly row: number; readonly col: number }[];
}

/**
 * The plain grid of a worksheet, starting at A1. Only cells holding a value are visited, and only
 * rows holding one get an array, so a 50,000-row sheet costs one small array per row.
 */
export function readGrid(ws: Worksheet, date1904: boolean): ReadResult {
  const values: CellValue[][] = [];
  const noResult: { row: number; col: number }[] = [];
  const formats: (string | null)[][] = [];
  const hidden: number[] = [];
  let lastRow = 0;
  let anyFormat = false;

  ws.eachRow((row, rowNumber) => {
    const r = rowNumber - 1;
    if (row.hidden) hidden.push(r);
    let out: CellValue[] | undefined;
    let fmts: (string | null)[] | undefined;
    row.eachCell((cell, colNumber) => {
      const v = cellValue(cell, date1904);
      if (v === null) return;
      const c = colNumber - 1;
      if (isCellError(v) && v.error === NO_SAVED_RESULT) noResult.push({ row: r, col: c });
      if (out === undefined) out = [];
      // Keep every index below the last value defined, so rows are plain dense arrays.
      while (out.length < c) out.push(null);
      out[c] = v;
      const fmt = cell.numFmt;
      if (fmt && fmt !== 'General') {
        if (fmts === undefined) fmts = [];
        while (fmts.length < c) fmts.push(null);
        fmts[c] = fmt;
        anyFormat = true;
      }
    });
    if (out !== undefined) {
      values[r] = out;
      lastRow = rowNumber;
    }
    if (fmts !== undefined) formats[r] = fmts;
  });

  // Rows without values are holes in the arrays above; make them empty rows.
  values.length = lastRow;
  for (let r = 0; r < lastRow; r++) if (values[r] === undefined) values[r] = [];

  const grid: SheetGrid = {
    name: ws.name,
    values,
    merges: readMerges(ws),
    hiddenRows: hidden.filter((r) => r < lastRow),
    origin: { row: 1, col: 1 },
    date1904,
    ...(anyFormat ? { numberFormats: formats.slice(0, lastRow) } : {}),
  };
  return { grid, values, noResult };
}
