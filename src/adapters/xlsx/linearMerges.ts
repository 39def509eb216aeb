import type { Workbook, Worksheet } from 'exceljs';
import { parseRangeRef } from './cellKeys';
import {
  mergeAgainstEmptyIndex,
  mergeIndex,
  parsedSheetModels,
  prototypeModelAccessor,
} from './exceljsPrivate';

/** ExcelJS's own message for a merge over merged cells, kept so callers see the same error. */
const OVERLAP = 'Cannot merge already merged cells';

/**
 * Applies a sheet's merges as ExcelJS would when loading it (mergeCellsWithoutStyle, in order),
 * checking each against the cells it covers rather than against every merge applied before it.
 */
function applyMerges(ws: Worksheet, refs: readonly unknown[]): void {
  const index = mergeIndex(ws);
  if (index === undefined) {
    // No merge index to check against: ExcelJS merges them in its own way.
    for (const ref of refs) ws.mergeCellsWithoutStyle(ref as string);
    return;
  }
  for (const ref of refs) {
    const r = typeof ref === 'string' ? parseRangeRef(ref) : null;
    if (r === null) {
      // A reference we do not parse: ExcelJS parses and checks it, against every merge so far.
      ws.mergeCellsWithoutStyle(ref as string);
      continue;
    }
    // A merged cell is a master (in the merge index) or a slave (type Merge, so isMerged): the new
    // merge overlaps an earlier one exactly when one of its cells is either.
    for (let row = r.top; row <= r.bottom; row++) {
      for (let col = r.left; col <= r.right; col++) {
        const cell = ws.findCell(row, col);
        if (cell && (cell.isMerged || index[cell.address] !== undefined)) {
          throw new Error(OVERLAP);
        }
      }
    }
    // ExcelJS's own merge, with its quadratic check run against no merges at all.
    mergeAgainstEmptyIndex(ws, () => ws.mergeCellsWithoutStyle(ref as string));
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
  const model = prototypeModelAccessor(workbook);
  if (!model) {
    await load();
    return;
  }
  Object.defineProperty(workbook, 'model', {
    configurable: true,
    get: model.get,
    set(value: unknown): void {
      const pending: [unknown, unknown[]][] = [];
      for (const m of parsedSheetModels(value)) {
        if (Array.isArray(m.mergeCells) && m.mergeCells.length > 0) {
          pending.push([m.id, m.mergeCells]);
          m.mergeCells = [];
        }
      }
      model.set(value);
      for (const [id, refs] of pending) {
        const ws = workbook.getWorksheet(id as number);
        if (ws) applyMerges(ws, refs);
      }
    },
  });
  try {
    await load();
  } finally {
    // Back to the prototype's accessor: the own property only lived for this load.
    Reflect.deleteProperty(workbook, 'model');
  }
}
