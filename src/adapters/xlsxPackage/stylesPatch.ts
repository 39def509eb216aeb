import type { Fill } from 'exceljs';
import { borderXml, fontXml, numFmtIdOf, xfXml, type NewCellFormat } from './cellFormatXml';
import { attrLocal, walkXml, type XmlTag } from './xml';
import { applySplices, startTag, type Splice } from './xmlWrite';

/*
 * styles.xml patched, never rebuilt: number formats, fonts, fills, borders and cell formats (xf)
 * are appended at the end of their lists, so every index cells and other parts hold keeps its
 * meaning.
 */

type Color = Record<string, number | string>;

interface XfEntry {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  /** The xf's children (alignment, protection) as written. */
  readonly inner: string;
}

function colorOf(tag: XmlTag): Color | undefined {
  const rgb = attrLocal(tag, 'rgb');
  if (rgb !== undefined) return { argb: rgb };
  const theme = attrLocal(tag, 'theme');
  if (theme !== undefined) {
    const tint = attrLocal(tag, 'tint');
    return tint === undefined
      ? { theme: parseInt(theme, 10) }
      : { theme: parseInt(theme, 10), tint: parseFloat(tint) };
  }
  const indexed = attrLocal(tag, 'indexed');
  return indexed === undefined ? undefined : { indexed: parseInt(indexed, 10) };
}

function colorXml(name: string, c: unknown): string {
  if (typeof c !== 'object' || c === null) return '';
  const o = c as Record<string, unknown>;
  const attrs: Record<string, string> = {};
  if (typeof o.argb === 'string') attrs.rgb = o.argb;
  else if (typeof o.theme === 'number') {
    attrs.theme = String(o.theme);
    if (typeof o.tint === 'number') attrs.tint = String(o.tint);
  } else if (typeof o.indexed === 'number') attrs.indexed = String(o.indexed);
  else return '';
  return startTag(name, attrs, true);
}

/** A fill as <fill> XML: the inverse of the reading above, for fills the stylesheet lacks. */
export function fillXml(fill: Fill | null): string {
  if (fill === null) return '<fill><patternFill patternType="none"/></fill>';
  if (fill.type === 'pattern') {
    return `<fill><patternFill patternType="${fill.pattern}">${colorXml('fgColor', fill.fgColor)}${colorXml('bgColor', fill.bgColor)}</patternFill></fill>`;
  }
  const g = fill as unknown as Record<string, unknown>;
  const attrs: Record<string, string> = {};
  if (g.gradient === 'path') attrs.type = 'path';
  if (typeof g.degree === 'number') attrs.degree = String(g.degree);
  const center = g.center as { left?: number; top?: number } | undefined;
  if (center) {
    attrs.left = String(center.left ?? 0);
    attrs.right = String(center.left ?? 0);
    attrs.top = String(center.top ?? 0);
    attrs.bottom = String(center.top ?? 0);
  }
  let stops = '';
  for (const s of (g.stops as { position: number; color: unknown }[] | undefined) ?? []) {
    stops += `<stop position="${s.position}">${colorXml('color', s.color)}</stop>`;
  }
  return `<fill>${startTag('gradientFill', attrs)}${stops}</gradientFill></fill>`;
}

export class StylesPatch {
  /** Fills as ExcelJS models them (the first adapter's), so fill keys saved by it still match. */
  readonly fills: (Fill | null)[] = [];
  private readonly xfs: XfEntry[] = [];
  private readonly addedFills: string[] = [];
  private readonly addedXfs: string[] = [];
  private readonly fillIndex = new Map<string, number>();
  /** By fill (its JSON), then by cell format: the format with that fill. Two levels, so the
   * 550,000 calls of a paint build no key strings. */
  private readonly xfCache = new Map<string, Map<number, number>>();
  /** Cell formats by content (applyFill aside), so taking a fill off finds the format there was. */
  private readonly xfByContent = new Map<string, number>();
  private fillsTag: XmlTag | undefined;
  private fillsClose = -1;
  private xfsTag: XmlTag | undefined;
  private xfsClose = -1;
  /** The lists new cell formats (bulletins) add to, with what they hold already. */
  private readonly lists = {
    numFmts: { tag: undefined as XmlTag | undefined, close: -1, count: 0, added: [] as string[] },
    fonts: { tag: undefined as XmlTag | undefined, close: -1, count: 0, added: [] as string[] },
    borders: { tag: undefined as XmlTag | undefined, close: -1, count: 0, added: [] as string[] },
  };
  private rootTag: XmlTag | undefined;
  /** The first font's children (the workbook's default font), which new fonts start from. */
  private readonly baseFont: { local: string; attributes: Readonly<Record<string, string>> }[] = [];
  /** Number format codes by id, and the codes the file defines, for reusing or adding one. */
  private readonly numFmtCodes = new Map<string, number>();
  private maxNumFmtId = 163;
  private readonly addedByKey = new Map<string, number>();

  constructor(private readonly xml: string) {
    let current: Record<string, unknown> | null = null;
    let gradient: Record<string, unknown> | null = null;
    let stop: { position: number; color?: Color } | null = null;
    let inFills = false;
    let inCellXfs = false;
    let xf: { tag: XmlTag } | null = null;
    let depth = 0;
    let fontDepth = 0;
    walkXml(xml, {
      open: (tag) => {
        depth++;
        if (depth === 1) this.rootTag = tag;
        if (
          depth === 2 &&
          (tag.local === 'numFmts' || tag.local === 'fonts' || tag.local === 'borders')
        ) {
          this.lists[tag.local].tag = tag;
        } else if (depth === 3 && tag.local === 'font') {
          this.lists.fonts.count++;
          if (this.lists.fonts.count === 1) fontDepth = depth;
        } else if (depth === 3 && tag.local === 'border') {
          this.lists.borders.count++;
        } else if (depth === 3 && tag.local === 'numFmt') {
          this.lists.numFmts.count++;
          const id = Number(attrLocal(tag, 'numFmtId'));
          const code = attrLocal(tag, 'formatCode');
          if (Number.isInteger(id)) {
            this.maxNumFmtId = Math.max(this.maxNumFmtId, id);
            if (code !== undefined && !this.numFmtCodes.has(code)) this.numFmtCodes.set(code, id);
          }
        } else if (fontDepth > 0 && depth === fontDepth + 1) {
          this.baseFont.push({ local: tag.local, attributes: tag.attributes });
        }
        if (tag.local === 'fills') {
          inFills = true;
          this.fillsTag = tag;
        } else if (tag.local === 'cellXfs') {
          inCellXfs = true;
          this.xfsTag = tag;
        } else if (inFills && tag.local === 'fill') {
          current = null;
          gradient = null;
        } else if (inFills && tag.local === 'patternFill') {
          current = { type: 'pattern' };
          const p = attrLocal(tag, 'patternType');
          if (p !== undefined) current.pattern = p;
        } else if (inFills && current && (tag.local === 'fgColor' || tag.local === 'bgColor')) {
          const c = colorOf(tag);
          if (c) current[tag.local] = c;
        } else if (inFills && tag.local === 'gradientFill') {
          const type = attrLocal(tag, 'type') ?? 'linear';
          gradient = { type: 'gradient', gradient: type === 'path' ? 'path' : 'angle' };
          const degree = attrLocal(tag, 'degree');
          if (type !== 'path') gradient.degree = degree === undefined ? 0 : parseFloat(degree);
          else
            gradient.center = {
              left: parseFloat(attrLocal(tag, 'left') ?? '0'),
              top: parseFloat(attrLocal(tag, 'top') ?? '0'),
            };
          gradient.stops = [];
        } else if (gradient && tag.local === 'stop') {
          stop = { position: parseFloat(attrLocal(tag, 'position') ?? '0') };
        } else if (stop && tag.local === 'color') {
          const c = colorOf(tag);
          if (c) stop.color = c;
        } else if (inCellXfs && tag.local === 'xf') {
          xf = { tag };
          if (tag.selfClosing) {
            this.pushXf({ name: tagName(xml, tag), attributes: tag.attributes, inner: '' });
            xf = null;
          }
        }
      },
      close: (local, end) => {
        if (depth === 2 && (local === 'numFmts' || local === 'fonts' || local === 'borders'))
          this.lists[local].close = xml.lastIndexOf('<', end - 1);
        if (fontDepth > 0 && depth === fontDepth && local === 'font') fontDepth = 0;
        depth--;
        if (local === 'fills') {
          inFills = false;
          this.fillsClose = xml.lastIndexOf('<', end - 1);
        } else if (local === 'cellXfs') {
          inCellXfs = false;
          this.xfsClose = xml.lastIndexOf('<', end - 1);
        } else if (inFills && local === 'fill') {
          const f = (gradient ?? current) as Fill | null;
          this.fills.push(f);
          this.fillIndex.set(JSON.stringify(f), this.fills.length - 1);
          current = null;
          gradient = null;
        } else if (gradient && local === 'stop' && stop) {
          (gradient.stops as unknown[]).push(stop);
          stop = null;
        } else if (inCellXfs && local === 'xf' && xf) {
          const closeStart = xml.lastIndexOf('<', end - 1);
          this.pushXf({
            name: tagName(xml, xf.tag),
            attributes: xf.tag.attributes,
            inner: xml.slice(xf.tag.end, closeStart),
          });
          xf = null;
        }
      },
    });
  }

  private static contentOf(e: Pick<XfEntry, 'attributes' | 'inner'>): string {
    const attrs = Object.entries(e.attributes)
      .filter(([k]) => k !== 'applyFill')
      .map(([k, v]) => (k === 'fillId' ? [k, String(Number(v) || 0)] : [k, v]))
      .sort(([a], [b]) => ((a ?? '') < (b ?? '') ? -1 : 1));
    return `${JSON.stringify(attrs)}${e.inner}`;
  }

  private pushXf(e: XfEntry): number {
    this.xfs.push(e);
    const content = StylesPatch.contentOf(e);
    if (!this.xfByContent.has(content)) this.xfByContent.set(content, this.xfs.length - 1);
    return this.xfs.length - 1;
  }

  /** The fill of a cell format, null for none (pattern "none" reads as no fill, as in ExcelJS). */
  fillOfXf(s: number): Fill | null {
    const id = Number(this.xfs[s]?.attributes.fillId ?? '0') || 0;
    return this.fills[id] ?? null;
  }

  private fillId(fill: Fill | null): number {
    const wanted: Fill = fill ?? { type: 'pattern', pattern: 'none' };
    const json = JSON.stringify(wanted);
    let id = this.fillIndex.get(json);
    if (id === undefined) {
      id = this.fills.length;
      this.fills.push(wanted);
      this.fillIndex.set(json, id);
      this.addedFills.push(fillXml(fill));
    }
    return id;
  }

  /** Fill objects come back for every cell of a run: their JSON is made once per object. */
  private readonly json = new WeakMap<object, string>();

  private jsonOf(fill: Fill | null): string {
    if (fill === null) return 'null';
    let j = this.json.get(fill);
    if (j === undefined) this.json.set(fill, (j = JSON.stringify(fill)));
    return j;
  }

  /** A cell format that is format `s` with `fill` instead of its own; appended when new. */
  withFill(s: number, fill: Fill | null): number {
    const json = this.jsonOf(fill);
    let byFormat = this.xfCache.get(json);
    if (byFormat === undefined) this.xfCache.set(json, (byFormat = new Map<number, number>()));
    const cached = byFormat.get(s);
    if (cached !== undefined) return cached;
    const result = this.derivedXf(s, 'fillId', this.fillId(fill), 'applyFill');
    byFormat.set(s, result);
    return result;
  }

  /**
   * A cell format that is format `s` with the number format `code` (a collected date gets its
   * date format; the cell's font, fill and borders stay); appended when new.
   */
  withNumberFormat(s: number, code: string): number {
    const cacheKey = `${s}|${code}`;
    const cached = this.numFmtCache.get(cacheKey);
    if (cached !== undefined) return cached;
    const result = this.derivedXf(s, 'numFmtId', this.numFmtId(code), 'applyNumberFormat');
    this.numFmtCache.set(cacheKey, result);
    return result;
  }

  private readonly numFmtCache = new Map<string, number>();

  /** Format `s` with one of its ids changed: `s` itself when it has it, an equal one, or a new one. */
  private derivedXf(
    s: number,
    key: 'fillId' | 'numFmtId',
    id: number,
    apply: 'applyFill' | 'applyNumberFormat',
  ): number {
    const base = this.xfs[s] ?? this.xfs[0];
    if (base !== undefined && (Number(base.attributes[key] ?? '0') || 0) === id) return s;
    const attributes: Record<string, string> = { ...(base?.attributes ?? {}) };
    for (const k of ['numFmtId', 'fontId', 'fillId', 'borderId']) attributes[k] ??= '0';
    attributes[key] = String(id);
    attributes[apply] = '1';
    const name = base?.name ?? 'xf';
    const inner = base?.inner ?? '';
    const same = this.xfByContent.get(StylesPatch.contentOf({ attributes, inner }));
    if (same !== undefined) return same;
    const entry =
      inner === ''
        ? startTag(name, attributes, true)
        : `${startTag(name, attributes)}${inner}</${name}>`;
    const result = this.pushXf({ name, attributes, inner });
    this.addedXfs.push(entry);
    return result;
  }

  /** The qualified name for a new child of a list: with the list's prefix (x:font), if any. */
  private childName(list: XmlTag | undefined, local: string): string {
    const name = list ?? this.rootTag;
    if (name === undefined) return local;
    const full = tagName(this.xml, name);
    return full.includes(':') ? `${full.slice(0, full.indexOf(':') + 1)}${local}` : local;
  }

  private numFmtId(code: string): number {
    const known = numFmtIdOf(code) ?? this.numFmtCodes.get(code);
    if (known !== undefined) return known;
    const id = ++this.maxNumFmtId;
    this.numFmtCodes.set(code, id);
    const list = this.lists.numFmts;
    list.added.push(
      startTag(
        this.childName(list.tag, 'numFmt'),
        { numFmtId: String(id), formatCode: code },
        true,
      ),
    );
    return id;
  }

  private appendTo(list: 'fonts' | 'borders', xml: string): number {
    const l = this.lists[list];
    if (l.tag === undefined) throw new Error(`styles.xml has no <${list}>`);
    l.added.push(xml);
    return l.count + l.added.length - 1;
  }

  /**
   * A cell format made from scratch (a bulletin's cells): its font, fill, border and number
   * format appended where the stylesheet lacks them, one new xf per distinct format.
   */
  cellFormat(f: NewCellFormat): number {
    const key = JSON.stringify(f);
    const known = this.addedByKey.get(key);
    if (known !== undefined) return known;
    const numFmtId = f.numFmt === undefined ? 0 : this.numFmtId(f.numFmt);
    const fontId =
      f.bold === undefined && f.size === undefined
        ? 0
        : this.appendTo(
            'fonts',
            fontXml(this.childName(this.lists.fonts.tag, 'font'), this.baseFont, f),
          );
    const fillId =
      f.fill === undefined
        ? 0
        : this.fillId({
            type: 'pattern',
            pattern: 'solid',
            fgColor: { argb: `FF${f.fill.toUpperCase()}` },
          });
    const borderId = f.thinBorder
      ? this.appendTo('borders', borderXml(this.childName(this.lists.borders.tag, 'border')))
      : 0;
    const name = this.childName(this.xfsTag, 'xf');
    const entry = xfXml(name, { numFmtId, fontId, fillId, borderId }, f);
    const id = this.xfs.length;
    this.xfs.push({ name, attributes: entry.attributes, inner: entry.inner });
    this.addedXfs.push(entry.xml);
    this.addedByKey.set(key, id);
    return id;
  }

  get changed(): boolean {
    return (
      this.addedFills.length > 0 ||
      this.addedXfs.length > 0 ||
      Object.values(this.lists).some((l) => l.added.length > 0)
    );
  }

  /** The stylesheet with the appended fills and formats, counts updated. */
  toXml(): string {
    if (!this.changed) return this.xml;
    const splices: Splice[] = [];
    const grow = (tag: XmlTag | undefined, close: number, added: string[], count: number): void => {
      if (added.length === 0) return;
      if (tag === undefined) throw new Error('styles.xml lacks a list it needs');
      const name = tagName(this.xml, tag);
      const start = startTag(name, { ...tag.attributes, count: String(count) });
      if (tag.selfClosing) {
        // <numFmts count="0"/>: the list written out whole, in its place.
        splices.push({
          start: tag.start,
          end: tag.end,
          text: `${start}${added.join('')}</${name}>`,
        });
        return;
      }
      if (close < 0) throw new Error(`styles.xml: <${name}> not closed`);
      splices.push({ start: tag.start, end: tag.end, text: start });
      splices.push({ start: close, end: close, text: added.join('') });
    };
    const { numFmts, fonts, borders } = this.lists;
    if (numFmts.tag === undefined && numFmts.added.length > 0) {
      // No <numFmts> yet: it is the stylesheet's first child (CT_Stylesheet), so right after the root's start tag.
      const root = this.rootTag;
      if (root === undefined) throw new Error('styles.xml has no root');
      const name = this.childName(undefined, 'numFmts');
      splices.push({
        start: root.end,
        end: root.end,
        text: `${startTag(name, { count: String(numFmts.added.length) })}${numFmts.added.join('')}</${name}>`,
      });
    } else grow(numFmts.tag, numFmts.close, numFmts.added, numFmts.count + numFmts.added.length);
    grow(fonts.tag, fonts.close, fonts.added, fonts.count + fonts.added.length);
    grow(this.fillsTag, this.fillsClose, this.addedFills, this.fills.length);
    grow(borders.tag, borders.close, borders.added, borders.count + borders.added.length);
    grow(this.xfsTag, this.xfsClose, this.addedXfs, this.xfs.length);
    return applySplices(this.xml, splices);
  }
}

/** The qualified name of a tag as written (with its prefix), read from the text after "<". */
export function tagName(xml: string, tag: XmlTag): string {
  let i = tag.start + 1;
  while (i < tag.end && !/[\s/>]/.test(xml.charAt(i))) i++;
  return xml.slice(tag.start + 1, i);
}
