import type { CellRange } from './grid';

/** A cell style of a bulletin sheet, in plain data both adapters translate. */
export interface BulletinStyle {
  readonly bold?: boolean;
  readonly fontSize?: number;
  /** Background as six hex digits. */
  readonly fill?: string;
  readonly align?: 'left' | 'center' | 'right';
  readonly wrap?: boolean;
  readonly border?: boolean;
  /** Excel number format, e.g. "0.0%" or "#,##0.00". */
  readonly numFmt?: string;
}

/** One cell of a bulletin sheet; strings are always written as text, never as formulas. */
export interface BulletinCell {
  /** 0-based row and column on the new sheet. */
  readonly row: number;
  readonly col: number;
  readonly value: string | number | null;
  /** Key into BulletinSheet.styles. */
  readonly style?: string;
}

export interface BulletinChart {
  readonly title: string;
  /** Cell ranges (0-based, inclusive) of the category labels and of each series, with the series' names. */
  readonly categories: CellRange;
  readonly series: readonly {
    readonly name: string;
    readonly range: CellRange;
    readonly color: string;
  }[];
}

export interface BulletinSheet {
  readonly name: string;
  readonly cells: readonly BulletinCell[];
  readonly styles: Readonly<Record<string, BulletinStyle>>;
  readonly merges: readonly CellRange[];
  /** Column widths in Excel character units. */
  readonly columnWidths: readonly number[];
  readonly print: {
    readonly orientation: 'landscape' | 'portrait';
    readonly paperSize: 'A4';
    readonly fitToWidth: boolean;
    /** 0-based inclusive rows repeated at the top of each printed page. */
    readonly repeatRows?: { readonly top: number; readonly bottom: number };
  };
  /** A chart of status counts by unit, drawn where the adapter can (Excel, the package adapter); ExcelJS cannot. */
  readonly chart?: BulletinChart;
}

/** The bulletin for one report date: new sheets to add to the workbook, and the draft text. */
export interface BulletinBook {
  readonly reportDate: string;
  readonly sheets: readonly BulletinSheet[];
  readonly text: string;
}
