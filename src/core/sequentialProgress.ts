/**
 * The arithmetic of 序时进度 (domain.md, sequential progress), shared by the row rule and the
 * bulletin, so a row due at the year's end and the bulletin's figure for the year agree to the day.
 */

import type { DayNumber } from './dates';
import type { PlanRow } from './planRow';

/**
 * The share of the period from `start` to `deadline` elapsed at `asOf`, both ends and the report
 * date counted inclusively: (asOf − start + 1) / (deadline − start + 1). 0 before the start,
 * 1 once the deadline is reached. 30 June 2023 from 1 January to 31 December: 181 / 365.
 */
export function elapsedShare(start: DayNumber, deadline: DayNumber, asOf: DayNumber): number {
  if (asOf >= deadline) return 1;
  if (asOf < start) return 0;
  return (asOf - start + 1) / (deadline - start + 1);
}

/** How much of the row is done, as a fraction: its numeric progress, else 完成投资 / 年度计划投资. */
export function actualShare(row: PlanRow): number | null {
  if (row.progress !== null) return row.progress;
  if (row.doneInvest !== null && row.planInvest !== null && row.planInvest > 0)
    return row.doneInvest / row.planInvest;
  return null;
}
