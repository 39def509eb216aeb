import type { Cell, Fill, Style } from 'exceljs';

export type CellStyle = Partial<Style>;

/** A solid fill of six hex digits, as Excel writes one. */
export function solidFill(hex: string): Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${hex.toUpperCase()}` } };
}

/**
 * Sets cells' fills without touching any other cell. ExcelJS shares one style object among all
 * cells read with the same style (StylesXform.getStyleModel), so `cell.fill = x` would repaint
 * every cell sharing it; each cell gets a new style object instead. New style objects are cached
 * per (old style, fill) pair so a large table does not allocate one per cell.
 */
export class FillSetter {
  private readonly cache = new WeakMap<object, Map<string, CellStyle>>();

  /** `key` names the fill (its JSON, or a colour); null removes the cell's fill. */
  set(cell: Cell, fill: Fill | null, key: string): void {
    const old = cell.style as CellStyle | undefined;
    const base: CellStyle = old ?? {};
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
