import type { Fill } from 'exceljs';
import { attrLocal, walkXml, type XmlTag } from './xml';
import { applySplices, startTag, type Splice } from './xmlWrite';

/*
 * styles.xml patched, never rebuilt: fills and cell formats (xf) are appended at the end of
 * <fills> and <cellXfs>, so every index cells and other parts hold keeps its meaning.
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
  /** Fills as the ExcelJS adapter models them, so fill keys and exact fills agree between adapters. */
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

  constructor(private readonly xml: string) {
    let current: Record<string, unknown> | null = null;
    let gradient: Record<string, unknown> | null = null;
    let stop: { position: number; color?: Color } | null = null;
    let inFills = false;
    let inCellXfs = false;
    let xf: { tag: XmlTag } | null = null;
    walkXml(xml, {
      open: (tag) => {
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
    const fillId = this.fillId(fill);
    const base = this.xfs[s] ?? this.xfs[0];
    let result: number;
    if (base !== undefined && (Number(base.attributes.fillId ?? '0') || 0) === fillId) result = s;
    else {
      const attributes: Record<string, string> = { ...(base?.attributes ?? {}) };
      for (const k of ['numFmtId', 'fontId', 'fillId', 'borderId'])
        attributes[k] ??= k === 'fillId' ? String(fillId) : '0';
      attributes.fillId = String(fillId);
      attributes.applyFill = '1';
      const name = base?.name ?? 'xf';
      const inner = base?.inner ?? '';
      const same = this.xfByContent.get(StylesPatch.contentOf({ attributes, inner }));
      if (same !== undefined) {
        byFormat.set(s, same);
        return same;
      }
      const entry =
        inner === ''
          ? startTag(name, attributes, true)
          : `${startTag(name, attributes)}${inner}</${name}>`;
      result = this.pushXf({ name, attributes, inner });
      this.addedXfs.push(entry);
    }
    byFormat.set(s, result);
    return result;
  }

  get changed(): boolean {
    return this.addedFills.length > 0 || this.addedXfs.length > 0;
  }

  /** The stylesheet with the appended fills and formats, counts updated. */
  toXml(): string {
    if (!this.changed) return this.xml;
    const splices: Splice[] = [];
    const grow = (tag: XmlTag | undefined, close: number, added: string[], count: number): void => {
      if (added.length === 0) return;
      if (tag === undefined || close < 0)
        throw new Error(`styles.xml has no <${tag?.local ?? 'fills/cellXfs'}>`);
      splices.push({
        start: tag.start,
        end: tag.end,
        text: startTag(tagName(this.xml, tag), { ...tag.attributes, count: String(count) }),
      });
      splices.push({ start: close, end: close, text: added.join('') });
    };
    grow(this.fillsTag, this.fillsClose, this.addedFills, this.fills.length);
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
