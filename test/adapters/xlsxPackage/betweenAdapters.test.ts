import { XlsxWorkbook } from '../../../src/adapters/xlsx/XlsxWorkbook';
import { PackageWorkbook } from '../../../src/adapters/xlsxPackage/PackageWorkbook';
import type { FilePort, OpenFile } from '../xlsx/adapters';
import { bytesOf, planFor, planTableWorkbook, reread, snapshot } from '../xlsx/xlsxTestKit';

const exceljs: OpenFile = (d, lang) => XlsxWorkbook.open(d, lang);
const pkg: OpenFile = (d, lang) => PackageWorkbook.open(d, lang);

async function step(
  open: OpenFile,
  bytes: Uint8Array,
  act: (b: FilePort) => Promise<unknown>,
): Promise<Uint8Array> {
  const book = await open(bytes);
  await act(book);
  return book.save();
}

describe.each([
  ['the package adapter', pkg, 'the ExcelJS adapter', exceljs],
  ['the ExcelJS adapter', exceljs, 'the package adapter', pkg],
] as const)('a workbook painted by %s', (_a, painter, _b, clearer) => {
  it('is cleared by the other back to the workbook there was, settings and records kept alike', async () => {
    const original = await bytesOf(planTableWorkbook());
    const plan = planFor(['lagging', 'normal', 'severe', 'done']);
    const painted = await step(painter, original, async (b) => {
      await b.applyPaint(plan);
      await b.saveSettings({ lastAsOf: '2023-06-30' });
    });
    const other = await clearer(painted);
    expect(await other.paintedSheets()).toEqual([plan.sheet]);
    expect(await other.loadSettings()).toEqual({ lastAsOf: '2023-06-30' });
    const cleared = await step(clearer, painted, async (b) => {
      await b.clearPaint(plan.sheet);
      await b.saveSettings({});
    });
    expect(snapshot(await reread(cleared))).toEqual(snapshot(await reread(original)));
  });
});
