/**
 * The ExcelJS internals src/adapters/xlsx/exceljsPrivate.ts reaches, checked on a workbook really
 * written and loaded by ExcelJS. When an ExcelJS upgrade fails here, update that one file (and
 * this test) before anything else: the adapter would otherwise read no merges, or load slowly.
 */
import { Workbook } from 'exceljs';
import {
  mergeAgainstEmptyIndex,
  mergeIndex,
  parsedSheetModels,
  prototypeModelAccessor,
} from '../../../src/adapters/xlsx/exceljsPrivate';
import { bytesOf, reread } from '../../support/xlsxTestKit';

async function loadedWithMerges(): Promise<Workbook> {
  const wb = new Workbook();
  const ws = wb.addWorksheet('计划表');
  ws.getCell('B2').value = '合并';
  ws.mergeCells('B2:C3');
  ws.mergeCells('E5:E9');
  return reread(await bytesOf(wb));
}

describe('ExcelJS private fields', () => {
  it('keeps a merge index on each loaded worksheet, by master address, 1-based', async () => {
    const ws = (await loadedWithMerges()).getWorksheet('计划表');
    if (!ws) throw new Error('sheet missing');
    const index = mergeIndex(ws);
    expect(index).toBeDefined();
    const areas = Object.entries(index ?? {}).map(([address, m]) => ({
      address,
      top: m?.top,
      left: m?.left,
      bottom: m?.bottom,
      right: m?.right,
    }));
    expect(areas).toEqual([
      { address: 'B2', top: 2, left: 2, bottom: 3, right: 3 },
      { address: 'E5', top: 5, left: 5, bottom: 9, right: 5 },
    ]);
    // The same areas the public (and slow) model lists.
    expect(ws.model.merges).toEqual(['B2:C3', 'E5:E9']);
  });

  it('lets a merge run against an empty index and adds it to the real one', async () => {
    const ws = (await loadedWithMerges()).getWorksheet('计划表');
    if (!ws) throw new Error('sheet missing');
    const before = mergeIndex(ws);
    let seen: number | undefined;
    mergeAgainstEmptyIndex(ws, () => {
      seen = Object.keys(mergeIndex(ws) ?? {}).length;
      ws.mergeCellsWithoutStyle('G1:H1');
    });
    expect(seen).toBe(0);
    expect(mergeIndex(ws)).toBe(before);
    expect(Object.keys(mergeIndex(ws) ?? {})).toEqual(['B2', 'E5', 'G1']);
    expect(ws.getCell('H1').isMerged).toBe(true);
  });

  it('assigns the parsed workbook, whose sheets list their merges, to the model accessor', async () => {
    const bytes = await bytesOf(await loadedWithMerges());
    const wb = new Workbook();
    const model = prototypeModelAccessor(wb);
    expect(model).not.toBeNull();
    if (!model) return;
    const assigned: unknown[] = [];
    Object.defineProperty(wb, 'model', {
      configurable: true,
      get: model.get,
      set(value: unknown): void {
        assigned.push(value);
        model.set(value);
      },
    });
    await wb.xlsx.load(bytes as unknown as Parameters<Workbook['xlsx']['load']>[0]);
    Reflect.deleteProperty(wb, 'model');

    expect(assigned).toHaveLength(1);
    const sheets = parsedSheetModels(assigned[0]);
    expect(sheets.map((m) => m.mergeCells)).toEqual([['B2:C3', 'E5:E9']]);
    const id = sheets[0]?.id;
    expect(typeof id).toBe('number');
    expect(wb.getWorksheet(id as number)?.name).toBe('计划表');
    // The accessor reads what the prototype's setter built.
    expect(model.get()).toEqual(wb.model);
  });
});
