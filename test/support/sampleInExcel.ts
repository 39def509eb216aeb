import { readFileSync } from 'fs';
import { PackageWorkbook } from '../../src/adapters/xlsxPackage/PackageWorkbook';
import { columnLetters } from '../../src/core/grid';
import { RecordingExcel } from '../fakes/recordingExcel';
import { SAMPLE } from './samples';

/** The sample open in Excel (the recording fake): values, formats and merges as the engine reads them. */
export async function sampleInExcel(): Promise<RecordingExcel> {
  const book = await PackageWorkbook.open(readFileSync(SAMPLE));
  const excel = new RecordingExcel();
  for (const { name } of await book.listSheets()) {
    const grid = await book.readSheet(name);
    const sheet = excel.addSheet(name);
    grid.values.forEach((row, r) =>
      row.forEach((v, c) => {
        const a1 = `${columnLetters(c + 1)}${r + 1}`;
        if (v !== null && typeof v !== 'object') sheet.setValues(a1, [[v]]);
        const f = grid.numberFormats?.[r]?.[c];
        if (f) sheet.setNumberFormat(a1, f);
      }),
    );
    for (const m of grid.merges) {
      sheet.merge(
        `${columnLetters(m.left + 1)}${m.top + 1}:${columnLetters(m.right + 1)}${m.bottom + 1}`,
      );
    }
  }
  return excel;
}
