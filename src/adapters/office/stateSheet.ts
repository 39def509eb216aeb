import { columnLetters } from '../../core/grid';
import { STATE_SHEET } from '../../core/ownSheets';
import { parseRangeAddress } from './addresses';
import { estimateBytes, LIMITS, type RequestBudget } from './requestBudget';
import { decodeState, encodeState, type PaintState } from './savedFills';

/**
 * The very hidden sheet "_tricolor", laid out as the xlsx adapter lays it out so the two never
 * damage each other's records: row 1 holds a note (A1) and the format version (B1); every later
 * row is one record, its key in column A and its JSON split over columns B, C, … Rows with keys we
 * do not know are never touched.
 */
const NOTE = '三色督办 Tricolor: saved fills and settings. Do not edit. 请勿修改。';
const FORMAT_VERSION = 1;
/** Our records are keyed apart from the xlsx adapter's ("paint:…"): the two formats differ. */
const KEY_PREFIX = 'office:paint:';
/** JSON parts written per request, so one record never makes one huge request. */
const PARTS_PER_WRITE = 20;

export function stateKey(sheet: string): string {
  return KEY_PREFIX + sheet;
}

/** Our records found on the hidden sheet, decoded, and where new records may go. */
export interface StateStore {
  /** Excel row of each painted sheet's record. */
  readonly rowBySheet: ReadonlyMap<string, number>;
  readonly states: ReadonlyMap<string, PaintState>;
  /** The last used row of the hidden sheet (0 when empty): new records go below it. */
  readonly lastRow: number;
}

export const EMPTY_STORE: StateStore = { rowBySheet: new Map(), states: new Map(), lastRow: 0 };

/** Queues the read of the hidden sheet; call parseStore after the sync. */
export function queueStoreRead(stateSheet: Excel.Worksheet): Excel.Range {
  const used = stateSheet.getUsedRangeOrNullObject(true);
  used.load(['address', 'values']);
  return used;
}

export function parseStore(used: Excel.Range): StateStore {
  if (used.isNullObject) return EMPTY_STORE;
  const rect = parseRangeAddress(used.address);
  // Keys are in column A: with nothing in A there are no records, ours or anyone's.
  if (!rect || rect.left !== 1) return { ...EMPTY_STORE, lastRow: rect?.bottom ?? 0 };
  const rowBySheet = new Map<string, number>();
  const states = new Map<string, PaintState>();
  used.values.forEach((row, i) => {
    const excelRow = rect.top + i;
    const key = row[0];
    if (excelRow === 1 || typeof key !== 'string' || !key.startsWith(KEY_PREFIX)) return;
    const sheet = key.slice(KEY_PREFIX.length);
    let json = '';
    for (let c = 1; c < row.length; c++) {
      const part: unknown = row[c];
      if (typeof part === 'string') json += part;
    }
    rowBySheet.set(sheet, excelRow);
    const state = decodeState(json);
    if (state) states.set(sheet, state);
  });
  return { rowBySheet, states, lastRow: rect.bottom };
}

function chunks(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

/**
 * Queues writing one sheet's state (or removing it, when `state` is null): its old row is cleared
 * and rewritten, or a new row is appended. Creates the hidden sheet when `stateSheet` is null.
 */
export async function queueStateWrite(
  ctx: Excel.RequestContext,
  budget: RequestBudget,
  stateSheet: Excel.Worksheet | null,
  store: StateStore,
  sheet: string,
  state: PaintState | null,
): Promise<void> {
  const oldRow = store.rowBySheet.get(sheet);
  if (state === null && oldRow === undefined) return;
  let lastRow = store.lastRow;
  let ws = stateSheet;
  if (ws === null) {
    ws = await budget.add(estimateBytes([NOTE, FORMAT_VERSION], 6), () => {
      const added = ctx.workbook.worksheets.add(STATE_SHEET);
      // Very hidden: it cannot be unhidden from the sheet tabs and edited by accident.
      added.visibility = 'VeryHidden';
      const head = added.getRange('A1:B1');
      head.numberFormat = [['@', 'General']];
      head.values = [[NOTE, FORMAT_VERSION]];
      return added;
    });
    lastRow = 1;
  }
  const target = ws;
  // Row 1 is the note and version (the xlsx adapter skips it), even on a sheet emptied by hand.
  const row = oldRow ?? Math.max(2, lastRow + 1);
  if (oldRow !== undefined) {
    await budget.add(estimateBytes(null, 2), () => {
      target.getRange(`${row}:${row}`).clear('Contents');
    });
  }
  if (state === null) return;

  const parts = [stateKey(sheet), ...chunks(encodeState(state), LIMITS.stateChunkChars)];
  for (let from = 0; from < parts.length; from += PARTS_PER_WRITE) {
    const values = [parts.slice(from, from + PARTS_PER_WRITE)];
    const width = (values[0] as string[]).length;
    const address = `${columnLetters(from + 1)}${row}:${columnLetters(from + width)}${row}`;
    await budget.add(estimateBytes(values, 3), () => {
      const range = target.getRange(address);
      // Text first, so a key or a JSON part starting with "=" or "-" is never read as a formula.
      range.numberFormat = [new Array<string>(width).fill('@')];
      range.values = values;
    });
  }
}
