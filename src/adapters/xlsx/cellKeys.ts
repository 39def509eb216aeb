import { columnLetters, columnNumber } from '../../core/grid';

/** Excel has 16,384 columns, so row * 16384 + (col - 1) numbers every cell uniquely and in order. */
const COLS = 16384;

/** A number for a 1-based Excel row and column, usable as a Map key. */
export function cellKey(row: number, col: number): number {
  return row * COLS + (col - 1);
}

export function keyRow(key: number): number {
  return Math.floor(key / COLS);
}

export function keyCol(key: number): number {
  return (key % COLS) + 1;
}

/** "B6:D9", or "B6" for a single cell; rows and columns 1-based. */
export function rangeRef(top: number, left: number, bottom: number, right: number): string {
  const tl = columnLetters(left) + String(top);
  return top === bottom && left === right ? tl : `${tl}:${columnLetters(right)}${String(bottom)}`;
}

/** Parses what rangeRef writes; null for anything else. */
export function parseRangeRef(
  ref: string,
): { top: number; left: number; bottom: number; right: number } | null {
  const m = /^([A-Z]{1,3})(\d{1,7})(?::([A-Z]{1,3})(\d{1,7}))?$/.exec(ref);
  if (!m || m[1] === undefined || m[2] === undefined) return null;
  const left = columnNumber(m[1]);
  const top = Number(m[2]);
  const right = m[3] === undefined ? left : columnNumber(m[3]);
  const bottom = m[4] === undefined ? top : Number(m[4]);
  if (bottom < top || right < left) return null;
  return { top, left, bottom, right };
}

/**
 * A map from cells to small integers (an index into a list of saved values, -1 for "none"),
 * stored as rectangles of equal values: a table whose cells had no fill is one rectangle.
 */
export type CellGroups = [number, string][];

export function encodeCellMap(map: ReadonlyMap<number, number>): CellGroups {
  const keys = [...map.keys()].sort((a, b) => a - b);
  // Horizontal runs first, then runs that continue a run of the row above grow downwards.
  interface Rect {
    top: number;
    bottom: number;
    left: number;
    right: number;
    value: number;
  }
  const done: Rect[] = [];
  let open = new Map<string, Rect>();
  let row = -1;
  let next = new Map<string, Rect>();
  const closeRow = (): void => {
    for (const [id, rect] of open) if (!next.has(id)) done.push(rect);
    open = next;
    next = new Map();
  };
  let i = 0;
  while (i < keys.length) {
    const k = keys[i] as number;
    const r = keyRow(k);
    if (r !== row) {
      if (row !== -1) {
        closeRow();
        // A gap of rows ends every open rectangle.
        if (r !== row + 1) closeRow();
      }
      row = r;
    }
    const value = map.get(k) as number;
    const left = keyCol(k);
    let right = left;
    i++;
    while (i < keys.length) {
      const k2 = keys[i] as number;
      if (keyRow(k2) !== r || keyCol(k2) !== right + 1 || map.get(k2) !== value) break;
      right++;
      i++;
    }
    const id = `${left}:${right}:${value}`;
    const above = open.get(id);
    if (above !== undefined) {
      above.bottom = r;
      next.set(id, above);
    } else {
      next.set(id, { top: r, bottom: r, left, right, value });
    }
  }
  closeRow();
  closeRow();
  done.sort((a, b) => a.top - b.top || a.left - b.left);
  return done.map((d) => [d.value, rangeRef(d.top, d.left, d.bottom, d.right)]);
}

export function decodeCellMap(groups: CellGroups): Map<number, number> {
  const map = new Map<number, number>();
  for (const [value, ref] of groups) {
    const r = parseRangeRef(ref);
    if (!r) continue;
    for (let row = r.top; row <= r.bottom; row++) {
      for (let col = r.left; col <= r.right; col++) map.set(cellKey(row, col), value);
    }
  }
  return map;
}
