import { xmlSafeText } from '../../core/xmlSafeText';

/** Text escaped for element content. */
export function escapeText(s: string): string {
  return xmlSafeText(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Text escaped for a double-quoted attribute value (line breaks kept as character references). */
export function escapeAttr(s: string): string {
  return escapeText(s)
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

/** An element's start tag from its name and attributes, in the order given. */
export function startTag(
  name: string,
  attributes: Readonly<Record<string, string>>,
  selfClosing = false,
): string {
  let s = `<${name}`;
  for (const [k, v] of Object.entries(attributes)) s += ` ${k}="${escapeAttr(v)}"`;
  return s + (selfClosing ? '/>' : '>');
}

/** A piece of a part's text replaced: [start, end) by `text` (start === end inserts). */
export interface Splice {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** The text with the splices applied; splices must not overlap, inserts at one offset keep order. */
export function applySplices(text: string, splices: readonly Splice[]): string {
  const sorted = splices
    .map((s, i) => ({ s, i }))
    .sort((a, b) => a.s.start - b.s.start || a.s.end - b.s.end || a.i - b.i)
    .map((x) => x.s);
  const out: string[] = [];
  let at = 0;
  for (const s of sorted) {
    if (s.start < at) throw new Error('overlapping splices');
    out.push(text.slice(at, s.start), s.text);
    at = s.end;
  }
  out.push(text.slice(at));
  return out.join('');
}
