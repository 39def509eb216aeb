import JSZip from 'jszip';

/** The parts of a .docx a test reads, as text. */
export async function docxParts(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) {
    if (name.endsWith('.xml')) out[name] = await (zip.file(name)?.async('string') ?? '');
  }
  return out;
}

function unescape(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** A paragraph of the body outside tables: its style and text. */
export interface ParagraphShape {
  readonly style: string;
  readonly text: string;
}

/** What the golden tests compare: paragraphs with styles, tables as rows of text, page numbers. */
export interface DocShape {
  readonly blocks: readonly (ParagraphShape | { table: string[][]; repeatedHeader: boolean })[];
  readonly footers: readonly string[];
}

function paragraphText(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => unescape(m[1] ?? ''))
    .join('');
}

/** The body of word/document.xml as blocks, in order. */
export function docShape(parts: Record<string, string>): DocShape {
  const body = parts['word/document.xml'] ?? '';
  const blocks: DocShape['blocks'][number][] = [];
  for (const m of body.matchAll(
    /<w:tbl>[\s\S]*?<\/w:tbl>|<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g,
  )) {
    const xml = m[0];
    if (xml.startsWith('<w:tbl>')) {
      const rows = [...xml.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((r) =>
        [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => paragraphText(c[0])),
      );
      blocks.push({ table: rows, repeatedHeader: /<w:tblHeader\/>/.test(xml) });
    } else {
      const style = /<w:pStyle w:val="([^"]+)"/.exec(xml)?.[1] ?? '';
      blocks.push({ style, text: paragraphText(xml) });
    }
  }
  const footers = Object.keys(parts)
    .filter((n) => /^word\/footer\d+\.xml$/.test(n))
    .sort()
    .map((n) => {
      const xml = parts[n] ?? '';
      const align = /<w:jc w:val="([^"]+)"/.exec(xml)?.[1] ?? '';
      const field = /<w:instrText[^>]*>([^<]*)<\/w:instrText>/.exec(xml)?.[1]?.trim() ?? '';
      return `${align}:${paragraphText(xml)}{${field}}`;
    });
  return { blocks, footers };
}
