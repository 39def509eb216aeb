import type { Fill, Style } from 'exceljs';

export type CellStyle = Partial<Style>;

/** A solid fill of six hex digits, as Excel writes one. */
export function solidFill(hex: string): Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${hex.toUpperCase()}` } };
}
