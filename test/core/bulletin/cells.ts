import type { BulletinCell, BulletinSheet } from '../../../src/core/bulletinBook';

export function cellAt(sheet: BulletinSheet, row: number, col: number): BulletinCell | undefined {
  return sheet.cells.find((c) => c.row === row && c.col === col);
}

/**
 * What Excel shows for a cell, for the few number formats bulletins use; written apart from the
 * code under test (toFixed, not its rounding) so the two check each other.
 */
export function shown(sheet: BulletinSheet, cell: BulletinCell | undefined): string {
  if (cell === undefined || cell.value === null) return '';
  if (typeof cell.value === 'string') return cell.value;
  const fmt = cell.style === undefined ? undefined : sheet.styles[cell.style]?.numFmt;
  if (fmt === '0.0%') return `${(cell.value * 100).toFixed(1)}%`;
  if (fmt === '0.0') return cell.value.toFixed(1);
  if (fmt === '0') return cell.value.toFixed(0);
  return String(cell.value);
}

/** What is shown under the header cell holding exactly this text (the first such header). */
export function shownBelow(sheet: BulletinSheet, header: string): string {
  const h = sheet.cells.find((c) => c.value === header);
  if (h === undefined) throw new Error(`no cell "${header}" on ${sheet.name}`);
  return shown(sheet, cellAt(sheet, h.row + 1, h.col));
}

export function sheetNamed(sheets: readonly BulletinSheet[], name: string): BulletinSheet {
  const s = sheets.find((x) => x.name === name);
  if (s === undefined)
    throw new Error(`no sheet "${name}" among ${sheets.map((x) => x.name).join(', ')}`);
  return s;
}
