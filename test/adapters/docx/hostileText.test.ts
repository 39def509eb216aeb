import { renderDocx } from '../../../src/adapters/docx/renderDocx';
import { bulletinDocument } from '../../../src/core/documents/bulletinDocument';
import { resolveDocumentSettings } from '../../../src/core/documents/documentSettings';
import { noticeDocuments } from '../../../src/core/documents/noticeDocuments';
import { FORMULA_HEADER } from '../../support/hostileText';
import { laggingItem, summaryFixture } from '../../core/documents/summaryFixture';
import { docShape, docxParts } from './docxParts';

const settings = resolveDocumentSettings({ issuingOffice: '<b>&办公室' }, 'zh');
const summary = summaryFixture([
  laggingItem(FORMULA_HEADER, "=cmd|' /C calc'!A0", 'severe', 'http://example.com/x'),
  laggingItem('名\u0001称', '区\u000b水利局', 'lagging', '{单位}'),
]);

describe('text from cells in the documents', () => {
  it('stays text: no field, hyperlink or formula, markup characters printed as typed', async () => {
    const docs = [
      bulletinDocument(summary, 'zh', settings),
      ...noticeDocuments(summary, 'zh', settings).map((n) => n.model),
    ];
    for (const model of docs) {
      const parts = await docxParts(await renderDocx(model));
      const xml = parts['word/document.xml'] ?? '';
      expect(xml).not.toMatch(/<w:hyperlink|<w:fldSimple|<w:instrText|<w:fldChar/);
      const text = JSON.stringify(docShape(parts).blocks);
      expect(text).toContain('<b>&办公室');
    }
    const bulletin = JSON.stringify(docShape(await docxParts(await renderDocx(docs[0]!))).blocks);
    expect(bulletin).toContain(JSON.stringify(FORMULA_HEADER).slice(1, -1));
    expect(bulletin).toContain('http://example.com/x');
  });

  it('loses only the characters XML cannot hold, as the sheets do', async () => {
    const parts = await docxParts(await renderDocx(bulletinDocument(summary, 'zh', settings)));
    const rows = docShape(parts).blocks.flatMap((b) => ('table' in b ? b.table : []));
    expect(rows).toContainEqual(['1', '名称', '区水利局', '一季度', '1', '滞后', '{单位}']);
  });
});
