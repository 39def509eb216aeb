import { Workbook, type Borders, type Style } from 'exceljs';
import { isCellError } from '../src/core/grid';
import { generatePlanGrid } from './genGrid';

const THIN = { style: 'thin' } as const;
const BORDER: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/**
 * The .xlsx bytes of bench/genGrid.ts's plan table of `rows` data rows, written with ExcelJS the
 * way such files usually look: a bold title and header, thin borders on every table cell, the
 * grid's number formats (dates, percentages) and merges. Built in memory for the bench; never
 * committed.
 */
export async function generatePlanXlsx(rows: number, seed = 1): Promise<Uint8Array> {
  const grid = generatePlanGrid(rows, seed);
  const wb = new Workbook();
  const ws = wb.addWorksheet(grid.name);
  const width = 11;
  // One style object per kind of cell, shared, as a file read from disk would have them.
  const body: Partial<Style> = { border: BORDER };
  const header: Partial<Style> = {
    border: BORDER,
    font: { bold: true },
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
  };
  const bodyFormatted = new Map<string, Partial<Style>>();
  grid.values.forEach((line, r) => {
    const row = ws.getRow(r + 1);
    const inTable = r >= 2 && r < grid.values.length - 1;
    for (let c = 0; c < (inTable ? width : line.length); c++) {
      const v = line[c] ?? null;
      const cell = row.getCell(c + 1);
      if (v !== null) cell.value = isCellError(v) ? { error: v.error as never } : v;
      if (!inTable) continue;
      const fmt = grid.numberFormats?.[r]?.[c];
      if (r < 4) cell.style = header;
      else if (fmt) {
        let s = bodyFormatted.get(fmt);
        if (s === undefined) {
          s = { border: BORDER, numFmt: fmt };
          bodyFormatted.set(fmt, s);
        }
        cell.style = s;
      } else cell.style = body;
    }
  });
  ws.getCell(1, 1).font = { bold: true, size: 16 };
  for (const m of grid.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  [6, 24, 10, 14, 12, 10, 14, 12, 10, 18, 20].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}
