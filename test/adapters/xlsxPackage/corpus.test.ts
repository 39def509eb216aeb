import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { PackageWorkbook } from '../../../src/adapters/xlsxPackage/PackageWorkbook';
import { analyzeWorkbook } from '../../../src/core/analyzeWorkbook';
import { dayNumber } from '../../../src/core/dates';
import { STATE_SHEET } from '../../../src/core/ownSheets';
import { defaultRules } from '../../../src/core/rules';
import { clearSheets, paintSheets, readSheets } from '../../../src/session/workflow';
import { orderProblems } from '../../support/ecmaOrder';
import { partsOf, sheetPartPaths, WORKBOOK_PARTS } from '../../support/packageParts';
import { bytesOf, planTableWorkbook } from '../../support/xlsxTestKit';

const ROOT = join(__dirname, '..', '..', '..');
const CORPUS = join(ROOT, 'test', 'fixtures', 'corpus');
const ASOF = dayNumber(2023, 6, 30);

/** The corpus: openpyxl's and LibreOffice's files (scripts/corpus), ExcelJS's, and the sample. */
async function corpus(): Promise<[string, Uint8Array][]> {
  const files: [string, Uint8Array][] = readdirSync(CORPUS)
    .sort()
    .map((f) => [f, new Uint8Array(readFileSync(join(CORPUS, f)))]);
  files.push([
    'samples/projects.xlsx',
    new Uint8Array(readFileSync(join(ROOT, 'samples', 'projects.xlsx'))),
  ]);
  files.push(['exceljs plan table', await bytesOf(planTableWorkbook())]);
  return files;
}

/** The parts a run or a clear may change: the sheets it painted, the stylesheet, the workbook's list. */
function mayChange(name: string, painted: readonly string[]): boolean {
  return painted.includes(name) || [...WORKBOOK_PARTS, 'docProps/app.xml'].includes(name);
}

async function run(bytes: Uint8Array): Promise<{ out: Uint8Array; painted: string[] }> {
  const book = await PackageWorkbook.open(bytes);
  const { grids } = await readSheets(book);
  const analysis = analyzeWorkbook(grids, { asOf: ASOF, rules: defaultRules('zh'), lang: 'zh' });
  const outcome = await paintSheets(book, analysis, 'zh');
  return { out: await book.save(), painted: outcome.painted.map((p) => p.sheet.sheet) };
}

async function clear(bytes: Uint8Array): Promise<Uint8Array> {
  const book = await PackageWorkbook.open(bytes);
  const { grids } = await readSheets(book);
  const analysis = analyzeWorkbook(grids, { asOf: ASOF, rules: defaultRules('zh'), lang: 'zh' });
  await clearSheets(book, analysis, await book.paintedSheets(), 'zh');
  return book.save();
}

describe('the package adapter on workbooks from several producers', () => {
  let files: [string, Uint8Array][] = [];
  beforeAll(async () => {
    files = await corpus();
  });

  it('has a corpus from openpyxl, LibreOffice and ExcelJS with the features plan workbooks carry, a pivot table included', async () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
    const lo = await partsOf(
      files.find(([n]) => n.startsWith('libreoffice'))?.[1] ?? new Uint8Array(),
    );
    const py = await partsOf(
      files.find(([n]) => n === 'openpyxl-features-vba.xlsm')?.[1] ?? new Uint8Array(),
    );
    for (const p of [lo, py]) {
      const names = [...p.keys()].join(' ');
      for (const feature of ['xl/charts/', 'xl/media/', 'xl/tables/', 'xl/drawings/'])
        expect(names).toContain(feature);
    }
    expect(py.has('xl/vbaProject.bin')).toBe(true);
    const pivot = await partsOf(
      files.find(([n]) => n === 'libreoffice-pivot.xlsx')?.[1] ?? new Uint8Array(),
    );
    for (const part of ['pivotTables/pivotTable1.xml', 'pivotCache/pivotCacheDefinition1.xml'])
      expect(pivot.has(`xl/${part}`)).toBe(true);
  });

  it('keeps every part of the input, byte for byte where the run had no reason to change it', async () => {
    for (const [name, bytes] of files) {
      const { out, painted } = await run(bytes);
      expect({ name, painted: painted.length > 0 }).toEqual({ name, painted: true });
      const paintedParts = sheetPartPaths(bytes, painted);
      const before = await partsOf(bytes);
      const after = await partsOf(out);
      for (const [part, content] of before) {
        expect({ name, part, kept: after.has(part) }).toEqual({ name, part, kept: true });
        if (!mayChange(part, paintedParts))
          expect({
            name,
            part,
            same: Buffer.compare(Buffer.from(content), Buffer.from(after.get(part) ?? [])) === 0,
          }).toEqual({ name, part, same: true });
      }
    }
  });

  it('writes every changed part with its children in the order ECMA-376 fixes', async () => {
    for (const [name, bytes] of files) {
      const { out } = await run(bytes);
      const before = await partsOf(bytes);
      const after = await partsOf(out);
      for (const [part, content] of after) {
        if (!part.endsWith('.xml') && !part.endsWith('.rels')) continue;
        const old = before.get(part);
        if (old !== undefined && Buffer.compare(Buffer.from(old), Buffer.from(content)) === 0)
          continue;
        expect({
          name,
          part,
          problems: orderProblems(Buffer.from(content).toString('utf8')),
        }).toEqual({ name, part, problems: [] });
      }
    }
  });

  it('reads back its own statuses, and a clear gives back the input cell for cell', async () => {
    for (const [name, bytes] of files) {
      const { out } = await run(bytes);
      const painted = await PackageWorkbook.open(out);
      expect({ name, painted: (await painted.paintedSheets()).length > 0 }).toEqual({
        name,
        painted: true,
      });
      const cleared = await clear(out);
      const again = await PackageWorkbook.open(cleared);
      const original = await PackageWorkbook.open(bytes);
      expect(await again.listSheets()).toEqual(await original.listSheets());
      for (const s of await original.listSheets())
        expect(await again.readSheet(s.name)).toEqual(await original.readSheet(s.name));
      const left = await partsOf(cleared);
      expect([...left.keys()].sort()).toEqual([...(await partsOf(bytes)).keys()].sort());
      expect((await again.listSheets()).some((s) => s.name === STATE_SHEET)).toBe(false);
    }
  });
});
