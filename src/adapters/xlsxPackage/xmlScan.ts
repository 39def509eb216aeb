import type { XmlHandlers, XmlTag } from './xml';

/*
 * A streaming XML 1.0 reader for the parts of a package: elements, attributes, text, CDATA,
 * comments, processing instructions; namespaces not resolved (names are read by local name). It
 * replaces saxes here because saxes spent about 300 ms on a 50,000-row sheet before calling a
 * single handler (character by character through a state machine, line and column counts, an
 * attribute list copied into an object per tag), where this takes about a third of that: it
 * jumps to the next "<", quote or ">" with indexOf and slices names and values out whole.
 *
 * It refuses what saxes refuses in the parts it is given, so damaged XML is still damage:
 * characters XML does not allow (checked over the whole text first), unclosed or mismatched
 * tags, a second root, text outside the root, malformed attributes, duplicate attributes,
 * undefined entities. test/adapters/xlsxPackage/xmlScan.test.ts checks that it gives the same
 * events as saxes on every part of every workbook in the fixtures, and the same refusals.
 * Document type declarations are refused: a workbook part has none, and their internal subsets
 * (entity definitions) are a way in for attacks rather than something to read.
 */

/** XML that is not well-formed. */
export class XmlError extends Error {}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const EQUALS = 0x3d;
const QUOTE = 0x22;
const APOS = 0x27;
const AMP = 0x26;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
}

/** Ends a name: space, "/", ">", "=" (and anything else markup uses). */
function endsName(c: number): boolean {
  return isSpace(c) || c === SLASH || c === GT || c === EQUALS || c === LT || Number.isNaN(c);
}

/**
 * Anything outside tab, line ends, U+0020 to U+D7FF and U+E000 to U+FFFD: characters that are
 * either not allowed or halves of a surrogate pair (allowed in pairs). One regular-expression
 * search finds the first in a few milliseconds where the loop below takes 30 on a 24 MB sheet.
 */
const UNUSUAL_CHAR = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd]/;

/** The offset of the first character XML 1.0 does not allow (its Char production), or -1. */
function firstBadChar(xml: string): number {
  const n = xml.length;
  const unusual = xml.search(UNUSUAL_CHAR);
  if (unusual === -1) return -1;
  for (let i = unusual; i < n; i++) {
    const c = xml.charCodeAt(i);
    if (c >= 0x20 && c < 0xd800) continue;
    if (c === 0x09 || c === 0x0a || c === 0x0d) continue;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = xml.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return i;
    }
    if (c >= 0xe000 && c <= 0xfffd) continue;
    return i;
  }
  return -1;
}

const PREDEFINED: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
};

/** Text with its entity and character references replaced. */
function decodeEntities(s: string, at: number): string {
  let out = '';
  let from = 0;
  for (let amp = s.indexOf('&'); amp !== -1; amp = s.indexOf('&', from)) {
    const semi = s.indexOf(';', amp + 1);
    if (semi === -1) throw new XmlError(`unterminated entity reference at ${at + amp}`);
    const name = s.slice(amp + 1, semi);
    let value: string | undefined;
    if (name.charCodeAt(0) === 0x23 /* # */) {
      const hex = name.charCodeAt(1) === 0x78; /* x */
      const digits = name.slice(hex ? 2 : 1);
      const valid = digits !== '' && (hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits);
      const code = valid ? parseInt(digits, hex ? 16 : 10) : NaN;
      const allowed =
        code === 0x09 ||
        code === 0x0a ||
        code === 0x0d ||
        (code >= 0x20 && code <= 0xd7ff) ||
        (code >= 0xe000 && code <= 0xfffd) ||
        (code >= 0x10000 && code <= 0x10ffff);
      if (allowed) value = String.fromCodePoint(code);
    } else value = PREDEFINED[name];
    if (value === undefined) throw new XmlError(`undefined entity &${name}; at ${at + amp}`);
    out += s.slice(from, amp) + value;
    from = semi + 1;
  }
  return out + s.slice(from);
}

/** Character data as the XML processor passes it on: line ends as "\n", references replaced. */
function textOf(xml: string, start: number, end: number): string {
  let s = xml.slice(start, end);
  if (s.includes(']]>')) throw new XmlError(`"]]>" in character data at ${start}`);
  if (s.includes('\r')) s = s.replace(/\r\n?/g, '\n');
  return s.includes('&') ? decodeEntities(s, start) : s;
}

/** Refuses an attribute value XML does not allow: a "<" in it, a reference that is not one. */
function checkAttributeValue(xml: string, start: number, end: number): void {
  for (let k = start; k < end; k++) {
    const c = xml.charCodeAt(k);
    if (c === LT) throw new XmlError(`"<" in an attribute value at ${k}`);
    if (c === AMP) {
      attributeValueOf(xml, start, end); // throws on a reference it cannot replace
      return;
    }
  }
}

/** An attribute value as normalised by XML 1.0 (3.3.3): each literal line end or tab a space. */
function attributeValueOf(xml: string, start: number, end: number): string {
  let plain = true;
  for (let k = start; k < end && plain; k++) {
    const c = xml.charCodeAt(k);
    plain = c !== AMP && c !== 0x0d && c !== 0x0a && c !== 0x09;
  }
  let s = xml.slice(start, end);
  if (plain) return s;
  if (s.includes('\r')) s = s.replace(/\r\n?/g, ' ');
  if (s.includes('\n') || s.includes('\t')) s = s.replace(/[\n\t]/g, ' ');
  return s.includes('&') ? decodeEntities(s, start) : s;
}

/** Shared by the tags without attributes. */
const NO_ATTRIBUTES: number[] = [];

/**
 * A start tag as the scanner hands it to handlers: its attributes as offsets into the text,
 * made into strings when asked for. `attributes` builds (once) the whole Record, for the few
 * callers that copy or list them all.
 */
export class ScannedTag implements XmlTag {
  private record: Record<string, string> | undefined;

  constructor(
    private readonly xml: string,
    readonly local: string,
    readonly start: number,
    readonly end: number,
    readonly selfClosing: boolean,
    /** Per attribute: name start, name end, value start, value end. */
    private readonly offsets: readonly number[],
  ) {}

  get attributeCount(): number {
    return this.offsets.length / 4;
  }

  /** An attribute's value by its name as written (with its prefix, if any). */
  attr(name: string): string | undefined {
    const o = this.offsets;
    for (let a = 0; a < o.length; a += 4) {
      const from = o[a] as number;
      if ((o[a + 1] as number) - from === name.length && this.xml.startsWith(name, from))
        return attributeValueOf(this.xml, o[a + 2] as number, o[a + 3] as number);
    }
    return undefined;
  }

  /** An attribute's value by its local name, whatever its prefix (r:id, or id). */
  attrLocal(local: string): string | undefined {
    const direct = this.attr(local);
    if (direct !== undefined) return direct;
    const o = this.offsets;
    for (let a = 0; a < o.length; a += 4) {
      const nameEnd = o[a + 1] as number;
      const from = nameEnd - local.length;
      if (
        from > (o[a] as number) &&
        this.xml.charCodeAt(from - 1) === 0x3a /* : */ &&
        this.xml.startsWith(local, from)
      )
        return attributeValueOf(this.xml, o[a + 2] as number, o[a + 3] as number);
    }
    return undefined;
  }

  get attributes(): Readonly<Record<string, string>> {
    if (this.record) return this.record;
    const out: Record<string, string> = {};
    const o = this.offsets;
    for (let a = 0; a < o.length; a += 4) {
      const name = this.xml.slice(o[a], o[a + 1]);
      const value = attributeValueOf(this.xml, o[a + 2] as number, o[a + 3] as number);
      // A plain object keeps V8's fast properties; "__proto__" would set its prototype instead.
      if (name === '__proto__')
        Object.defineProperty(out, name, { value, enumerable: true, writable: true });
      else out[name] = value;
    }
    this.record = out;
    return out;
  }
}

function localOf(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

/** Streams `xml` through the handlers in document order; throws XmlError where it is not well-formed. */
export function scanXml(xml: string, handlers: XmlHandlers): void {
  const bad = firstBadChar(xml);
  if (bad !== -1) throw new XmlError(`disallowed character at ${bad}`);
  const n = xml.length;
  /** The open elements' names as written, and their local names. */
  const stack: string[] = [];
  const locals: string[] = [];
  let sawRoot = false;
  let i = xml.charCodeAt(0) === 0xfeff ? 1 : 0;

  const text = (start: number, end: number): void => {
    // Outside the root only white space may stand; it is passed on all the same, as saxes did.
    if (stack.length === 0)
      for (let k = start; k < end; k++)
        if (!isSpace(xml.charCodeAt(k))) throw new XmlError(`text outside the root at ${k}`);
    handlers.text?.(textOf(xml, start, end));
  };

  const skipSpace = (k: number): number => {
    while (k < n && isSpace(xml.charCodeAt(k))) k++;
    return k;
  };

  const nameEnd = (k: number): number => {
    const from = k;
    while (k < n && !endsName(xml.charCodeAt(k))) k++;
    if (k === from) throw new XmlError(`name expected at ${from}`);
    return k;
  };

  while (i < n) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt === -1 ? n : lt;
    if (textEnd > i) text(i, textEnd);
    if (lt === -1) break;
    const c = xml.charCodeAt(lt + 1);

    if (c === SLASH) {
      const afterName = nameEnd(lt + 2);
      // Compared in place with the open element's name, and its local name reused: no strings
      // are made for the half a million end tags of a large sheet.
      const open = stack.pop();
      const local = locals.pop();
      if (
        open === undefined ||
        local === undefined ||
        afterName - (lt + 2) !== open.length ||
        !xml.startsWith(open, lt + 2)
      )
        throw new XmlError(
          `</${xml.slice(lt + 2, afterName)}> at ${lt} closes ${open === undefined ? 'nothing' : `<${open}>`}`,
        );
      const gt = skipSpace(afterName);
      if (xml.charCodeAt(gt) !== GT) throw new XmlError(`">" expected at ${gt}`);
      i = gt + 1;
      handlers.close?.(local, i);
      continue;
    }

    if (c === QUESTION) {
      // The XML declaration or a processing instruction: nothing the reader needs.
      const end = xml.indexOf('?>', lt + 2);
      if (end === -1) throw new XmlError(`unterminated processing instruction at ${lt}`);
      i = end + 2;
      continue;
    }

    if (c === BANG) {
      if (xml.startsWith('<!--', lt)) {
        const end = xml.indexOf('-->', lt + 4);
        if (end === -1) throw new XmlError(`unterminated comment at ${lt}`);
        i = end + 3;
      } else if (xml.startsWith('<![CDATA[', lt)) {
        if (stack.length === 0) throw new XmlError(`CDATA outside the root at ${lt}`);
        const end = xml.indexOf(']]>', lt + 9);
        if (end === -1) throw new XmlError(`unterminated CDATA section at ${lt}`);
        let s = xml.slice(lt + 9, end);
        if (s.includes('\r')) s = s.replace(/\r\n?/g, '\n');
        handlers.text?.(s);
        i = end + 3;
      } else
        throw new XmlError(`unexpected "<!" at ${lt} (document type declarations are refused)`);
      continue;
    }

    // A start tag. Its attributes are checked here but not made into an object: handlers ask
    // for two or three of them by name (see ScannedTag), and a Record per tag was most of the
    // cost of reading a sheet.
    const afterName = nameEnd(lt + 1);
    const name = xml.slice(lt + 1, afterName);
    if (stack.length === 0 && sawRoot) throw new XmlError(`a second root element at ${lt}`);
    let offsets: number[] = NO_ATTRIBUTES;
    let k = afterName;
    let selfClosing = false;
    for (;;) {
      const spaced = k < n && isSpace(xml.charCodeAt(k));
      k = skipSpace(k);
      const d = xml.charCodeAt(k);
      if (d === GT) {
        k++;
        break;
      }
      if (d === SLASH) {
        if (xml.charCodeAt(k + 1) !== GT) throw new XmlError(`">" expected at ${k + 1}`);
        selfClosing = true;
        k += 2;
        break;
      }
      if (k >= n) throw new XmlError(`unterminated start tag at ${lt}`);
      if (!spaced) throw new XmlError(`space expected between attributes at ${k}`);
      const attrStart = k;
      const attrEnd = nameEnd(k);
      k = skipSpace(attrEnd);
      if (xml.charCodeAt(k) !== EQUALS) throw new XmlError(`"=" expected at ${k}`);
      k = skipSpace(k + 1);
      const q = xml.charCodeAt(k);
      if (q !== QUOTE && q !== APOS) throw new XmlError(`quoted value expected at ${k}`);
      const close = xml.indexOf(q === QUOTE ? '"' : "'", k + 1);
      if (close === -1) throw new XmlError(`unterminated attribute value at ${k}`);
      checkAttributeValue(xml, k + 1, close);
      if (offsets === NO_ATTRIBUTES) offsets = [];
      for (let a = 0; a < offsets.length; a += 4) {
        const from = offsets[a] as number;
        const len = (offsets[a + 1] as number) - from;
        if (len === attrEnd - attrStart && xml.startsWith(xml.slice(attrStart, attrEnd), from))
          throw new XmlError(
            `duplicate attribute ${xml.slice(attrStart, attrEnd)} at ${attrStart}`,
          );
      }
      offsets.push(attrStart, attrEnd, k + 1, close);
      k = close + 1;
    }
    sawRoot = true;
    const tag = new ScannedTag(xml, localOf(name), lt, k, selfClosing, offsets);
    handlers.open?.(tag);
    if (selfClosing) handlers.close?.(tag.local, k);
    else {
      stack.push(name);
      locals.push(tag.local);
    }
    i = k;
  }
  if (stack.length > 0) throw new XmlError(`unclosed <${stack[stack.length - 1] ?? ''}>`);
  if (!sawRoot) throw new XmlError('no root element');
}
