import { startTag } from './xmlWrite';

/** A cell format made from scratch, in the terms styles.xml has for it. */
export interface NewCellFormat {
  readonly bold?: boolean;
  /** Font size in points. */
  readonly size?: number;
  /** Solid background, six hex digits. */
  readonly fill?: string;
  readonly horizontal?: 'left' | 'center' | 'right';
  readonly vertical?: 'center';
  readonly wrap?: boolean;
  readonly thinBorder?: boolean;
  /** A number format code, e.g. "0.0%". */
  readonly numFmt?: string;
}

/*
 * Built-in number formats that mean the same in every locale (ECMA-376 part 1, 18.8.30): a code
 * among these is written as its id, as Excel does. Locale-dependent ids (dates) are never used for
 * a code, since their meaning moves with the reader's language.
 */
const FIXED_BUILT_IN: Readonly<Record<string, number>> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '0.00E+00': 11,
  '@': 49,
};

export function numFmtIdOf(code: string): number | undefined {
  return Object.prototype.hasOwnProperty.call(FIXED_BUILT_IN, code)
    ? FIXED_BUILT_IN[code]
    : undefined;
}

/*
 * CT_Font is a choice in the schema, but Excel reads its children in the order it writes them;
 * new fonts are written in that order: b, i, strike, condense, extend, outline, shadow, u,
 * vertAlign, sz, color, name, family, charset, scheme.
 */
const FONT_ORDER = [
  'b',
  'i',
  'strike',
  'condense',
  'extend',
  'outline',
  'shadow',
  'u',
  'vertAlign',
  'sz',
  'color',
  'name',
  'family',
  'charset',
  'scheme',
];

/**
 * A font: the workbook's default font (its first, `base`) with bold and size as asked, so the new
 * text keeps the face the rest of the workbook is in.
 */
export function fontXml(
  name: string,
  base: readonly { local: string; attributes: Readonly<Record<string, string>> }[],
  f: Pick<NewCellFormat, 'bold' | 'size'>,
): string {
  const prefix = name.includes(':') ? name.slice(0, name.indexOf(':') + 1) : '';
  const children = new Map<string, Readonly<Record<string, string>>>();
  for (const c of base) if (FONT_ORDER.includes(c.local)) children.set(c.local, c.attributes);
  if (f.bold === true) children.set('b', {});
  else if (f.bold === false) children.delete('b');
  if (f.size !== undefined) children.set('sz', { val: String(f.size) });
  let inner = '';
  for (const local of FONT_ORDER) {
    const attrs = children.get(local);
    if (attrs !== undefined) inner += startTag(`${prefix}${local}`, attrs, true);
  }
  return `<${name}>${inner}</${name}>`;
}

/** A thin black border on all four sides; CT_Border's order is left, right, top, bottom, diagonal. */
export function borderXml(name: string): string {
  const prefix = name.includes(':') ? name.slice(0, name.indexOf(':') + 1) : '';
  const side = (local: string): string =>
    `<${prefix}${local} style="thin"><${prefix}color indexed="64"/></${prefix}${local}>`;
  return `<${name}>${side('left')}${side('right')}${side('top')}${side('bottom')}<${prefix}diagonal/></${name}>`;
}

/** A cell format (xf of cellXfs) with its alignment, the apply flags saying what it sets. */
export function xfXml(
  name: string,
  ids: { numFmtId: number; fontId: number; fillId: number; borderId: number },
  f: NewCellFormat,
): { xml: string; attributes: Record<string, string>; inner: string } {
  const attributes: Record<string, string> = {
    numFmtId: String(ids.numFmtId),
    fontId: String(ids.fontId),
    fillId: String(ids.fillId),
    borderId: String(ids.borderId),
    xfId: '0',
  };
  if (ids.numFmtId !== 0) attributes.applyNumberFormat = '1';
  if (ids.fontId !== 0) attributes.applyFont = '1';
  if (ids.fillId !== 0) attributes.applyFill = '1';
  if (ids.borderId !== 0) attributes.applyBorder = '1';
  const align: Record<string, string> = {};
  if (f.horizontal !== undefined) align.horizontal = f.horizontal;
  if (f.vertical !== undefined) align.vertical = f.vertical;
  if (f.wrap !== undefined) align.wrapText = f.wrap ? '1' : '0';
  let inner = '';
  if (Object.keys(align).length > 0) {
    attributes.applyAlignment = '1';
    const prefix = name.includes(':') ? name.slice(0, name.indexOf(':') + 1) : '';
    inner = startTag(`${prefix}alignment`, align, true);
  }
  const xml =
    inner === ''
      ? startTag(name, attributes, true)
      : `${startTag(name, attributes)}${inner}</${name}>`;
  return { xml, attributes, inner };
}
