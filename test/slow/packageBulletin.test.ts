import { execFile } from 'child_process';
import { promises as fsp, readdirSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { promisify } from 'util';
import { PackageWorkbook } from '../../src/adapters/xlsxPackage/PackageWorkbook';
import { analyzeWorkbook } from '../../src/core/analyzeWorkbook';
import { buildBulletin } from '../../src/core/bulletin/buildBulletin';
import type { BulletinBook } from '../../src/core/bulletinBook';
import { dayNumber } from '../../src/core/dates';
import { defaultRules } from '../../src/core/rules';
import { paintSheets, readSheets } from '../../src/session/workflow';
import { SAMPLE } from '../support/samples';

/**
 * The package adapter's bulletin, chart included, as other programs see it: the sample and each
 * corpus workbook painted and given its bulletin twice (the second run replacing the first's
 * sheets), then printed to PDF by LibreOffice (in a profile of its own), its pages drawn to
 * test-output/package-bulletin/*.png for a person to look at, and its charts read by openpyxl
 * (the system python3-openpyxl, which reads charts through its drawing reader).
 */

const exec = promisify(execFile);
const CORPUS = path.resolve(__dirname, '..', 'fixtures', 'corpus');
const PNG_DIR = path.resolve(process.cwd(), 'test-output/package-bulletin');
const ASOF = dayNumber(2023, 6, 30);
const TIMEOUT = 300_000;
const rules = defaultRules('zh');

/** Each sheet's charts as openpyxl reads them: series names, value and category formulas, cached values. */
const READ_CHARTS = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {}
for ws in wb.worksheets:
    charts = []
    for ch in ws._charts:
        # The corpus files hold charts of their own, of other kinds: read what each has.
        series = []
        for s in ch.series:
            cat = s.cat and (s.cat.strRef or s.cat.numRef)
            val = s.val and s.val.numRef
            series.append({
                "name": s.tx.v if s.tx else None,
                "cat": cat.f if cat else None,
                "val": val.f if val else None,
                "values": [p.v for p in val.numCache.pt] if val and val.numCache else [],
            })
        charts.append({"type": ch.tagname, "grouping": getattr(ch, "grouping", None), "series": series})
    if charts:
        out[ws.title] = charts
print(json.dumps(out, ensure_ascii=False))
`;

interface ReadChart {
  type: string;
  grouping: string;
  series: { name: string | null; cat: string | null; val: string | null; values: number[] }[];
}

let dir: string;

async function runTwice(
  input: Uint8Array,
): Promise<{ bytes: Uint8Array; book: BulletinBook; sheets: string[] }> {
  let bytes = input;
  let last: { book: BulletinBook; sheets: string[] } | undefined;
  for (let i = 0; i < 2; i++) {
    const port = await PackageWorkbook.open(bytes);
    const { grids } = await readSheets(port);
    const analysis = analyzeWorkbook(grids, { asOf: ASOF, rules, lang: 'zh' });
    if (i === 0) await paintSheets(port, analysis, 'zh');
    const book = buildBulletin(analysis.sheets, ASOF, { lang: 'zh', rules });
    const { sheets } = await port.writeBulletin(book);
    last = { book, sheets: [...sheets] };
    bytes = await port.save();
  }
  if (!last) throw new Error('no run');
  return { bytes, ...last };
}

async function toPdf(file: string): Promise<string> {
  const out = path.join(dir, 'pdf');
  await exec(
    'soffice',
    [
      `-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      out,
      file,
    ],
    { timeout: 120_000 },
  );
  return path.join(out, `${path.basename(file, path.extname(file))}.pdf`);
}

function occurrences(text: string, word: string): number {
  return text.split(word).length - 1;
}

beforeAll(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'tricolor-pkg-bulletin-'));
  await fsp.mkdir(PNG_DIR, { recursive: true });
});

afterAll(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

const INPUTS: [string, string][] = [
  ['projects.xlsx', SAMPLE],
  ...readdirSync(CORPUS)
    .sort()
    .map((f): [string, string] => [f, path.join(CORPUS, f)]),
];

describe.each(INPUTS)('%s with a bulletin from the package adapter', (name, input) => {
  it(
    'prints in LibreOffice with the chart drawn, and openpyxl reads the chart with its series',
    async () => {
      const { bytes, book, sheets } = await runTwice(new Uint8Array(await fsp.readFile(input)));
      const stem = path.basename(name, path.extname(name));
      const file = path.join(dir, `${stem}-bulletin${path.extname(name)}`);
      await fsp.writeFile(file, bytes);

      const pdf = await toPdf(file);
      expect((await fsp.stat(pdf)).size).toBeGreaterThan(0);
      const { stdout: text } = await exec('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], {
        maxBuffer: 64 * 1024 * 1024,
      });
      await exec('pdftoppm', ['-png', '-r', '60', pdf, path.join(PNG_DIR, stem)]);

      const { stdout } = await exec('/usr/bin/python3', ['-c', READ_CHARTS, file]);
      const charts = JSON.parse(stdout) as Record<string, ReadChart[]>;
      const charted = book.sheets.flatMap((s, i) =>
        s.chart ? [{ s, name: sheets[i] ?? '' }] : [],
      );
      for (const c of charted) expect(Object.keys(charts)).toContain(c.name);
      for (const { s, name: sheetName } of charted) {
        const chart = s.chart!;
        const [read] = charts[sheetName] ?? [];
        expect(read).toMatchObject({ type: 'barChart', grouping: 'clustered' });
        expect(read?.series.map((x) => x.name)).toEqual(chart.series.map((x) => x.name));
        for (const x of read?.series ?? []) {
          expect(x.val?.startsWith(`'${sheetName}'!$`)).toBe(true);
          expect(x.cat?.startsWith(`'${sheetName}'!$`)).toBe(true);
          expect(x.values.length).toBeGreaterThan(0);
        }
        // The chart's title is printed once more than the cells that hold the same words.
        const inCells = s.cells.filter(
          (c) => typeof c.value === 'string' && c.value.includes(chart.title),
        ).length;
        expect(occurrences(text, chart.title)).toBeGreaterThan(inCells);
      }
    },
    TIMEOUT,
  );
});
