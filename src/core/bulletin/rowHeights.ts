import type { BulletinSheet } from '../bulletinBook';
import { displayWidth } from './displayWidth';

const DEFAULT_FONT_SIZE = 11;
const DEFAULT_ROW_HEIGHT = 15;
/** Excel's width when a column has none set. */
const DEFAULT_COLUMN_WIDTH = 8.43;

/** Points one line of text needs at a font size: 15 at Excel's default 11 pt, 22 at 16 pt. */
function lineHeight(fontSize: number): number {
  return Math.ceil(fontSize * 1.3 + 0.7);
}

/**
 * Row heights for rows whose text needs more than the default: a larger font (the title), or
 * wrapped text longer than its column (a long project name or 存在问题). Excel and LibreOffice do
 * not fit rows to their text when they open a file, so without these the title and wrapped text
 * are cut off on screen and on paper. Cells in merges spanning rows are left to their merge. The
 * same heights in every host: the .xlsx writer and the Office adapter both set them.
 */
export function rowHeights(sheet: BulletinSheet): Map<number, number> {
  const colWidth = (c: number) => sheet.columnWidths[c] ?? DEFAULT_COLUMN_WIDTH;
  const spans = new Map<string, { rows: number; width: number }>();
  for (const m of sheet.merges) {
    let width = 0;
    for (let c = m.left; c <= m.right; c++) width += colWidth(c);
    spans.set(`${m.top},${m.left}`, { rows: m.bottom - m.top + 1, width });
  }
  const heights = new Map<number, number>();
  for (const c of sheet.cells) {
    const span = spans.get(`${c.row},${c.col}`);
    if (span !== undefined && span.rows > 1) continue;
    const style = c.style === undefined ? undefined : sheet.styles[c.style];
    const size = style?.fontSize ?? DEFAULT_FONT_SIZE;
    let lines = 1;
    if (style?.wrap === true && typeof c.value === 'string') {
      // A character's width less for the cell's margins.
      const room = Math.max(1, (span?.width ?? colWidth(c.col)) - 1);
      lines = Math.max(1, Math.ceil(displayWidth(c.value) / room));
    }
    const h = lines * lineHeight(size);
    if (h > DEFAULT_ROW_HEIGHT && h > (heights.get(c.row) ?? 0)) heights.set(c.row, h);
  }
  return heights;
}
