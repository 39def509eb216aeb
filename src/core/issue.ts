/** Problems found in the input are data, addressed to a cell, in the user's language. */

export type Lang = 'zh' | 'en';
export type Severity = 'error' | 'warning' | 'info';

export type IssueCode =
  | 'deadline_unreadable'
  | 'deadline_missing'
  | 'date_impossible'
  | 'done_date_unreadable'
  | 'cell_error'
  | 'formula_no_result'
  | 'number_unreadable'
  | 'no_table'
  | 'no_name_column'
  | 'no_deadline_column'
  | 'header_duplicate'
  | 'merge_crosses_header'
  | 'plan_year_assumed'
  | 'status_disagrees'
  | 'text_truncated'
  | 'status_column_conflict'
  | 'row_unmatched'
  | 'status_column_no_room'
  | 'deadline_ambiguous'
  | 'deadline_remark'
  | 'deadline_nodes'
  | 'progress_not_numeric'
  | 'as_of_far_past';

export interface Issue {
  readonly sheet: string;
  /** A1 address of the cell at fault, or "" for a sheet-wide issue. */
  readonly cell: string;
  readonly severity: Severity;
  readonly code: IssueCode;
  readonly message: string;
  /** The values the message was built from, so a front end can re-render it in another language. */
  readonly params: Readonly<Record<string, string | number>>;
}

export type Result<T> = { ok: true; value: T; issues: Issue[] } | { ok: false; issues: Issue[] };
