import { columnLetters, columnNumber } from '../../core/grid';

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
 * A map from cells (1-based row and column) to small integers: an index into a list of saved
 * values, or -1 for "none". One small typed array per row, because a 50,000-row table would
 * otherwise mean a Map of 700,000 entries and most of the run spent collecting garbage.
 */
const MIN_ROW_CELLS = 16;

export class CellMap {
  // Per row, value + 2 per column (index col - 1), so 0 means "not in the map".
  private readonly rows = new Map<number, Int32Array>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  get(row: number, col: number): number | undefined {
    const v = this.rows.get(row)?.[col - 1];
    return v === undefined || v === 0 ? undefined : v - 2;
  }

  has(row: number, col: number): boolean {
    return this.get(row, col) !== undefined;
  }

  set(row: number, col: number, value: number): void {
    let cells = this.rows.get(row);
    if (cells === undefined || cells.length < col) {
      // Cells are mostly set left to right: start at 16 columns, then double, so that a row of a
      // table grows its array once or twice rather than once per power of two.
      const grown = new Int32Array(Math.max(col, cells ? cells.length * 2 : MIN_ROW_CELLS));
      if (cells) grown.set(cells);
      cells = grown;
      this.rows.set(row, cells);
    }
    if (cells[col - 1] === 0) this.count++;
    cells[col - 1] = value + 2;
  }

  delete(row: number, col: number): void {
    const cells = this.rows.get(row);
    if (cells === undefined || !cells[col - 1]) return;
    cells[col - 1] = 0;
    this.count--;
  }

  /** Calls back for every cell in row-major order. */
  forEach(visit: (row: number, col: number, value: number) => void): void {
    const rows = [...this.rows.keys()].sort((a, b) => a - b);
    for (const row of rows) {
      const cells = this.rows.get(row) as Int32Array;
      for (let c = 0; c < cells.length; c++) {
        const v = cells[c] as number;
        if (v !== 0) visit(row, c + 1, v - 2);
      }
    }
  }

  /** A copy with every value passed through `map`. */
  mapValues(map: (value: number) => number): CellMap {
    const out = new CellMap();
    this.forEach((row, col, v) => out.set(row, col, map(v)));
    return out;
  }
}

/** A CellMap stored as rectangles of equal values: a table whose cells had no fill is one rectangle. */
export type CellGroups = [number, string][];

/** `mapValue` is applied to each cell's value as it is read, in row-major order. */
export function encodeCellMap(
  map: CellMap,
  mapValue: (value: number) => number = (v) => v,
): CellGroups {
  interface Rect {
    top: number;
    bottom: number;
    left: number;
    right: number;
    value: number;
  }
  const done: Rect[] = [];
  // Rectangles reaching the previous row, by "left:right:value"; a run in the next row with the
  // same key grows them downwards, and those not continued are finished.
  let open = new Map<string, Rect>();
  let current = new Map<string, Rect>();
  let row = -1;
  let run: Rect | null = null;
  const endRun = (): void => {
    if (run === null) return;
    const id = `${run.left}:${run.right}:${run.value}`;
    const above = open.get(id);
    if (above !== undefined && above.bottom === run.top - 1) {
      above.bottom = run.top;
      current.set(id, above);
    } else {
      current.set(id, run);
    }
    run = null;
  };
  const endRow = (): void => {
    endRun();
    for (const [id, rect] of open) if (current.get(id) !== rect) done.push(rect);
    open = current;
    current = new Map();
  };
  map.forEach((r, c, stored) => {
    const value = mapValue(stored);
    if (r !== row) {
      if (row !== -1) endRow();
      row = r;
    }
    if (run !== null && run.right === c - 1 && run.value === value) {
      run.right = c;
      return;
    }
    endRun();
    run = { top: r, bottom: r, left: c, right: c, value };
  });
  endRow();
  endRow();
  done.sort((a, b) => a.top - b.top || a.left - b.left);
  return done.map((d) => [d.value, rangeRef(d.top, d.left, d.bottom, d.right)]);
}

export function decodeCellMap(groups: CellGroups): CellMap {
  const map = new CellMap();
  for (const [value, ref] of groups) {
    const r = parseRangeRef(ref);
    if (!r) continue;
    for (let row = r.top; row <= r.bottom; row++) {
      for (let col = r.left; col <= r.right; col++) map.set(row, col, value);
    }
  }
  return map;
}
