/** What a cell shows: whether its number format is a date, and its text for messages and reports. */

import { fromDayNumber, formatIsoDay, serialToDay, type DayNumber } from './dates';
import { isCellError, type CellValue } from './grid';

// A sheet has a handful of distinct formats repeated over thousands of cells.
const dateFormatCache = new Map<string, boolean>();

// [$-F800] is Excel's "system long date" format: a date although its code has no y, m or d.
const SYSTEM_LONG_DATE = /^\$-F800$/i;
const NOT_DATE_WORDS = /general|am\/pm|a\/p|上午\/下午/gi;
const DATE_CHARS = /[年月日]/;
const DATE_LETTER_RUNS = /[ymdhs]+/g;

/**
 * True for Excel number formats that display dates (yyyy, m/d, 年月日, [$-F800], "mmm"), false for
 * "0.0%", "General", "#,##0", time-only formats, and formats whose y/m/d sit inside quotes or
 * brackets such as [Red].
 */
export function isDateFormat(numberFormat: string | null): boolean {
  if (numberFormat === null || numberFormat === '') return false;
  const cached = dateFormatCache.get(numberFormat);
  if (cached !== undefined) return cached;
  const result = computeIsDateFormat(numberFormat);
  dateFormatCache.set(numberFormat, result);
  return result;
}

/**
 * The characters of a number format Excel interprets as codes: quoted literals, escaped characters,
 * padding (_x) and fill (*x) characters, and bracketed colours, locales and conditions dropped.
 * `systemDate` is set for [$-F800], Excel's "system long date".
 */
export function formatCodes(format: string): { codes: string; systemDate: boolean } {
  let codes = '';
  for (let i = 0; i < format.length; i++) {
    const ch = format.charAt(i);
    if (ch === '"') {
      const close = format.indexOf('"', i + 1);
      i = close === -1 ? format.length : close;
    } else if (ch === '\\' || ch === '_' || ch === '*') {
      i++;
    } else if (ch === '[') {
      const close = format.indexOf(']', i + 1);
      const end = close === -1 ? format.length : close;
      if (SYSTEM_LONG_DATE.test(format.slice(i + 1, end))) return { codes: '', systemDate: true };
      i = end;
    } else {
      codes += ch;
    }
  }
  return { codes: codes.replace(NOT_DATE_WORDS, ''), systemDate: false };
}

function computeIsDateFormat(format: string): boolean {
  const { codes, systemDate } = formatCodes(format);
  if (systemDate) return true;
  if (DATE_CHARS.test(codes)) return true;
  const runs = codes.toLowerCase().match(DATE_LETTER_RUNS);
  if (runs === null) return false;
  for (let i = 0; i < runs.length; i++) {
    const lead = runs[i]?.charAt(0);
    if (lead === 'y' || lead === 'd') return true;
    if (lead === 'm') {
      // m right after hours or right before seconds is minutes (h:mm, mm:ss), not a month.
      const minutes = runs[i - 1]?.charAt(0) === 'h' || runs[i + 1]?.charAt(0) === 's';
      if (!minutes) return true;
    }
  }
  return false;
}

/** The day a date serial names, or null when Excel could not show it as a date. */
export function serialDay(serial: number, date1904: boolean): DayNumber | null {
  if (!Number.isFinite(serial) || Math.floor(serial) < (date1904 ? 0 : 1)) return null;
  const day = serialToDay(serial, date1904);
  return fromDayNumber(day).y > 9999 ? null : day;
}

/** Up to 10 significant digits, so 0.1 + 0.2 reads "0.3"; integers stay exact. */
export function numberText(value: number): string {
  if (Number.isInteger(value)) return String(value);
  if (!Number.isFinite(value)) return String(value);
  return String(Number(value.toPrecision(10)));
}

/**
 * The text a user sees for a cell, for messages and reports: strings trimmed, dates as
 * "2023-06-30", other numbers plainly, booleans TRUE/FALSE, errors as their text, blank as "".
 */
export function cellText(value: CellValue, numberFormat: string | null, date1904: boolean): string {
  if (value === null) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') {
    if (isDateFormat(numberFormat)) {
      const day = serialDay(value, date1904);
      if (day !== null) return formatIsoDay(day);
    }
    return numberText(value);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return isCellError(value) ? value.error : '';
}
