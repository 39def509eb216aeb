import { promises as fsp } from 'fs';
import * as path from 'path';
import { main } from '../../../src/cli/main';
import { captureIo, sampleCopy, tempDir } from '../../cli/cliTestKit';
import { docShape, docxParts } from './docxParts';

/**
 * The sample's 通报 and notices as `tricolor run --docx --notices` writes them, compared with the
 * structure kept in test/fixtures/documents (paragraph styles and text, table rows, page numbers).
 * A change to the documents shows up here as a diff to read; regenerate the fixture deliberately.
 */
const GOLDEN = path.resolve(__dirname, '../../fixtures/documents/sample.golden.json');

let bulletin: Record<string, string>;
let notices: Map<string, Record<string, string>>;

beforeAll(async () => {
  const dir = await tempDir();
  const input = await sampleCopy(dir);
  const io = captureIo(dir);
  const code = await main(
    [
      'run',
      input,
      '--as-of',
      '2023-06-30',
      '--out',
      'out.xlsx',
      '--docx',
      '通报.docx',
      '--notices',
      'notices',
    ],
    io,
  );
  expect([code, io.err()]).toEqual([0, '']);
  bulletin = await docxParts(await fsp.readFile(path.join(dir, '通报.docx')));
  notices = new Map();
  for (const f of (await fsp.readdir(path.join(dir, 'notices'))).sort()) {
    notices.set(f, await docxParts(await fsp.readFile(path.join(dir, 'notices', f))));
  }
}, 30_000);

describe('the sample as documents', () => {
  it('has the structure kept in the golden file', async () => {
    const actual = {
      bulletin: docShape(bulletin),
      notices: Object.fromEntries([...notices].map(([f, p]) => [f, docShape(p)])),
    };
    if (process.env.UPDATE_GOLDEN === '1') {
      await fsp.writeFile(GOLDEN, `${JSON.stringify(actual, null, 2)}\n`);
    }
    expect(actual).toEqual(JSON.parse(await fsp.readFile(GOLDEN, 'utf8')));
  });

  it('is A4 portrait with the margins of GB/T 9704 and a grid of 22 lines of 28 characters', () => {
    for (const parts of [bulletin, ...notices.values()]) {
      const doc = parts['word/document.xml'] ?? '';
      expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
      expect(doc).not.toMatch(/w:orient="landscape"/);
      // 37, 26, 35 and 28 mm in twips.
      expect(doc).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
      expect(doc).toMatch(/<w:docGrid w:type="lines" w:linePitch="579" w:charSpace="-\d+"\/>/);
    }
  });

  it('names the fonts as the standard does, each with a fallback in the font table', () => {
    const styles = bulletin['word/styles.xml'] ?? '';
    for (const f of ['仿宋_GB2312', '方正小标宋简体', '黑体', '楷体_GB2312', '宋体']) {
      expect(styles).toContain(`w:eastAsia="${f}"`);
    }
    const fonts = bulletin['word/fontTable.xml'] ?? '';
    expect(fonts).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
    expect(fonts).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>');
    // Body 16 pt (3号), title 22 pt (2号), page numbers 14 pt (4号), in half-points.
    expect(styles).toMatch(/w:styleId="GwBody"[\s\S]*?<w:sz w:val="32"\/>/);
    expect(styles).toMatch(/w:styleId="GwTitle"[\s\S]*?<w:sz w:val="44"\/>/);
    expect(styles).toMatch(/w:styleId="GwPageNumber"[\s\S]*?<w:sz w:val="28"\/>/);
  });

  it('sets table text off the line grid, with exact spacing, so table rows stay compact', () => {
    expect(bulletin['word/styles.xml']).toMatch(
      /w:styleId="GwTableText"><w:name w:val="[^"]+"\/><w:pPr><w:snapToGrid w:val="0"\/><w:spacing [^>]*w:lineRule="exact"/,
    );
  });

  it('numbers pages "— 1 —" on the outside edge: odd pages right, even pages left', () => {
    expect(bulletin['word/settings.xml']).toContain('<w:evenAndOddHeaders/>');
    expect(new Set(docShape(bulletin).footers)).toEqual(
      new Set(['right:—  —{PAGE}', 'left:—  —{PAGE}']),
    );
  });

  it('makes no field, hyperlink or formula out of any text but the page number', () => {
    for (const parts of [bulletin, ...notices.values()]) {
      const doc = parts['word/document.xml'] ?? '';
      expect(doc).not.toMatch(/<w:hyperlink|<w:fldSimple|<w:instrText|<w:fldChar/);
    }
  });
});
