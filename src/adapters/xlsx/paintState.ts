import type { Worksheet } from 'exceljs';
import { z } from 'zod';
import { plainValue } from './cellValue';
import { encodeCellMap, parseRangeRef, type CellGroups, type CellMap } from './cellKeys';
import type { StateStore } from './stateSheet';

const cellGroups = z.array(z.tuple([z.number().int().min(-1), z.string()]));

/** Saved values (fills or whole styles) and which cells had which: -1 means "had none". */
const savedValues = z.object({ values: z.array(z.unknown()), cells: cellGroups });

/** What applyPaint remembers about one sheet, so a later run or clearPaint can undo it exactly. */
export const PaintStateSchema = z.object({
  v: z.literal(1),
  /** The fills of the cells painted, as they were before the first paint. */
  fills: savedValues,
  /** The status column: its header cell and text, the merge made for it, and what each row got. */
  status: z.object({
    headerCell: z.string(),
    header: z.string(),
    merge: z.string().nullable(),
    /** Excel row of the first label; codes[i] is the status code written in row firstRow + i. */
    firstRow: z.number().int().min(1),
    codes: z.string().regex(/^[0-5]*$/),
    labels: z.array(z.string()),
    /** Whole styles of the status column cells (header to last row) before the first paint. */
    styles: savedValues,
  }),
});
export type PaintState = z.infer<typeof PaintStateSchema>;
export type SavedValues = { values: unknown[]; cells: CellGroups };

export function paintKey(sheet: string): string {
  return `paint:${sheet}`;
}

function textAt(ws: Worksheet, row: number, col: number): string | null {
  const v = plainValue(ws.getCell(row, col).value, false);
  return typeof v === 'string' ? v : null;
}

/**
 * True when the status column still holds exactly what this adapter wrote. If someone inserted or
 * deleted rows or columns, or typed over it, the saved addresses no longer point at the cells we
 * painted, and restoring fills there would damage the user's cells.
 */
export function stillInPlace(ws: Worksheet, state: PaintState): boolean {
  const header = parseRangeRef(state.status.headerCell);
  if (!header) return false;
  if (textAt(ws, header.top, header.left) !== state.status.header) return false;
  const { codes, labels, firstRow } = state.status;
  for (let i = 0; i < codes.length; i++) {
    const code = codes.charCodeAt(i) - 48;
    const expected = code === 0 ? null : (labels[code] ?? null);
    if (textAt(ws, firstRow + i, header.left) !== expected) return false;
  }
  return true;
}

/**
 * The saved paint state of a sheet, or null when there is none, it is unreadable, or it no longer
 * matches the sheet (see stillInPlace); a stale record is dropped.
 */
export function loadPaintState(store: StateStore, ws: Worksheet): PaintState | null {
  const raw = store.get(paintKey(ws.name));
  if (raw === undefined) return null;
  const parsed = PaintStateSchema.safeParse(raw);
  if (parsed.success && stillInPlace(ws, parsed.data)) return parsed.data;
  store.set(paintKey(ws.name), undefined);
  return null;
}

/** Interns saved values (compared by their JSON) so equal fills share one index. */
export class ValueList {
  private readonly index = new Map<string, number>();
  readonly values: unknown[] = [];

  /** Starts from saved values, keeping their positions since saved cell groups refer to them. */
  constructor(initial: readonly unknown[] = []) {
    initial.forEach((v, i) => {
      this.values.push(v);
      this.index.set(JSON.stringify(v), i);
    });
  }

  /** The index of a value; null and undefined are -1 ("none"). */
  add(v: unknown): number {
    if (v === null || v === undefined) return -1;
    const json = JSON.stringify(v);
    let i = this.index.get(json);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(JSON.parse(json) as unknown);
      this.index.set(json, i);
    }
    return i;
  }

  get(i: number): unknown {
    return i < 0 ? null : (this.values[i] ?? null);
  }
}

/** Saved values for a cell map, keeping only the values some cell still refers to. */
export function saveValues(map: CellMap, list: ValueList): SavedValues {
  const compact = new ValueList();
  // Old index → new index, worked out once per distinct value rather than once per cell.
  const newIndex = new Map<number, number>([[-1, -1]]);
  const cells = encodeCellMap(map, (i) => {
    let j = newIndex.get(i);
    if (j === undefined) {
      j = compact.add(list.get(i));
      newIndex.set(i, j);
    }
    return j;
  });
  return { values: compact.values, cells };
}
