import { SaxesParser } from 'saxes';

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

/** An attribute by local name: relationship ids come as r:id, or with whatever prefix was bound. */
export function attrLocal(tag: XmlTag, local: string): string | undefined {
  const direct = tag.attributes[local];
  if (direct !== undefined) return direct;
  // Only a prefixed name is left to find; most lookups of an absent attribute end here at once.
  const attributes = tag.attributes;
  for (const k in attributes) {
    const colon = k.indexOf(':');
    if (colon !== -1 && k.slice(colon + 1) === local) return attributes[k];
  }
  return undefined;
}

/**
 * Streams one XML part through saxes, calling the handlers in document order. Namespaces are not
 * resolved (xmlns: false): SpreadsheetML parts are read by local name, which is what every
 * producer agrees on, and resolution would cost time on 50,000-row sheets for nothing.
 */
export function walkXml(xml: string, handlers: XmlHandlers): void {
  const parser = new SaxesParser({ xmlns: false });
  let failure: Error | undefined;
  parser.on('error', (e) => {
    failure ??= e;
  });
  parser.on('opentag', (tag) => {
    if (!handlers.open) return;
    const end = parser.position;
    // The "<" of this tag is the last one before its end: names and attribute values hold none.
    const start = xml.lastIndexOf('<', end - 1);
    handlers.open({
      local: localName(tag.name),
      attributes: tag.attributes,
      start,
      end,
      selfClosing: tag.isSelfClosing,
    });
  });
  parser.on('closetag', (tag) => {
    handlers.close?.(localName(tag.name), parser.position);
  });
  if (handlers.text) {
    const text = handlers.text.bind(handlers);
    parser.on('text', text);
    parser.on('cdata', text);
  }
  parser.write(xml).close();
  if (failure) throw failure;
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
