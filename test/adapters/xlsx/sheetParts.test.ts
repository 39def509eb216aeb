import JSZip from 'jszip';
import { missingSheetParts } from '../../../src/adapters/xlsx/sheetParts';

const WORKBOOK = (sheets: string) =>
  `<?xml version="1.0"?><workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets}</sheets></workbook>`;
const RELS = (rels: string) =>
  `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`;

function zipOf(files: Record<string, string>): JSZip {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(files)) zip.file(name, text);
  return zip;
}

describe('missingSheetParts', () => {
  it('finds every part, relative, absolute, with .. or in another case', async () => {
    const zip = zipOf({
      'xl/workbook.xml': WORKBOOK(
        '<sheet name="A" sheetId="1" r:id="rId1"/><sheet name="B" sheetId="2" r:id="rId2"/>' +
          '<sheet name="C" sheetId="3" r:id="rId3"/>',
      ),
      'xl/_rels/workbook.xml.rels': RELS(
        '<Relationship Id="rId1" Target="worksheets/sheet1.xml"/>' +
          '<Relationship Id="rId2" Target="/xl/worksheets/Sheet2.xml"/>' +
          '<Relationship Id="rId3" Target="../xl/./worksheets/sheet3.xml"/>',
      ),
      'xl/worksheets/sheet1.xml': '<worksheet/>',
      'xl/worksheets/sheet2.xml': '<worksheet/>',
      'xl/worksheets/sheet3.xml': '<worksheet/>',
    });
    expect(await missingSheetParts(zip)).toEqual([]);
  });

  it('names the sheets whose part or relationship is missing', async () => {
    const zip = zipOf({
      'xl/workbook.xml': WORKBOOK(
        '<sheet name="A" sheetId="1" r:id="rId1"/><sheet name="B &amp; C" sheetId="2" r:id="rId2"/>' +
          '<sheet name="D" sheetId="3" r:id="rId9"/>',
      ),
      'xl/_rels/workbook.xml.rels': RELS(
        '<Relationship Id="rId1" Target="worksheets/sheet1.xml"/>' +
          '<Relationship Id="rId2" Target="worksheets/sheet2.xml"/>',
      ),
      'xl/worksheets/sheet1.xml': '<worksheet/>',
    });
    expect(await missingSheetParts(zip)).toEqual(['B & C (xl/worksheets/sheet2.xml)', 'D (rId9)']);
  });

  it('finds nothing missing in a workbook without sheets', async () => {
    const zip = zipOf({ 'xl/workbook.xml': WORKBOOK('') });
    expect(await missingSheetParts(zip)).toEqual([]);
  });
});
