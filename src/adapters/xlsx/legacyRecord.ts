import type { Fill } from 'exceljs';
import { z } from 'zod';
import { Palette, type SavedArea } from '../../core/workbookRecord/savedFills';
import type { PaintState } from '../../core/workbookRecord/sheetPaint';
import { decodeCellMap, parseRangeRef } from './cellKeys';
import { fillKeyOf } from './fillKeys';

/**
 * The paint record this adapter wrote before both adapters shared one (version 1: ExcelJS fills
 * by cell, the status column by position). Read once and turned into the shared record, so a
 * workbook painted by an earlier version is still cleared back to the user's own fills.
 */
const LegacySchema = z.object({
  v: z.literal(1),
  fills: z.object({
    values: z.array(z.unknown()),
    cells: z.array(z.tuple([z.number(), z.string()])),
  }),
  status: z.object({
    headerCell: z.string(),
    header: z.string(),
    merge: z.string().nullable(),
    firstRow: z.number().int().min(1),
    codes: z.string().regex(/^[0-5]*$/),
    labels: z.array(z.string()),
  }),
});

/** The shared record of a version 1 record's JSON, or null when it is not one. */
export function migrateLegacy(text: string): PaintState | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = LegacySchema.safeParse(raw);
  if (!parsed.success) return null;
  const { fills, status } = parsed.data;
  const header = parseRangeRef(status.headerCell);
  if (header === null) return null;
  const merge = status.merge === null ? null : parseRangeRef(status.merge);

  // The saved cells, row by row, as areas of contiguous columns with their palette indices.
  const palette = new Palette(['']);
  const exact: Record<string, unknown> = {};
  const indexOf = fills.values.map((v) => {
    const { key, exact: e } = fillKeyOf((v ?? null) as Fill | null);
    const i = palette.of(key);
    if (e !== undefined) exact[String(i)] = e;
    return i;
  });
  const rows = new Map<number, Map<number, number>>();
  decodeCellMap(fills.cells).forEach((row, col, i) => {
    const line = rows.get(row) ?? new Map<number, number>();
    line.set(col, i < 0 ? palette.of('') : (indexOf[i] ?? palette.of('')));
    rows.set(row, line);
  });
  const areas: SavedArea[] = [];
  for (const [row, line] of [...rows].sort(([a], [b]) => a - b)) {
    const cols = [...line.keys()].sort((a, b) => a - b);
    let start = 0;
    for (let k = 1; k <= cols.length; k++) {
      if (k < cols.length && cols[k] === (cols[k - 1] as number) + 1) continue;
      const left = cols[start] as number;
      const right = cols[k - 1] as number;
      const cells = Int32Array.from(
        { length: right - left + 1 },
        (_, j) => line.get(left + j) ?? 0,
      );
      areas.push({ rect: { top: row, bottom: row, left, right }, cells });
      start = k;
    }
  }
  const labels = Array.from({ length: 6 }, (_, i) => (i === 0 ? '' : (status.labels[i] ?? '')));
  return {
    // No keys: a positional record, used only while the status column is where it says.
    rows: {
      digest: '',
      left: Math.min(header.left, ...areas.map((a) => a.rect.left)),
      keys: [],
      colors: [],
    },
    ...(Object.keys(exact).length > 0 ? { exact } : {}),
    status: {
      column: header.left,
      headerTop: header.top,
      headerBottom: merge?.bottom ?? header.top,
      merged: merge !== null,
      textFormat: false,
      header: status.header,
      firstRow: status.firstRow,
      codes: status.codes,
      labels,
      letters: false,
    },
    earlier: [],
    before: [],
    palette: palette.keys,
    areas,
  };
}
