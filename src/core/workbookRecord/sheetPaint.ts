import { z } from 'zod';
import { decodeAreas, encodeAreas, type FillKey, type SavedFills } from './savedFills';

/**
 * What the adapter remembers of one sheet's paint, so it can be finished after a failure part way
 * and undone exactly: the user's fills (SavedFills), what the status column gets, where earlier
 * runs wrote, and what the column held when the run began. Rows and columns are 1-based Excel ones.
 */

/** What one run writes into the status column. */
export interface StatusWrite {
  readonly column: number;
  readonly headerTop: number;
  readonly headerBottom: number;
  /** True when the header is merged over headerTop..headerBottom. */
  readonly merged: boolean;
  /** True when the column's cells are formatted as text ("@"). */
  readonly textFormat: boolean;
  readonly header: string;
  /** Excel row of codes[0]. */
  readonly firstRow: number;
  /** One digit 0–5 per body row: the status code written there (0: left empty). */
  readonly codes: string;
  /** The label of each code; labels[0] is "". */
  readonly labels: readonly string[];
  /** True when the body is first written as one-letter codes, then replaced by the labels. */
  readonly letters: boolean;
  /**
   * True when rows were moved since this was written (see rebase.ts): which label stands in which
   * row is no longer known, so any of our texts may stand anywhere in the body.
   */
  readonly moved?: boolean;
}

/** Cells of a status column an earlier run wrote, with the header merge and text format it made. */
export interface Footprint {
  readonly column: number;
  readonly top: number;
  readonly bottom: number;
  readonly merge: { readonly top: number; readonly bottom: number } | null;
  readonly textFormat: boolean;
}

/**
 * The texts of part of a column when a run began; rows past the end of `idx` held "". Only our own
 * texts (labels, headers, letters) are kept: a cell that held anything else is kept as "some text
 * not ours" (null in `table`), which accepts any text there, so no user's words are ever stored.
 */
export interface Snapshot {
  readonly column: number;
  readonly top: number;
  /** Distinct texts; table[0] is "", null stands for any text not ours. */
  readonly table: readonly (string | null)[];
  /** One character per row from `top`: its text's index in `table` plus INDEX_BASE. */
  readonly idx: string;
}

/** What the record knows of the painted rows, so it can follow them when they move. */
export interface RowMemory {
  /** keysDigest of the body's keys when painted; "" in records from before rows had keys. */
  readonly digest: string;
  /** The table's first column when painted. */
  readonly left: number;
  /**
   * [body index, key] of the rows whose saved fills are not all "none": only those need finding
   * again, since a row that had no fill of its own gets none back wherever it went. A key that
   * several rows shared when painted ends in "*" and is never matched (see rebase.ts).
   */
  readonly keys: readonly (readonly [number, string])[];
  /** The fill painted for each status code (index 0, no status, is ""). */
  readonly colors: readonly FillKey[];
}

export interface PaintState extends SavedFills {
  readonly rows: RowMemory;
  /**
   * Fills exactly as one host holds them, by palette index, where the portable key loses
   * something (a theme colour, a gradient): the xlsx adapter restores these, others the key.
   */
  readonly exact?: Readonly<Record<string, unknown>>;
  readonly status: StatusWrite;
  /** Where earlier runs wrote; this run empties those cells where `status` does not write. */
  readonly earlier: readonly Footprint[];
  /** What the cells of `status` and `earlier` held when this run began (empty: nothing). */
  readonly before: readonly Snapshot[];
}

/**
 * Where a paint or a clear is, as one character before the record's JSON, so it changes by
 * writing one cell:
 * - P: a paint is under way (or stopped part way): each cell holds what `before` says, its new
 *   label, or that label's letter;
 * - R: the same status is being written again over a finished paint: label or letter;
 * - D: done: each cell of `status` holds its label;
 * - C: a clear of an R or D record is under way: label, letter or "";
 * - X: a clear of a P record is under way: anything P allows, or "".
 */
export type Phase = 'P' | 'R' | 'D' | 'C' | 'X';

export interface PhaseRules {
  /** `earlier` and `before` still apply: the run that wrote `status` may not have finished. */
  readonly earlier: boolean;
  /** Letters may stand where labels go. */
  readonly letters: boolean;
  /** "" may stand anywhere (a clear may have emptied it). */
  readonly empty: boolean;
}

export const PHASES: Readonly<Record<Phase, PhaseRules>> = {
  P: { earlier: true, letters: true, empty: false },
  R: { earlier: false, letters: true, empty: false },
  D: { earlier: false, letters: false, empty: false },
  C: { earlier: false, letters: true, empty: true },
  X: { earlier: true, letters: true, empty: true },
};

export function isPhase(c: string): c is Phase {
  return c.length === 1 && 'PRDCX'.includes(c);
}

/** The temporary one-letter codes the body is written with before replaceAll makes them labels. */
export const LETTERS = ['', 'a', 'b', 'c', 'd', 'e'] as const;

export function lastBodyRow(w: StatusWrite): number {
  return w.firstRow + w.codes.length - 1;
}

export function footprintOf(w: StatusWrite): Footprint {
  return {
    column: w.column,
    top: Math.min(w.headerTop, w.firstRow),
    bottom: Math.max(w.headerBottom, lastBodyRow(w)),
    merge: w.merged ? { top: w.headerTop, bottom: w.headerBottom } : null,
    textFormat: w.textFormat,
  };
}

/** The text `w` leaves in (row, column): "" wherever it writes nothing. */
export function writtenAt(w: StatusWrite, column: number, row: number): string {
  if (column !== w.column) return '';
  if (row === w.headerTop) return w.header;
  const i = row - w.firstRow;
  if (i < 0 || i >= w.codes.length) return '';
  return w.labels[w.codes.charCodeAt(i) - 48] ?? '';
}

/** The letter `w` writes in (row, column) before its label, or null where it writes none. */
export function letterAt(w: StatusWrite, column: number, row: number): string | null {
  if (!w.letters || column !== w.column) return null;
  const i = row - w.firstRow;
  if (i < 0 || i >= w.codes.length) return null;
  const code = w.codes.charCodeAt(i) - 48;
  return code > 0 ? (LETTERS[code] ?? null) : null;
}

/** Index characters start at "0", so they need no escaping in JSON. */
export const INDEX_BASE = 0x30;

/**
 * A snapshot of `texts` (row `top` onwards) in `column`, keeping only texts in `ours`; trailing
 * empty cells are not stored.
 */
export function makeSnapshot(
  column: number,
  top: number,
  texts: readonly string[],
  ours: ReadonlySet<string>,
): Snapshot {
  let end = texts.length;
  while (end > 0 && texts[end - 1] === '') end--;
  const table: (string | null)[] = [''];
  const index = new Map<string | null, number>([['', 0]]);
  const chars: string[] = [];
  for (let i = 0; i < end; i++) {
    const t = texts[i] as string;
    const kept = t === '' || ours.has(t) ? t : null;
    let k = index.get(kept);
    if (k === undefined) {
      k = table.length;
      table.push(kept);
      index.set(kept, k);
    }
    chars.push(String.fromCharCode(INDEX_BASE + k));
  }
  return { column, top, table, idx: chars.join('') };
}

/** Our own texts in a write: its header, labels and letters. */
export function textsOf(w: StatusWrite): string[] {
  return [w.header, ...w.labels, ...(w.letters ? LETTERS : [])];
}

/**
 * The text a snapshot kept for (row, column): undefined where none covers it, null where the cell
 * held a text not ours.
 */
export function snapshotAt(
  snaps: readonly Snapshot[],
  column: number,
  row: number,
): string | null | undefined {
  for (const s of snaps) {
    if (s.column !== column || row < s.top) continue;
    const i = row - s.top;
    if (i >= s.idx.length) return '';
    const t = s.table[s.idx.charCodeAt(i) - INDEX_BASE];
    return t === undefined ? '' : t;
  }
  return undefined;
}

/** Two writes leave the same cells, merge and format. */
export function sameWrite(a: StatusWrite, b: StatusWrite): boolean {
  return (
    a.column === b.column &&
    a.headerTop === b.headerTop &&
    a.headerBottom === b.headerBottom &&
    a.merged === b.merged &&
    a.textFormat === b.textFormat &&
    a.header === b.header &&
    a.firstRow === b.firstRow &&
    a.codes === b.codes &&
    a.letters === b.letters &&
    a.moved === b.moved &&
    a.labels.length === b.labels.length &&
    a.labels.every((l, i) => l === b.labels[i])
  );
}

/** Codes two to a character ("0"–"9", "a"–"z" for 0–35): status codes are 0–5. */
const PAIRS = '0123456789abcdefghijklmnopqrstuvwxyz';

function packCodes(codes: string): string {
  let out = '';
  for (let i = 0; i < codes.length; i += 2) {
    const a = codes.charCodeAt(i) - 48;
    const b = i + 1 < codes.length ? codes.charCodeAt(i + 1) - 48 : 0;
    out += PAIRS[a * 6 + b];
  }
  return out;
}

function unpackCodes(packed: string, n: number): string | null {
  if (packed.length !== Math.ceil(n / 2)) return null;
  let out = '';
  for (let i = 0; i < packed.length; i++) {
    const v = PAIRS.indexOf(packed[i] as string);
    if (v < 0) return null;
    out += String(Math.floor(v / 6)) + String(v % 6);
  }
  return out.slice(0, n);
}

const int = z.number().int();

/**
 * The paint record as stored (JSON after its phase letter), one versioned schema: version 2 was
 * the Office adapter's own record; 3, written by every host, adds `w` (RowMemory) and `x` (exact
 * fills). A record that does not parse is treated as no record, never guessed at.
 */
const StoredWriteSchema = z.object({
  c: int,
  h: z.tuple([int, int]),
  m: z.boolean().optional(),
  t: z.boolean().optional(),
  x: z.boolean().optional(),
  head: z.string(),
  f: int,
  n: int.min(0),
  k: z.string(),
  l: z.array(z.string()).length(LETTERS.length),
  /** moved (see StatusWrite). */
  y: z.boolean().optional(),
});

const StoredRowsSchema = z.object({
  d: z.string(),
  l: int,
  k: z.array(z.tuple([int, z.string()])),
  o: z.array(z.string()),
});

/** A footprint as [column, top, bottom, mergeTop, mergeBottom, textFormat]; 0s for no merge. */
const StoredFootprintSchema = z.tuple([
  int,
  int,
  int,
  int,
  int,
  z.union([z.literal(0), z.literal(1)]),
]);

const StoredSnapshotSchema = z.object({
  c: int,
  r: int,
  t: z.array(z.string().nullable()),
  i: z.string(),
});

const StoredStateSchema = z.object({
  v: z.union([z.literal(2), z.literal(3)]),
  w: StoredRowsSchema.optional(),
  x: z.record(z.string(), z.unknown()).optional(),
  s: StoredWriteSchema,
  e: z.array(StoredFootprintSchema),
  b: z.array(StoredSnapshotSchema),
  p: z.array(z.string()),
  a: z.array(z.unknown()),
});

type StoredState = z.infer<typeof StoredStateSchema>;

/** Serialises a sheet's state: codes two to a character, fills and snapshots compactly. */
export function encodeState(s: PaintState): string {
  const w = s.status;
  const stored: StoredState = {
    v: 3,
    w: {
      d: s.rows.digest,
      l: s.rows.left,
      k: s.rows.keys.map(([i, k]) => [i, k]),
      o: [...s.rows.colors],
    },
    ...(s.exact ? { x: { ...s.exact } } : {}),
    s: {
      c: w.column,
      h: [w.headerTop, w.headerBottom],
      m: w.merged,
      t: w.textFormat,
      x: w.letters,
      head: w.header,
      f: w.firstRow,
      n: w.codes.length,
      k: packCodes(w.codes),
      l: [...w.labels],
      ...(w.moved === true ? { y: true } : {}),
    },
    e: s.earlier.map((f) => [
      f.column,
      f.top,
      f.bottom,
      f.merge?.top ?? 0,
      f.merge?.bottom ?? 0,
      f.textFormat ? 1 : 0,
    ]),
    b: s.before.map((b) => ({ c: b.column, r: b.top, t: [...b.table], i: b.idx })),
    p: [...s.palette],
    a: encodeAreas(s.areas),
  };
  return JSON.stringify(stored);
}

function decodeWrite(w: StoredState['s']): StatusWrite | null {
  const codes = unpackCodes(w.k, w.n);
  if (codes === null || !/^[0-5]*$/.test(codes)) return null;
  return {
    column: w.c,
    headerTop: w.h[0],
    headerBottom: w.h[1],
    merged: w.m === true,
    textFormat: w.t === true,
    letters: w.x === true,
    ...(w.y === true ? { moved: true } : {}),
    header: w.head,
    firstRow: w.f,
    codes,
    labels: w.l,
  };
}

function decodeFootprint([
  column,
  top,
  bottom,
  mTop,
  mBottom,
  text,
]: StoredState['e'][number]): Footprint {
  return {
    column,
    top,
    bottom,
    merge: mTop > 0 ? { top: mTop, bottom: mBottom } : null,
    textFormat: text === 1,
  };
}

/** A snapshot whose indices all point into its table, which starts with ""; else null. */
function decodeSnapshot(b: StoredState['b'][number]): Snapshot | null {
  if (b.t[0] !== '') return null;
  for (let i = 0; i < b.i.length; i++) {
    const k = b.i.charCodeAt(i) - INDEX_BASE;
    if (k < 0 || k >= b.t.length) return null;
  }
  return { column: b.c, top: b.r, table: b.t, idx: b.i };
}

/**
 * Reads a state written by encodeState; null when the text is not one (hand-edited, truncated, or
 * from a version we do not know), so the caller treats the sheet as never painted rather than crash.
 */
export function decodeState(text: string): PaintState | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = StoredStateSchema.safeParse(raw);
  if (!parsed.success) return null;
  const s = parsed.data;
  const status = decodeWrite(s.s);
  const before = s.b.map(decodeSnapshot);
  const areas = decodeAreas(s.a, s.p.length);
  if (!status || !areas || before.includes(null)) return null;
  let rows: RowMemory;
  if (s.v === 3) {
    if (s.w === undefined) return null;
    rows = { digest: s.w.d, left: s.w.l, keys: s.w.k, colors: s.w.o };
  } else rows = legacyRows(status, areas);
  return {
    rows,
    ...(s.v === 3 && s.x !== undefined ? { exact: s.x } : {}),
    status,
    earlier: s.e.map(decodeFootprint),
    before: before as Snapshot[],
    palette: s.p,
    areas,
  };
}

/** A version 2 record knew no keys: its rows are where it says, or it does not fit at all. */
function legacyRows(status: StatusWrite, areas: readonly { rect: { left: number } }[]): RowMemory {
  const left = Math.min(status.column, ...areas.map((a) => a.rect.left));
  return { digest: '', left, keys: [], colors: [] };
}
