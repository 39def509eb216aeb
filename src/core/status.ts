/** The five statuses, in the order counts and palettes list them. */
export const STATUSES = ['normal', 'lagging', 'severe', 'done', 'unknown'] as const;
export type Status = (typeof STATUSES)[number];

/** Why a row got its status; rendered into words by the front ends. */
export type StatusReason =
  | 'done_column'
  | 'done_progress'
  | 'done_date'
  | 'ongoing'
  /** 周期性任务: 每月25日前, 每季度末. */
  | 'recurring'
  | 'not_due'
  | 'overdue'
  | 'due_soon'
  | 'on_schedule'
  | 'behind_schedule'
  | 'reported'
  | 'no_deadline'
  /** Sequential progress: the row has no numeric progress to compare. */
  | 'no_progress';

export interface RowStatus {
  /** Grid row index. */
  readonly row: number;
  readonly status: Status;
  /** Days past the deadline at the report date (0 when not past it or no deadline). */
  readonly overdueDays: number;
  /** Whole calendar months past the deadline. */
  readonly overdueMonths: number;
  readonly reason: StatusReason;
}

export type Counts = Record<Status, number>;

export function emptyCounts(): Counts {
  return { normal: 0, lagging: 0, severe: 0, done: 0, unknown: 0 };
}
