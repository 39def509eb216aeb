import type { Borders, PageSetup, Workbook, Worksheet } from 'exceljs';
import { rowHeights } from '../../core/bulletin/rowHeights';
import type { BulletinBook, BulletinSheet, BulletinStyle } from '../../core/bulletinBook';
import {
  bulletinSheetName,
  ownBulletinsOf,
  ownBulletinsText,
} from '../../core/bulletin/bulletinSheetName';
import { BULLETINS_KEY } from '../../core/workbookRecord/recordKeys';
import { solidFill, type CellStyle } from './cellStyle';
import type { StateStore } from './stateSheet';

const A4 = 9 as PageSetup['paperSize']; // ExcelJS's PaperSize is a const enum, which isolatedModules cannot import.
const THIN = { style: 'thin' } as const;
const ALL_THIN: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** A sheet name Excel accepts: no []:*?/\, no quote at either end, at most 31 characters. */
/** The sheets this adapter made, as remembered in `_tricolor`. */
export function ownBulletinSheets(store: StateStore): Set<string> {
  return new Set(ownBulletinsOf(store.getText(BULLETINS_KEY)));
}

function toExcelStyle(s: BulletinStyle): CellStyle {
  const style: CellStyle = {};
  if (s.bold !== undefined || s.fontSize !== undefined) {
    style.font = {
      ...(s.bold !== undefined ? { bold: s.bold } : {}),
      ...(s.fontSize !== undefined ? { size: s.fontSize } : {}),
    };
  }
  if (s.fill !== undefined) style.fill = solidFill(s.fill);
  if (s.align !== undefined || s.wrap !== undefined) {
    style.alignment = {
      vertical: 'middle',
      ...(s.align !== undefined ? { horizontal: s.align } : {}),
      ...(s.wrap !== undefined ? { wrapText: s.wrap } : {}),
    };
  }
  if (s.border) style.border = ALL_THIN;
  if (s.numFmt !== undefined) style.numFmt = s.numFmt;
  return style;
}

function fillSheet(ws: Worksheet, sheet: BulletinSheet): void {
  const styles = new Map<string, CellStyle>();
  for (const [key, s] of Object.entries(sheet.styles)) styles.set(key, toExcelStyle(s));
  for (const c of sheet.cells) {
    const cell = ws.getCell(c.row + 1, c.col + 1);
    // A string is assigned as a string, so "=1+1" stays text; ExcelJS only writes formulas
    // from { formula } objects, which are never built here.
    if (c.value !== null) cell.value = c.value;
    const style = c.style !== undefined ? styles.get(c.style) : undefined;
    if (style) cell.style = style;
  }
  for (const m of sheet.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  sheet.columnWidths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  for (const [row, height] of rowHeights(sheet)) ws.getRow(row + 1).height = height;
  const { print } = sheet;
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: A4,
    orientation: print.orientation,
    fitToPage: print.fitToWidth,
    ...(print.fitToWidth ? { fitToWidth: 1, fitToHeight: 0 } : {}),
    ...(print.repeatRows
      ? { printTitlesRow: `${print.repeatRows.top + 1}:${print.repeatRows.bottom + 1}` }
      : {}),
  };
}

/**
 * Adds the bulletin's sheets. A sheet of the same name made by an earlier run is replaced; a
 * user's sheet of that name is kept and the bulletin goes to "name (2)". Charts are not written:
 * ExcelJS cannot create them, so BulletinSheet.chart is ignored in the .xlsx file.
 */
export function writeBulletin(
  workbook: Workbook,
  store: StateStore,
  book: BulletinBook,
): { sheets: string[] } {
  const ours = ownBulletinSheets(store);
  const taken = new Set<string>();
  const written: string[] = [];
  for (const sheet of book.sheets) {
    const existing = workbook.worksheets.map((ws) => ws.name);
    const name = bulletinSheetName(sheet.name, existing, ours, taken);
    const old = workbook.worksheets.find((ws) => ws.name === name);
    if (old) workbook.removeWorksheet(old.id);
    const ws = workbook.addWorksheet(name);
    fillSheet(ws, sheet);
    taken.add(name.toLowerCase());
    ours.add(name);
    written.push(name);
  }
  const stillThere = [...ours].filter((n) => workbook.worksheets.some((ws) => ws.name === n));
  store.setText(BULLETINS_KEY, ownBulletinsText(stillThere));
  return { sheets: written };
}
