import { readdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import type { Browser, Page, Request } from 'playwright-core';
import {
  distUnderTest,
  initialScripts,
  launchChromium,
  OFFICE_CDN,
  OUT,
  paintAsOf,
  TEST_TIMEOUT,
  withoutTelemetryBlock,
  writeBulletinStep,
  openPage as openOn,
} from './harness';
import { serveStatic } from './staticServer';

/**
 * Issue #5, the browser's side: the pages reach no server but their own (and Microsoft's office.js
 * CDN for the add-in page), the CSP says so, and the bundle holds no address of anyone else.
 */

let dist = '';
let server: { url: string; close: () => Promise<void> };
let browser: Browser;

beforeAll(async () => {
  dist = distUnderTest();
  server = await serveStatic(dist);
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The CSP both pages must carry, directive by directive (webpack.config.js writes it). */
function expectedPolicy(officeCdn: boolean): Record<string, string[]> {
  const cdn = officeCdn ? [OFFICE_CDN] : [];
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'", ...cdn],
    // Fluent's Griffel inserts <style> rules at run time, and the page has style attributes.
    'style-src': ["'self'", "'unsafe-inline'"],
    'connect-src': ["'self'", ...cdn],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'none'"],
  };
}

function parsePolicy(policy: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out[name] = sources;
  }
  return out;
}

function metaPolicies(html: string): string[] {
  return [...html.matchAll(/<meta[^>]*http-equiv=["']?Content-Security-Policy["']?[^>]*>/gi)].map(
    (m) => /content=(?:"([^"]*)"|'([^']*)')/.exec(m[0])?.slice(1).find(Boolean) ?? '',
  );
}

/** Every URL the page asks for, its workers' included, whether or not it was answered. */
function recordRequests(page: Page, into: string[]): void {
  const seen = new Set<Request>();
  const add = (r: Request) => {
    if (seen.has(r)) return;
    seen.add(r);
    into.push(r.url());
  };
  page.on('request', add);
  page.context().on('request', add);
}

/**
 * Where a request went: its origin; data: URLs go nowhere (their bytes are in the URL) and a
 * blob: URL belongs to the origin that made it.
 */
function originOf(url: string): string {
  if (url.startsWith('data:')) return 'data:';
  return new URL(url.startsWith('blob:') ? url.slice('blob:'.length) : url).origin;
}

/** Load, the built-in sample, paint, bulletin, download: every request the page makes on the way. */
async function walkThrough(path: string): Promise<{ urls: string[]; errors: string[] }> {
  const urls: string[] = [];
  const local = new URL(server.url).origin;
  const { page, errors } = await openOn(browser, server.url, path, {
    before: async (p) => {
      recordRequests(p, urls);
      // Nothing may leave the machine even if a request slipped past the recorder: anything not
      // for the local server or the (locally answered) office.js CDN is refused.
      await p.context().route('**/*', (route) => {
        const url = route.request().url();
        const origin = originOf(url);
        if (origin === local || origin === 'data:' || url.startsWith(`${OFFICE_CDN}/`)) {
          return route.fallback();
        }
        return route.abort('blockedbyclient');
      });
    },
  });
  const started = Date.now();
  await page.getByRole('grid', { name: '工作表“重点项目”' }).waitFor();
  await paintAsOf(page, '2023-06-30');
  await writeBulletinStep(page, '2023-06-30');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '下载', exact: true }).click(),
  ]);
  await download.path();
  // office.js tries its telemetry frame 3 s after load: give it the time to try.
  const waited = Date.now() - started;
  if (waited < 5000) await page.waitForTimeout(5000 - waited);
  // The CSP the page is actually running under.
  const live = await page.evaluate(
    () =>
      document
        .querySelector('meta[http-equiv="Content-Security-Policy"]')
        ?.getAttribute('content') ?? '',
  );
  expect(parsePolicy(live)).toEqual(expectedPolicy(path === 'taskpane.html'));
  await page.context().close();
  return { urls, errors };
}

describe('what the pages may reach', () => {
  it('sets a CSP on index.html that allows nothing but the site itself', () => {
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    const policies = metaPolicies(html);
    expect(policies).toHaveLength(1);
    expect(parsePolicy(policies[0] ?? '')).toEqual(expectedPolicy(false));
  });

  it('sets a CSP on taskpane.html that allows the site itself and the office.js CDN only', () => {
    const html = readFileSync(join(dist, 'taskpane.html'), 'utf8');
    const policies = metaPolicies(html);
    expect(policies).toHaveLength(1);
    expect(parsePolicy(policies[0] ?? '')).toEqual(expectedPolicy(true));
    // The policy comes before the first script, so it covers office.js too.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
    expect(html).toContain(`<script src=${OFFICE_CDN}/lib/1/hosted/office.js>`);
  });

  it(
    'requests nothing but its own server from index.html through load, sample, paint, bulletin and download',
    async () => {
      const { urls, errors } = await walkThrough('index.html');
      const local = new URL(server.url).origin;
      const origins = [...new Set(urls.map(originOf))];
      writeFileSync(join(OUT, 'requests-index.json'), JSON.stringify(urls, null, 2));
      expect(origins.filter((o) => o !== local && o !== 'data:')).toEqual([]);
      // The recorder sees the worker's requests too: ExcelJS is fetched by the xlsx worker.
      expect(urls.some((u) => /\/xlsx-vendor\.[0-9a-f]+\.js$/.test(u))).toBe(true);
      expect(urls.some((u) => u.endsWith('/assets/sample.xlsx'))).toBe(true);
      expect(errors).toEqual([]);
    },
    TEST_TIMEOUT,
  );

  it(
    'requests nothing but its own server and the office.js CDN from taskpane.html through the same steps',
    async () => {
      const { urls, errors } = await walkThrough('taskpane.html');
      const local = new URL(server.url).origin;
      const origins = [...new Set(urls.map(originOf))];
      writeFileSync(join(OUT, 'requests-taskpane.json'), JSON.stringify(urls, null, 2));
      expect(origins.filter((o) => o !== local && o !== 'data:' && o !== OFFICE_CDN)).toEqual([]);
      expect(origins).toContain(OFFICE_CDN);
      expect(withoutTelemetryBlock(errors)).toEqual([]);
    },
    TEST_TIMEOUT,
  );
});

/**
 * Hosts named in the built JavaScript that are never requested: namespace names inside XML and
 * links inside error messages. Each entry says why it is there; any other host fails the test.
 */
const NAMED_NOT_FETCHED: Readonly<Record<string, string>> = {
  'www.w3.org':
    'XML, XHTML, SVG, MathML and XLink namespace names (react-dom createElementNS, ExcelJS XML)',
  'schemas.openxmlformats.org': 'OOXML namespace and relationship-type names inside .xlsx parts',
  'schemas.microsoft.com': "Excel's extension namespaces (x14, x15…) inside .xlsx parts",
  'purl.org': 'Dublin Core namespaces of docProps/core.xml in .xlsx files',
  'reactjs.org': "a link in React's minified error messages (error-decoder), text only",
  'github.com': 'links in error messages and licence notes (ExcelJS, core-js, uuid, elliptic)',
  'stuk.github.io': "a link in JSZip's error message about reading zip files",
  'purl.oclc.org': "OOXML Strict namespace and relationship names inside the docx package's parts",
  'answers.microsoft.com': "a link in a comment of the docx package about Word's list levels",
};

// Scheme-qualified URLs, and protocol-relative ones starting a string literal ("//host.tld/…").
const URL_PATTERN =
  /\b(?:https?|wss?|ftp):\/\/([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*)|["'`]\/\/([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)/g;

function hostsIn(text: string): Map<string, string[]> {
  const hosts = new Map<string, string[]>();
  for (const m of text.matchAll(URL_PATTERN)) {
    const host = (m[1] ?? m[2] ?? '').toLowerCase();
    const examples = hosts.get(host) ?? [];
    if (examples.length < 3) examples.push(text.slice(m.index ?? 0, (m.index ?? 0) + 80));
    hosts.set(host, examples);
  }
  return hosts;
}

describe('addresses in the bundle', () => {
  it('names no host in its JavaScript but namespace names and links in messages', () => {
    const files = readdirSync(dist).filter((f) => f.endsWith('.js'));
    expect(files.length).toBeGreaterThan(3);
    const found: Record<string, Record<string, string[]>> = {};
    const unexplained: string[] = [];
    for (const file of files) {
      const hosts = hostsIn(readFileSync(join(dist, file), 'utf8'));
      found[file] = Object.fromEntries(hosts);
      for (const host of hosts.keys()) {
        if (!(host in NAMED_NOT_FETCHED)) unexplained.push(`${file}: ${host}`);
      }
    }
    writeFileSync(join(OUT, 'bundle-hosts.json'), JSON.stringify(found, null, 2));
    expect(unexplained).toEqual([]);
  });

  it('names only XML namespaces and React error links in the JavaScript loaded before first render', () => {
    for (const page of ['index.html', 'taskpane.html']) {
      const hosts = new Set<string>();
      for (const src of initialScripts(dist, page)) {
        for (const host of hostsIn(readFileSync(join(dist, src), 'utf8')).keys()) hosts.add(host);
      }
      expect([page, [...hosts].filter((h) => h !== 'www.w3.org' && h !== 'reactjs.org')]).toEqual([
        page,
        [],
      ]);
    }
  });

  it('names no host but the office.js CDN in the pages themselves', () => {
    for (const page of ['index.html', 'taskpane.html']) {
      const hosts = [...hostsIn(readFileSync(join(dist, page), 'utf8')).keys()];
      expect([page, hosts]).toEqual([
        page,
        page === 'taskpane.html' ? ['appsforoffice.microsoft.com'] : [],
      ]);
    }
  });
});
