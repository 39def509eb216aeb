import { dayNumber, type DayNumber } from '../dates';
import { elapsedShare } from '../sequentialProgress';

/**
 * 序时进度: the share of the plan year elapsed at the report date, counting the report date itself
 * as elapsed (day-of-year / days-in-year), the way 发改 offices quote it: 31 March 2023 is day 90
 * of 365 (24.7%), 30 June 2023 is day 181 (49.6%), 31 December is 100%. A report date before the
 * plan year gives 0, after it 1, since an annual plan is then not yet begun or wholly due.
 */
export function elapsedShareOfYear(asOf: DayNumber, planYear: number): number {
  // The same inclusive count as a row's sequential progress from 1 January to 31 December.
  return elapsedShare(dayNumber(planYear, 1, 1), dayNumber(planYear, 12, 31), asOf);
}
