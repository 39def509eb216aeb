import { promises as fsp } from 'fs';
import * as path from 'path';
import type { CellValue, SheetGrid } from '../../src/core/grid';
import { tangshanGrid } from '../core/bulletin/tangshan';
import { bytesOfWorkbook, workbookOf } from '../fixtures/bad/writeWorkbook';

/** Report dates of the Tangshan fixture's two quarters, and the bulletin sheets a run names after them. */
export const QUARTER_END = { Q1: '2023-03-31', Q2: '2023-06-30' } as const;

/**
 * Names of Tangshan projects that lag at both report dates (deadline 2月底), replaced by text that
 * Excel would take for a formula if it were written as one.
 */
export const FORMULA_LIKE_NAMES: Readonly<Record<string, string>> = {
  唐山重点项目008: '=HYPERLINK("x")',
  唐山重点项目045: '=1+1',
};

/** The Tangshan fixture's grid, with the formula-like project names in place. */
export function tangshanInput(quarter: 'Q1' | 'Q2'): SheetGrid {
  const grid = tangshanGrid(quarter);
  const values = grid.values.map((row) =>
    row.map((v): CellValue => (typeof v === 'string' ? (FORMULA_LIKE_NAMES[v] ?? v) : v)),
  );
  return { ...grid, values };
}

/** Writes the Tangshan plan table as a real .xlsx in `dir` (dates as dates, the merged title). */
export async function writeTangshanXlsx(dir: string, quarter: 'Q1' | 'Q2'): Promise<string> {
  const file = path.join(dir, `唐山${quarter}.xlsx`);
  await fsp.writeFile(file, await bytesOfWorkbook(workbookOf(tangshanInput(quarter))));
  return file;
}
