/** A numeric deadline cell as the user sees it: a date, never the serial Excel stores. */

import { cellText, isDateFormat } from './cellText';
import { dateFormatPrecision } from './dateFormatPrecision';
import { formatIsoDay, fromDayNumber } from './dates';
import type { Deadline } from './planRow';

/**
 * The text of a numeric deadline cell: a date-formatted day as "2023-06-30", a month-format cell
 * as "2023年9月" (it names the month, not its first day), a year-format cell as "2023年", a bare
 * serial read as a date (45121, 45183.9 in a General cell) as the date it names, any other
 * number (2023.9) as written.
 */
export function deadlineDisplay(
  value: number,
  numberFormat: string | null,
  deadline: Deadline,
  date1904: boolean,
): string {
  if (deadline.kind !== 'date') return cellText(value, numberFormat, date1904);
  if (isDateFormat(numberFormat)) {
    const precision = dateFormatPrecision(numberFormat);
    // A day-format cell's deadline is the day it shows, so it needs no second reading.
    if (precision === 'day') return formatIsoDay(deadline.day);
    const { y, m } = fromDayNumber(deadline.day);
    return precision === 'month' ? `${y}年${m}月` : `${y}年`;
  }
  // A number that is no date format's but was read as one: a serial, or 2023.9 as year.month.
  return value > 2200 ? formatIsoDay(deadline.day) : cellText(value, numberFormat, date1904);
}
