import { spawnSync } from 'child_process';
import ExcelJS from 'exceljs';
import { existsSync, mkdirSync, readFileSync } from 'fs';
import { join, resolve } from 'path';
import { chromium, type Browser, type ConsoleMessage, type Page } from 'playwright-core';
import { gzipSync } from 'zlib';
import { serveStatic } from './staticServer';

const ROOT = resolve(__dirname, '../..');
const OUT = join(ROOT, 'test-output/e2e');
// CI checks the repository out next to shared/; on a workstation it is /work/shared.
const SAMPLES = [resolve(ROOT, '../shared/samples'), '/work/shared/samples'].find((p) =>
  existsSync(join(p, 'expected.json')),
);
const OFFICE_JS = join(ROOT, 'node_modules/@microsoft/office-js/dist');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const BUDGET_GZIP = 350 * 1024;
// Also run by the default jest config, whose 5 s per test is too short for a browser.
const TEST_TIMEOUT = 180_000;

type Status = 'normal' | 'lagging' | 'severe' | 'done' | 'unknown';
const LABELS: Record<Status, string> = {
  normal: '正常',
  lagging: '滞后',
  severe: '严重滞后',
  done: '已完成',
  unknown: '无法判定',
};
const STATUSES = Object.keys(LABELS) as Status[];

interface Expected {
  readonly sheet: string;
  readonly rows: Readonly<Record<string, Status>>;
  readonly counts: Readonly<Record<Status, number>>;
}

function expected(): Expected {
  if (!SAMPLES) throw new Error('shared/samples not found next to the repository');
  const all = JSON.parse(readFileSync(join(SAMPLES, 'expected.json'), 'utf8')) as Record<
    string,
    Record<string, Expected>
  >;
  const e = all['projects.xlsx']?.['2023-06-30'];
  if (!e) throw new Error('expected.json has no projects.xlsx at 2023-06-30');
  return e;
}

/**
 * The build under test: dist/ as it is when E2E_USE_DIST=1 (CI after `npm run build`), otherwise
 * a fresh production build into test-output/e2e/dist so the test never sees a stale bundle.
 */
function buildUnderTest(): string {
  if (process.env.E2E_USE_DIST === '1') return join(ROOT, 'dist');
  const out = join(OUT, 'dist');
  const build = spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/webpack-cli/bin/cli.js'),
      '--mode',
      'production',
      '--output-path',
      out,
    ],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ADDIN_HOST: '' } },
  );
  if (build.status !== 0) throw new Error(`webpack failed:\n${build.stdout}\n${build.stderr}`);
  return out;
}

function initialScripts(dist: string, page: string): string[] {
  const html = readFileSync(join(dist, page), 'utf8');
  return [...html.matchAll(/<script[^>]*\bsrc=["']?([^"' >]+)/g)]
    .map((m) => m[1] ?? '')
    .filter((src) => !/^https?:/.test(src) && !src.startsWith('office-js/'));
}

let dist = '';
let server: { url: string; close: () => Promise<void> };
let browser: Browser;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  dist = buildUnderTest();
  server = await serveStatic(dist);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A page that fails the test on any console error or uncaught exception it reports. */
async function openPage(path: string): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: { width: 1400, height: 1300 },
    locale: 'zh-CN',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  // No internet here: Microsoft's CDN is answered from the office-js package.
  await page.route('https://appsforoffice.microsoft.com/**', async (route) => {
    const name = new URL(route.request().url()).pathname.split('/hosted/')[1] ?? '';
    const file = join(OFFICE_JS, name);
    if (name && existsSync(file))
      await route.fulfill({ path: file, contentType: 'text/javascript' });
    else await route.fulfill({ status: 404 });
  });
  await page.goto(server.url + path);
  return { page, errors };
}

async function paintAsOf(page: Page, day: string): Promise<Record<Status, number>> {
  await page.getByRole('tab', { name: '标注' }).click();
  await page.getByLabel('截至日期').fill(day);
  await page.getByRole('button', { name: '运行', exact: true }).click();
  const group = page.getByRole('group', { name: '合计' });
  await group.waitFor();
  const texts = await group.locator('.fui-Badge').allTextContents();
  const counts = {} as Record<Status, number>;
  for (const s of STATUSES) {
    const text = texts.find((t) => t.startsWith(`${LABELS[s]} `));
    counts[s] = Number(text?.slice(LABELS[s].length + 1));
  }
  return counts;
}

/** The status column's label on each expected row, read from the grid view. */
async function gridStatuses(page: Page, rows: readonly string[]): Promise<Record<string, string>> {
  const header = page.locator('[role=gridcell]', { hasText: /^三色状态$/ });
  const address = (await header.getAttribute('data-cell')) ?? '';
  const column = address.replace(/\d+$/, '');
  const out: Record<string, string> = {};
  for (const r of rows) {
    out[r] = (await page.locator(`[data-cell="${column}${r}"]`).textContent()) ?? '';
  }
  return out;
}

describe('file mode in Chromium', () => {
  it(
    'loads the built-in sample and paints it with the expected counts for 2023-06-30',
    async () => {
      const want = expected();
      const { page, errors } = await openPage('index.html');
      await page.getByRole('grid', { name: `工作表“${want.sheet}”` }).waitFor();
      expect(await paintAsOf(page, '2023-06-30')).toEqual(want.counts);
      const labels = await gridStatuses(page, Object.keys(want.rows));
      expect(labels).toEqual(
        Object.fromEntries(Object.entries(want.rows).map(([r, s]) => [r, LABELS[s]])),
      );
      // A lagging row is filled with the palette's yellow across the table.
      const lagging = Object.keys(want.rows).find((r) => want.rows[r] === 'lagging');
      const fill = await page
        .locator(`[data-cell="B${lagging}"]`)
        .evaluate((el) => getComputedStyle(el).backgroundColor);
      expect(fill).toBe('rgb(255, 235, 156)');
      // ExcelJS ran in the worker, not on the page.
      const scripts = await page.evaluate(() =>
        performance.getEntriesByType('resource').map((r) => r.name.split('/').pop() ?? ''),
      );
      expect(scripts.some((n) => /^tricolor-xlsx\./.test(n))).toBe(true);
      await page.screenshot({ path: join(OUT, 'fileMode-sample.png') });
      expect(errors).toEqual([]);
      await page.context().close();
    },
    TEST_TIMEOUT,
  );

  it(
    'reads a file chosen in the file picker and downloads it painted as a valid workbook',
    async () => {
      const want = expected();
      const { page, errors } = await openPage('index.html');
      await page.getByRole('grid').waitFor();
      await page.locator('input[type=file]').setInputFiles(join(SAMPLES ?? '', 'projects.xlsx'));
      await page.getByText('当前文件:projects.xlsx').waitFor();
      expect(await paintAsOf(page, '2023-06-30')).toEqual(want.counts);
      await page.screenshot({ path: join(OUT, 'fileMode-projects.png') });

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: '下载' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('projects.三色.xlsx');
      const saved = join(OUT, download.suggestedFilename());
      await download.saveAs(saved);

      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(saved);
      const sheet = book.getWorksheet(want.sheet);
      if (!sheet) throw new Error(`no sheet ${want.sheet} in the download`);
      let statusColumn = 0;
      sheet.getRow(3).eachCell((cell, col) => {
        if (cell.value === '三色状态') statusColumn = col;
      });
      expect(statusColumn).toBeGreaterThan(0);
      for (const [row, status] of Object.entries(want.rows)) {
        expect([row, sheet.getCell(Number(row), statusColumn).value]).toEqual([
          row,
          LABELS[status],
        ]);
      }
      const lagging = Object.keys(want.rows).find((r) => want.rows[r] === 'lagging');
      const fill = sheet.getCell(Number(lagging), 2).fill;
      expect(fill).toMatchObject({
        type: 'pattern',
        pattern: 'solid',
        fgColor: { argb: 'FFFFEB9C' },
      });
      expect(errors).toEqual([]);
      await page.context().close();
    },
    TEST_TIMEOUT,
  );

  it(
    'opens taskpane.html outside Excel in file mode, with office.js loaded',
    async () => {
      const { page, errors } = await openPage('taskpane.html');
      await page.getByRole('grid').waitFor();
      expect(await page.evaluate(() => typeof (window as { Office?: unknown }).Office)).toBe(
        'object',
      );
      await page.getByRole('tab', { name: '检查' }).click();
      // Outside Office, office.js frames Microsoft's telemetry page after 3 s; the page's CSP
      // blocks that on purpose (no telemetry from an office's network), which Chromium reports.
      const ours = errors.filter((e) => !/telemetryservice\.firstpartyapps\.oaspapps\.com/.test(e));
      expect(ours).toEqual([]);
      await page.context().close();
    },
    TEST_TIMEOUT,
  );

  it(
    'reaches every step and the run button from the keyboard',
    async () => {
      const { page, errors } = await openPage('index.html');
      await page.getByRole('grid').waitFor();
      const focused = () =>
        page.evaluate(() => {
          const el = document.activeElement;
          return `${el?.getAttribute('role') ?? el?.tagName.toLowerCase()}:${(el as HTMLElement | null)?.innerText.trim() ?? ''}`;
        });
      let found = false;
      for (let i = 0; i < 20 && !found; i++) {
        await page.keyboard.press('Tab');
        found = (await focused()) === 'tab:识别';
      }
      expect(found).toBe(true);
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      expect(await focused()).toBe('tab:标注');
      await page.keyboard.press('Enter');
      await page.getByLabel('截至日期').waitFor();
      let run = false;
      for (let i = 0; i < 30 && !run; i++) {
        await page.keyboard.press('Tab');
        run = (await focused()) === 'button:运行';
      }
      expect(run).toBe(true);
      await page.keyboard.press('Enter');
      await page.getByRole('group', { name: '合计' }).waitFor();
      expect(errors).toEqual([]);
      await page.context().close();
    },
    TEST_TIMEOUT,
  );

  it(
    'keeps the first download under 350 KB gzipped, without ExcelJS',
    () => {
      for (const html of ['index.html', 'taskpane.html']) {
        const scripts = initialScripts(dist, html);
        expect(scripts.length).toBeGreaterThan(0);
        let total = 0;
        for (const src of scripts) {
          const code = readFileSync(join(dist, src));
          total += gzipSync(code, { level: 9 }).length;
          // ExcelJS's content-type table: present in the xlsx chunk, never in the first download.
          expect([src, code.includes('sharedStrings+xml')]).toEqual([src, false]);
        }
        expect(total).toBeLessThanOrEqual(BUDGET_GZIP);
      }
    },
    TEST_TIMEOUT,
  );
});
