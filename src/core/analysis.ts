import type { DayNumber } from './dates';
import type { FieldKey } from './fields';
import type { Issue, Lang } from './issue';
import type { PaintPlan } from './paintPlan';
import type { PlanRow } from './planRow';
import type { RuleSet } from './rules';
import type { Counts, RowStatus } from './status';
import type { TableLayout } from './tableLayout';

/** Column choices made by the user: field → Excel column letters, or null for "no such column". */
export type ColumnOverrides = Readonly<Partial<Record<FieldKey, string | null>>>;

export interface AnalyzeOptions {
  /** The report date ("as of"); never read from a clock inside the core. */
  readonly asOf: DayNumber;
  readonly rules: RuleSet;
  readonly lang: Lang;
  /** Only these sheets, by name; every sheet when absent. */
  readonly sheets?: readonly string[];
  /** Per sheet name. */
  readonly overrides?: Readonly<Record<string, ColumnOverrides>>;
}

/** Counts of one unit or one category. */
export interface GroupCount extends Counts {
  readonly key: string;
  readonly total: number;
}

export interface SheetAnalysis {
  readonly sheet: string;
  readonly layout: TableLayout;
  /** The year deadlines without a year are read in (title year, else the report date's). */
  readonly planYear: number;
  readonly rows: readonly PlanRow[];
  /** statuses[i] belongs to rows[i]. */
  readonly statuses: readonly RowStatus[];
  readonly issues: readonly Issue[];
  readonly counts: Counts;
  /** By first-listed unit, in order of first appearance. */
  readonly byUnit: readonly GroupCount[];
  /** By category column or section row, in order of first appearance. */
  readonly byCategory: readonly GroupCount[];
  readonly paint: PaintPlan;
  /** Copied from the grid, so row indices can become Excel row numbers. */
  readonly origin: { readonly row: number; readonly col: number };
}

export interface SkippedSheet {
  readonly name: string;
  /** no_table: nothing like a plan table; no_room: a table with no free column left for the status. */
  readonly reason: 'no_table' | 'no_room';
  readonly issues: readonly Issue[];
}

export interface WorkbookAnalysis {
  readonly asOf: DayNumber;
  readonly rules: RuleSet;
  readonly sheets: readonly SheetAnalysis[];
  readonly skipped: readonly SkippedSheet[];
}
