import { promises as fsp, readdirSync } from 'fs';
import * as path from 'path';
import { PackageWorkbook } from '../../src/adapters/xlsxPackage/PackageWorkbook';
import { main } from '../../src/cli/main';
import { orderProblems } from '../support/ecmaOrder';
import { partsOf, sheetPartPaths, WORKBOOK_PARTS } from '../support/packageParts';
import { captureIo, tempDir } from './cliTestKit';

/**
 * Issue 13's corpus through the command itself: each workbook from openpyxl and LibreOffice (a
 * chart, a picture, a comment, data validation, a data bar, a table, a defined name, a hyperlink,
 * print titles, frozen panes, an autofilter, a pivot table, a VBA part) goes through `tricolor run`
 * (with its bulletin) and `tricolor clear`. The slow suite opens the same outputs in LibreOffice and
 * reads them with openpyxl (test/slow/packageCorpus.test.ts).
 */

const CORPUS = path.join(__dirname, '..', 'fixtures', 'corpus');
const SHEET = '重点项目';
async function values(file: string): Promise<unknown> {
  return (await (await PackageWorkbook.open(await fsp.readFile(file))).readSheet(SHEET)).values;
}

describe.each(readdirSync(CORPUS).sort())('%s through tricolor run and clear', (name) => {
  it('keeps every part of the input, untouched ones byte for byte, in ECMA-376 order, and clears back to the input', async () => {
    const dir = await tempDir();
    const input = path.join(dir, name);
    await fsp.copyFile(path.join(CORPUS, name), input);
    const ext = path.extname(name);
    const io = captureIo(dir);
    expect(await main(['run', input, '--as-of', '2023-06-30', '--out', `painted${ext}`], io)).toBe(
      0,
    );
    expect(await main(['clear', `painted${ext}`, '--out', `cleared${ext}`], io)).toBe(0);
    expect(io.err()).toBe('');

    const before = await partsOf(await fsp.readFile(input));
    const [plan] = sheetPartPaths(await fsp.readFile(input), [SHEET]);
    for (const out of [`painted${ext}`, `cleared${ext}`]) {
      const after = await partsOf(await fsp.readFile(path.join(dir, out)));
      for (const [part, bytes] of before) {
        const now = after.get(part);
        expect({ out, part, kept: now !== undefined }).toEqual({ out, part, kept: true });
        if (part !== plan && !WORKBOOK_PARTS.includes(part))
          expect({ out, part, same: Buffer.from(now ?? []).equals(bytes) }).toEqual({
            out,
            part,
            same: true,
          });
      }
      for (const [part, bytes] of after) {
        if (!part.endsWith('.xml') || Buffer.from(before.get(part) ?? []).equals(bytes)) continue;
        expect({ out, part, problems: orderProblems(Buffer.from(bytes).toString('utf8')) }).toEqual(
          { out, part, problems: [] },
        );
      }
    }
    // An .xlsm stays an .xlsm with its macros.
    if (ext === '.xlsm')
      expect(
        (await partsOf(await fsp.readFile(path.join(dir, `cleared${ext}`)))).has(
          'xl/vbaProject.bin',
        ),
      ).toBe(true);
    expect(await values(path.join(dir, `cleared${ext}`))).toEqual(await values(input));
    await fsp.rm(dir, { recursive: true, force: true });
  });
});
