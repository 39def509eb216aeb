import { SaxesParser } from 'saxes';

/** An element's local name and attributes, as the handlers of walkXml see it. */
export interface XmlTag {
  /** The name without its prefix: producers choose prefixes freely (x:c, c). */
  readonly local: string;
  readonly attributes: Readonly<Record<string, string>>;
}

export interface XmlHandlers {
  open?(tag: XmlTag): void;
  close?(local: string): void;
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
  for (const [k, v] of Object.entries(tag.attributes)) if (localName(k) === local) return v;
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
    handlers.open?.({ local: localName(tag.name), attributes: tag.attributes });
  });
  parser.on('closetag', (tag) => {
    handlers.close?.(localName(tag.name));
  });
  if (handlers.text) {
    const text = handlers.text.bind(handlers);
    parser.on('text', text);
    parser.on('cdata', text);
  }
  parser.write(xml).close();
  if (failure) throw failure;
}
