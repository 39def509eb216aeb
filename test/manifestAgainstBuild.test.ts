import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ManifestInfo } from 'office-addin-manifest';
import * as xmlLib from 'office-addin-manifest/lib/xml';

/** The package types its XML nodes as `any`; these name them, so nothing untyped spreads here. */
type Xml = Record<string, unknown>;
const getXmlElement = (n: unknown, name: string): Xml => xmlLib.getXmlElement(n, name) as Xml;
const getXmlElements = (n: unknown, name: string): Xml[] => xmlLib.getXmlElements(n, name) as Xml[];
const getXmlAttributeValue = (n: unknown, name: string): string | undefined =>
  xmlLib.getXmlAttributeValue(n, name);

/**
 * manifest.xml as Office's own tooling reads it (office-addin-manifest, offline: its reader, not
 * its validation service), checked against what the production build emits: the pages webpack
 * writes, the assets it copies and the manifest it rewrites for ADDIN_HOST.
 */

const ROOT = join(__dirname, '..');
const HOST = 'https://addin.example.gov.cn/tricolor/';
/** The add-in's identity: admin centre deployments and users' settings are keyed by it. */
const ADDIN_ID = '09f5ccd7-2305-40fa-a5b2-43b171b576e1';

interface CopyPattern {
  readonly from: string;
  readonly to: string;
  readonly transform?: (content: Buffer) => string | Buffer;
}

interface Built {
  /** What the production build writes: the HTML pages and each copied file, relative to dist/. */
  readonly files: ReadonlySet<string>;
  /** The folder a copied file of dist/ comes from in the repository. */
  readonly sourceOf: (file: string) => string | undefined;
  readonly manifest: string;
}

/** The production webpack configuration for ADDIN_HOST=HOST, without running webpack. */
async function productionBuild(): Promise<Built> {
  const saved = process.env.ADDIN_HOST;
  process.env.ADDIN_HOST = HOST;
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const configure = require('../webpack.config.js') as (
      env: unknown,
      argv: { mode: string },
    ) => Promise<{ plugins: object[] }>;
    const config = await configure({}, { mode: 'production' });
    const files = new Set<string>();
    const sources = new Map<string, string>();
    let manifest = '';
    for (const plugin of config.plugins) {
      if ('userOptions' in plugin) {
        files.add((plugin.userOptions as { filename: string }).filename);
      }
      if ('patterns' in plugin) {
        for (const p of plugin.patterns as CopyPattern[]) {
          if (p.from === 'manifest.xml' && p.transform) {
            manifest = p.transform(readFileSync(join(ROOT, 'manifest.xml'))).toString();
          } else {
            sources.set(p.to, p.from);
          }
        }
      }
    }
    const sourceOf = (file: string): string | undefined => {
      if (sources.has(file)) return sources.get(file);
      const folder = file.split('/')[0] ?? '';
      const from = sources.get(folder);
      return from === undefined ? undefined : join(from, file.slice(folder.length + 1));
    };
    return { files, sourceOf, manifest };
  } finally {
    warn.mockRestore();
    if (saved === undefined) delete process.env.ADDIN_HOST;
    else process.env.ADDIN_HOST = saved;
  }
}

/**
 * The package's reader (readManifestFile) and its parsed XML, in a node child process: the
 * package's entry point loads ES modules (uuid, @microsoft/app-manifest) that node requires but
 * jest's module runtime cannot.
 */
function readWithPackage(file: string): { info: ManifestInfo; xml: Xml } {
  const script = `
    const { OfficeAddinManifest } = require('office-addin-manifest');
    const { ManifestHandlerXml } = require('office-addin-manifest/lib/manifestHandler/manifestHandlerXml');
    (async () => {
      const info = await OfficeAddinManifest.readManifestFile(process.argv[1]);
      const xml = await new ManifestHandlerXml(process.argv[1]).parseXmlAsync();
      process.stdout.write(JSON.stringify({ info, xml: xml.OfficeApp }));
    })().catch((e) => { console.error(e); process.exit(1); });`;
  const out = execFileSync(process.execPath, ['-e', script, file], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, OFFICE_ADDIN_USAGE_DATA_LEVEL: 'off' },
  });
  return JSON.parse(out) as { info: ManifestInfo; xml: Xml };
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

let built: Built;
let info: ManifestInfo;
let xml: Xml;
let dir = '';

beforeAll(async () => {
  built = await productionBuild();
  dir = mkdtempSync(join(tmpdir(), 'tricolor-manifest-'));
  const file = join(dir, 'manifest.xml');
  writeFileSync(file, built.manifest);
  ({ info, xml } = readWithPackage(file));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Every element named `name` anywhere below `node`, as xml2js objects. */
function deep(node: unknown, name: string): Xml[] {
  if (node === null || typeof node !== 'object') return [];
  const here: Xml[] = getXmlElements(node, name);
  return [
    ...here,
    ...Object.entries(node as Record<string, unknown>)
      .filter(([key]) => key !== '$')
      .flatMap(([, value]) =>
        (Array.isArray(value) ? (value as unknown[]) : [value]).flatMap((v) => deep(v, name)),
      ),
  ];
}

describe('the built manifest, as office-addin-manifest reads it', () => {
  it('is an Excel task pane add-in with its fixed id, a four-part version and workbook access', () => {
    expect(info).toMatchObject({
      manifestType: 'xml',
      officeAppType: 'TaskPaneApp',
      id: ADDIN_ID,
      hosts: ['Workbook'],
      permissions: 'ReadWriteDocument',
      defaultLocale: 'zh-CN',
      displayName: '三色督办',
    });
    expect(info.version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it('requires the ExcelApi 1.9 requirement set and no other', () => {
    const sets = getXmlElement(getXmlElement(xml, 'Requirements'), 'Sets');
    expect(getXmlAttributeValue(sets, 'DefaultMinVersion')).toBe('1.9');
    expect(
      getXmlElements(sets, 'Set').map((s: Xml) => [
        getXmlAttributeValue(s, 'Name'),
        getXmlAttributeValue(s, 'MinVersion'),
      ]),
    ).toEqual([['ExcelApi', '1.9']]);
  });

  it('points every URL at ADDIN_HOST and at a file the build emits', () => {
    const urls = [
      info.iconUrl,
      info.highResolutionIconUrl,
      info.supportUrl,
      info.defaultSettings?.sourceLocation,
      ...deep(xml, 'bt:Image').map((i: Xml) => getXmlAttributeValue(i, 'DefaultValue')),
      ...deep(xml, 'bt:Url').map((u: Xml) => getXmlAttributeValue(u, 'DefaultValue')),
    ].filter((u): u is string => u !== undefined);
    // Nothing the reader walked past: as many URLs as the rewritten markup holds, leaving out
    // comments and the XML namespaces (names, never fetched).
    const inMarkup = built.manifest
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/\sxmlns(:\w+)?="[^"]*"/g, '')
      .match(/https?:\/\/[^"<\s]+/g);
    expect(urls).toHaveLength(inMarkup?.length ?? -1);
    expect(info.appDomains).toEqual([]);
    for (const url of urls) {
      expect(url.startsWith(HOST)).toBe(true);
      const file = url.slice(HOST.length);
      const source = built.sourceOf(file);
      if (source === undefined) expect([...built.files]).toContain(file);
      else expect(existsSync(join(ROOT, source))).toBe(true);
    }
  });

  it('declares each icon at the pixel size of the PNG the build ships', () => {
    const icons: [number, string | undefined][] = [
      [32, info.iconUrl],
      [64, info.highResolutionIconUrl],
      ...deep(getXmlElement(xml, 'VersionOverrides'), 'Resources')
        .flatMap((r: Xml) => deep(r, 'bt:Image'))
        .map((i: Xml): [number, string | undefined] => [
          Number(/(\d+)x\1$/.exec(getXmlAttributeValue(i, 'id') ?? '')?.[1]),
          getXmlAttributeValue(i, 'DefaultValue'),
        ]),
    ];
    expect(icons.map(([size]) => size).sort((a, b) => a - b)).toEqual([16, 32, 32, 64, 80]);
    for (const [size, url] of icons) {
      const source = built.sourceOf((url ?? '').slice(HOST.length));
      expect(source).toBe(join('assets', `icon-${size}.png`));
      expect(pngSize(join(ROOT, source ?? ''))).toEqual({ width: size, height: size });
    }
  });
});
