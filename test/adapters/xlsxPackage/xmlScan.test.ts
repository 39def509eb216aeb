import { readdirSync, readFileSync, statSync } from 'fs';
import JSZip from 'jszip';
import { join } from 'path';
import { SaxesParser } from 'saxes';
import { scanXml } from '../../../src/adapters/xlsxPackage/xmlScan';

const ROOT = join(__dirname, '..', '..', '..');

function workbooksUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...workbooksUnder(path));
    else if (/\.(xls[xm]|docx)$/i.test(name)) out.push(path);
  }
  return out.sort();
}

type Event = string;

/** The events as the package adapter read them through saxes before xmlScan.ts replaced it. */
function saxesEvents(xml: string): Event[] | 'refused' {
  const out: Event[] = [];
  const parser = new SaxesParser({ xmlns: false });
  let failed = false;
  parser.on('error', () => {
    failed = true;
  });
  const local = (name: string): string => name.slice(name.indexOf(':') + 1);
  parser.on('opentag', (tag) => {
    const end = parser.position;
    const start = xml.lastIndexOf('<', end - 1);
    out.push(
      `open ${local(tag.name)} ${JSON.stringify(tag.attributes)} ${start} ${end} ${tag.isSelfClosing}`,
    );
  });
  parser.on('closetag', (tag) => out.push(`close ${local(tag.name)} ${parser.position}`));
  parser.on('text', (t) => out.push(`text ${JSON.stringify(t)}`));
  parser.on('cdata', (t) => out.push(`text ${JSON.stringify(t)}`));
  try {
    parser.write(xml).close();
  } catch {
    failed = true;
  }
  return failed ? 'refused' : out;
}

function scanEvents(xml: string): Event[] | 'refused' {
  const out: Event[] = [];
  try {
    scanXml(xml, {
      open(tag) {
        out.push(
          `open ${tag.local} ${JSON.stringify(tag.attributes)} ${tag.start} ${tag.end} ${tag.selfClosing}`,
        );
      },
      close(local, end) {
        out.push(`close ${local} ${end}`);
      },
      text(t) {
        out.push(`text ${JSON.stringify(t)}`);
      },
    });
  } catch {
    return 'refused';
  }
  return out;
}

describe('scanXml reads parts as saxes does', () => {
  const files = [
    ...workbooksUnder(join(ROOT, 'test', 'fixtures')),
    ...workbooksUnder(join(ROOT, 'samples')),
  ];

  it('finds the fixtures', () => {
    expect(files.length).toBeGreaterThan(40);
  });

  it('gives the same events, or the same refusal, for every XML part of every fixture', async () => {
    let parts = 0;
    for (const file of files) {
      let zip: JSZip;
      try {
        zip = await JSZip.loadAsync(readFileSync(file));
      } catch {
        continue; // not a zip: nothing XML to compare
      }
      for (const [name, entry] of Object.entries(zip.files)) {
        if (entry.dir || !/\.(xml|rels|vml)$/i.test(name)) continue;
        let xml: string;
        try {
          xml = await entry.async('string');
        } catch {
          continue;
        }
        parts++;
        expect({ part: `${file} ${name}`, events: scanEvents(xml) }).toEqual({
          part: `${file} ${name}`,
          events: saxesEvents(xml),
        });
      }
    }
    expect(parts).toBeGreaterThan(200);
  });

  it.each([
    ['a truncated sheet', '<?xml version="1.0"?><worksheet><sheetData><row r="1"><c r="A1">'],
    ['not XML at all', 'this is not xml'],
    ['an empty text', ''],
    ['a mismatched close', '<a><b></a></b>'],
    ['a second root', '<a/><b/>'],
    ['text after the root', '<a/>x'],
    ['an undefined entity', '<a>&nbsp;</a>'],
    ['a bare ampersand', '<a>fish & chips</a>'],
    ['"<" in a value', '<a b="<"/>'],
    ['an unquoted value', '<a b=c/>'],
    ['a duplicate attribute', '<a b="1" b="2"/>'],
    ['no space between attributes', '<a b="1"c="2"/>'],
    ['a control character', '<a>\u0001</a>'],
    ['a character reference to a control character', '<a>&#1;</a>'],
    ['a lone surrogate', '<a>\ud800</a>'],
    ['U+FFFF', '<a>\uffff</a>'],
    ['"]]>" in text', '<a>]]></a>'],
    ['an unterminated comment', '<a><!-- x</a>'],
    ['an unterminated CDATA section', '<a><![CDATA[x</a>'],
  ])('refuses %s, as saxes does', (_label, xml) => {
    expect(saxesEvents(xml)).toBe('refused');
    expect(scanEvents(xml)).toBe('refused');
  });

  it.each([
    [
      'entities and references',
      '<a b="&lt;&amp;&#x41;&#66;&quot;&apos;">&lt;x&gt; &#x4E2D;&#25991;</a>',
    ],
    ['line ends in text and values', '<a b="1\r\n2\t3\n4\r5">x\r\ny\rz</a>'],
    ['a CDATA section and a comment', '<a>x<!-- c -->y<![CDATA[<b>&amp;</b>]]>z</a>'],
    ['prefixes and single quotes', "<x:a xmlns:x='u' r:id='rId1'><x:b/></x:a>"],
    [
      'a byte order mark, a declaration and spaces',
      '\ufeff<?xml version="1.0"?>\n<a >\n <b c = "1" />\n</a >\n',
    ],
    ['a processing instruction inside', '<a><?pi data?>x</a>'],
    ['an astral character', '<a b="😀">😀</a>'],
  ])('reads %s as saxes does', (_label, xml) => {
    expect(scanEvents(xml)).toEqual(saxesEvents(xml));
    expect(scanEvents(xml)).not.toBe('refused');
  });
});
