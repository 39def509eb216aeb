import { spawnSync } from 'child_process';
import { existsSync, mkdirSync, readFileSync } from 'fs';
import { join, resolve } from 'path';
import {
  chromium,
  type Browser,
  type BrowserContextOptions,
  type ConsoleMessage,
  type Page,
} from 'playwright-core';
import { EXPECTED } from '../support/samples';
import { serveStatic } from './staticServer';

/** What the browser tests share: the build under test, Chromium, a page that reports its errors. */

export const ROOT = resolve(__dirname, '../..');
export const OUT = join(ROOT, 'test-output/e2e');
const OFFICE_JS = join(ROOT, 'node_modules/@microsoft/office-js/dist');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Microsoft's office.js CDN, which taskpane.html loads office.js from. */
export const OFFICE_CDN = 'https://appsforoffice.microsoft.com';
// Each test drives a browser: more than jest's default 5 s.
export const TEST_TIMEOUT = 180_000;

export type Status = 'normal' | 'lagging' | 'severe' | 'done' | 'unknown';
export const LABELS: Record<Status, string> = {
  normal: '正常',
  lagging: '滞后',
  severe: '严重滞后',
  done: '已完成',
  unknown: '无法判定',
};
export const STATUSES = Object.keys(LABELS) as Status[];

export interface Expected {
  readonly sheet: string;
  readonly rows: Readonly<Record<string, Status>>;
  readonly counts: Readonly<Record<Status, number>>;
}

/** The expected chart of samples/projects.xlsx (the built-in sample) at 2023-06-30. */
export function expected(): Expected {
  const all = JSON.parse(readFileSync(EXPECTED, 'utf8')) as Record<
    string,
    Record<string, Expected>
  >;
  const e = all['projects.xlsx']?.['2023-06-30'];
  if (!e) throw new Error('expected.json has no projects.xlsx at 2023-06-30');
  return e;
}

/** Where taskpane.html loads office.js from: `OFFICE_JS=global|21v|local npm run build`. */
export type OfficeJsChoice = 'global' | '21v' | 'local';

/**
 * Builds dist for the browser tests, once per run: dist/ as it is when E2E_USE_DIST=1 (CI after
 * `npm run build`), otherwise a fresh production build into test-output/e2e/dist so no test sees
 * a stale bundle. Called by jest's globalSetup; the folder is passed on in E2E_DIST. Builds for
 * the other places office.js can come from go to test-output/e2e/dist-<choice>, always fresh.
 */
export function buildForTests(officeJs: OfficeJsChoice = 'global'): string {
  if (officeJs === 'global' && process.env.E2E_USE_DIST === '1') return join(ROOT, 'dist');
  const out = join(OUT, officeJs === 'global' ? 'dist' : `dist-${officeJs}`);
  mkdirSync(OUT, { recursive: true });
  const build = spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/webpack-cli/bin/cli.js'),
      '--mode',
      'production',
      '--output-path',
      out,
    ],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ADDIN_HOST: '', OFFICE_JS: officeJs } },
  );
  if (build.status !== 0) throw new Error(`webpack failed:\n${build.stdout}\n${build.stderr}`);
  return out;
}

/** The build under test (see buildForTests); built here when a test file runs on its own. */
export function distUnderTest(): string {
  const dist = process.env.E2E_DIST;
  if (dist && existsSync(join(dist, 'index.html'))) return dist;
  const built = buildForTests();
  process.env.E2E_DIST = built;
  return built;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
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
}

/** The <script src> of a page, except office.js (Microsoft's, from its CDN or office-js/). */
export function initialScripts(dist: string, page: string): string[] {
  const html = readFileSync(join(dist, page), 'utf8');
  return [...html.matchAll(/<script[^>]*\bsrc=["']?([^"' >]+)/g)]
    .map((m) => m[1] ?? '')
    .filter((src) => !/^https?:/.test(src) && !src.startsWith('office-js/'));
}

export interface OpenedPage {
  readonly page: Page;
  /** Console errors and uncaught exceptions, for the test to assert empty. */
  readonly errors: string[];
}

export interface OpenPageOptions {
  /** Runs before the page loads (to install recorders). */
  readonly before?: (page: Page) => Promise<void>;
  readonly context?: BrowserContextOptions;
}

/** Opens `path` of the server in a fresh context; Microsoft's CDN is answered from office-js. */
export async function openPage(
  browser: Browser,
  base: string,
  path: string,
  options: OpenPageOptions = {},
): Promise<OpenedPage> {
  const context = await browser.newContext({
    viewport: { width: 1400, height: 1300 },
    locale: 'zh-CN',
    acceptDownloads: true,
    ...options.context,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  // No internet here: Microsoft's CDN is answered from the office-js package.
  await context.route(`${OFFICE_CDN}/**`, async (route) => {
    const name = new URL(route.request().url()).pathname.split('/hosted/')[1] ?? '';
    const file = join(OFFICE_JS, name);
    if (name && existsSync(file))
      await route.fulfill({ path: file, contentType: 'text/javascript' });
    else await route.fulfill({ status: 404 });
  });
  await options.before?.(page);
  await page.goto(base + path);
  return { page, errors };
}

/** Outside Office, office.js frames Microsoft's telemetry page; the CSP blocks it on purpose. */
export function withoutTelemetryBlock(errors: readonly string[]): string[] {
  return errors.filter((e) => !/telemetryservice\.firstpartyapps\.oaspapps\.com/.test(e));
}

/** Runs the 标注 step at `day` and reads the total counts off its badges. */
export async function paintAsOf(page: Page, day: string): Promise<Record<Status, number>> {
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

/** Runs the 通报 step at `day`; resolves once its result is shown. */
export async function writeBulletinStep(page: Page, day: string): Promise<void> {
  await page.getByRole('tab', { name: '通报' }).click();
  await page.getByLabel('截至日期').fill(day);
  await page.getByRole('button', { name: '生成通报' }).click();
  await page.getByRole('region', { name: `截至 ${day} 的通报` }).waitFor();
}

/**
 * The built page served and one Chromium for a suite: started before its tests, closed after.
 * Returns how the suite's tests open a page of it.
 */
export function pageInChromium(): (path: string, options?: OpenPageOptions) => Promise<OpenedPage> {
  let server: { url: string; close: () => Promise<void> } | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await serveStatic(distUnderTest());
    browser = await launchChromium();
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return (path, options) => {
    if (server === undefined || browser === undefined) throw new Error('the suite has not started');
    return openPage(browser, server.url, path, options);
  };
}
