/**
 * @jest-environment jsdom
 */
// jsdom for its DOMParser: the manifest is checked as XML, not as text.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { drawIcon, encodePng, ICON_SIZES } from '../scripts/makeIcons';

const ROOT = join(__dirname, '..');
const DEV_HOST = 'https://localhost:3000/';
const text = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
const doc = new DOMParser().parseFromString(text, 'application/xml');
/** The manifest without its comments, whose prose may mention URLs. */
const markup = text.replace(/<!--[\s\S]*?-->/g, '');

/** Elements by local name, whatever namespace prefix the manifest gives them. */
function all(name: string, root: Document | Element = doc): Element[] {
  return [...root.getElementsByTagNameNS('*', name)];
}

function one(name: string, root: Document | Element = doc): Element {
  const found = all(name, root);
  if (found.length !== 1) throw new Error(`expected one <${name}>, found ${found.length}`);
  return found[0] as Element;
}

const xsiType = (e: Element): string | null =>
  e.getAttributeNS('http://www.w3.org/2001/XMLSchema-instance', 'type');

/** The HTML pages the build writes: HtmlWebpackPlugin's `filename`s in webpack.config.js. */
function builtPages(): string[] {
  const config = join(ROOT, 'webpack.config.js');
  // Until the webpack config exists, the page the task pane is known to be built as.
  if (!existsSync(config)) return ['taskpane.html'];
  const source = readFileSync(config, 'utf8');
  const pages: string[] = [];
  for (const m of source.matchAll(/new HtmlWebpackPlugin\(\{([\s\S]*?)\}\)/g)) {
    const filename = /filename:\s*['"]([^'"]+)['"]/.exec(m[1] ?? '');
    pages.push(filename?.[1] ?? 'index.html');
  }
  return pages;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect(b.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(b.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

describe('manifest.xml', () => {
  it('is well-formed XML for an Excel task pane add-in', () => {
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(doc.documentElement.localName).toBe('OfficeApp');
    expect(xsiType(doc.documentElement)).toBe('TaskPaneApp');
    expect(all('Host').filter((h) => h.getAttribute('Name') === 'Workbook')).toHaveLength(1);
  });

  it('has a GUID id, zh-CN names with en-US overrides, and asks to read and write the workbook', () => {
    expect(one('Id').textContent).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
    expect(one('DefaultLocale').textContent).toBe('zh-CN');
    const name = one('DisplayName');
    expect(name.getAttribute('DefaultValue')).toBe('三色督办');
    expect(one('Override', name).getAttribute('Locale')).toBe('en-US');
    const description = [...doc.documentElement.children].find(
      (e) => e.localName === 'Description',
    );
    if (!description) throw new Error('no <Description> under <OfficeApp>');
    expect(description.getAttribute('DefaultValue')).toContain('三色图');
    expect(one('Override', description).getAttribute('Value')).toContain('three-colour chart');
    expect(one('Permissions').textContent).toBe('ReadWriteDocument');
  });

  it('requires ExcelApi 1.9, the set whose APIs the adapter uses without asking', () => {
    const sets = one('Sets');
    expect(sets.getAttribute('DefaultMinVersion')).toBe('1.9');
    expect(
      all('Set', sets).map((s) => [s.getAttribute('Name'), s.getAttribute('MinVersion')]),
    ).toEqual([['ExcelApi', '1.9']]);
  });

  it('puts a button on the Home tab that opens the task pane', () => {
    const tab = one('OfficeTab');
    expect(tab.getAttribute('id')).toBe('TabHome');
    const button = all('Control', tab).find((c) => xsiType(c) === 'Button');
    expect(button).toBeDefined();
    const action = one('Action', button);
    expect(xsiType(action)).toBe('ShowTaskpane');
    const resid = one('SourceLocation', action).getAttribute('resid');
    const url = all('Url').find((u) => u.getAttribute('id') === resid);
    expect(url?.getAttribute('DefaultValue')).toBe(`${DEV_HOST}taskpane.html`);
    expect(one('SourceLocation', one('DefaultSettings')).getAttribute('DefaultValue')).toBe(
      `${DEV_HOST}taskpane.html`,
    );
  });

  it('defines every resource it refers to and refers to every resource it defines', () => {
    const defined = new Set(
      all('Resources').flatMap((r) => [...r.querySelectorAll('[id]')].map((e) => e.id)),
    );
    const used = new Set([...doc.querySelectorAll('[resid]')].map((e) => e.getAttribute('resid')));
    expect([...used].filter((id) => id !== null && !defined.has(id))).toEqual([]);
    expect([...defined].filter((id) => !used.has(id))).toEqual([]);
  });

  it('keeps labels within what Office shows (125 short, 250 long characters)', () => {
    for (const s of all('String', one('ShortStrings'))) {
      expect((s.getAttribute('DefaultValue') ?? '').length).toBeLessThanOrEqual(125);
    }
    for (const s of all('String', one('LongStrings'))) {
      expect((s.getAttribute('DefaultValue') ?? '').length).toBeLessThanOrEqual(250);
      for (const o of all('Override', s)) {
        expect((o.getAttribute('Value') ?? '').length).toBeLessThanOrEqual(250);
      }
    }
  });

  it('points every localhost URL at a file the build produces', () => {
    const urls = [...markup.matchAll(/https:\/\/localhost:3000\/[^"<\s]*/g)].map((m) => m[0]);
    expect(urls.length).toBeGreaterThan(5);
    // Each URL must start with the exact prefix the production build rewrites.
    expect(markup.match(/https?:\/\/localhost[^/]*\/?/g)?.every((u) => u === DEV_HOST)).toBe(true);
    const pages = builtPages();
    expect(pages).toContain('taskpane.html');
    for (const url of urls) {
      const path = url.slice(DEV_HOST.length).replace(/[?#].*$/, '');
      if (path.startsWith('assets/')) expect(existsSync(join(ROOT, path))).toBe(true);
      else expect(pages).toContain(path);
    }
  });

  it('uses icons of the pixel sizes it declares: 16, 32 and 80 on the ribbon, 64 for high DPI', () => {
    const icons = [
      ...all('Image').map((i) => ({
        size: Number(i.getAttribute('size') ?? NaN),
        url: all('Image', one('Resources'))
          .find((r) => r.id === i.getAttribute('resid'))
          ?.getAttribute('DefaultValue'),
      })),
      { size: 32, url: one('IconUrl').getAttribute('DefaultValue') },
      { size: 64, url: one('HighResolutionIconUrl').getAttribute('DefaultValue') },
    ].filter((i) => !Number.isNaN(i.size));
    expect(new Set(icons.map((i) => i.size))).toEqual(new Set([16, 32, 64, 80]));
    for (const { size, url } of icons) {
      expect(url).toBe(`${DEV_HOST}assets/icon-${size}.png`);
      expect(pngSize(join(ROOT, 'assets', `icon-${size}.png`))).toEqual({
        width: size,
        height: size,
      });
    }
  });

  it('ships the icons scripts/makeIcons.ts draws', () => {
    for (const size of ICON_SIZES) {
      const committed = readFileSync(join(ROOT, 'assets', `icon-${size}.png`));
      expect(committed.equals(encodePng(size, size, drawIcon(size)))).toBe(true);
    }
  });
});
