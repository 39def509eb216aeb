import { execFile } from 'child_process';
import { promises as fsp, readdirSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { promisify } from 'util';
import { PackageWorkbook } from '../../src/adapters/xlsxPackage/PackageWorkbook';
import { analyzeWorkbook } from '../../src/core/analyzeWorkbook';
import { dayNumber } from '../../src/core/dates';
import { defaultRules } from '../../src/core/rules';
import { clearSheets, paintSheets, readSheets } from '../../src/session/workflow';

/**
 * The package adapter's output as other programs see it: each corpus workbook (scripts/corpus) run
 * and cleared, the outputs opened by LibreOffice (converted to xlsx, in a profile of its own) and
 * read back by openpyxl (scripts/corpus/read_back.py, the system python3-openpyxl).
 */

const exec = promisify(execFile);
const CORPUS = path.resolve(__dirname, '..', 'fixtures', 'corpus');
const READ_BACK = path.resolve(__dirname, '..', '..', 'scripts', 'corpus', 'read_back.py');
const ASOF = dayNumber(2023, 6, 30);
const SHEET = '重点项目';
/** Two LibreOffice starts and four python ones per workbook. */
const TIMEOUT = 300_000;

interface ReadBack {
  sheets: string[];
  status: (string | null)[];
  fillB: (string | null)[];
  tables: string[];
  validations: number;
  printTitles: string | null;
}

let dir: string;

async function readBack(file: string): Promise<ReadBack> {
  const { stdout } = await exec('/usr/bin/python3', [READ_BACK, file, SHEET, '7']);
  return JSON.parse(stdout) as ReadBack;
}

async function libreOfficeOpens(file: string): Promise<void> {
  const out = path.join(dir, 'lo');
  await exec(
    'soffice',
    [
      `-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`,
      '--headless',
      '--convert-to',
      'xlsx',
      '--outdir',
      out,
      file,
    ],
    { timeout: 120_000 },
  );
  const converted = path.join(out, `${path.basename(file, path.extname(file))}.xlsx`);
  expect((await fsp.stat(converted)).size).toBeGreaterThan(0);
}

beforeAll(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'tricolor-corpus-'));
});

afterAll(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

describe.each(readdirSync(CORPUS).sort())('%s through the package adapter', (name) => {
  it(
    'opens in LibreOffice and reads back in openpyxl with the statuses and fills right, painted and cleared',
    async () => {
      const input = path.join(CORPUS, name);
      const book = await PackageWorkbook.open(await fsp.readFile(input));
      const { grids } = await readSheets(book);
      const analysis = analyzeWorkbook(grids, {
        asOf: ASOF,
        rules: defaultRules('zh'),
        lang: 'zh',
      });
      await paintSheets(book, analysis, 'zh');
      const paintedFile = path.join(dir, `painted-${name}`);
      await fsp.writeFile(paintedFile, await book.save());

      const sheet = analysis.sheets.find((s) => s.sheet === SHEET);
      if (sheet === undefined) throw new Error('no plan table found');
      const before = await readBack(input);
      const painted = await readBack(paintedFile);
      const labels = Array.from(sheet.paint.codes, (c) => (c === 0 ? null : sheet.paint.labels[c]));
      expect(painted.status).toEqual([sheet.paint.header, ...labels]);
      const colours = new Map<number, string>();
      for (const f of sheet.paint.fills)
        for (let j = 0; j + 1 < f.runs.length; j += 2)
          for (let r = f.runs[j] ?? 0; r <= (f.runs[j + 1] ?? -1); r++)
            colours.set(r, `FF${f.color}`);
      painted.fillB.forEach((fill, r) => {
        if (colours.has(r)) expect({ r, fill }).toEqual({ r, fill: colours.get(r) });
      });
      expect(painted.sheets).toEqual([...before.sheets, '_tricolor']);
      expect([painted.tables, painted.validations, painted.printTitles]).toEqual([
        before.tables,
        before.validations,
        before.printTitles,
      ]);
      await libreOfficeOpens(paintedFile);

      const again = await PackageWorkbook.open(await fsp.readFile(paintedFile));
      const reread = await readSheets(again);
      const now = analyzeWorkbook(reread.grids, {
        asOf: ASOF,
        rules: defaultRules('zh'),
        lang: 'zh',
      });
      await clearSheets(again, now, await again.paintedSheets(), 'zh');
      const clearedFile = path.join(dir, `cleared-${name}`);
      await fsp.writeFile(clearedFile, await again.save());
      const cleared = await readBack(clearedFile);
      expect(cleared).toEqual({ ...before, status: before.status.map(() => null) });
      await libreOfficeOpens(clearedFile);
    },
    TIMEOUT,
  );
});
