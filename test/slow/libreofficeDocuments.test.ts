import { execFile } from 'child_process';
import { promises as fsp } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { promisify } from 'util';
import { main } from '../../src/cli/main';
import { FORMULA_LIKE_NAMES, writeTangshanXlsx } from '../cli/bulletinKit';
import { sampleCopy } from '../cli/cliTestKit';

/**
 * The sample's 通报.docx and 督办通知单 as they print: written by `tricolor run --docx --notices`,
 * converted to PDF by LibreOffice Writer (headless, its own profile), read back with poppler. The
 * first page of each is drawn to test-output/documents/*.png for a person to look at. CI installs
 * libreoffice-writer, poppler-utils and fonts-noto-cjk (.ci/run).
 */
const run = promisify(execFile);
const SOFFICE_TIMEOUT = 120_000;
const PNG_DIR = path.resolve(process.cwd(), 'test-output/documents');
const AS_OF = '2023-06-30';

let dir: string;
const texts = new Map<string, string>();
const sizes = new Map<string, string>();
let noticeFiles: string[] = [];
/** The Tangshan fixture eight months on: a lagging list of many pages, page by page (-layout). */
let longPages: string[] = [];
/** The counts and lagging list the JSON report gives, over every sheet. */
const counts: Record<string, number> = {};
let total = 0;
let lagging: { name: string; unit: string }[] = [];

beforeAll(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'tricolor-lo-docs-'));
  const input = await sampleCopy(dir);
  let err = '';
  const code = await main(
    [
      'run',
      input,
      '--as-of',
      AS_OF,
      '--out',
      'out.xlsx',
      '--report',
      'r.json',
      '--docx',
      '通报.docx',
      '--notices',
      'notices',
    ],
    {
      stdout: { write: () => true },
      stderr: { write: (s: string) => (err += s) },
      cwd: dir,
      now: () => new Date(2023, 6, 1),
    },
  );
  expect([code, err]).toEqual([0, '']);
  const report = JSON.parse(await fsp.readFile(path.join(dir, 'r.json'), 'utf8')) as {
    sheets: { counts: Record<string, number>; summary: { lagging: typeof lagging } }[];
  };
  for (const sheet of report.sheets) {
    for (const [s, n] of Object.entries(sheet.counts)) counts[s] = (counts[s] ?? 0) + n;
    lagging = [...lagging, ...sheet.summary.lagging];
  }
  total = Object.values(counts).reduce((a, b) => a + b, 0);
  noticeFiles = (await fsp.readdir(path.join(dir, 'notices'))).sort();
  const docs = [
    path.join(dir, '通报.docx'),
    ...noticeFiles.map((f) => path.join(dir, 'notices', f)),
  ];
  const tangshan = await writeTangshanXlsx(dir, 'Q2');
  err = '';
  const late = await main(
    ['run', tangshan, '--as-of', '2024-02-15', '--out', 'late.xlsx', '--docx', 'long.docx'],
    {
      stdout: { write: () => true },
      stderr: { write: (s: string) => (err += s) },
      cwd: dir,
      now: () => new Date(2024, 1, 15),
    },
  );
  expect([late, err]).toEqual([0, '']);
  docs.push(path.join(dir, 'long.docx'));
  const profile = pathToFileURL(path.join(dir, 'profile')).href;
  await run(
    'soffice',
    [
      `-env:UserInstallation=${profile}`,
      '--headless',
      '--norestore',
      '--convert-to',
      'pdf',
      '--outdir',
      path.join(dir, 'pdf'),
      ...docs,
    ],
    { timeout: SOFFICE_TIMEOUT },
  );
  await fsp.mkdir(PNG_DIR, { recursive: true });
  for (const doc of docs) {
    const name = path.basename(doc, '.docx');
    const pdf = path.join(dir, 'pdf', `${name}.pdf`);
    texts.set(name, (await run('pdftotext', ['-enc', 'UTF-8', pdf, '-'])).stdout);
    sizes.set(name, (await run('pdfinfo', [pdf])).stdout);
    await run('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      pdf,
      path.join(PNG_DIR, name),
    ]);
  }
  const longPdf = path.join(dir, 'pdf', 'long.pdf');
  const layout = await run('pdftotext', ['-layout', '-enc', 'UTF-8', longPdf, '-'], {
    maxBuffer: 64 * 1024 * 1024,
  });
  longPages = layout.stdout.split('\f');
  // A page in the middle of the list, to see its repeated header and an even page's number.
  const middle = String(2 * Math.max(1, Math.floor(longPages.length / 4)));
  await run('pdftoppm', [
    '-png',
    '-r',
    '60',
    '-f',
    middle,
    '-l',
    middle,
    '-singlefile',
    longPdf,
    path.join(PNG_DIR, 'long-list-page'),
  ]);
}, SOFFICE_TIMEOUT + 60_000);

/** pdftotext breaks lines inside a paragraph; whitespace says nothing about what was printed. */
function flat(text: string | undefined): string {
  return (text ?? '').replace(/\s+/g, '');
}

describe('the documents as LibreOffice prints them', () => {
  it('prints every page on A4 portrait', () => {
    expect(sizes.size).toBe(2 + noticeFiles.length);
    for (const info of sizes.values())
      expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
  });

  it('prints the report date, every count and every lagging item in the bulletin', () => {
    const text = flat(texts.get('通报'));
    expect(text).toContain('2023年6月30日');
    expect(text).toContain(`重点项目${total}项`);
    for (const [status, n] of Object.entries(counts)) {
      expect([status, text.includes(String(n))]).toEqual([status, true]);
    }
    expect(lagging.length).toBeGreaterThan(0);
    for (const item of lagging) expect(text).toContain(flat(item.name));
  });

  it("prints in each notice exactly its unit's items", () => {
    const units = [...new Set(lagging.map((i) => i.unit))];
    expect(noticeFiles).toHaveLength(units.length);
    for (const f of noticeFiles) {
      const text = flat(texts.get(path.basename(f, '.docx')));
      const unit = units.find((u) => text.includes(`${u}：`));
      expect([f, unit]).toEqual([f, expect.any(String)]);
      for (const item of lagging) {
        // The sample's names are unique, so a name printed is that item.
        expect([f, item.name, text.includes(flat(item.name))]).toEqual([
          f,
          item.name,
          item.unit === unit,
        ]);
      }
    }
  });

  it("repeats a long list's header row at the top of every page it runs onto", () => {
    const header = /序号\s+项目名称\s+责任单位\s+计划节点\s+滞后月数\s+状态/;
    const withHeader = longPages.flatMap((p, i) => (header.test(p) ? [i + 1] : []));
    expect(withHeader.length).toBeGreaterThanOrEqual(3);
    // One run of pages (the severe list, then the lagging list), none without its header.
    const first = withHeader[0] ?? 0;
    expect(withHeader).toEqual(withHeader.map((_, i) => first + i));
  });

  it('prints names that look like formulas as the text they are', () => {
    const text = longPages.join('');
    for (const name of Object.values(FORMULA_LIKE_NAMES)) expect(text).toContain(name);
  });

  it('numbers the pages in the "— 1 —" form', () => {
    expect(texts.get('通报')).toMatch(/—\s*1\s*—/);
    expect(texts.get('通报')).toMatch(/—\s*2\s*—/);
  });
});
