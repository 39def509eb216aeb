import { spawnSync } from 'child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'fs';
import * as os from 'os';
import * as path from 'path';
import { gzipSync } from 'zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { serveStatic } from '../../test/e2e/staticServer';
import { median, type BenchContext, type Figure } from '../figure';
import { generatePlanXlsx } from '../genXlsx';

const ROOT = path.join(__dirname, '..', '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Issue 13: the file-mode worker below ExcelJS's chunk alone (275.9 KB gzip). */
const WORKER_BUDGET_KB = 275.9;
/** Issue #6: what Office mode loads before its first render, gzipped. */
const INITIAL_BUDGET_KB = 350;
/** Issue #6: no task on the page longer than this while a big workbook is opened and painted. */
const LONG_TASK_BUDGET_MS = 200;
const FULL_ROWS = 100_000;
const SHORT_ROWS = 10_000;
const AS_OF = '2023-10-15';

const gzipKb = (file: string): number => gzipSync(readFileSync(file), { level: 9 }).length / 1024;

/** The newest modification time under `dir` (sources), to tell a stale build. */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * dist/ as `npm run build` leaves it; built here when missing or older than the sources it is
 * built from, so the figures are those of the code in the tree. BENCH_DIST names another build.
 */
function distToMeasure(): { dir: string; note: string } {
  if (process.env.BENCH_DIST) return { dir: process.env.BENCH_DIST, note: 'BENCH_DIST' };
  const dir = path.join(ROOT, 'dist');
  const page = path.join(dir, 'taskpane.html');
  const sources = Math.max(
    newestMtime(path.join(ROOT, 'src')),
    statSync(path.join(ROOT, 'webpack.config.js')).mtimeMs,
  );
  if (existsSync(page) && statSync(page).mtimeMs >= sources) return { dir, note: 'dist reused' };
  const started = performance.now();
  const build = spawnSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/webpack-cli/bin/cli.js'), '--mode', 'production'],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (build.status !== 0) throw new Error(`webpack failed:\n${build.stdout}\n${build.stderr}`);
  return { dir, note: `dist built in ${((performance.now() - started) / 1000).toFixed(0)} s` };
}

/** The page's own <script src>, in order: office.js (Microsoft's CDN) is not ours to count. */
function initialScripts(dist: string, page: string): string[] {
  const html = readFileSync(path.join(dist, page), 'utf8');
  return [...html.matchAll(/<script[^>]*\bsrc=["']?([^"' >]+)/g)]
    .map((m) => m[1] ?? '')
    .filter((src) => !/^https?:/.test(src) && !src.startsWith('office-js/'));
}

/**
 * The worker's entry and every chunk it can load: webpack's runtime in the entry names each chunk
 * file by its content hash, so a dist file whose hash the entry quotes is one the worker fetches.
 */
function workerScripts(dist: string): string[] {
  const entry = chunk(dist, 'tricolor-xlsx.');
  if (entry === undefined) return [];
  const text = readFileSync(path.join(dist, entry), 'utf8');
  const loaded = readdirSync(dist).filter((f) => {
    const hash = /\.([0-9a-f]{8})\.js$/.exec(f)?.[1];
    return f !== entry && hash !== undefined && text.includes(`"${hash}"`);
  });
  return [entry, ...loaded];
}

function chunk(dist: string, prefix: string): string | undefined {
  return readdirSync(dist).find((f) => f.startsWith(prefix) && f.endsWith('.js'));
}

function bundleFigures(dist: string, note: string): Figure[] {
  const initial = initialScripts(dist, 'taskpane.html');
  const initialKb = initial.reduce((kb, src) => kb + gzipKb(path.join(dist, src)), 0);
  const office = chunk(dist, 'office-adapter.');
  const xlsx = chunk(dist, 'xlsx-vendor.');
  const figures: Figure[] = [
    {
      name: 'taskpane.office_initial_js.gzip_kb',
      value: initialKb,
      unit: 'KB',
      budget: INITIAL_BUDGET_KB,
      structural: true,
      note: `${initial.join(' + ')}; office.js from Microsoft's CDN not counted; ${note}`,
    },
  ];
  if (office) {
    figures.push({
      name: 'taskpane.office_adapter_chunk.gzip_kb',
      value: gzipKb(path.join(dist, office)),
      unit: 'KB',
      note: 'fetched inside Excel once the pane has rendered',
    });
  }
  if (xlsx) {
    figures.push({
      name: 'taskpane.file_mode_xlsx_chunk.gzip_kb',
      value: gzipKb(path.join(dist, xlsx)),
      unit: 'KB',
      note: 'JSZip + saxes, fetched by the xlsx worker in file mode only',
    });
  }
  const worker = workerScripts(dist);
  if (worker.length > 0) {
    figures.push({
      name: 'taskpane.file_mode_worker_js.gzip_kb',
      value: worker.reduce((kb, f) => kb + gzipKb(path.join(dist, f)), 0),
      unit: 'KB',
      budget: WORKER_BUDGET_KB,
      structural: true,
      note: `all the file-mode worker loads: ${worker.join(' + ')} (ExcelJS's worker chunk alone was 275.9 KB)`,
    });
  }
  return figures;
}

// Installed before any script of the page: when the pane's title first exists, and every long task.
const PAGE_PROBE = `(() => {
  const w = window;
  w.__bench = { firstRender: null, longTasks: [] };
  new MutationObserver((_, observer) => {
    if (w.__bench.firstRender === null && document.querySelector('#root h1')) {
      w.__bench.firstRender = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__bench.longTasks.push({ start: e.startTime, ms: e.duration });
  }).observe({ type: 'longtask', buffered: true });
})();`;

interface Probe {
  readonly firstRender: number | null;
  readonly longTasks: readonly { readonly start: number; readonly ms: number }[];
}

const probe = (page: Page): Promise<Probe> =>
  page.evaluate(() => (window as unknown as { __bench: Probe }).__bench);

async function newPage(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1400, height: 1000 },
    locale: 'zh-CN',
  });
  // No internet needed: office.js from Microsoft's CDN is answered from the npm package.
  await context.route('https://appsforoffice.microsoft.com/**', async (route) => {
    const name = new URL(route.request().url()).pathname.split('/hosted/')[1] ?? '';
    const file = path.join(ROOT, 'node_modules/@microsoft/office-js/dist', name);
    if (name && existsSync(file))
      await route.fulfill({ path: file, contentType: 'text/javascript' });
    else await route.fulfill({ status: 404 });
  });
  const page = await context.newPage();
  await page.addInitScript(PAGE_PROBE);
  await page.goto(url);
  return page;
}

/** Milliseconds from navigation start until the pane's title is in the page. */
async function firstRender(browser: Browser, url: string): Promise<number> {
  const page = await newPage(browser, url);
  await page.locator('#root h1').waitFor();
  const { firstRender: at } = await probe(page);
  await page.context().close();
  if (at === null) throw new Error(`no first render seen on ${url}`);
  return at;
}

interface Responsiveness {
  readonly longestMs: number;
  readonly tasksOver50: number;
  readonly wallMs: number;
}

/** Opens the workbook with the file picker, waits for its grid, paints it: the long tasks meanwhile. */
async function openAndPaint(
  browser: Browser,
  url: string,
  xlsx: string,
  rows: number,
): Promise<Responsiveness> {
  const page = await newPage(browser, url);
  // The built-in sample first, so its work is over before the measured part starts.
  await page.getByRole('grid', { name: '工作表“重点项目”' }).waitFor({ timeout: 120_000 });
  await page.waitForTimeout(500);
  const from = await page.evaluate(() => performance.now());
  // A file on disk, as a user picks it: handed to the input by the browser. (Bytes passed from
  // here would be rebuilt from base64 by a script on the page: a second-long task of its own.)
  await page.locator('input[type=file]').setInputFiles(xlsx);
  await page.getByText('当前文件:bench.xlsx').waitFor({ timeout: 600_000 });
  // The sample's sheet has the same name: wait for the grid of the generated one's length.
  await page.waitForFunction(
    (n) => Number(document.querySelector('[role=grid]')?.getAttribute('aria-rowcount')) > n,
    rows,
    { timeout: 600_000, polling: 100 },
  );
  await page.getByRole('tab', { name: '标注' }).click();
  await page.getByLabel('截至日期').fill(AS_OF);
  await page.getByRole('button', { name: '运行', exact: true }).click();
  await page.getByRole('group', { name: '合计' }).waitFor({ timeout: 600_000 });
  // A long task is reported once it has ended: let the last one land.
  await page.waitForTimeout(300);
  const to = await page.evaluate(() => performance.now());
  const tasks = (await probe(page)).longTasks.filter((t) => t.start + t.ms >= from);
  await page.context().close();
  return {
    longestMs: tasks.reduce((m, t) => Math.max(m, t.ms), 0),
    tasksOver50: tasks.length,
    wallMs: to - from,
  };
}

/**
 * The task pane as a browser runs it (issue #6): the gzip size of what Office mode loads before
 * its first render (structural budget), the file-mode ExcelJS chunk, time to first render, and
 * the longest task while a 100,000-row workbook (10,000 in --short) is opened, analysed and painted.
 */
export async function measureTaskpane(ctx: BenchContext): Promise<Figure[]> {
  const { dir, note } = distToMeasure();
  const figures = bundleFigures(dir, note);
  if (!existsSync(CHROMIUM)) {
    console.log(`taskpane: no Chromium at ${CHROMIUM} (CHROMIUM_PATH): browser figures skipped`);
    return figures;
  }
  const rows = ctx.short ? SHORT_ROWS : FULL_ROWS;
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'tricolor-bench-'));
  const xlsx = path.join(tmp, 'bench.xlsx');
  writeFileSync(xlsx, await generatePlanXlsx(rows));
  const server = await serveStatic(dir);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    for (const page of ['index.html', 'taskpane.html']) {
      const times: number[] = [];
      // One warm-up load, so the disk cache is as a returning user's.
      for (let i = -1; i < ctx.runs; i++) {
        const ms = await firstRender(browser, server.url + page);
        if (i >= 0) times.push(ms);
      }
      figures.push({
        name: `taskpane.first_render.${page.replace('.html', '')}.ms`,
        value: median(times),
        unit: 'ms',
        note:
          page === 'taskpane.html'
            ? 'outside Excel: office.js loaded (served locally) and asked for the host first'
            : 'the web page, without office.js',
      });
    }
    const runs: Responsiveness[] = [];
    for (let i = 0; i < Math.min(ctx.runs, 3); i++) {
      runs.push(await openAndPaint(browser, `${server.url}index.html`, xlsx, rows));
    }
    const label = rows.toLocaleString('en-US').replace(/,/g, '_');
    const longest = median(runs.map((r) => r.longestMs));
    figures.push({
      name: `taskpane.longest_task.${label}.ms`,
      value: longest,
      unit: 'ms',
      budget: LONG_TASK_BUDGET_MS,
      note:
        `open + analyse + paint of a ${label}-row .xlsx in the page, median of ${runs.length}; ` +
        `per run ${runs.map((r) => r.longestMs.toFixed(0)).join('/')} ms, ` +
        `${runs.map((r) => r.tasksOver50).join('/')} tasks over 50 ms`,
    });
    figures.push({
      name: `taskpane.open_to_painted.${label}.ms`,
      value: median(runs.map((r) => r.wallMs)),
      unit: 'ms',
      note: 'file picked to counts shown',
    });
  } finally {
    await browser.close();
    await server.close();
    rmSync(tmp, { recursive: true, force: true });
  }
  return figures;
}
