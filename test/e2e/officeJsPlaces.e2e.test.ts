import { existsSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import type { Browser, Request } from 'playwright-core';
import {
  buildForTests,
  distUnderTest,
  launchChromium,
  OUT,
  TEST_TIMEOUT,
  withoutTelemetryBlock,
  type OfficeJsChoice,
} from './harness';
import { serveStatic } from './staticServer';

/**
 * `OFFICE_JS=global|21v|local npm run build`: the built taskpane.html loads office.js from
 * Microsoft's CDN, from the CDN of Microsoft 365 operated by 21Vianet, or from the copy served with
 * the pane, and its Content-Security-Policy lets the page reach that origin and no other. Each
 * variant is built once; in Chromium, both CDNs are answered from the @microsoft/office-js package
 * (there is no internet here), so only the page and its policy decide what loads.
 */

const CDNS = {
  global: {
    origin: 'https://appsforoffice.microsoft.com',
    officeJs: 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js',
  },
  '21v': {
    origin: 'https://appsforoffice.cdn.partner.office365.cn',
    officeJs: 'https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js',
  },
} as const;
const CHOICES: readonly OfficeJsChoice[] = ['global', '21v', 'local'];
const OFFICE_JS_PACKAGE = join(__dirname, '../../node_modules/@microsoft/office-js/dist');

/** The origin a choice's page may reach besides its own; null for the copy served with it. */
const cdnOrigin = (choice: OfficeJsChoice): string | null =>
  choice === 'local' ? null : CDNS[choice].origin;

const dists = new Map<OfficeJsChoice, string>();
let browser: Browser;

beforeAll(async () => {
  dists.set('global', distUnderTest());
  for (const choice of CHOICES) if (!dists.has(choice)) dists.set(choice, buildForTests(choice));
  browser = await launchChromium();
}, 900_000);

afterAll(async () => {
  await browser?.close();
});

function dist(choice: OfficeJsChoice): string {
  const d = dists.get(choice);
  if (!d) throw new Error(`no build for OFFICE_JS=${choice}`);
  return d;
}

function parsePolicy(policy: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out[name] = sources;
  }
  return out;
}

function metaPolicy(html: string): string {
  const metas = [
    ...html.matchAll(/<meta[^>]*http-equiv=["']?Content-Security-Policy["']?[^>]*>/gi),
  ];
  expect(metas).toHaveLength(1);
  return (
    /content=(?:"([^"]*)"|'([^']*)')/
      .exec(metas[0]?.[0] ?? '')
      ?.slice(1)
      .find(Boolean) ?? ''
  );
}

/** Answers a CDN's office.js files from the npm package, as the CDN would serve them. */
function officeJsFile(url: string): string | null {
  const name = new URL(url).pathname.split('/hosted/')[1] ?? '';
  const file = join(OFFICE_JS_PACKAGE, name);
  return name && existsSync(file) ? file : null;
}

describe.each(CHOICES)('OFFICE_JS=%s', (choice) => {
  it('writes taskpane.html with one office.js script from its place and a CSP naming only that origin', () => {
    const html = readFileSync(join(dist(choice), 'taskpane.html'), 'utf8');
    const scripts = [...html.matchAll(/<script[^>]*\bsrc=["']?([^"' >]+)/g)].map((m) => m[1]);
    const officeJs = scripts.filter((s) => /(^|\/)office\.js$/.test(s ?? ''));
    expect(officeJs).toEqual([choice === 'local' ? 'office-js/office.js' : CDNS[choice].officeJs]);
    if (choice === 'local') {
      expect(existsSync(join(dist(choice), 'office-js', 'office.js'))).toBe(true);
    }
    const policy = parsePolicy(metaPolicy(html));
    const origin = cdnOrigin(choice);
    expect(policy['script-src']).toEqual(origin ? ["'self'", origin] : ["'self'"]);
    expect(policy['connect-src']).toEqual(origin ? ["'self'", origin] : ["'self'"]);
    // No other directive names a host: everything else is the page's own or nothing.
    const hosts = Object.values(policy)
      .flat()
      .filter((s) => /^[a-z]+:\/\//.test(s));
    expect([...new Set(hosts)]).toEqual(origin ? [origin] : []);
    // The policy comes before the first script, so it covers office.js too.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
  });

  it(
    'loads office.js from that place in Chromium, and the CSP refuses the other places',
    async () => {
      const server = await serveStatic(dist(choice));
      const context = await browser.newContext({ locale: 'zh-CN' });
      try {
        const local = new URL(server.url).origin;
        const requests: string[] = [];
        const seen = new Set<Request>();
        context.on('request', (r) => {
          if (seen.has(r)) return;
          seen.add(r);
          requests.push(r.url());
        });
        // Both CDNs answer from the package: if the page asked the wrong one, it would load.
        // What reaches this handler got past the page's CSP (Chromium reports refused requests
        // as requests too, so `requests` alone cannot tell).
        const reachedNetwork: string[] = [];
        await context.route('**/*', async (route) => {
          const url = route.request().url();
          reachedNetwork.push(url);
          const isCdn = Object.values(CDNS).some((c) => url.startsWith(`${c.origin}/`));
          if (!isCdn) {
            if (url.startsWith(`${local}/`) || url.startsWith('data:')) return route.fallback();
            return route.abort('blockedbyclient');
          }
          const file = officeJsFile(url);
          if (file) return route.fulfill({ path: file, contentType: 'text/javascript' });
          return route.fulfill({ status: 404 });
        });
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('console', (m) => {
          if (m.type() === 'error') errors.push(m.text());
        });
        page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
        await page.goto(`${server.url}taskpane.html`);
        await page.waitForFunction(
          () => typeof (window as { Office?: unknown }).Office === 'object',
        );
        // Outside Office the pane opens its built-in sample: the app runs under this policy.
        await page.getByRole('grid', { name: '工作表“重点项目”' }).waitFor();

        const expected =
          choice === 'local' ? `${server.url}office-js/office.js` : CDNS[choice].officeJs;
        expect(requests.filter((u) => /\/office\.js$/.test(u))).toEqual([expected]);
        const allowed = [local, cdnOrigin(choice)];
        expect(
          requests.filter((u) => !u.startsWith('data:') && !allowed.includes(new URL(u).origin)),
        ).toEqual([]);

        // Asked for office.js from every other place, the page's policy refuses before any request.
        const others = Object.entries(CDNS)
          .filter(([name]) => name !== choice)
          .map(([, c]): string => c.officeJs);
        const refused = await page.evaluate(
          (urls) =>
            Promise.all(
              urls.map(
                (src) =>
                  new Promise<string>((resolve) => {
                    const s = document.createElement('script');
                    document.addEventListener('securitypolicyviolation', (e) => {
                      if (e.blockedURI === src) resolve(`refused by ${e.effectiveDirective}`);
                    });
                    s.onload = () => resolve('loaded');
                    s.src = src;
                    document.head.append(s);
                  }),
              ),
            ),
          others,
        );
        expect(refused).toEqual(others.map(() => 'refused by script-src-elem'));
        const fetched = await page.evaluate(
          (urls) =>
            Promise.all(
              urls.map((u) =>
                fetch(u).then(
                  () => 'answered',
                  () => 'refused',
                ),
              ),
            ),
          others,
        );
        expect(fetched).toEqual(others.map(() => 'refused'));
        expect(reachedNetwork.filter((u) => others.includes(u))).toEqual([]);
        expect(reachedNetwork).toContain(expected);

        writeFileSync(
          join(OUT, `requests-taskpane-${choice}.json`),
          JSON.stringify(requests, null, 2),
        );
        await page.screenshot({ path: join(OUT, `taskpane-${choice}.png`) });
        // What is left are the refusals this test asked for, and office.js's telemetry frame.
        expect(
          withoutTelemetryBlock(errors).filter((e) => !others.some((u) => e.includes(u))),
        ).toEqual([]);
      } finally {
        await context.close();
        await server.close();
      }
    },
    TEST_TIMEOUT,
  );
});
