import { SheetPatch } from '../../../src/adapters/xlsxPackage/sheetPatch';

const HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';

function sheet(rows: string): string {
  return `${HEAD}<sheetData>${rows}</sheetData></worksheet>`;
}

describe('SheetPatch over the layout of a part', () => {
  it('leaves the part as it was when nothing changed', () => {
    const xml = sheet('<row r="1" spans="1:2"><c r="A1" s="1" t="s"><v>0</v></c></row>');
    expect(new SheetPatch(xml).toXml()).toBe(xml);
  });

  it('rewrites an edited row, copying its other cells and dropping spans=', () => {
    const xml = sheet(
      '<row r="1" spans="1:2" ht="20" customHeight="1"><c r="A1" s="1" t="s"><v>0</v></c><c r="B1" s="2"><v>5</v></c></row>' +
        '<row r="2"><c r="A2"><v>1</v></c></row>',
    );
    const patch = new SheetPatch(xml);
    expect(patch.styleAt(1, 1)).toBe(1);
    expect(patch.styleAt(1, 2)).toBe(2);
    expect(patch.styleAt(1, 3)).toBe(0);
    patch.setStyle(1, 2, 7);
    patch.setValue(1, 3, '正常 & <ok>');
    expect(patch.toXml()).toBe(
      sheet(
        '<row r="1" ht="20" customHeight="1"><c r="A1" s="1" t="s"><v>0</v></c><c r="B1" s="7"><v>5</v></c>' +
          '<c r="C1" t="inlineStr"><is><t xml:space="preserve">正常 &amp; &lt;ok&gt;</t></is></c></row>' +
          '<row r="2"><c r="A2"><v>1</v></c></row>',
      ),
    );
  });

  it('puts a new row between the rows around it, and one past Excel’s last row is still found', () => {
    const xml = sheet(
      '<row r="1"><c r="A1"><v>1</v></c></row><row r="3"><c r="A3"><v>3</v></c></row>' +
        '<row r="2000000"><c r="A2000000" s="4"/></row>',
    );
    const patch = new SheetPatch(xml);
    expect(patch.styleAt(2_000_000, 1)).toBe(4);
    patch.setValue(2, 2, 'x');
    patch.setStyle(2_000_000, 1, 0);
    expect(patch.toXml()).toBe(
      sheet(
        '<row r="1"><c r="A1"><v>1</v></c></row>' +
          '<row r="2"><c r="B2" t="inlineStr"><is><t xml:space="preserve">x</t></is></c></row>' +
          '<row r="3"><c r="A3"><v>3</v></c></row>' +
          '<row r="2000000"><c r="A2000000"/></row>',
      ),
    );
  });

  it('widens <dimension> to take in a new column and row, so readers that trust it see them', () => {
    const xml =
      `${HEAD}<dimension ref="A1:B2"/><sheetData>` +
      '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row>' +
      '<row r="2"><c r="A2"><v>3</v></c></row></sheetData></worksheet>';
    const patch = new SheetPatch(xml);
    patch.setValue(1, 3, '三色状态');
    patch.setValue(4, 1, 7);
    patch.setValue(3, 2, true);
    const out = patch.toXml();
    expect(out).toContain('<dimension ref="A1:C4"/>');
    expect(out).toContain('<c r="A4"><v>7</v></c>');
    expect(out).toContain('<c r="B3" t="b"><v>1</v></c>');
    // Inside the used range, it is left as written.
    const inside = new SheetPatch(xml);
    inside.setStyle(2, 2, 3);
    expect(inside.toXml()).toContain('<dimension ref="A1:B2"/>');
  });

  it('streams the same text as toXml gives', () => {
    const xml = sheet('<row r="1"><c r="A1"><v>1</v></c></row>');
    const patch = new SheetPatch(xml);
    patch.setValue(1, 1, null);
    const pieces: string[] = [];
    patch.write((p) => pieces.push(p));
    expect(pieces.join('')).toBe(patch.toXml());
    expect(patch.toXml()).toBe(sheet('<row r="1"><c r="A1"/></row>'));
  });
});
