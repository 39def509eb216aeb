import type { Cell, Workbook, Worksheet } from 'exceljs';
import { parseRangeRef } from './cellKeys';

/** The ExcelJS internals this file relies on (ExcelJS 4.4; readGrid.ts reads `_merges` too). */
interface MergingSheet {
  _merges: Record<string, unknown>;
  mergeCellsWithoutStyle(ref: string): void;
  findCell(row: number, col: number): Cell | undefined;
}

interface SheetModelLike {
  id?: unknown;
  mergeCells?: unknown;
}

/** ExcelJS's own message for a merge over merged cells, kept so callers see the same error. */
const OVERLAP = 'Cannot merge already merged cells';

/**
 * Applies a sheet's merges as ExcelJS would when loading it (mergeCellsWithoutStyle, in order),
 * checking each against the cells it covers rather than against every merge applied before it.
 */
function applyMerges(ws: Worksheet, refs: readonly unknown[]): void {
  const sheet = ws as unknown as MergingSheet;
  for (const ref of refs) {
    const r = typeof ref === 'string' ? parseRangeRef(ref) : null;
    if (r === null) {
      // A reference we do not parse: ExcelJS parses and checks it, against every merge so far.
      sheet.mergeCellsWithoutStyle(ref as string);
      continue;
    }
    // A merged cell is a master (indexed in _merges) or a slave (type Merge, so isMerged): the new
    // merge overlaps an earlier one exactly when one of its cells is either.
    for (let row = r.top; row <= r.bottom; row++) {
      for (let col = r.left; col <= r.right; col++) {
        const cell = sheet.findCell(row, col);
        if (cell && (cell.isMerged || sheet._merges[cell.address] !== undefined)) {
          throw new Error(OVERLAP);
        }
      }
    }
    // ExcelJS's own merge, with its quadratic check run against no merges at all.
    const index = sheet._merges;
    sheet._merges = {};
    try {
      sheet.mergeCellsWithoutStyle(ref as string);
    } finally {
      const added = sheet._merges;
      sheet._merges = index;
      Object.assign(index, added);
    }
  }
}

/**
 * Runs `load` (a `workbook.xlsx.load`) with the sheets' merges applied in linear time.
 *
 * ExcelJS checks every merge it reads against every merge read before it
 * (Worksheet._mergeCellsInternal), which is quadratic: the 7,000 merges of a 50,000-row plan
 * table cost two seconds, a third of the load. For the duration of `load`, this workbook instance
 * (never ExcelJS itself) gets its own `model` setter that takes the merges out of the sheet models
 * ExcelJS parsed, lets ExcelJS build the sheets, then applies them (applyMerges): the same merged
 * cells, the same error for overlapping merges. An ExcelJS without the expected accessor is left
 * to load in its own way.
 */
export async function loadWithLinearMerges(
  workbook: Workbook,
  load: () => Promise<unknown>,
): Promise<void> {
  const proto = Object.getPrototypeOf(workbook) as object;
  const desc = Object.getOwnPropertyDescriptor(proto, 'model');
  const get = desc?.get;
  const set = desc?.set;
  if (!get || !set) {
    await load();
    return;
  }
  Object.defineProperty(workbook, 'model', {
    configurable: true,
    get(this: Workbook): unknown {
      return get.call(this) as unknown;
    },
    set(this: Workbook, value: { worksheets?: unknown }): void {
      const pending: [unknown, unknown[]][] = [];
      if (Array.isArray(value?.worksheets)) {
        for (const m of value.worksheets as SheetModelLike[]) {
          if (Array.isArray(m?.mergeCells) && m.mergeCells.length > 0) {
            pending.push([m.id, m.mergeCells as unknown[]]);
            m.mergeCells = [];
          }
        }
      }
      set.call(this, value);
      for (const [id, refs] of pending) {
        const ws = this.getWorksheet(id as number);
        if (ws) applyMerges(ws, refs);
      }
    },
  });
  try {
    await load();
  } finally {
    delete (workbook as unknown as { model?: unknown }).model;
  }
}
