/** How much of a date a cell's number format shows, so a typed "2023年9月" means September's end. */

import { formatCodes, isDateFormat } from './cellText';

/** What a date format shows down to: the day, the month (yyyy"年"m"月", yyyy/m, mmm-yy) or the year. */
export type DatePrecision = 'day' | 'month' | 'year';

const cache = new Map<string, DatePrecision>();

/**
 * The precision of a date format; 'day' for anything that is not a date format. Excel stores a typed
 * "2023年9月" as 1 September shown with a month format, so such a cell names the whole month.
 */
export function dateFormatPrecision(numberFormat: string | null): DatePrecision {
  if (numberFormat === null || !isDateFormat(numberFormat)) return 'day';
  const cached = cache.get(numberFormat);
  if (cached !== undefined) return cached;
  const result = compute(numberFormat);
  cache.set(numberFormat, result);
  return result;
}

function compute(format: string): DatePrecision {
  const { codes, systemDate } = formatCodes(format);
  if (systemDate) return 'day';
  const lower = codes.toLowerCase();
  // Days: a d code, or 日 written unquoted; a time of day (h, s) also names a day.
  if (/[dhs日]/.test(lower)) return 'day';
  // A month: m (minutes never stand without h or s, which returned above), or an unquoted 月.
  if (/[m月]/.test(lower)) return 'month';
  return 'year';
}
