import { ValueType, Workbook, type Worksheet } from 'exceljs';
import fc from 'fast-check';
import JSZip from 'jszip';
import { loadWithLinearMerges } from '../../../src/adapters/xlsx/linearMerges';
import { loadXlsx } from '../../../src/adapters/xlsx/loadXlsx';
import { columnLetters } from '../../../src/core/grid';
import { PortError } from '../../../src/port/WorkbookPort';
import { bytesOf, reread, snapshot } from '../../support/xlsxTestKit';

interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const ref = (r: Rect): string =>
  `${columnLetters(r.left)}${r.top}:${columnLetters(r.right)}${r.bottom}`;

/** A two-sheet workbook with values and styles, whose first sheet gets `merges` written as-is. */
async function workbookWithMerges(merges: readonly string[]): Promise<Uint8Array> {
  const wb = new Workbook();
  const a = wb.addWorksheet('计划表');
  const b = wb.addWorksheet('其他');
  for (let r = 1; r <= 30; r++) {
    for (let c = 1; c <= 8; c++) {
      const cell = a.getCell(r, c);
      cell.value = (r * 10 + c) % 7 === 0 ? null : `${columnLetters(c)}${r}`;
      if ((r + c) % 3 === 0) cell.style = { font: { bold: true } };
    }
  }
  b.getCell('A1').value = '其他';
  b.mergeCells('A1:C2');
  // ExcelJS refuses overlapping merges when building, so they are written into the XML directly.
  const zip = await JSZip.loadAsync(await bytesOf(wb));
  const path = 'xl/worksheets/sheet1.xml';
  const xml = (await zip.file(path)?.async('string')) as string;
  const cells = merges.map((m) => `<mergeCell ref="${m}"/>`).join('');
  const block =
    merges.length > 0 ? `<mergeCells count="${merges.length}">${cells}</mergeCells>` : '';
  zip.file(path, xml.replace('</sheetData>', `</sheetData>${block}`));
  return zip.generateAsync({ type: 'uint8array' });
}

async function linearLoad(bytes: Uint8Array): Promise<Workbook> {
  const wb = new Workbook();
  await loadWithLinearMerges(wb, () =>
    wb.xlsx.load(bytes as unknown as Parameters<Workbook['xlsx']['load']>[0]),
  );
  return wb;
}

/** Per cell: its type and, for a merged cell, its master: what merging changes in ExcelJS. */
function mergeState(ws: Worksheet): Record<string, string> {
  const out: Record<string, string> = {};
  ws.eachRow({ includeEmpty: true }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      const master = cell.type === ValueType.Merge ? cell.master.address : '';
      out[cell.address] = `${cell.type}:${master}:${cell.isMerged ? 'merged' : ''}`;
    });
  });
  return out;
}

async function outcome(
  load: (bytes: Uint8Array) => Promise<Workbook>,
  bytes: Uint8Array,
): Promise<{ error: string } | { sheets: unknown; merged: unknown }> {
  try {
    const wb = await load(bytes);
    return { sheets: snapshot(wb), merged: wb.worksheets.map(mergeState) };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

const rect = fc
  .record({
    top: fc.integer({ min: 1, max: 30 }),
    left: fc.integer({ min: 1, max: 8 }),
    height: fc.integer({ min: 0, max: 4 }),
    width: fc.integer({ min: 0, max: 3 }),
  })
  .map(({ top, left, height, width }) => ({
    top,
    left,
    bottom: top + height,
    right: left + width,
  }));

describe('loadWithLinearMerges', () => {
  it('loads exactly what ExcelJS loads, and fails as it does on overlapping merges', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(rect, { maxLength: 12 }), async (rects) => {
        const bytes = await workbookWithMerges(rects.map(ref));
        expect(await outcome(linearLoad, bytes)).toEqual(await outcome(reread, bytes));
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 60) },
    );
  }, 120_000);

  it('keeps non-overlapping merges of every sheet (2,000 of them on one sheet)', async () => {
    const merges: string[] = [];
    for (let r = 1; r <= 4_000; r += 2)
      merges.push(ref({ top: r, left: 9, bottom: r + 1, right: 9 }));
    const bytes = await workbookWithMerges(merges);
    const wb = await linearLoad(bytes);
    const stock = await reread(bytes);
    expect(snapshot(wb)).toEqual(snapshot(stock));
    expect((wb.getWorksheet('计划表') as Worksheet).model.merges).toHaveLength(2_000);
    expect((wb.getWorksheet('其他') as Worksheet).model.merges).toEqual(['A1:C2']);
  }, 60_000);

  it('rejects a merge over a merged cell, whichever cell it shares', async () => {
    for (const second of ['B2:C3', 'A1', 'C3:D4', 'A3:A5']) {
      const bytes = await workbookWithMerges(['A1:C3', second]);
      await expect(linearLoad(bytes)).rejects.toThrow('Cannot merge already merged cells');
      await expect(reread(bytes)).rejects.toThrow('Cannot merge already merged cells');
    }
  });

  it('leaves the workbook instance as it found it, after a load and after a failed one', async () => {
    const failed = new Workbook();
    const overlapping = await workbookWithMerges(['A1:C3', 'B2:D4']);
    await expect(
      loadWithLinearMerges(failed, () =>
        failed.xlsx.load(overlapping as unknown as Parameters<Workbook['xlsx']['load']>[0]),
      ),
    ).rejects.toThrow();
    expect(Object.getOwnPropertyDescriptor(failed, 'model')).toBeUndefined();

    const wb = await linearLoad(await workbookWithMerges(['A1:B2']));
    expect(Object.getOwnPropertyDescriptor(wb, 'model')).toBeUndefined();
    // ExcelJS's own accessor is in charge again.
    expect(wb.model.worksheets.map((w) => w.name)).toEqual(['计划表', '其他']);
  });

  it('reports overlapping merges through loadXlsx (what split opens the master with) as a damaged workbook', async () => {
    const bytes = await workbookWithMerges(['A1:C3', 'B2:D4']);
    const e = await loadXlsx(bytes, 'zh').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(PortError);
    expect((e as PortError).code).toBe('unreadable_file');
  });
});
