import type { Cell, Fill, Style } from 'exceljs';

export type CellStyle = Partial<Style>;

const EMPTY_STYLE: CellStyle = {};

/** A solid fill of six hex digits, as Excel writes one. */
export function solidFill(hex: string): Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${hex.toUpperCase()}` } };
}

/**
 * One style object per distinct style content. ExcelJS gives cells read with the same style one
 * shared object, but every cell without a style (and every cell created after loading) gets an
 * object of its own, and when saving it works out a style's XML once per object: a table of
 * unstyled cells given new styles one object per cell would cost as much as a new style per cell.
 * Style objects handed out here are shared, so they must never be changed in place.
 */
export class StyleInterner {
  private readonly byObject = new WeakMap<object, CellStyle>();
  private readonly byContent = new Map<string, CellStyle>();

  /** The shared object with the same content as `style` (the first such one seen). */
  canonical(style: CellStyle): CellStyle {
    let c = this.byObject.get(style);
    if (c === undefined) {
      const json = JSON.stringify(style);
      c = this.byContent.get(json);
      if (c === undefined) {
        c = style;
        this.byContent.set(json, style);
      }
      this.byObject.set(style, c);
    }
    return c;
  }
}

/**
 * Sets cells' fills without touching any other cell. ExcelJS shares one style object among all
 * cells read with the same style (StylesXform.getStyleModel), so `cell.fill = x` would repaint
 * every cell sharing it; each cell gets a new style object instead. New style objects are cached
 * per (old style content, fill) pair so a large table does not allocate one per cell.
 */
export class FillSetter {
  private readonly cache = new WeakMap<object, Map<string, CellStyle>>();

  constructor(private readonly styles: StyleInterner = new StyleInterner()) {}

  /** `key` names the fill (its JSON, or a colour); null removes the cell's fill. */
  set(cell: Cell, fill: Fill | null, key: string): void {
    const old = cell.style as CellStyle | undefined;
    const base: CellStyle = this.styles.canonical(old ?? EMPTY_STYLE);
    let byFill = this.cache.get(base);
    if (byFill === undefined) {
      byFill = new Map();
      this.cache.set(base, byFill);
    }
    let next = byFill.get(key);
    if (next === undefined) {
      next = withFill(base, fill);
      byFill.set(key, next);
    }
    cell.style = next;
  }
}

/** A copy of a style with its fill replaced (or removed, for null). */
export function withFill(style: CellStyle, fill: Fill | null): CellStyle {
  const copy: CellStyle = { ...style };
  if (fill === null) delete copy.fill;
  else copy.fill = fill;
  return copy;
}

/** The fill of a cell, or null when it has none. */
export function fillOf(cell: Cell): Fill | null {
  const f = (cell.style as CellStyle | undefined)?.fill;
  return f === undefined ? null : f;
}
