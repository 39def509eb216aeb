import { promises as fsp } from 'fs';
import * as path from 'path';
import { STATE_SHEET } from '../../../src/core/ownSheets';
import { dayNumber } from '../../../src/core/dates';
import { defaultRules } from '../../../src/core/rules';
import { analyze, clearSheets, paintSheets, readSheets } from '../../../src/session/workflow';
import { modelOfXlsx } from '../../support/bookModel';
import { SAMPLE } from '../../support/samples';
import { PackageWorkbook } from '../../../src/adapters/xlsxPackage/PackageWorkbook';

/** A workbook painted by the version before the shared record (see test/fixtures/legacy/make.sh). */
const PAINTED_V1 = path.join(__dirname, '../../fixtures/legacy/paintedV1.xlsx');

async function userSheets(bytes: Uint8Array) {
  return (await modelOfXlsx(bytes)).filter((s) => s.name !== STATE_SHEET);
}

async function clearOf(book: PackageWorkbook): Promise<Uint8Array> {
  const { grids } = await readSheets(book);
  const analysis = await analyze(grids, {
    asOf: dayNumber(2023, 6, 30),
    rules: defaultRules('zh'),
    lang: 'zh',
  });
  await clearSheets(book, analysis, await book.paintedSheets(), 'zh');
  return book.save();
}

describe('package adapter, on a workbook painted by the first xlsx adapter (its version 1 record)', () => {
  it('is cleared back to the user’s own fills', async () => {
    const book = await PackageWorkbook.open(await fsp.readFile(PAINTED_V1));
    expect(await book.paintedSheets()).toEqual(['重点项目']);
    const cleared = await clearOf(book);
    expect(await userSheets(cleared)).toEqual(await userSheets(await fsp.readFile(SAMPLE)));
  });

  it('is repainted without taking the earlier paint for the user’s fills, then cleared back', async () => {
    const book = await PackageWorkbook.open(await fsp.readFile(PAINTED_V1));
    const { grids } = await readSheets(book);
    const analysis = await analyze(grids, {
      asOf: dayNumber(2023, 10, 15),
      rules: defaultRules('zh'),
      lang: 'zh',
    });
    await paintSheets(book, analysis, 'zh');
    const repainted = await PackageWorkbook.open(await book.save());
    const cleared = await clearOf(repainted);
    expect(await userSheets(cleared)).toEqual(await userSheets(await fsp.readFile(SAMPLE)));
  });
});
