import type { CellRange, CellValue, SheetGrid } from '../../src/core/grid';
import { parseA1 } from '../../src/core/grid';

export interface GridSpec {
  /** Merged areas in A1 form, e.g. "A3:A4". */
  readonly merges?: readonly string[];
  /** Number formats by A1 address, e.g. { H6: 'yyyy-mm-dd' }. */
  readonly formats?: Readonly<Record<string, string>>;
  /** Excel row numbers of hidden rows. */
  readonly hidden?: readonly number[];
  readonly date1904?: boolean;
}

function range(a1: string): CellRange {
  const [from, to] = a1.split(':');
  const p = parseA1(from ?? '');
  const q = parseA1(to ?? from ?? '');
  if (!p || !q) throw new Error(`bad range ${a1}`);
  return { top: p.row - 1, left: p.col - 1, bottom: q.row - 1, right: q.col - 1 };
}

/**
 * A SheetGrid from plain rows starting at A1, as an adapter would produce it: merged areas keep
 * their value in the top-left cell only, so a test writes the value once, where Excel keeps it.
 */
export function gridOf(
  name: string,
  rows: readonly (readonly CellValue[])[],
  spec: GridSpec = {},
): SheetGrid {
  const merges = (spec.merges ?? []).map(range);
  const values = rows.map((r) => [...r]);
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) {
        const row = values[r];
        if ((r !== m.top || c !== m.left) && row) row[c] = null;
      }
    }
  }
  const numberFormats: (string | null)[][] = [];
  for (const [addr, fmt] of Object.entries(spec.formats ?? {})) {
    const p = parseA1(addr);
    if (!p) throw new Error(`bad address ${addr}`);
    const row = (numberFormats[p.row - 1] ??= []);
    row[p.col - 1] = fmt;
  }
  for (let i = 0; i < numberFormats.length; i++) numberFormats[i] ??= [];
  return {
    name,
    values,
    numberFormats,
    merges,
    hiddenRows: (spec.hidden ?? []).map((r) => r - 1),
    origin: { row: 1, col: 1 },
    ...(spec.date1904 ? { date1904: true } : {}),
  };
}
