import { execFile } from 'child_process';
import { promises as fsp } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { promisify } from 'util';
import { main } from '../../src/cli/main';
import { QUARTER_END, writeTangshanXlsx } from '../cli/bulletinKit';

/**
 * The bulletin as it prints: `tricolor run`'s output for the Tangshan fixture, converted to PDF by
 * LibreOffice (headless, in a profile of its own so parallel runs do not clash), read back with
 * poppler's pdftotext and pdfinfo. The first bulletin page is also drawn to
 * test-output/bulletin/*.png for a person to look at. CI installs libreoffice-calc, poppler-utils
 * and fonts-noto-cjk (.ci/run).
 */

const run = promisify(execFile);
const SOFFICE_TIMEOUT = 120_000;
const PNG_DIR = path.resolve(process.cwd(), 'test-output/bulletin');
/** The lagging list's header row as pdftotext -layout prints it. */
const LIST_HEADER = /序号\s+项目名称\s+责任单位\s+计划节点\s+滞后月数\s+状态\s+存在问题/;

let dir: string;
/** The text of every page of each PDF, by the workbook's name. */
const pages = new Map<string, string[]>();

async function tricolorRun(input: string, asOf: string, out: string): Promise<void> {
  let err = '';
  const code = await main(['run', input, '--as-of', asOf, '--out', out], {
    stdout: { write: () => true },
    stderr: { write: (s: string) => (err += s) },
    cwd: dir,
    now: () => new Date(2023, 6, 1),
  });
  expect([code, err]).toEqual([0, '']);
}

async function pdfPages(pdf: string): Promise<string[]> {
  const { stdout } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], {
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout.split('\f');
}

/** 1-based numbers of the pages whose text contains `text`. */
function pagesWith(name: string, text: string): number[] {
  const all = pages.get(name) ?? [];
  return all.flatMap((p, i) => (p.includes(text) ? [i + 1] : []));
}

function pdfOf(name: string): string {
  return path.join(dir, 'pdf', `${name}.pdf`);
}

beforeAll(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'tricolor-lo-'));
  const q2 = await writeTangshanXlsx(dir, 'Q2');
  await tricolorRun(q2, QUARTER_END.Q2, path.join(dir, 'q2.xlsx'));
  // Eight months on, every project due 12月底 is behind: a lagging list of many pages.
  await tricolorRun(q2, '2024-02-15', path.join(dir, 'late.xlsx'));
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
      path.join(dir, 'q2.xlsx'),
      path.join(dir, 'late.xlsx'),
    ],
    { timeout: SOFFICE_TIMEOUT },
  );
  for (const name of ['q2', 'late']) pages.set(name, await pdfPages(pdfOf(name)));
}, SOFFICE_TIMEOUT + 30_000);

afterAll(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

describe('the Tangshan bulletin printed by LibreOffice', () => {
  it('has the title and the published figures on its first page', () => {
    const [first] = pagesWith('q2', '截至2023年6月30日重点项目推进情况');
    expect(first).toBeDefined();
    const text = pages.get('q2')?.[(first ?? 0) - 1] ?? '';
    // The title comes before everything else on its page.
    expect(text.trimStart().startsWith('截至2023年6月30日重点项目推进情况')).toBe(true);
    for (const figure of ['1127.4', '503.9', '44.7%', '49.6%', '83.6%']) {
      expect([figure, text.includes(figure)]).toEqual([figure, true]);
    }
    expect(text).toContain('年度计划投资1127.4亿元');
  });

  it('prints each bulletin sheet one page wide: the first and last columns on the same page', () => {
    const [summary] = pagesWith('q2', '重点项目推进情况');
    const summaryText = pages.get('q2')?.[(summary ?? 0) - 1] ?? '';
    expect(summaryText).toMatch(
      /序号\s+责任单位\s+总数\s+正常\s+滞后\s+严重滞后\s+已完成\s+无法判定\s+滞后占比/,
    );
    const [list] = pagesWith('q2', '滞后重点项目清单');
    const listText = pages.get('q2')?.[(list ?? 0) - 1] ?? '';
    expect(listText).toMatch(LIST_HEADER);
  });

  it('is on A4 landscape pages', async () => {
    const [first] = pagesWith('q2', '重点项目推进情况');
    const { stdout } = await run('pdfinfo', [
      '-f',
      String(first),
      '-l',
      String(first),
      pdfOf('q2'),
    ]);
    const size = /Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/.exec(stdout);
    expect(size).not.toBeNull();
    const [w, h] = [Number(size?.[1]), Number(size?.[2])];
    expect([Math.round(w), Math.round(h)]).toEqual([842, 595]);
  });

  it('repeats the lagging list’s header row on every page of a list many pages long', () => {
    const titled = pagesWith('late', '滞后重点项目清单');
    expect(titled).toHaveLength(1);
    // The list is the last sheet printed: its pages are the title's and those after it.
    const list = pagesWith('late', '唐山重点项目').filter((p) => p >= (titled[0] ?? Infinity));
    expect(list.length).toBeGreaterThan(3);
    for (const p of list) {
      const text = pages.get('late')?.[p - 1] ?? '';
      expect([p, LIST_HEADER.test(text)]).toEqual([p, true]);
    }
  });

  it('keeps a name starting with "=" as the text the user typed', () => {
    const text = (pages.get('q2') ?? []).join('\n');
    expect(text).toContain('=HYPERLINK("x")');
    expect(text).toMatch(/\d+\s+=1\+1\s/);
  });

  it('draws the first bulletin page to test-output/bulletin for a person to look at', async () => {
    const [first] = pagesWith('q2', '重点项目推进情况');
    await fsp.mkdir(PNG_DIR, { recursive: true });
    const stem = path.join(PNG_DIR, 'tangshan-2023-06-30');
    const page = String(first);
    await run('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      page,
      '-l',
      page,
      '-singlefile',
      pdfOf('q2'),
      stem,
    ]);
    const png = await fsp.readFile(`${stem}.png`);
    // IHDR: width and height, big-endian, at bytes 16 and 20. Landscape is wider than tall.
    const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    expect(width).toBeGreaterThan(height);
    // A4 landscape at 60 dpi: 841.9 x 595.3 pt, 701.6 x 496.1 pixels, rounded either way.
    expect(width).toBe(702);
    expect(Math.abs(height - 496)).toBeLessThanOrEqual(1);
  });
});
