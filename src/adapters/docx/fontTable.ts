import JSZip from 'jszip';
import { FONT_FALLBACKS, type FontFallback } from './gongwenLayout';
import { offGridStyles } from './offGridStyles';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

function fontXml(f: FontFallback): string {
  return (
    `<w:font w:name="${escapeAttr(f.name)}"><w:altName w:val="${escapeAttr(f.altName)}"/>` +
    `<w:panose1 w:val="${f.panose}"/><w:charset w:val="${f.charset}"/>` +
    `<w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`
  );
}

/** word/fontTable.xml listing the document's fonts with their fallbacks. */
export function fontTableXml(): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<w:fonts xmlns:w="${W}">${FONT_FALLBACKS.map(fontXml).join('')}</w:fonts>`
  );
}

/**
 * Replaces the package's font table (and takes the given styles off the line grid, offGridStyles) with one that carries fallbacks. Hand-written XML because the
 * `docx` package (9.x) writes an empty w:fonts unless fonts are embedded, and has no way to give a
 * font w:altName, w:panose1, w:charset or w:family: without them a machine that lacks 仿宋_GB2312
 * has nothing to go on but the name.
 */
export async function withFontFallbacks(
  docx: ArrayBuffer | Uint8Array,
  offGrid: readonly string[] = [],
): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(docx);
  zip.file('word/fontTable.xml', fontTableXml());
  const styles = await zip.file('word/styles.xml')?.async('string');
  if (styles !== undefined) zip.file('word/styles.xml', offGridStyles(styles, offGrid));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
