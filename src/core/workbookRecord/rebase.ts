import type { PaintPlan } from '../paintPlan';
import { keysDigest, type RowIdentity } from './rowIdentity';
import { NO_FILL, type FillKey, type SavedArea } from './savedFills';
import type { Footprint, PaintState, RowMemory, Snapshot } from './sheetPaint';

/** A record laid over the sheet as it is now, and the rows whose saved fills could not be placed. */
export interface Rebased {
  readonly state: PaintState;
  /** Excel rows (now) that may be a row whose own fill was saved, but which one is not certain. */
  readonly uncertain: readonly number[];
}

/** The fill key a plan colour is painted as ("C6EFCE" → "#C6EFCE"), as hosts report fills. */
export function paintFillKey(color: string): FillKey {
  return `#${color.toUpperCase()}`;
}

/** The fill painted for each status code of a plan; index 0 (no status) is "". */
export function planColors(plan: PaintPlan): FillKey[] {
  const out: FillKey[] = ['', '', '', '', '', ''];
  const code = { normal: 1, lagging: 2, severe: 3, done: 4, unknown: 5 } as const;
  for (const f of plan.fills) out[code[f.status]] = paintFillKey(f.color);
  return out;
}

function shiftArea(a: SavedArea, dRow: number, dCol: number): SavedArea {
  const { top, left, bottom, right } = a.rect;
  return {
    rect: { top: top + dRow, bottom: bottom + dRow, left: left + dCol, right: right + dCol },
    cells: a.cells,
  };
}

function shiftFootprint(f: Footprint, dRow: number, dCol: number): Footprint {
  return {
    ...f,
    column: f.column + dCol,
    top: f.top + dRow,
    bottom: f.bottom + dRow,
    merge: f.merge ? { top: f.merge.top + dRow, bottom: f.merge.bottom + dRow } : null,
  };
}

function shiftSnapshot(s: Snapshot, dRow: number, dCol: number): Snapshot {
  return { ...s, column: s.column + dCol, top: s.top + dRow };
}

/** The saved cells of one Excel row, or null when no area covers it. */
function savedRow(
  areas: readonly SavedArea[],
  row: number,
): { left: number; cells: Int32Array } | null {
  for (const a of areas) {
    const { top, left, bottom, right } = a.rect;
    if (row < top || row > bottom) continue;
    const width = right - left + 1;
    return { left, cells: a.cells.subarray((row - top) * width, (row - top + 1) * width) };
  }
  return null;
}

/**
 * Lays a record over the rows as they are now (`now`). Rows and columns inserted or deleted above
 * or left of the table only shift it. When rows were inserted, deleted, moved or sorted inside it,
 * each row whose own fill was saved is found again by its key and its saved fills go with it; a
 * key that no longer names exactly one row is reported as uncertain and its fills are not placed
 * anywhere. Rows without saved fills are left out: whatever fill they carry now is read again, and
 * the colours we painted are recognised then (see dropOurPaint). Which label stands in which row
 * is no longer known, so the status write is marked `moved`. Records made before rows had keys
 * are positional and are returned as they are.
 */
export function rebase(state: PaintState, now: RowIdentity): Rebased {
  const w = state.status;
  if (state.rows.digest === '') return { state, uncertain: [] };
  const dRow = now.headerTop - w.headerTop;
  const dLeft = now.left - state.rows.left;
  const dStatus = now.statusColumn === null ? dLeft : now.statusColumn - w.column;
  const digest = keysDigest(now.keys);
  const moved = digest !== state.rows.digest || now.firstRow - w.firstRow !== dRow;

  if (!moved) {
    if (dRow === 0 && dLeft === 0 && dStatus === 0) return { state, uncertain: [] };
    return {
      uncertain: [],
      state: {
        ...state,
        rows: { ...state.rows, left: now.left },
        areas: state.areas.map((a) => shiftArea(a, dRow, dLeft)),
        status: {
          ...w,
          column: w.column + dStatus,
          headerTop: w.headerTop + dRow,
          headerBottom: w.headerBottom + dRow,
          firstRow: w.firstRow + dRow,
        },
        earlier: state.earlier.map((f) => shiftFootprint(f, dRow, dStatus)),
        before: state.before.map((s) => shiftSnapshot(s, dRow, dStatus)),
      },
    };
  }

  const where = new Map<string, number[]>();
  now.keys.forEach((k, j) => {
    if (k === '') return;
    const list = where.get(k);
    if (list) list.push(j);
    else where.set(k, [j]);
  });
  const areas: SavedArea[] = [];
  const keys: [number, string][] = [];
  const uncertain: number[] = [];
  for (const [i, key] of state.rows.keys) {
    const shared = key.endsWith('*');
    const found = where.get(shared ? key.slice(0, -1) : key) ?? [];
    if (shared || found.length > 1) {
      for (const j of found) uncertain.push(now.firstRow + j);
      continue;
    }
    const j = found[0];
    const saved = savedRow(state.areas, w.firstRow + i);
    if (j === undefined || saved === null) continue;
    const row = now.firstRow + j;
    const left = saved.left + dLeft;
    areas.push({
      rect: { top: row, bottom: row, left, right: left + saved.cells.length - 1 },
      cells: Int32Array.from(saved.cells),
    });
    keys.push([j, key]);
  }
  const rows: RowMemory = { ...state.rows, digest, left: now.left, keys };
  return {
    uncertain: [...new Set(uncertain)].sort((a, b) => a - b),
    state: {
      ...state,
      rows,
      areas,
      status: {
        ...w,
        column: w.column + dStatus,
        headerTop: w.headerTop + dRow,
        headerBottom: w.headerBottom + dRow,
        firstRow: now.firstRow,
        codes: '0'.repeat(now.keys.length),
        moved: true,
      },
      earlier: [],
      before: [],
    },
  };
}

/**
 * Fills just read from cells no saved record covers, with the colours we painted taken for ours:
 * Excel gives an inserted row the formats of the row above, so a new row between painted ones
 * carries our colour, which must never become the user's fill that a clear puts back.
 */
export function dropOurPaint(
  palette: readonly FillKey[],
  areas: readonly SavedArea[],
  ours: readonly FillKey[],
  none: number,
): SavedArea[] {
  const mine = new Set(ours.filter((k) => k !== NO_FILL));
  if (mine.size === 0) return [...areas];
  const replace = palette.map((k) => mine.has(k));
  return areas.map((a) => ({
    rect: a.rect,
    cells: a.cells.map((i) => (replace[i] === true ? none : i)),
  }));
}

/**
 * What the record keeps of the painted rows: the digest of all keys, and the keys of rows whose
 * saved fills are not all "none" (a key several rows share is marked so it is never matched).
 */
export function rowMemoryOf(
  plan: PaintPlan,
  palette: readonly FillKey[],
  areas: readonly SavedArea[],
): RowMemory {
  const firstRow = plan.origin.row + plan.firstRow;
  const counts = new Map<string, number>();
  for (const k of plan.keys) if (k !== '') counts.set(k, (counts.get(k) ?? 0) + 1);
  const keys: [number, string][] = [];
  plan.keys.forEach((k, i) => {
    if (k === '') return;
    const saved = savedRow(areas, firstRow + i);
    if (saved === null || !saved.cells.some((c) => (palette[c] ?? NO_FILL) !== NO_FILL)) return;
    keys.push([i, (counts.get(k) ?? 0) > 1 ? `${k}*` : k]);
  });
  return {
    // A plan that knows no keys makes a positional record, as records were before keys.
    digest: plan.keys.length === 0 ? '' : keysDigest(plan.keys),
    left: plan.origin.col + plan.left,
    keys,
    colors: planColors(plan),
  };
}
