import type { CellRange, CellValue, SheetGrid } from '../../core/grid';
import type { Progress } from '../../port/WorkbookPort';
import { parseRangeAddress, rectAddress, type Rect } from '../../core/workbookRecord/cellRect';
import type { Capabilities } from './capabilities';
import { isOfficeError, isPayloadError } from './errors';
import { LIMITS } from './requestBudget';

/**
 * Rows per getMergedAreasOrNullObject call. Excel fails that call when a range holds more than
 * 512 merged areas (see its reference page); plan tables merge 责任单位 over every few rows, so
 * a 5,000-row block can hold thousands. 256 rows keeps typical tables far under the limit.
 */
const MERGE_ROWS = 256;

interface BlockRead {
  readonly rect: Rect;
  readonly range: Excel.Range;
  readonly rows: OfficeExtension.ClientResult<Excel.RowProperties[]>;
  readonly merges: readonly Excel.RangeAreas[];
}

/** An empty cell reads as "" in Office.js; the grid says null. Errors become { error }. */
export function toCellValue(v: unknown, type: string | undefined): CellValue {
  // valueTypes tells a real error value from text that merely looks like one ("#N/A" typed as text).
  if (type === 'Error') return { error: scalarText(v) };
  if (type === 'Empty' || v === '' || v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return scalarText(v);
}

/**
 * Office.js documents a value as a string, number or boolean; anything else it might send is kept
 * as its JSON text rather than "[object Object]".
 */
function scalarText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return JSON.stringify(v) ?? '';
}

/**
 * The areas of a RangeAreas address such as "Sheet1!A1:B2, Sheet1!D4:E9" (or "'A, b'!A1:B2").
 * Each A1 part follows a "!" and runs to the next comma, which is how the sheet name is skipped
 * whatever it contains.
 */
export function parseAreasAddress(address: string): Rect[] {
  const out: Rect[] = [];
  if (!address.includes('!')) {
    for (const part of address.split(',')) {
      const r = parseRangeAddress(part);
      if (r) out.push(r);
    }
    return out;
  }
  const re = /!(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)(?=\s*,|\s*$)/g;
  for (const m of address.matchAll(re)) {
    const r = m[1] === undefined ? null : parseRangeAddress(m[1]);
    if (r) out.push(r);
  }
  return out;
}

/** True for the error Excel gives when one call returns too many merged areas. */
function isMergeLimitError(e: unknown): boolean {
  return isOfficeError(e) && (e.debugInfo?.errorLocation ?? '').includes('MergedAreas');
}

/**
 * Office.js has no property for the workbook's date system, but DATE(1904, 1, 1) tells it: serial
 * 0 in the 1904 system, 1462 in the 1900 one. Queued with the first read, so it costs no sync.
 */
function queueDateSystem(context: Excel.RequestContext): Excel.FunctionResult<number> {
  const result = context.workbook.functions.date(1904, 1, 1);
  result.load('value');
  return result;
}

function queueBlock(ws: Excel.Worksheet, rect: Rect, caps: Capabilities): BlockRead {
  const range = ws.getRange(rectAddress(rect));
  range.load(['values', 'numberFormat', 'valueTypes']);
  const rows = range.getRowProperties({ rowHidden: true });
  const merges: Excel.RangeAreas[] = [];
  if (caps.mergedAreas) {
    for (let top = rect.top; top <= rect.bottom; top += MERGE_ROWS) {
      const sub: Rect = { ...rect, top, bottom: Math.min(rect.bottom, top + MERGE_ROWS - 1) };
      const areas = ws.getRange(rectAddress(sub)).getMergedAreasOrNullObject();
      areas.load('address');
      merges.push(areas);
    }
  }
  return { rect, range, rows, merges };
}

/**
 * Reads a worksheet's used range into a SheetGrid, one row block per sync. A block starts at
 * 5,000 rows (fewer on wide sheets) and is halved whenever Excel says the request or its answer
 * is too large, so long sheets read on Excel on the web too.
 */
export async function readSheet(
  context: Excel.RequestContext,
  name: string,
  caps: Capabilities,
  onProgress?: Progress,
): Promise<SheetGrid> {
  const ws = context.workbook.worksheets.getItem(name);
  const used = ws.getUsedRangeOrNullObject(true);
  used.load('address');
  const system = queueDateSystem(context);
  await context.sync();
  const date1904 = system.value === 0;
  if (used.isNullObject) {
    return { name, values: [], merges: [], origin: { row: 1, col: 1 }, date1904 };
  }
  const whole = parseRangeAddress(used.address);
  if (!whole) throw new Error(`Excel reported a used range we cannot read: ${used.address}`);

  const width = whole.right - whole.left + 1;
  const height = whole.bottom - whole.top + 1;
  const values: CellValue[][] = new Array<CellValue[]>(height);
  const formats: ((string | null)[] | undefined)[] = new Array<(string | null)[] | undefined>(
    height,
  );
  const hiddenRows: number[] = [];
  const merges = new Map<string, CellRange>();
  let blockRows = Math.max(1, Math.min(LIMITS.blockRows, Math.floor(LIMITS.blockCells / width)));

  let top = whole.top;
  while (top <= whole.bottom) {
    const rect: Rect = { ...whole, top, bottom: Math.min(whole.bottom, top + blockRows - 1) };
    let read: BlockRead;
    try {
      read = queueBlock(ws, rect, caps);
      // One sync per block of up to 5,000 rows, halved only when Excel refuses the payload: the
      // loop is the documented block read, bounded by the sheet's rows, never a sync per row.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (e) {
      const rows = rect.bottom - rect.top + 1;
      if ((!isPayloadError(e) && !isMergeLimitError(e)) || rows === 1) throw e;
      blockRows = Math.max(1, Math.floor(rows / 2));
      continue;
    }
    absorbBlock(read, whole, values, formats, hiddenRows, merges);
    top = rect.bottom + 1;
    onProgress?.(top - whole.top, height);
  }

  return {
    name,
    values,
    numberFormats: formats,
    merges: [...merges.values()],
    hiddenRows,
    origin: { row: whole.top, col: whole.left },
    date1904,
  };
}

function absorbBlock(
  read: BlockRead,
  whole: Rect,
  values: CellValue[][],
  formats: ((string | null)[] | undefined)[],
  hiddenRows: number[],
  merges: Map<string, CellRange>,
): void {
  const { rect, range } = read;
  const v = range.values;
  const f = range.numberFormat;
  const t = range.valueTypes;
  for (let i = 0; i < v.length; i++) {
    const r = rect.top - whole.top + i;
    const vr = v[i] ?? [];
    const tr = t[i] ?? [];
    const fr = f[i] ?? [];
    const row = new Array<CellValue>(vr.length);
    for (let c = 0; c < vr.length; c++) row[c] = toCellValue(vr[c], tr[c]);
    values[r] = row;
    let fmts: (string | null)[] | undefined;
    for (let c = 0; c < fr.length; c++) {
      const fmt: unknown = fr[c];
      // "General" is what a missing format means in the grid; keep only the rest.
      if (typeof fmt === 'string' && fmt !== '' && fmt !== 'General') {
        fmts ??= new Array<string | null>(fr.length).fill(null);
        fmts[c] = fmt;
      }
    }
    formats[r] = fmts;
  }
  read.rows.value.forEach((p, i) => {
    if (p.rowHidden === true) hiddenRows.push(rect.top - whole.top + i);
  });
  for (const areas of read.merges) {
    if (areas.isNullObject) continue;
    for (const m of parseAreasAddress(areas.address)) {
      const top = Math.max(m.top, whole.top) - whole.top;
      const bottom = Math.min(m.bottom, whole.bottom) - whole.top;
      const left = Math.max(m.left, whole.left) - whole.left;
      const right = Math.min(m.right, whole.right) - whole.left;
      if (top > bottom || left > right) continue;
      merges.set(`${m.top},${m.left},${m.bottom},${m.right}`, { top, left, bottom, right });
    }
  }
}
