import { chunkText } from '../../core/chunkText';
import { columnLetters } from '../../core/grid';
import { STATE_SHEET } from '../../core/ownSheets';
import { parseRangeAddress } from '../../core/workbookRecord/cellRect';
import {
  decodeState,
  encodeState,
  isPhase,
  type PaintState,
  type Phase,
} from '../../core/workbookRecord/sheetPaint';
import { estimateBytes, LIMITS, type RequestBudget, type Work } from './requestBudget';

/**
 * The very hidden sheet "_tricolor", laid out as the xlsx adapter lays it out so the two never
 * damage each other's records: row 1 holds a note (A1) and the format version (B1); every later
 * row is one record, its key in column A and its text split over columns B, C, … Rows with keys we
 * do not know are never touched.
 *
 * Our record's text is one phase letter (see Phase) followed by the JSON of a PaintState. We write
 * the letter alone in column B, so a paint or a clear moves to its next phase by writing one cell;
 * the xlsx adapter, which rewrites the sheet joining and re-splitting each record's text, keeps it.
 *
 * Records are never rewritten in place. A new one goes below every used row, its key last, so a
 * request that stops part way leaves either the whole record or a row with no key (which nobody
 * reads); older records of the sheet are removed only once the run that replaces them is done. The
 * newest record is therefore the lowest one, which is also the one the xlsx adapter keeps when it
 * finds a key twice.
 */
const NOTE = '三色督办 Tricolor: saved fills and settings. Do not edit. 请勿修改。';
const FORMAT_VERSION = 1;
/** Both adapters key a sheet's paint record so; "office:paint:" is this adapter's old key, still read. */
const KEY_PREFIX = 'paint:';
const LEGACY_PREFIX = 'office:paint:';
/** Column of a record's first text part: its phase letter when we wrote it. */
const FIRST_COLUMN = 2;

export function stateKey(sheet: string): string {
  return KEY_PREFIX + sheet;
}

/** One readable record of a painted sheet. */
export interface SheetRecord {
  readonly row: number;
  readonly phase: Phase;
  readonly state: PaintState;
  /** Column B as stored: the phase letter, and the start of the JSON if the xlsx adapter joined them. */
  readonly first: string;
}

export interface SheetRecords {
  /** The newest readable record, or null when none is readable. */
  readonly current: SheetRecord | null;
  /** Every row keyed for the sheet, readable or not. */
  readonly rows: readonly number[];
}

export interface StateStore {
  readonly sheets: ReadonlyMap<string, SheetRecords>;
  /** The last used row of the hidden sheet (0 when empty): new records go below it. */
  readonly lastRow: number;
}

export const EMPTY_STORE: StateStore = { sheets: new Map(), lastRow: 0 };

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
  const rows = new Map<string, number[]>();
  const current = new Map<string, SheetRecord>();
  used.values.forEach((row, i) => {
    const excelRow = rect.top + i;
    const key: unknown = row[0];
    if (excelRow === 1 || typeof key !== 'string') return;
    const prefix = [KEY_PREFIX, LEGACY_PREFIX].find((p) => key.startsWith(p));
    if (prefix === undefined) return;
    const sheet = key.slice(prefix.length);
    rows.set(sheet, [...(rows.get(sheet) ?? []), excelRow]);
    let text = '';
    for (let c = 1; c < row.length; c++) {
      const part: unknown = row[c];
      if (typeof part === 'string') text += part;
    }
    const phase = text.charAt(0);
    const state = isPhase(phase) ? decodeState(text.slice(1)) : null;
    const firstPart: unknown = row[FIRST_COLUMN - 1];
    if (state && isPhase(phase) && typeof firstPart === 'string') {
      current.set(sheet, { row: excelRow, phase, state, first: firstPart });
    }
  });
  const sheets = new Map<string, SheetRecords>();
  for (const [sheet, list] of rows) {
    sheets.set(sheet, { current: current.get(sheet) ?? null, rows: list });
  }
  return { sheets, lastRow: rect.bottom };
}

/** Every record on the hidden sheet, whatever its key: its newest text and the rows holding it. */
export interface AllRecords {
  readonly texts: ReadonlyMap<string, string>;
  readonly rows: ReadonlyMap<string, readonly number[]>;
  /** The last used row (0 when empty): new records go below it. */
  readonly lastRow: number;
}

export function parseAllRecords(used: Excel.Range | null): AllRecords {
  const texts = new Map<string, string>();
  const rows = new Map<string, number[]>();
  if (used === null || used.isNullObject) return { texts, rows, lastRow: 0 };
  const rect = parseRangeAddress(used.address);
  if (!rect || rect.left !== 1) return { texts, rows, lastRow: rect?.bottom ?? 0 };
  used.values.forEach((row, i) => {
    const excelRow = rect.top + i;
    const key: unknown = row[0];
    if (excelRow === 1 || typeof key !== 'string' || key === '') return;
    let text = '';
    for (let c = 1; c < row.length; c++) {
      const part: unknown = row[c];
      if (typeof part === 'string') text += part;
    }
    // The newest record of a key is the lowest: records are never rewritten in place.
    texts.set(key, text);
    rows.set(key, [...(rows.get(key) ?? []), excelRow]);
  });
  return { texts, rows, lastRow: rect.bottom };
}

/**
 * Queues a whole record of any key in `row` (below every used row): the hidden sheet first when
 * `create`, then its text from column B in parts, and the key last, so a request that stops part
 * way leaves a row nobody reads.
 */
export async function queueTextRecord(
  context: Excel.RequestContext,
  budget: RequestBudget,
  create: boolean,
  row: number,
  key: string,
  text: string,
  tag: string,
): Promise<void> {
  if (create) await queueCreate(context, budget, tag);
  const parts = chunkText(text, LIMITS.stateChunkChars);
  if (parts.length > 0) await budget.addWork(partsWork(context, row, FIRST_COLUMN, parts), tag);
  await queueText(context, budget, `A${row}`, key, tag);
}

/** The hidden sheet, looked up afresh inside each piece of work (see RequestBudget). */
function hidden(context: Excel.RequestContext): Excel.Worksheet {
  return context.workbook.worksheets.getItem(STATE_SHEET);
}

/** Writes one text cell of the hidden sheet, formatted as text so nothing in it becomes a formula. */
async function queueText(
  context: Excel.RequestContext,
  budget: RequestBudget,
  address: string,
  text: string,
  tag: string,
): Promise<void> {
  await budget.add(
    estimateBytes([address, text], 3),
    () => {
      const range = hidden(context).getRange(address);
      range.numberFormat = [['@']];
      range.values = [[text]];
    },
    tag,
  );
}

/**
 * Queues writing a new record in `row` (below every used row): the hidden sheet first when
 * `create`, then the JSON parts, the phase letter and, last, the key.
 */
export async function queueRecordWrite(
  context: Excel.RequestContext,
  budget: RequestBudget,
  create: boolean,
  row: number,
  sheet: string,
  phase: Phase,
  state: PaintState,
  tag: string,
): Promise<void> {
  if (create) await queueCreate(context, budget, tag);
  const parts = chunkText(encodeState(state), LIMITS.stateChunkChars);
  if (parts.length > 0) await budget.addWork(partsWork(context, row, FIRST_COLUMN + 1, parts), tag);
  await queueText(context, budget, `${columnLetters(FIRST_COLUMN)}${row}`, phase, tag);
  await queueText(context, budget, `A${row}`, stateKey(sheet), tag);
}

/** Writing a record's parts into one row from `column`, as one range; halves when refused. */
function partsWork(
  context: Excel.RequestContext,
  row: number,
  column: number,
  parts: string[],
): Work {
  const work: Work = {
    bytes: estimateBytes(parts, 3),
    queue: () => {
      const last = columnLetters(column + parts.length - 1);
      const range = hidden(context).getRange(`${columnLetters(column)}${row}:${last}${row}`);
      range.numberFormat = [parts.map(() => '@')];
      range.values = [parts];
    },
  };
  if (parts.length < 2) return work;
  const half = Math.ceil(parts.length / 2);
  return {
    ...work,
    split: () => [
      partsWork(context, row, column, parts.slice(0, half)),
      partsWork(context, row, column + half, parts.slice(half)),
    ],
  };
}

/** Queues adding the hidden sheet with its note and format version. */
async function queueCreate(
  context: Excel.RequestContext,
  budget: RequestBudget,
  tag: string,
): Promise<void> {
  await budget.add(
    estimateBytes([NOTE, FORMAT_VERSION], 6),
    () => {
      const added = context.workbook.worksheets.add(STATE_SHEET);
      // Very hidden: it cannot be unhidden from the sheet tabs and edited by accident.
      added.visibility = 'VeryHidden';
      const head = added.getRange('A1:B1');
      head.numberFormat = [['@', 'General']];
      head.values = [[NOTE, FORMAT_VERSION]];
    },
    tag,
  );
}

/** Queues moving a record to another phase: column B becomes `first` (the letter, then the rest). */
export async function queuePhase(
  context: Excel.RequestContext,
  budget: RequestBudget,
  row: number,
  first: string,
  tag: string,
): Promise<void> {
  await queueText(context, budget, `${columnLetters(FIRST_COLUMN)}${row}`, first, tag);
}

/** Queues emptying whole record rows. */
export async function queueDropRows(
  context: Excel.RequestContext,
  budget: RequestBudget,
  rows: readonly number[],
  tag: string,
): Promise<void> {
  for (const row of rows) {
    await budget.add(
      estimateBytes(null, 2),
      () => hidden(context).getRange(`${row}:${row}`).clear('Contents'),
      tag,
    );
  }
}

/** Queues removing a hidden sheet this run created (Excel deletes no very hidden sheet). */
export function queueRemoveStateSheet(context: Excel.RequestContext): void {
  const ws = hidden(context);
  ws.visibility = 'Hidden';
  ws.delete();
}
