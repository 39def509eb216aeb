import { ScannedTag, scanXml } from './xmlScan';

/** An element's local name and attributes, as the handlers of walkXml see it. */
export interface XmlTag {
  /** The name without its prefix: producers choose prefixes freely (x:c, c). */
  readonly local: string;
  readonly attributes: Readonly<Record<string, string>>;
  /** Offsets in the part's text (UTF-16 units, as String.slice counts): where "<" is, past ">". */
  readonly start: number;
  readonly end: number;
  readonly selfClosing: boolean;
}

export interface XmlHandlers {
  open?(tag: XmlTag): void;
  /** `end` is the offset past the closing tag's ">" (the open tag's, when it closes itself). */
  close?(local: string, end: number): void;
  /** Character data, entities decoded; CDATA sections arrive here too. */
  text?(text: string): void;
}

export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

/** An attribute by its name as written; the scanner's tags find it without building a Record. */
export function attrExact(tag: XmlTag, name: string): string | undefined {
  return tag instanceof ScannedTag ? tag.attr(name) : tag.attributes[name];
}

/** How many attributes a tag has. */
export function attributeCount(tag: XmlTag): number {
  return tag instanceof ScannedTag ? tag.attributeCount : Object.keys(tag.attributes).length;
}

/** A copy of a tag that does not keep the part's text alive, for keeping after the walk. */
export function detachedTag(tag: XmlTag): XmlTag {
  const { local, start, end, selfClosing, attributes } = tag;
  return { local, start, end, selfClosing, attributes };
}

/** An attribute by local name: relationship ids come as r:id, or with whatever prefix was bound. */
export function attrLocal(tag: XmlTag, local: string): string | undefined {
  // The scanner's tags find it without building their attribute Record.
  if (tag instanceof ScannedTag) return tag.attrLocal(local);
  const attributes = tag.attributes;
  const direct = attributes[local];
  if (direct !== undefined) return direct;
  for (const k in attributes) {
    const colon = k.indexOf(':');
    if (colon !== -1 && k.slice(colon + 1) === local) return attributes[k];
  }
  return undefined;
}

/**
 * Streams one XML part through the handlers in document order (xmlScan.ts). Namespaces are not
 * resolved: SpreadsheetML parts are read by local name, which is what every producer agrees on.
 * Throws where the part is not well-formed XML.
 */
export function walkXml(xml: string, handlers: XmlHandlers): void {
  scanXml(xml, handlers);
}

/** Handlers calling `a`'s then `b`'s for each event: two readers served by one parse. */
export function bothHandlers(a: XmlHandlers, b: XmlHandlers): XmlHandlers {
  return {
    open(tag) {
      a.open?.(tag);
      b.open?.(tag);
    },
    close(local, end) {
      a.close?.(local, end);
      b.close?.(local, end);
    },
    text(text) {
      a.text?.(text);
      b.text?.(text);
    },
  };
}
