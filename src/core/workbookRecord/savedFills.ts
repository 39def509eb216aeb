import { rectCells, type Rect } from './cellRect';

/**
 * A cell's fill as one string: "" for no fill, "#RRGGBB" for a solid fill, and
 * "#RRGGBB|Pattern|#RRGGBB" (colour, pattern, pattern colour) for a patterned one.
 */
export type FillKey = string;

export const NO_FILL: FillKey = '';

/** The fills of every cell of `rect`, row by row, as indices into the state's palette. */
export interface SavedArea {
  readonly rect: Rect;
  readonly cells: Int32Array;
}

/** The user's own fills under every cell a paint may cover, as indices into a palette. */
export interface SavedFills {
  readonly palette: readonly FillKey[];
  readonly areas: readonly SavedArea[];
}

/** The fill key of what Excel reports for a cell or a uniform range; null when not uniform. */
export function fillKey(
  color: string | null | undefined,
  pattern: string | null | undefined,
  patternColor?: string | null,
): FillKey | null {
  if (pattern === null || pattern === undefined) return null;
  if (pattern === 'None') return NO_FILL;
  if (color === null || color === undefined) return null;
  const c = color.toUpperCase();
  if (pattern === 'Solid') return c;
  if (patternColor === null || patternColor === undefined) return null;
  return `${c}|${pattern}|${patternColor.toUpperCase()}`;
}

/** Splits a fill key back into what Excel's RangeFill takes. */
export function parseFillKey(
  key: FillKey,
): { color: string; pattern: string; patternColor?: string } | null {
  // Keys not starting with "#" stand for fills only one host can restore exactly, and what follows
  // a "~" tells apart fills one host holds differently but others show alike (see fillKeys.ts).
  if (key === NO_FILL || !key.startsWith('#')) return null;
  const [color = '', pattern = 'Solid', patternColor] = (key.split('~')[0] ?? '').split('|');
  return patternColor === undefined ? { color, pattern } : { color, pattern, patternColor };
}

/** Interns fill keys into a palette shared by one sheet's saved areas. */
export class Palette {
  private readonly index = new Map<FillKey, number>();
  readonly keys: FillKey[] = [];

  constructor(initial: readonly FillKey[] = []) {
    for (const k of initial) this.of(k);
  }

  of(key: FillKey): number {
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.keys.length;
      this.keys.push(key);
      this.index.set(key, i);
    }
    return i;
  }
}

/** A saved area as stored: its rectangle and its cells run-length encoded. */
export interface StoredArea {
  /** [top, left, bottom, right] */
  readonly r: [number, number, number, number];
  /** Run-length pairs [paletteIndex, count, paletteIndex, count, …] over the cells row by row. */
  readonly f: number[];
}

function runLength(cells: Int32Array): number[] {
  const out: number[] = [];
  let i = 0;
  while (i < cells.length) {
    const v = cells[i] as number;
    let j = i + 1;
    while (j < cells.length && cells[j] === v) j++;
    out.push(v, j - i);
    i = j;
  }
  return out;
}

/** Saved areas compactly: user fills are mostly long runs of the same fill. */
export function encodeAreas(areas: readonly SavedArea[]): StoredArea[] {
  return areas.map((a) => ({
    r: [a.rect.top, a.rect.left, a.rect.bottom, a.rect.right],
    f: runLength(a.cells),
  }));
}

export const isInt = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x);

/**
 * Reads areas written by encodeAreas against a palette of `paletteSize` keys; null when they are
 * not (hand-edited, truncated), so the caller treats the record as unreadable rather than guess.
 */
export function decodeAreas(raw: unknown, paletteSize: number): SavedArea[] | null {
  if (!Array.isArray(raw)) return null;
  const areas: SavedArea[] = [];
  for (const a of raw as Partial<StoredArea>[]) {
    if (!Array.isArray(a?.r) || a.r.length !== 4 || !a.r.every(isInt) || !Array.isArray(a.f)) {
      return null;
    }
    const [top, left, bottom, right] = a.r;
    if (top < 1 || left < 1 || bottom < top || right < left) return null;
    const rect: Rect = { top, left, bottom, right };
    const n = rectCells(rect);
    const cells = new Int32Array(n);
    let at = 0;
    for (let i = 0; i + 1 < a.f.length; i += 2) {
      const v = a.f[i];
      const count = a.f[i + 1];
      if (!isInt(v) || !isInt(count) || v < 0 || v >= paletteSize || at + count > n) return null;
      cells.fill(v, at, at + count);
      at += count;
    }
    if (at !== n) return null;
    areas.push({ rect, cells });
  }
  return areas;
}

/** The saved fill key of cell (row, col), or undefined when no saved area covers it. */
export function savedFillAt(state: SavedFills, row: number, col: number): FillKey | undefined {
  for (const a of state.areas) {
    const { top, left, bottom, right } = a.rect;
    if (row < top || row > bottom || col < left || col > right) continue;
    const i = a.cells[(row - top) * (right - left + 1) + (col - left)];
    return i === undefined ? undefined : state.palette[i];
  }
  return undefined;
}

/**
 * Groups cells into rectangles of one fill each: per row, runs of equal fill across the columns
 * `cols` allows; runs repeated on the next row extend the rectangle above. This keeps restore
 * addresses few when the user's fills are tidy (banded rows, coloured columns, none at all).
 */
export function fillRects(
  state: SavedFills,
  /** Which columns of `row` to take, as inclusive [from, to] pairs; empty for none. */
  cols: (row: number, area: Rect) => readonly (readonly [number, number])[],
): Map<FillKey, Rect[]> {
  const out = new Map<FillKey, Rect[]>();
  const emit = (key: FillKey, r: Rect): void => {
    const list = out.get(key);
    if (list) list.push(r);
    else out.set(key, [r]);
  };
  for (const area of state.areas) {
    const { top, left, bottom, right } = area.rect;
    const width = right - left + 1;
    // Open rectangles keyed by "left:right:paletteIndex", extended while the next row repeats them.
    let open = new Map<string, { rect: Rect; key: number }>();
    for (let row = top; row <= bottom; row++) {
      const next = new Map<string, { rect: Rect; key: number }>();
      for (const [from, to] of cols(row, area.rect)) {
        let c = Math.max(from, left);
        const end = Math.min(to, right);
        while (c <= end) {
          const k = area.cells[(row - top) * width + (c - left)] as number;
          let d = c;
          while (d + 1 <= end && area.cells[(row - top) * width + (d + 1 - left)] === k) d++;
          const id = `${c}:${d}:${k}`;
          const prev = open.get(id);
          const rect = prev
            ? { ...prev.rect, bottom: row }
            : { top: row, bottom: row, left: c, right: d };
          open.delete(id);
          next.set(id, { rect, key: k });
          c = d + 1;
        }
      }
      for (const o of open.values()) emit(state.palette[o.key] ?? NO_FILL, o.rect);
      open = next;
    }
    for (const o of open.values()) emit(state.palette[o.key] ?? NO_FILL, o.rect);
  }
  return out;
}
