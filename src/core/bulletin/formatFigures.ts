import { formatChineseDay, fromDayNumber, type DayNumber } from '../dates';
import type { Lang } from '../issue';

/** Rounds away binary noise (0.1 + 0.2) before a figure is rounded for display. */
function clean(x: number): number {
  return Number(x.toPrecision(12));
}

/** An amount as a bulletin writes it: one decimal when it has a fraction, none when whole ("1127.4", "504"). */
export function formatAmount(x: number): string {
  const r = Math.round(clean(x) * 10) / 10;
  const s = Number.isInteger(r) ? String(r) : r.toFixed(1);
  return s === '-0' ? '0' : s;
}

/** A fraction as a percentage with one decimal, as Excel's "0.0%" shows it (0.14414 → "14.4%"). */
export function formatPercent(x: number): string {
  return `${(Math.round(clean(x * 1000)) / 10).toFixed(1)}%`;
}

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2023年6月30日", or "30 June 2023" in English. */
export function formatLongDay(day: DayNumber, lang: Lang): string {
  if (lang === 'zh') return formatChineseDay(day);
  const { y, m, d } = fromDayNumber(day);
  return `${d} ${MONTHS_EN[m - 1] ?? ''} ${y}`;
}

const EN_UNITS: Readonly<Record<string, string>> = {
  元: 'yuan',
  千元: 'thousand yuan',
  万元: '10,000 yuan',
  亿元: '100 million yuan',
};

/** An amount unit as the reader's language names it ("亿元", or "100 million yuan" in English). */
export function amountUnitName(unit: string, lang: Lang): string {
  return lang === 'zh' ? unit : (EN_UNITS[unit] ?? unit);
}
