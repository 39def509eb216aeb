import { formatIsoDay, serialToDay } from '../../core/dates';
import { isCellError, type CellValue } from '../../core/grid';

// Quoted text, [colour]/[locale] sections and escaped characters say nothing about date-ness.
const FORMAT_NOISE = /"[^"]*"|\[[^\]]*\]|\\./g;

/** True for number formats that show a date ("yyyy-mm-dd", "m/d/yy", "yyyy年m月d日"). */
export function isDateFormat(format: string | null | undefined): boolean {
  if (!format || format === 'General') return false;
  const f = format.replace(FORMAT_NOISE, '');
  return /[yd]/i.test(f) || /m+月/i.test(f);
}

function percentDecimals(format: string): number {
  const m = /0\.(0+)%/.exec(format);
  return m && m[1] !== undefined ? m[1].length : 0;
}

/** A cell as the grid view shows it: dates as dates, percents as percents, errors as written. */
export function formatCell(value: CellValue, format: string | null, date1904 = false): string {
  if (value === null) return '';
  if (isCellError(value)) return value.formula !== undefined ? `=${value.formula}` : value.error;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) return String(value);
  if (format && isDateFormat(format)) return formatIsoDay(serialToDay(value, date1904));
  if (format && format.includes('%')) return `${(value * 100).toFixed(percentDecimals(format))}%`;
  if (Number.isInteger(value)) return String(value);
  return String(Math.round(value * 10000) / 10000);
}
