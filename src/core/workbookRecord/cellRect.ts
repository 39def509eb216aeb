import { columnLetters, columnNumber } from '../grid';

/**
 * A rectangle of Excel cells in 1-based Excel rows and columns, inclusive. The adapter works in
 * these (not grid indices) because saved state must survive the grid's origin moving.
 */
export interface Rect {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** "B3:N9", or "B3" for a single cell; no sheet name, as getRange and getRanges want it. */
export function rectAddress(r: Rect): string {
  const tl = columnLetters(r.left) + String(r.top);
  if (r.top === r.bottom && r.left === r.right) return tl;
  return `${tl}:${columnLetters(r.right)}${String(r.bottom)}`;
}

/** "C" → the address of a whole column, "C:C". */
export function columnAddress(col: number): string {
  const l = columnLetters(col);
  return `${l}:${l}`;
}

/**
 * Parses what Excel reports as an address: "Sheet1!B3:N9", "'My sheet'!A1", "A1". The A1 part never
 * holds a "!", so everything up to the last one is the sheet name, whatever characters it uses.
 * Whole rows ("3:5") and columns ("B:D") are not expected here and give null.
 */
export function parseRangeAddress(address: string): Rect | null {
  const bang = address.lastIndexOf('!');
  const a1 = (bang >= 0 ? address.slice(bang + 1) : address).trim().replace(/\$/g, '');
  const m = /^([A-Za-z]{1,3})(\d{1,7})(?::([A-Za-z]{1,3})(\d{1,7}))?$/.exec(a1);
  if (!m || m[1] === undefined || m[2] === undefined) return null;
  const c1 = columnNumber(m[1]);
  const r1 = Number(m[2]);
  const c2 = m[3] === undefined ? c1 : columnNumber(m[3]);
  const r2 = m[4] === undefined ? r1 : Number(m[4]);
  return {
    top: Math.min(r1, r2),
    bottom: Math.max(r1, r2),
    left: Math.min(c1, c2),
    right: Math.max(c1, c2),
  };
}

export function rectCells(r: Rect): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

export function intersect(a: Rect, b: Rect): Rect | null {
  const top = Math.max(a.top, b.top);
  const bottom = Math.min(a.bottom, b.bottom);
  const left = Math.max(a.left, b.left);
  const right = Math.min(a.right, b.right);
  return top <= bottom && left <= right ? { top, left, bottom, right } : null;
}

/** a minus b as up to four rectangles (bands above, below, left and right of b). */
export function subtract(a: Rect, b: Rect): Rect[] {
  const i = intersect(a, b);
  if (!i) return [a];
  const out: Rect[] = [];
  if (a.top < i.top) out.push({ top: a.top, bottom: i.top - 1, left: a.left, right: a.right });
  if (i.bottom < a.bottom) {
    out.push({ top: i.bottom + 1, bottom: a.bottom, left: a.left, right: a.right });
  }
  if (a.left < i.left) out.push({ top: i.top, bottom: i.bottom, left: a.left, right: i.left - 1 });
  if (i.right < a.right) {
    out.push({ top: i.top, bottom: i.bottom, left: i.right + 1, right: a.right });
  }
  return out;
}

/** The parts of `target` that none of `covered` covers. */
export function uncovered(target: Rect, covered: readonly Rect[]): Rect[] {
  let parts: Rect[] = [target];
  for (const c of covered) parts = parts.flatMap((p) => subtract(p, c));
  return parts;
}

/**
 * Splits rectangles into row blocks so that each block holds at most `maxCells` cells (and at
 * least one row), which bounds the size of what one load of the block returns.
 */
export function rowBlocks(r: Rect, maxCells: number): Rect[] {
  const width = r.right - r.left + 1;
  const rows = Math.max(1, Math.floor(maxCells / width));
  const out: Rect[] = [];
  for (let top = r.top; top <= r.bottom; top += rows) {
    out.push({ top, bottom: Math.min(r.bottom, top + rows - 1), left: r.left, right: r.right });
  }
  return out;
}

/**
 * Joins addresses into comma-separated strings for Worksheet.getRanges, each at most `maxChars`
 * long. Excel rejects union addresses near 8,192 characters (office-js issue #5198, where the
 * exact limit also varied), so callers pass a limit well under that.
 */
export function chunkAddresses(addresses: Iterable<string>, maxChars: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const a of addresses) {
    if (current === '') current = a;
    else if (current.length + 1 + a.length <= maxChars) current += ',' + a;
    else {
      chunks.push(current);
      current = a;
    }
  }
  if (current !== '') chunks.push(current);
  return chunks;
}

/**
 * Covers a set of cells with few rectangles: runs of adjacent columns per row, extended down while
 * the next row repeats the same run. Cells are 1-based Excel { row, col } in any order.
 */
export function cellsToRects(cells: Iterable<{ row: number; col: number }>): Rect[] {
  const byRow = new Map<number, number[]>();
  for (const { row, col } of cells) {
    const cols = byRow.get(row);
    if (cols) cols.push(col);
    else byRow.set(row, [col]);
  }
  const out: Rect[] = [];
  let open = new Map<string, Rect>();
  let lastRow = Number.NaN;
  for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
    const cols = [...new Set(byRow.get(row))].sort((a, b) => a - b);
    const next = new Map<string, Rect>();
    for (let i = 0; i < cols.length;) {
      let j = i;
      while (j + 1 < cols.length && cols[j + 1] === (cols[j] as number) + 1) j++;
      const left = cols[i] as number;
      const right = cols[j] as number;
      const id = `${left}:${right}`;
      const prev = row === lastRow + 1 ? open.get(id) : undefined;
      if (prev) open.delete(id);
      next.set(id, prev ? { ...prev, bottom: row } : { top: row, bottom: row, left, right });
      i = j + 1;
    }
    out.push(...open.values());
    open = next;
    lastRow = row;
  }
  out.push(...open.values());
  return out;
}

/** Addresses of the rows in flattened inclusive runs [start, end, …] across columns left..right. */
export function* runAddresses(
  runs: readonly number[],
  left: number,
  right: number,
): Generator<string> {
  for (let i = 0; i + 1 < runs.length; i += 2) {
    const top = runs[i] as number;
    const bottom = runs[i + 1] as number;
    yield rectAddress({ top, bottom, left, right });
  }
}
