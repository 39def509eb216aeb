import type { Status } from './status';

/** Status codes stored per row in a PaintPlan: 0 = not a data row, else STATUSES index + 1. */
export type StatusCode = 0 | 1 | 2 | 3 | 4 | 5;

/** One colour's fills: inclusive runs of contiguous grid rows, flattened as [start, end, start, end, …]. */
export interface FillRuns {
  readonly status: Status;
  readonly color: string;
  readonly runs: readonly number[];
}

/**
 * Everything an adapter needs to paint one sheet, in plain data: which column holds the status,
 * what each row's label is, and the fill runs per colour over the table's columns.
 */
export interface PaintPlan {
  readonly sheet: string;
  /** Copied from the grid so adapters can turn indices into A1 addresses. */
  readonly origin: { readonly row: number; readonly col: number };
  /** Grid column of the status column (an existing one of ours, or the one after the table). */
  readonly statusColumn: number;
  /** True when the status column already existed (written by an earlier run). */
  readonly statusColumnExists: boolean;
  /** Grid rows of the header; the status header goes in headerTop, merged down to headerBottom. */
  readonly headerTop: number;
  readonly headerBottom: number;
  readonly header: string;
  /** Grid columns the fills span: the table's first column through the status column. */
  readonly left: number;
  readonly right: number;
  /** First and last grid rows of the table body the status column covers. */
  readonly firstRow: number;
  readonly lastRow: number;
  /** codes[i] is the status of grid row firstRow + i (0 for section, subtotal, note and blank rows). */
  readonly codes: Uint8Array;
  /** Label for each status code 1..5 (index 0 is the empty string). */
  readonly labels: readonly string[];
  readonly fills: readonly FillRuns[];
  /**
   * keys[i] identifies the data row at grid row firstRow + i ("" for other rows), filled in by
   * identifiedPlan when the plan is painted; empty, the record made is positional (rowIdentity.ts).
   */
  readonly keys: readonly string[];
}
