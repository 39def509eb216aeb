import { Workbook, type Worksheet } from 'exceljs';
import { PackageWorkbook } from '../../../src/adapters/xlsxPackage/PackageWorkbook';
import type { PaintPlan } from '../../../src/core/paintPlan';
import { bytesOf, LABELS, reread } from '../../support/xlsxTestKit';

const ROWS = 200;

/**
 * A header in row 1 (A1:B1), then ROWS data rows with a value in A and, on every other row only,
 * in B: the status column C then has no left neighbour on half its rows.
 */
function sparseTable(): Workbook {
  const wb = new Workbook();
  const ws = wb.addWorksheet('表');
  ws.getCell('A1').value = '序号';
  ws.getCell('B1').value = '计划节点';
  for (let r = 2; r <= ROWS + 1; r++) {
    ws.getCell(r, 1).value = r - 1;
    if (r % 2 === 0) ws.getCell(r, 2).value = '6月底';
  }
  return wb;
}

/** Statuses 1 and 2 alternating in runs of three rows, over columns A..C, status in C. */
function sparsePlan(): PaintPlan {
  const codes = new Uint8Array(ROWS);
  const runs: Record<1 | 2, number[]> = { 1: [], 2: [] };
  for (let i = 0; i < ROWS; i++) {
    const code = ((Math.floor(i / 3) % 2) + 1) as 1 | 2;
    codes[i] = code;
    runs[code].push(i + 1, i + 1);
  }
  return {
    sheet: '表',
    origin: { row: 1, col: 1 },
    statusColumn: 2,
    statusColumnExists: false,
    headerTop: 0,
    headerBottom: 0,
    header: '三色状态',
    left: 0,
    right: 2,
    firstRow: 1,
    lastRow: ROWS,
    codes,
    labels: LABELS,
    fills: [
      { status: 'normal', color: 'C6EFCE', runs: runs[1] },
      { status: 'lagging', color: 'FFEB9C', runs: runs[2] },
    ],
    keys: [],
  };
}

describe('paint and cell formats', () => {
  it('gives status cells without a left neighbour one cell format per fill colour, not one per cell', async () => {
    const book = await PackageWorkbook.open(await bytesOf(sparseTable()));
    await book.applyPaint(sparsePlan());
    const saved = (await reread(await book.save())).getWorksheet('表') as Worksheet;
    const formats = new Set<string>();
    for (let r = 2; r <= ROWS + 1; r++) formats.add(JSON.stringify(saved.getCell(r, 3).style));
    expect(formats.size).toBe(2);
  });

  it('gives back each cell’s own fill when cells share one cell format', async () => {
    const wb = sparseTable();
    const ws = wb.getWorksheet('表') as Worksheet;
    const shared = {
      fill: { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FF00B0F0' } },
    };
    for (let r = 2; r <= 11; r++) ws.getCell(r, 1).style = shared;
    ws.getCell(5, 2).style = { fill: shared.fill };
    const book = await PackageWorkbook.open(await bytesOf(wb));
    await book.applyPaint(sparsePlan());
    const again = await PackageWorkbook.open(await book.save());
    await again.clearPaint('表');
    const cleared = (await reread(await again.save())).getWorksheet('表') as Worksheet;
    // Rows 2..11 of columns A..B (the painted rows): blue in A2:A11 and B5, no fill elsewhere.
    const blueCells: string[] = [];
    for (let r = 2; r <= ROWS + 1; r++) {
      for (let c = 1; c <= 3; c++) {
        const fill = cleared.getCell(r, c).fill as { fgColor?: { argb?: string } } | undefined;
        if (fill?.fgColor?.argb !== undefined) {
          expect(fill.fgColor.argb).toBe('FF00B0F0');
          blueCells.push(`${'ABC'[c - 1]}${r}`);
        }
      }
    }
    expect(blueCells).toEqual(['A2', 'A3', 'A4', 'A5', 'B5', 'A6', 'A7', 'A8', 'A9', 'A10', 'A11']);
  });
});
