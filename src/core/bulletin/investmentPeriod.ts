import type { SheetAnalysis } from '../analysis';
import { lastDayOfMonth, type DayNumber } from '../dates';
import { smallNumber } from '../chineseNumerals';
import { normalizeText } from '../normalizeText';

const MONTH = '(\\d{1,2}|[一二三四五六七八九十]{1,3})';
// "1-6月完成投资", "1—6月份", "一至六月": amounts from January to the end of the last month.
const MONTH_RANGE = new RegExp(`^(?:1|一)[-—~至到]${MONTH}月`);
// "截至9月底累计完成投资", "截止6月末", "至9月底".
const UP_TO_MONTH = new RegExp(`^(?:截至|截止|至)(?:\\d{4}年)?${MONTH}月(?:底|末|份)?`);

/**
 * The last day of the period the completed-investment amounts cover, as its header names it
 * (domain.md: "1-6月完成投资", "截至9月底累计完成投资"), or null when the header names none. The
 * bulletin's 序时进度 is measured to this day, so amounts to June are not held against September.
 */
export function investmentPeriodEnd(analysis: SheetAnalysis): DayNumber | null {
  const col = analysis.layout.fields.doneInvest;
  if (col === undefined) return null;
  const header = analysis.layout.columns.find((c) => c.col === col)?.header ?? '';
  for (const part of header.split('/')) {
    const text = normalizeText(part);
    const m = MONTH_RANGE.exec(text) ?? UP_TO_MONTH.exec(text);
    const month = m === null ? null : smallNumber(m[1] ?? '');
    if (month !== null && month >= 1 && month <= 12)
      return lastDayOfMonth(analysis.planYear, month);
  }
  return null;
}

const EN_MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];

/**
 * The period as a bulletin names it: "1-6月" (zh), "Jan–Jun" (en); null when the amounts were
 * measured to the report date because the header named no period.
 */
export function investmentPeriodLabel(periodEnd: string | null, lang: 'zh' | 'en'): string | null {
  const month = periodEnd === null ? NaN : Number(periodEnd.slice(5, 7));
  if (!(month >= 1 && month <= 12)) return null;
  if (lang === 'zh') return month === 1 ? '1月' : `1-${month}月`;
  return month === 1 ? 'Jan' : `Jan–${EN_MONTHS[month - 1] ?? ''}`;
}
