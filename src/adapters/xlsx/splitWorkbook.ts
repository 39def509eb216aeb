import { Workbook, type Cell, type Worksheet } from 'exceljs';
import type { UnitPart, SplitPlan } from '../../core/collect/splitPlan';
import { ROW_KEY_HEADER, rowKeyCell } from '../../core/collect/rowKeyColumn';
import type { SheetGrid } from '../../core/grid';
import type { CellStyle } from './cellStyle';
import { safeSheetName } from '../../core/bulletin/bulletinSheetName';

/** A deep copy: a style read from the master may be shared by many of its cells. */
function copyStyle(style: CellStyle | undefined): CellStyle {
  return style === undefined ? {} : (JSON.parse(JSON.stringify(style)) as CellStyle);
}

/** What a cell shows: a formula's saved result (its references would point elsewhere in the copy). */
function shownValue(cell: Cell): Cell['value'] {
  const v = cell.value;
  if (v !== null && typeof v === 'object' && 'formula' in v) {
    const r = (v as { result?: unknown }).result;
    return r === undefined ? null : (r as Cell['value']);
  }
  if (v !== null && typeof v === 'object' && 'sharedFormula' in v) {
    const r = (v as { result?: unknown }).result;
    return r === undefined ? null : (r as Cell['value']);
  }
  return v;
}

/**
 * One unit's workbook: the master's title rows, a line saying what to fill and by when, the header
 * and that unit's rows, at the master's column positions and widths, with their styles, row
 * heights and the merges that fall inside the copied rows. The fill-in columns of the unit's rows
 * are unlocked and the sheet protected without a password. A hidden column right of the table
 * holds each row's identity key (see rowKeyColumn.ts).
 */
export async function splitWorkbook(
  master: Worksheet,
  grid: SheetGrid,
  plan: SplitPlan,
  part: UnitPart,
  instruction: string,
): Promise<Uint8Array> {
  const wb = new Workbook();
  const ws = wb.addWorksheet(safeSheetName(master.name));
  const { origin } = grid;
  const lastCol = origin.col + plan.right;
  const keyCol = lastCol + 1;
  for (let c = 1; c <= lastCol; c++) {
    const w = master.getColumn(c).width;
    if (w !== undefined) ws.getColumn(c).width = w;
  }

  // Master grid row → output Excel row; the instruction line goes just above the header.
  const outRow = new Map<number, number>();
  let next = 1;
  for (const r of plan.headRows) {
    if (r === plan.headerTop) next++;
    outRow.set(r, next++);
  }
  const instructionRow = (outRow.get(plan.headerTop) ?? 2) - 1;
  for (const r of part.rows) outRow.set(r, next++);

  // Cells covered by a merge that is not copied show the merge's value in each cell.
  const mergeOf = new Map<string, { top: number; left: number }>();
  const copied: typeof grid.merges = grid.merges.filter((m) => {
    for (let r = m.top; r <= m.bottom; r++) {
      const o = outRow.get(r);
      if (o === undefined || o !== (outRow.get(m.top) ?? 0) + (r - m.top)) return false;
    }
    return true;
  });
  const copiedSet = new Set(copied);
  for (const m of grid.merges) {
    if (copiedSet.has(m)) continue;
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++)
        mergeOf.set(`${r},${c}`, { top: m.top, left: m.left });
    }
  }

  const fill = new Set(plan.fillColumns.map((c) => origin.col + c));
  const dataRows = new Set(part.rows);
  for (const [r, o] of outRow) {
    const src = master.getRow(origin.row + r);
    const dst = ws.getRow(o);
    if (src.height !== undefined) dst.height = src.height;
    if (src.hidden) dst.hidden = true;
    for (let c = 1; c <= lastCol; c++) {
      const from = master.getCell(origin.row + r, c);
      const to = dst.getCell(c);
      const m = mergeOf.get(`${r},${c - origin.col}`);
      to.value =
        m === undefined
          ? shownValue(from)
          : shownValue(master.getCell(origin.row + m.top, origin.col + m.left));
      const style = copyStyle(from.style);
      if (dataRows.has(r) && fill.has(c)) style.protection = { locked: false };
      to.style = style;
    }
  }
  for (const m of copied) {
    const top = outRow.get(m.top);
    const bottom = outRow.get(m.bottom);
    if (top === undefined || bottom === undefined) continue;
    ws.mergeCells(top, origin.col + m.left, bottom, origin.col + m.right);
  }

  const line = ws.getCell(instructionRow, origin.col + plan.left);
  line.value = instruction;
  line.style = { alignment: { wrapText: true, vertical: 'middle' }, font: { bold: true } };
  ws.mergeCells(instructionRow, origin.col + plan.left, instructionRow, lastCol);
  ws.getRow(instructionRow).height = 36;

  ws.getCell(outRow.get(plan.headerTop) ?? 1, keyCol).value = ROW_KEY_HEADER;
  part.rows.forEach((r, i) => {
    const o = outRow.get(r);
    if (o !== undefined) ws.getCell(o, keyCol).value = rowKeyCell(part.keys[i] ?? '');
  });
  ws.getColumn(keyCol).hidden = true;

  // No password: a unit that must unprotect (to sort, say) can, and nothing is lost.
  await ws.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
    autoFilter: true,
    sort: true,
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
