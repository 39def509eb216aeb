import { execFile } from 'child_process';
import { promises as fsp } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { promisify } from 'util';
import { main } from '../../src/cli/main';
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
}, SOFFICE_TIMEOUT + 60_000);

/** pdftotext breaks lines inside a paragraph; whitespace says nothing about what was printed. */
function flat(text: string | undefined): string {
  return (text ?? '').replace(/\s+/g, '');
}

describe('the documents as LibreOffice prints them', () => {
  it('prints every page on A4 portrait', () => {
    expect(sizes.size).toBe(1 + noticeFiles.length);
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

  it('numbers the pages in the "— 1 —" form', () => {
    expect(texts.get('通报')).toMatch(/—\s*1\s*—/);
    expect(texts.get('通报')).toMatch(/—\s*2\s*—/);
  });
});
