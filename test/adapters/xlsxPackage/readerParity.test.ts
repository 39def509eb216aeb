import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';
import { ExceljsGridReader } from '../../support/exceljsGrid/ExceljsGridReader';
import { PackageReader } from '../../../src/adapters/xlsxPackage/PackageReader';
import { PortError } from '../../../src/port/WorkbookPort';

const ROOT = join(__dirname, '..', '..', '..');

function workbooksUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...workbooksUnder(path));
    else if (/\.xls[xm]$/i.test(name)) out.push(path);
  }
  return out.sort();
}

const CORPUS = join(ROOT, 'test', 'fixtures', 'corpus');
/** The package corpus holds files ExcelJS cannot read (issue 13); they are compared apart, below. */
const files = [
  ...workbooksUnder(join(ROOT, 'test', 'fixtures')).filter((f) => !f.startsWith(CORPUS)),
  ...workbooksUnder(join(ROOT, 'samples')),
];

async function outcome<T>(run: () => Promise<T>): Promise<{ ok: T } | { code: string }> {
  try {
    return { ok: await run() };
  } catch (e) {
    if (e instanceof PortError) return { code: e.code };
    throw e;
  }
}

describe('the package reader reads every fixture as ExcelJS does (test/support/exceljsGrid)', () => {
  it('finds workbooks to compare', () => {
    expect(files.length).toBeGreaterThan(40);
  });

  it.each(files.map((f) => [relative(ROOT, f), f]))(
    '%s gives the same sheets and grids, or the same refusal',
    async (_label, path) => {
      const bytes = new Uint8Array(readFileSync(path));
      const exceljs = await outcome(() => ExceljsGridReader.open(bytes));
      const pkg = await outcome(() => PackageReader.open(bytes));
      if (!('ok' in exceljs)) {
        // The package reader opens lazily: damage in a sheet's part is found when it is read.
        const refused =
          'ok' in pkg
            ? await outcome(async () => {
                for (const { name } of pkg.ok.listSheets()) await pkg.ok.readSheet(name);
              })
            : pkg;
        expect(refused).toEqual(exceljs);
        return;
      }
      if (!('ok' in pkg))
        throw new Error(`package reader refused a file ExcelJS reads: ${pkg.code}`);
      const sheets = exceljs.ok.listSheets();
      expect(pkg.ok.listSheets()).toEqual(sheets);
      for (const { name } of sheets) {
        expect(await pkg.ok.readSheet(name)).toEqual(await exceljs.ok.readSheet(name));
      }
    },
  );

  it('reads the openpyxl workbook with a chart that ExcelJS calls damaged', async () => {
    const bytes = new Uint8Array(readFileSync(join(CORPUS, 'openpyxl-features.xlsx')));
    expect(await outcome(() => ExceljsGridReader.open(bytes))).toEqual({ code: 'unreadable_file' });
    const pkg = await PackageReader.open(bytes);
    const grid = await pkg.readSheet('重点项目');
    expect(grid.values[0]).toEqual([
      '序号',
      '项目名称',
      '总投资(万元)',
      '计划节点',
      '是否完成',
      '责任单位',
    ]);
    expect(grid.values.length).toBe(21);
  });
});
