import type { FieldKey } from './fields';

/** One column of a detected table, with the header text it was read from. */
export interface ColumnInfo {
  /** Grid column index. */
  readonly col: number;
  /** The header as the user wrote it; two-level headers joined with "/" ("1-6月完成投资/金额"). */
  readonly header: string;
  readonly field: FieldKey | null;
}

export type RowKind = 'data' | 'section' | 'subtotal' | 'note' | 'blank';

/** Where a plan table sits in a sheet and what each of its rows is. All indices are grid indices. */
export interface TableLayout {
  readonly sheet: string;
  /** Text of the title rows above the header, joined; null when there are none. */
  readonly title: string | null;
  /** The year the title names ("2023年度…"), used for deadlines written without a year. */
  readonly titleYear: number | null;
  readonly headerTop: number;
  readonly headerBottom: number;
  readonly left: number;
  readonly right: number;
  readonly columns: readonly ColumnInfo[];
  /** Field → grid column, after user overrides. */
  readonly fields: Readonly<Partial<Record<FieldKey, number>>>;
  /** Row kinds from headerBottom + 1 to lastRow, indexed by (row - headerBottom - 1). */
  readonly kinds: readonly RowKind[];
  /** Grid rows of the data rows, ascending. */
  readonly dataRows: readonly number[];
  /** For each section row, the category it sets for the rows below it. */
  readonly sections: readonly { readonly row: number; readonly category: string }[];
  /** The last row that belongs to the table (data, section, subtotal or note). */
  readonly lastRow: number;
  /** The status column this add-in wrote before, found by its header; null when there is none yet. */
  readonly statusColumn: number | null;
  /** The amount unit the headers name ("万元", "亿元"), or null. */
  readonly amountUnit: string | null;
}
