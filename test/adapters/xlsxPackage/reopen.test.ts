import { PackageWorkbook } from '../../../src/adapters/xlsxPackage/PackageWorkbook';
import { bytesOf, planFor, planTableWorkbook, reread, snapshot } from '../../support/xlsxTestKit';

async function step(
  bytes: Uint8Array,
  act: (b: PackageWorkbook) => Promise<unknown>,
): Promise<Uint8Array> {
  const book = await PackageWorkbook.open(bytes);
  await act(book);
  return book.save();
}

describe('a workbook painted by the package adapter and saved', () => {
  it('is cleared, once opened again, back to the workbook there was, settings and records kept alike', async () => {
    const original = await bytesOf(planTableWorkbook());
    const plan = planFor(['lagging', 'normal', 'severe', 'done']);
    const painted = await step(original, async (b) => {
      await b.applyPaint(plan);
      await b.saveSettings({ lastAsOf: '2023-06-30' });
    });
    const other = await PackageWorkbook.open(painted);
    expect(await other.paintedSheets()).toEqual([plan.sheet]);
    expect(await other.loadSettings()).toEqual({ lastAsOf: '2023-06-30' });
    const cleared = await step(painted, async (b) => {
      await b.clearPaint(plan.sheet);
      await b.saveSettings({});
    });
    expect(snapshot(await reread(cleared))).toEqual(snapshot(await reread(original)));
  });
});
