import { xmlSafeText } from '../../core/xmlSafeText';

/** Characters that need escaping in element content and in attribute values. */
const TEXT_SPECIAL = /[&<>]/;
const ATTR_SPECIAL = /[&<>"\n\r\t]/;

/** Text escaped for element content. */
export function escapeText(s: string): string {
  const safe = xmlSafeText(s);
  // Most text written (cell addresses, numbers, labels) has nothing to escape.
  if (!TEXT_SPECIAL.test(safe)) return safe;
  return safe.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Text escaped for a double-quoted attribute value (line breaks kept as character references). */
export function escapeAttr(s: string): string {
  if (!ATTR_SPECIAL.test(s)) return xmlSafeText(s);
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
  /** The text, or what makes it when it is written (see writeSplices). */
  readonly text: string | (() => string);
}

/** The text with the splices applied; splices must not overlap, inserts at one offset keep order. */
export function applySplices(text: string, splices: readonly Splice[]): string {
  const out: string[] = [];
  writeSplices(text, splices, (piece) => out.push(piece));
  return out.join('');
}

/** applySplices with the result given piece by piece to `emit`, never built as one string. */
export function writeSplices(
  text: string,
  splices: readonly Splice[],
  emit: (piece: string) => void,
): void {
  const sorted = splices
    .map((s, i) => ({ s, i }))
    .sort((a, b) => a.s.start - b.s.start || a.s.end - b.s.end || a.i - b.i)
    .map((x) => x.s);
  let at = 0;
  for (const s of sorted) {
    if (s.start < at) throw new Error('overlapping splices');
    emit(text.slice(at, s.start));
    emit(typeof s.text === 'string' ? s.text : s.text());
    at = s.end;
  }
  emit(text.slice(at));
}
