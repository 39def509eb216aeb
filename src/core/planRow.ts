import type { DayNumber } from './dates';

/** A deadline as read from a cell: the end of the period it names. */
export type Deadline =
  | { readonly kind: 'date'; readonly day: DayNumber }
  /** No deadline: an ongoing task (长期), or a recurring one (每月25日前), which is never overdue. */
  | { readonly kind: 'ongoing'; readonly recurring?: true }
  | { readonly kind: 'missing' }
  /** ambiguous: the number 2023.1, which Excel stores for both "2023.1" and "2023.10". */
  | { readonly kind: 'unreadable'; readonly reason: 'unreadable' | 'impossible' | 'ambiguous' };

/** Why a row counts as done, when it does. */
export type DoneBy = 'done_column' | 'progress' | 'done_date';

/** One data row of a plan table, typed. Text fields are trimmed; null means blank. */
export interface PlanRow {
  /** Grid row index. */
  readonly row: number;
  readonly seq: string | null;
  readonly name: string | null;
  /** The first-listed unit ("区发改局、区财政局" → "区发改局"). */
  readonly unit: string | null;
  /** The unit cell as written. */
  readonly unitText: string | null;
  readonly partner: string | null;
  readonly leader: string | null;
  /** From the category column, else from the section row above. */
  readonly category: string | null;
  readonly nature: string | null;
  readonly deadline: Deadline;
  /** The deadline cell as displayed to the user (text, or the date it holds). */
  readonly deadlineText: string;
  readonly doneBy: DoneBy | null;
  /** The 实际完成时间 read as a day on or before the report date, when the table has one. */
  readonly doneDate?: DayNumber;
  /** Progress as a fraction (0.45), when numeric. */
  readonly progress: number | null;
  readonly progressText: string | null;
  readonly planInvest: number | null;
  readonly doneInvest: number | null;
  readonly totalInvest: number | null;
  readonly plannedStart: DayNumber | null;
  readonly actualStart: DayNumber | null;
  readonly reportedStatus: string | null;
  readonly problem: string | null;
  readonly note: string | null;
}
