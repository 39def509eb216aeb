import { addMonths, dayNumber, wholeMonthsBetween, type DayNumber } from './dates';
import type { PlanRow } from './planRow';
import type { RuleSet } from './rules';
import type { RowStatus, Status, StatusReason } from './status';
import { normalizeText } from './normalizeText';
import { actualShare, elapsedShare } from './sequentialProgress';

export interface ClassifyContext {
  readonly asOf: DayNumber;
  readonly rules: RuleSet;
  /** Sequential progress measures a row without a planned start from 1 January of this year. */
  readonly planYear: number;
}

function status(
  row: PlanRow,
  s: Status,
  reason: StatusReason,
  deadline: DayNumber | null,
  asOf: DayNumber,
): RowStatus {
  const overdueDays = deadline !== null && asOf > deadline ? asOf - deadline : 0;
  const overdueMonths = deadline !== null ? wholeMonthsBetween(deadline, asOf) : 0;
  return { row: row.row, status: s, overdueDays, overdueMonths, reason };
}

/** The default rule (三色图): lagging once past the deadline plus lagMonths, severe past severeMonths. */
function nodeLag(row: PlanRow, ctx: ClassifyContext): RowStatus {
  const { asOf, rules } = ctx;
  const d = row.deadline;
  if (d.kind === 'ongoing')
    return status(row, 'normal', d.recurring === true ? 'recurring' : 'ongoing', null, asOf);
  if (d.kind !== 'date') return status(row, 'unknown', 'no_deadline', null, asOf);
  if (asOf > addMonths(d.day, rules.severeMonths))
    return status(row, 'severe', 'overdue', d.day, asOf);
  if (asOf > addMonths(d.day, rules.lagMonths))
    return status(row, 'lagging', 'overdue', d.day, asOf);
  return status(row, 'normal', asOf > d.day ? 'overdue' : 'not_due', d.day, asOf);
}

/** A county practice: yellow when due within N days, red once overdue. */
function dueSoon(row: PlanRow, ctx: ClassifyContext): RowStatus {
  const { asOf, rules } = ctx;
  const d = row.deadline;
  if (d.kind === 'ongoing')
    return status(row, 'normal', d.recurring === true ? 'recurring' : 'ongoing', null, asOf);
  if (d.kind !== 'date') return status(row, 'unknown', 'no_deadline', null, asOf);
  if (asOf > d.day) return status(row, 'severe', 'overdue', d.day, asOf);
  if (d.day - asOf <= rules.dueSoonDays) return status(row, 'lagging', 'due_soon', d.day, asOf);
  return status(row, 'normal', 'not_due', d.day, asOf);
}

/** 序时进度 (domain.md): see sequentialProgress.ts for the arithmetic. */
function sequentialProgress(row: PlanRow, ctx: ClassifyContext): RowStatus {
  const { asOf, rules } = ctx;
  const d = row.deadline;
  if (d.kind === 'ongoing')
    return status(row, 'normal', d.recurring === true ? 'recurring' : 'ongoing', null, asOf);
  if (d.kind !== 'date') return status(row, 'unknown', 'no_deadline', null, asOf);
  const actual = actualShare(row);
  if (actual === null) return status(row, 'unknown', 'no_progress', d.day, asOf);
  const start = row.plannedStart ?? dayNumber(ctx.planYear, 1, 1);
  const gap = elapsedShare(start, d.day, asOf) - actual;
  // A tolerance of a millionth keeps 0.1 - 0.0 style float noise from flipping a boundary.
  if (gap > rules.seqSevereGap + 1e-6) return status(row, 'severe', 'behind_schedule', d.day, asOf);
  if (gap > rules.seqLagGap + 1e-6) return status(row, 'lagging', 'behind_schedule', d.day, asOf);
  return status(row, 'normal', 'on_schedule', d.day, asOf);
}

const REPORTED: readonly [RegExp, Status][] = [
  [/严重|红|停滞|停工/, 'severe'],
  [/滞后|黄|慢于|缓慢|落后/, 'lagging'],
  [/^(已完成|完成|已办结|办结|已销号|销号)$/, 'done'],
  [/正常|绿|按序时|按计划|顺利|超序时|快于|蓝/, 'normal'],
];

/** Reads the status the unit typed itself ("滞后", "红", "正常推进"); null when it says none of these. */
export function reportedStatusOf(text: string | null): Status | null {
  if (text === null) return null;
  const t = normalizeText(text);
  for (const [re, s] of REPORTED) if (re.test(t)) return s;
  return null;
}

function reportedStatus(row: PlanRow, ctx: ClassifyContext): RowStatus {
  const reported = reportedStatusOf(row.reportedStatus);
  const computed = nodeLag(row, ctx);
  if (reported === null) return { ...computed, status: 'unknown', reason: 'no_deadline' };
  return { ...computed, status: reported, reason: 'reported' };
}

/** Decides one data row's status under the rule set. */
export function classifyRow(row: PlanRow, ctx: ClassifyContext): RowStatus {
  if (row.doneBy !== null) {
    const reason: StatusReason =
      row.doneBy === 'done_column'
        ? 'done_column'
        : row.doneBy === 'progress'
          ? 'done_progress'
          : 'done_date';
    return { row: row.row, status: 'done', overdueDays: 0, overdueMonths: 0, reason };
  }
  switch (ctx.rules.preset) {
    case 'node-lag':
      return nodeLag(row, ctx);
    case 'due-soon':
      return dueSoon(row, ctx);
    case 'sequential-progress':
      return sequentialProgress(row, ctx);
    case 'reported-status':
      return reportedStatus(row, ctx);
  }
}

/** The node-lag status, for comparing a unit's reported status with the deadline's verdict. */
export function nodeLagStatus(row: PlanRow, ctx: ClassifyContext): Status {
  return row.doneBy !== null ? 'done' : nodeLag(row, ctx).status;
}
