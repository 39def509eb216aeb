import { promises as fsp } from 'fs';
import { MINIMUM_CAPABILITIES } from '../../../src/adapters/office/capabilities';
import { OfficeWorkbook } from '../../../src/adapters/office/OfficeWorkbook';
import { PackageWorkbook } from '../../../src/adapters/xlsxPackage/PackageWorkbook';
import type { ReturnFile } from '../../../src/core/collect/collectReturns';
import { DEFAULT_FILL_FIELDS } from '../../../src/core/collect/fillFields';
import { dayNumber } from '../../../src/core/dates';
import { defaultRules } from '../../../src/core/rules';
import type { CellWrite } from '../../../src/port/optionalPorts';
import {
  applyCollect,
  planCollect,
  readTables,
  undoCollect,
} from '../../../src/session/collectWorkflow';
import { RecordingExcel } from '../../fakes/recordingExcel';
import { modelOfExcel, type BookModel } from '../../support/bookModel';
import { sampleInExcel } from '../../support/sampleInExcel';
import { returnFiles } from '../../cli/collectKit';
import * as path from 'path';

/**
 * 汇总 inside Excel: the returns are read as files (in the pane, by the worker), and the changes
 * are written into the open workbook through the Office adapter, over the recording fake.
 */

const DAY = dayNumber(2023, 7, 6);
const read = { asOf: DAY, rules: defaultRules(), lang: 'zh' as const };

function port(excel: RecordingExcel): OfficeWorkbook {
  // Merged units are read as the rows they cover only where Excel can list merges (ExcelApi 1.13).
  return new OfficeWorkbook({
    run: excel.run,
    capabilities: { ...MINIMUM_CAPABILITIES, mergedAreas: true },
  });
}

/** The sample in the fake, cell for cell as the engine reads it: values, formats, merges. */
async function sampleWithModel(): Promise<{ excel: RecordingExcel; original: BookModel }> {
  const excel = await sampleInExcel();
  return { excel, original: modelOfExcel(excel) };
}

async function returns(): Promise<ReturnFile[]> {
  const out: ReturnFile[] = [];
  for (const f of await returnFiles()) {
    try {
      const book = await PackageWorkbook.open(await fsp.readFile(f));
      out.push({ file: path.basename(f), tables: await readTables(book, read) });
    } catch {
      // The damaged files are the CLI's to report (test/cli/collect.test.ts).
    }
  }
  return out;
}

describe('collecting returns into the workbook open in Excel (the fake)', () => {
  it('writes the changes, as text where text was returned, adds the record sheet, and 撤销汇总 puts every old value back', async () => {
    const { excel, original } = await sampleWithModel();
    const office = port(excel);
    const [master] = await readTables(office, read);
    const result = planCollect(master!, await returns(), 'zh', DEFAULT_FILL_FIELDS);
    expect(result.changes.length).toBe(19);

    excel.resetStats();
    const applied = await applyCollect(office, result, 'zh', DAY);
    expect(applied.recordSheet).toBe('汇总记录2023-07-06');
    // Two requests write the values however many there are; the rest add the record sheet and
    // the record (measured: 13 in all), none per cell.
    expect(excel.stats.syncs).toBeLessThanOrEqual(13);
    const sheet = excel.sheet('重点项目');
    expect(sheet.value('I20')).toBe('完成主体工程');
    expect(sheet.value('F6')).toBe(4000);
    // "=资金未到位" from a return is the text it was, never a formula.
    expect(sheet.value('M23')).toBe('=资金未到位');
    expect(sheet.formula('M23')).toBeUndefined();
    expect(excel.sheet('汇总记录2023-07-06')).toBeDefined();

    const undone = await undoCollect(office, '重点项目');
    expect(undone).toMatchObject({ undone: true, restored: 19, editedSince: [] });
    const after = modelOfExcel(excel).find((s) => s.name === '重点项目');
    expect(after?.rows).toEqual(original.find((s) => s.name === '重点项目')?.rows);
  }, 60_000);

  it('keeps a cell the user edited after the collect when undoing it', async () => {
    const { excel } = await sampleWithModel();
    const office = port(excel);
    const [master] = await readTables(office, read);
    await applyCollect(
      office,
      planCollect(master!, await returns(), 'zh', DEFAULT_FILL_FIELDS),
      'zh',
      DAY,
    );
    excel.sheet('重点项目').setValues('I20', [['用户改过']]);
    const undone = await undoCollect(office, '重点项目');
    expect(undone.editedSince).toEqual(['I20']);
    expect(excel.sheet('重点项目').value('I20')).toBe('用户改过');
  }, 60_000);

  it('writes any number of cells in a constant number of syncs', async () => {
    for (const rows of [100, 10_000]) {
      const excel = new RecordingExcel();
      excel.addSheet('表');
      const cells: CellWrite[] = [];
      for (let r = 1; r <= rows; r++) {
        cells.push({ row: r, col: 9, value: `第${r}行进展`, numberFormat: null });
      }
      excel.resetStats();
      await port(excel).writeValues('表', cells);
      expect(excel.sheet('表').value(`I${rows}`)).toBe(`第${rows}行进展`);
      // One sync to check the sheet, then the writes in requests under the byte budget.
      expect(excel.stats.syncs).toBeLessThanOrEqual(2);
    }
  });

  it('refuses a protected sheet before writing anything', async () => {
    const excel = new RecordingExcel();
    excel.addSheet('表').setValues('A1', [['原值']]);
    excel.protect('表');
    await expect(
      port(excel).writeValues('表', [{ row: 1, col: 1, value: '新值', numberFormat: null }]),
    ).rejects.toMatchObject({ code: 'sheet_protected' });
    expect(excel.sheet('表').value('A1')).toBe('原值');
  });
});
