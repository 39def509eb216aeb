import { columnLetters } from '../../core/grid';
import { isPayloadError } from './errors';
import {
  footprintOf,
  letterAt,
  LETTERS,
  makeSnapshot,
  PHASES,
  snapshotAt,
  writtenAt,
  type Footprint,
  type PaintState,
  type Phase,
  type Snapshot,
  type StatusWrite,
} from '../../core/workbookRecord/sheetPaint';
import { LIMITS, utf8Length } from './requestBudget';

/** Rows of one column to read. */
interface Span {
  readonly column: number;
  readonly top: number;
  readonly bottom: number;
}

/** The rows of each column to read: one span per column, covering everything asked for it. */
export class ColumnRegions {
  private readonly spans = new Map<number, Span>();

  add(f: { readonly column: number; readonly top: number; readonly bottom: number }): this {
    if (f.bottom < f.top) return this;
    const s = this.spans.get(f.column);
    this.spans.set(
      f.column,
      s
        ? { column: f.column, top: Math.min(s.top, f.top), bottom: Math.max(s.bottom, f.bottom) }
        : { column: f.column, top: f.top, bottom: f.bottom },
    );
    return this;
  }

  get empty(): boolean {
    return this.spans.size === 0;
  }

  list(): Span[] {
    return [...this.spans.values()];
  }
}

/** The texts read from some columns: "" for an empty cell, else what Excel shows as the value. */
export class ColumnTexts {
  constructor(private readonly columns: ReadonlyMap<number, { top: number; texts: string[] }>) {}

  /** The text of (row, column), or undefined when it was not read. */
  at(column: number, row: number): string | undefined {
    const c = this.columns.get(column);
    if (!c) return undefined;
    return c.texts[row - c.top];
  }
}

/** Office.js gives a cell's value as a string, number or boolean ("" when the cell is empty). */
function textOf(v: unknown): string {
  if (typeof v === 'string') return v;
  return typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
}

/**
 * Reads the values of `regions`, in blocks of up to 5,000 rows, as many per sync as fit the
 * response budget at `bytesPerRow`, halving the blocks when Excel finds an answer too large.
 */
export async function readColumns(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  regions: ColumnRegions,
  bytesPerRow: number,
): Promise<ColumnTexts> {
  const out = new Map<number, { top: number; texts: string[] }>();
  let blockRows: number = LIMITS.blockRows;
  let maxBytes: number = LIMITS.responseBytes;
  let pending: Span[] = [];
  for (const s of regions.list()) {
    out.set(s.column, { top: s.top, texts: new Array<string>(s.bottom - s.top + 1).fill('') });
    pending.push(s);
  }
  const split = (spans: Span[]): Span[] =>
    spans.flatMap((s) => {
      const parts: Span[] = [];
      for (let top = s.top; top <= s.bottom; top += blockRows) {
        parts.push({ column: s.column, top, bottom: Math.min(s.bottom, top + blockRows - 1) });
      }
      return parts;
    });
  pending = split(pending);
  while (pending.length > 0) {
    const group: Span[] = [];
    let bytes = 0;
    for (const s of pending) {
      const b = (s.bottom - s.top + 1) * bytesPerRow;
      if (group.length > 0 && bytes + b > maxBytes) break;
      group.push(s);
      bytes += b;
    }
    const ranges = group.map((s) => {
      const col = columnLetters(s.column);
      const range = ws.getRange(`${col}${s.top}:${col}${s.bottom}`);
      range.load('values');
      return range;
    });
    try {
      // As many blocks per sync as fit the response budget, halved only when Excel refuses the
      // answer: the loop is the documented block read, never a sync per row.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (e) {
      const rows = Math.max(...group.map((s) => s.bottom - s.top + 1));
      if (!isPayloadError(e) || (group.length === 1 && rows === 1)) throw e;
      // Half the answer next time: fewer rows per sync, and blocks no longer than that.
      maxBytes = Math.max(bytesPerRow, Math.floor(bytes / 2));
      blockRows = Math.max(1, Math.min(Math.floor(rows / 2), Math.floor(maxBytes / bytesPerRow)));
      pending = split(pending);
      continue;
    }
    group.forEach((s, g) => {
      const c = out.get(s.column) as { top: number; texts: string[] };
      const values = (ranges[g] as Excel.Range).values;
      for (let i = 0; i < values.length; i++) c.texts[s.top - c.top + i] = textOf(values[i]?.[0]);
    });
    pending = pending.slice(group.length);
  }
  return new ColumnTexts(out);
}

/**
 * Estimated response bytes per row of reading the status column of `writes`: the average of the
 * labels they leave there (a values row is the label's JSON and 3 more), with a quarter to spare.
 * A wrong guess costs a halving, not a failure.
 */
export function bytesPerRow(writes: readonly StatusWrite[]): number {
  let total = 0;
  let rows = 0;
  for (const w of writes) {
    const sizes = w.labels.map((l) => utf8Length(JSON.stringify(l)) + 3);
    const counts = new Array<number>(sizes.length).fill(0);
    for (let i = 0; i < w.codes.length; i++) {
      const k = w.codes.charCodeAt(i) - 48;
      counts[k] = (counts[k] ?? 0) + 1;
    }
    counts.forEach((n, k) => (total += n * (sizes[k] ?? 8)));
    rows += w.codes.length;
  }
  return Math.max(8, Math.ceil((rows === 0 ? 8 : total / rows) * 1.25));
}

/** The footprints a record's check covers in its phase: its write, and earlier ones while unfinished. */
export function checkedFootprints(state: PaintState, phase: Phase): Footprint[] {
  const own = footprintOf(state.status);
  return PHASES[phase].earlier ? [own, ...state.earlier] : [own];
}

/**
 * True when the status column still holds what the record says it may hold in its phase (see
 * Phase). If someone inserted or deleted rows or columns, or typed over the column, the record's
 * addresses no longer point at the cells we painted, and restoring fills there would damage the
 * user's cells: then the record no longer fits the sheet.
 */
export function inPlace(state: PaintState, phase: Phase, texts: ColumnTexts): boolean {
  const rules = PHASES[phase];
  const w = state.status;
  for (const f of checkedFootprints(state, phase)) {
    for (let row = f.top; row <= f.bottom; row++) {
      const actual = texts.at(f.column, row);
      if (actual === undefined) return false;
      if (actual === writtenAt(w, f.column, row)) continue;
      if (rules.empty && actual === '') continue;
      if (w.moved === true && row >= w.firstRow && ourBodyText(w, actual)) continue;
      if (rules.letters && actual === letterAt(w, f.column, row)) continue;
      if (rules.earlier) {
        const was = snapshotAt(state.before, f.column, row);
        if (was === null || actual === (was ?? '')) continue;
      }
      return false;
    }
  }
  return true;
}

/**
 * Snapshots of what `footprints` hold now, one per column (all their rows must have been read),
 * keeping only the texts in `ours`.
 */
export function snapshotsOf(
  texts: ColumnTexts,
  footprints: readonly Footprint[],
  ours: ReadonlySet<string>,
): Snapshot[] {
  const regions = new ColumnRegions();
  for (const f of footprints) regions.add(f);
  return regions.list().map((s) => {
    const values: string[] = [];
    for (let row = s.top; row <= s.bottom; row++) values.push(texts.at(s.column, row) ?? '');
    return makeSnapshot(s.column, s.top, values, ours);
  });
}

/** After rows moved, any of a write's body texts may stand in any body row (see rebase.ts). */
function ourBodyText(w: StatusWrite, text: string): boolean {
  return text === '' || w.labels.includes(text) || (LETTERS as readonly string[]).includes(text);
}
