import { createHash } from 'crypto';
import { promises as fsp } from 'fs';
import * as path from 'path';
import { Workbook } from 'exceljs';
import { PackageWorkbook } from '../../src/adapters/xlsxPackage/PackageWorkbook';
import type { SheetGrid } from '../../src/core/grid';
import { isOwnSheet } from '../../src/core/ownSheets';

/** The returns units sent back (scripts/makeCollectFixtures.ts made them from the sample's split). */
export const RETURNS_DIR = path.resolve(__dirname, '../fixtures/collect');

export async function returnFiles(): Promise<string[]> {
  return (await fsp.readdir(RETURNS_DIR))
    .filter((f) => f.endsWith('.xlsx'))
    .sort()
    .map((f) => path.join(RETURNS_DIR, f));
}

export async function sha(file: string): Promise<string> {
  return createHash('sha256')
    .update(await fsp.readFile(file))
    .digest('hex');
}

/** The user sheets of a workbook file as the engine reads them. */
export async function userGridsOf(file: string): Promise<SheetGrid[]> {
  const book = await PackageWorkbook.open(await fsp.readFile(file));
  const grids: SheetGrid[] = [];
  for (const s of await book.listSheets()) {
    if (!isOwnSheet(s.name)) grids.push(await book.readSheet(s.name));
  }
  return grids;
}

/** JSON with object keys sorted: a style read back from a saved file may list them in another order. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (typeof v === 'object' && v !== null) {
    const entries = Object.entries(v).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/** Every cell's style and the merges, widths and heights of each sheet, as ExcelJS reads them. */
export async function looksOf(file: string): Promise<Map<string, string>> {
  const wb = new Workbook();
  await wb.xlsx.readFile(file);
  const out = new Map<string, string>();
  for (const ws of wb.worksheets) {
    if (isOwnSheet(ws.name)) continue;
    out.set(`${ws.name}!merges`, JSON.stringify([...(ws.model.merges ?? [])].sort()));
    out.set(`${ws.name}!widths`, JSON.stringify(ws.columns.map((c) => c.width ?? null)));
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      out.set(`${ws.name}!row${r}`, JSON.stringify([row.height ?? null, row.hidden]));
      row.eachCell({ includeEmpty: true }, (cell) => {
        // A cell with no style is no different from a cell not there (a value written creates one).
        const style = canonical(cell.style);
        if (style !== '{}') out.set(`${ws.name}!${cell.address}`, style);
      });
    });
  }
  return out;
}
