/**
 * Reads deadline and date cells the way plan tables write them (domain.md, "Reading a deadline"):
 * a deadline is the END of the period the cell names, and anything not in the table is not guessed.
 */

import { isDateFormat, numberText, serialDay } from './cellText';
import { dateFormatPrecision } from './dateFormatPrecision';
import { chineseDigits, smallNumber } from './chineseNumerals';
import { dayNumber, fromDayNumber, isValidYmd, lastDayOfMonth, type DayNumber } from './dates';
import type { CellValue } from './grid';
import { normalizeText, toHalfWidth } from './normalizeText';
import type { Deadline } from './planRow';

export interface DateContext {
  readonly planYear: number;
  readonly date1904: boolean;
}

export type DayRead =
  | { readonly kind: 'date'; readonly day: DayNumber }
  | { readonly kind: 'missing' }
  | { readonly kind: 'unreadable'; readonly reason: 'unreadable' | 'impossible' | 'ambiguous' };

// Shared results: these run on every cell of large sheets, so the common outcomes do not allocate.
const MISSING = Object.freeze({ kind: 'missing' } as const);
const ONGOING = Object.freeze({ kind: 'ongoing' } as const);
const RECURRING = Object.freeze({ kind: 'ongoing', recurring: true } as const);
const AMBIGUOUS = Object.freeze({ kind: 'unreadable', reason: 'ambiguous' } as const);
const UNREADABLE = Object.freeze({ kind: 'unreadable', reason: 'unreadable' } as const);
const IMPOSSIBLE = Object.freeze({ kind: 'unreadable', reason: 'impossible' } as const);

// Excel serials of 1954-10-03 and 2119-01-11: a bare number in this range is a date whose format
// was lost; outside it (6, 2023, 123456) it is more likely a month, a year or a typo.
const SERIAL_MIN = 20000;
const SERIAL_MAX = 80000;

// A deadline cell is short; long text is a sentence, and skipping it keeps the regexes cheap.
const MAX_LENGTH = 40;

const NUM = '(\\d{1,2}|[〇零一二三四五六七八九十]{1,3})';

// The time Excel or a CSV export appends to a date: "2023-06-30T00:00:00", "2023/6/30 9:00".
const TIME_SUFFIX = /(?:T|\s+)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?\s*$/;
const NUMERIC_DATE = /^(\d{4})([-/.])(\d{1,2})(?:\2(\d{1,2}))?$/;
const YEAR_QUARTER = /^(\d{4})[Qq](\d)$/;
const YEAR_PREFIX =
  /^(?:(\d{4})|([〇零一二三四五六七八九]{4}))年度?|^(今年|本年|当年|明年|次年|来年)度?/;
const MONTH_FORM = new RegExp(`^${NUM}月份?(?:${NUM}[日号]?|(底|末|上旬|中旬|下旬|中下旬))?$`);
const DAY_FORM = new RegExp(`^${NUM}[日号]$`);
const QUARTER_FORM = /^第?(\d|[一二三四五六七八九十])季度?(?:末|底)?$/;
const Q_FORM = /^[Qq](\d)$/;
const BARE_RANGE_START = new RegExp(`^(?:(\\d{4})年)?第?${NUM}$`);
// Separators that never occur inside a single date; the hyphen can, so it is tried position by position.
const RANGE_SEPARATOR = /至|到|~|〜|—+|–|―/;

const ONGOING_FORM =
  /^(?:长期|持续|常态化|常年|长效)(?:推进|坚持|开展|实施|跟进|进行|落实|推动|执行|抓好|做好|任务|工作)*$/;
// 每月25日前, 每季度末, 每年, 按月: a task that comes round again, so never overdue as a whole.
const RECURRING_FORM = /^(?:每个?|按)(?:月|季度?|年|周|旬|半年|天|日)/;
// "9.30" typed as text: month.day in the plan year.
const MONTH_DOT_DAY = /^(\d{1,2})\.(\d{1,2})$/;
// A number such as 2023.9 is a typed "2023.9" (year.month) that Excel stored as a number.
const YEAR_DOT_MONTH = /^(\d{4})\.(\d{1,2})$/;

/** The end of the year (Y), or of its first half (H1), for words that name part of a year. */
type YearPart = 'Y' | 'H1';
const YEAR_WORDS = new Map<string, YearPart>([
  ['年底', 'Y'],
  ['年末', 'Y'],
  ['年内', 'Y'],
  ['全年', 'Y'],
  ['年度', 'Y'],
  ['年度内', 'Y'],
  ['年度末', 'Y'],
  ['下半年', 'Y'],
  ['上半年', 'H1'],
  ['年中', 'H1'],
]);
// After "2023年" the year's own 年 is already consumed: 2023年底, 2023年内, 2023年中, 2023年.
const AFTER_YEAR_WORDS = new Map<string, YearPart>([
  ...YEAR_WORDS,
  ['', 'Y'],
  ['底', 'Y'],
  ['末', 'Y'],
  ['内', 'Y'],
  ['中', 'H1'],
]);

// Words around a deadline that do not move it: "力争6月底前完成" is "6月底". One suffix goes per
// round, so "之前完成" loses 完成 and then 之前.
const PREFIXES = [
  '截止到',
  '截至到',
  '截止',
  '截至',
  '力争',
  '确保',
  '争取',
  '计划',
  '预计',
  '于',
  '在',
  '到',
];
const SUFFIXES = [
  '完成',
  '完工',
  '建成',
  '竣工',
  '办结',
  '之前',
  '以前',
  '为止',
  '截止',
  '截至',
  '前',
  '止',
  '。',
  '.',
  ',',
  ';',
];

type Unit = 'day' | 'month' | 'quarter' | 'year';

/** One readable period: its first and last day, and what a range's other end may inherit. */
interface Period {
  readonly year: number;
  readonly unit: Unit;
  /** The month for day and month periods, the quarter for quarters, 0 for years. */
  readonly index: number;
  readonly start: DayNumber;
  readonly end: DayNumber;
}

type Read = Period | 'impossible' | 'unreadable';

/** Reads a deadline cell as the END of the period it names (domain.md table). */
export function parseDeadline(
  value: CellValue,
  numberFormat: string | null,
  ctx: DateContext,
): Deadline {
  if (value === null) return MISSING;
  if (typeof value === 'number') return readNumber(value, numberFormat, ctx);
  // Booleans and error values (#N/A, #REF!) name no day.
  if (typeof value !== 'string') return UNREADABLE;
  return readText(value, ctx.planYear);
}

/** Reads a date cell such as 实际完成时间 / 实际开工时间: same forms, but ongoing words (长期) are unreadable. Missing when blank. */
export function parseDay(value: CellValue, numberFormat: string | null, ctx: DateContext): DayRead {
  const read = parseDeadline(value, numberFormat, ctx);
  if (read.kind === 'ongoing') return UNREADABLE;
  return read.kind === 'unreadable' && read.reason === 'ambiguous' ? UNREADABLE : read;
}

const TITLE_YEAR = /(?<!\d)(\d{4})年|([〇零一二三四五六七八九]{4})年/;
const RANGE_BEFORE = /\d年?[-~—–―至到]$/;
const RANGE_AFTER = /^度?[-~—–―至到]/;

/**
 * The year named in a title such as "2023年度XX区重点项目推进计划表" or "2023年政府工作报告…", or
 * null. A span of years ("2023—2025年") names no single plan year, so it gives null too.
 */
export function yearInTitle(title: string): number | null {
  const text = normalizeText(title);
  const m = TITLE_YEAR.exec(text);
  if (m === null) return null;
  const year = m[1] !== undefined ? Number(m[1]) : chineseDigits(m[2] ?? '');
  if (year === null || year < 1900 || year > 2199) return null;
  const before = text.slice(0, m.index);
  const after = text.slice(m.index + m[0].length);
  if (RANGE_BEFORE.test(before) || RANGE_AFTER.test(after)) return null;
  return year;
}

function readNumber(value: number, numberFormat: string | null, ctx: DateContext): Deadline {
  if (!Number.isFinite(value)) return UNREADABLE;
  if (isDateFormat(numberFormat)) {
    const day = serialDay(value, ctx.date1904);
    if (day === null) return IMPOSSIBLE;
    // A format that shows only the month (or year) names the whole month (or year): its end.
    const precision = dateFormatPrecision(numberFormat);
    if (precision === 'day') return { kind: 'date', day };
    const { y, m } = fromDayNumber(day);
    return {
      kind: 'date',
      day: precision === 'month' ? lastDayOfMonth(y, m) : dayNumber(y, 12, 31),
    };
  }
  if (!Number.isInteger(value) && value > 1900 && value < 2200) return readYearDotMonth(value);
  if (value < SERIAL_MIN || value > SERIAL_MAX) return UNREADABLE;
  const day = serialDay(value, ctx.date1904);
  return day === null ? UNREADABLE : { kind: 'date', day };
}

/** 2023.9 → end of September 2023; 2023.1 is January or October (2023.10): not guessed. */
function readYearDotMonth(value: number): Deadline {
  const m = YEAR_DOT_MONTH.exec(numberText(value));
  if (m === null) return UNREADABLE;
  const month = Number(m[2]);
  if (m[2] === '1') return AMBIGUOUS;
  return month >= 1 && month <= 12
    ? { kind: 'date', day: lastDayOfMonth(Number(m[1]), month) }
    : IMPOSSIBLE;
}

function readText(raw: string, planYear: number): Deadline {
  let text = raw;
  if (text.length > MAX_LENGTH * 2) return text.trim() === '' ? MISSING : UNREADABLE;
  if (text.indexOf(':') !== -1 || text.indexOf('：') !== -1) {
    text = toHalfWidth(text).replace(TIME_SUFFIX, '');
  }
  const normalized = normalizeText(text);
  if (normalized === '') return MISSING;
  if (normalized.length > MAX_LENGTH) return UNREADABLE;
  const s = stripAffixes(normalized);
  if (ONGOING_FORM.test(s)) return ONGOING;
  if (RECURRING_FORM.test(s)) return RECURRING;
  let read = readPeriod(s, planYear, null);
  if (read === 'unreadable') read = readRange(s, planYear);
  if (read === 'unreadable') return UNREADABLE;
  if (read === 'impossible') return IMPOSSIBLE;
  return { kind: 'date', day: read.end };
}

function stripAffixes(text: string): string {
  let s = text;
  for (let changed = true; changed && s !== '';) {
    changed = false;
    for (const p of PREFIXES) {
      if (s.length > p.length && s.startsWith(p)) {
        s = s.slice(p.length);
        changed = true;
        break;
      }
    }
    for (const x of SUFFIXES) {
      if (s.length > x.length && s.endsWith(x)) {
        s = s.slice(0, s.length - x.length);
        changed = true;
        break;
      }
    }
  }
  return s;
}

/**
 * One period. `defaultYear` is the plan year, or a range's first year; `rangeMonth` is the month a
 * range's end may leave out ("6月1日-30日").
 */
function readPeriod(s: string, defaultYear: number, rangeMonth: number | null): Read {
  if (s === '') return 'unreadable';
  const c = s.charCodeAt(0);
  if (c >= 48 && c <= 57) {
    const n = NUMERIC_DATE.exec(s);
    if (n !== null)
      return dayPeriod(Number(n[1]), Number(n[3]), n[4] === undefined ? null : Number(n[4]));
    const yq = YEAR_QUARTER.exec(s);
    if (yq !== null) return quarterPeriod(Number(yq[1]), Number(yq[2]));
    const md = MONTH_DOT_DAY.exec(s);
    if (md !== null) return dayPeriod(defaultYear, Number(md[1]), Number(md[2]));
  }

  let year = defaultYear;
  let rest = s;
  const y = YEAR_PREFIX.exec(s);
  if (y !== null) {
    if (y[1] !== undefined) year = Number(y[1]);
    else if (y[2] !== undefined) year = chineseDigits(y[2]) ?? 0;
    else if (y[3] === '明年' || y[3] === '次年' || y[3] === '来年') year = defaultYear + 1;
    rest = s.slice(y[0].length);
    if (year < 1900 || year > 9999) return 'impossible';
  }

  const part = (y === null ? YEAR_WORDS : AFTER_YEAR_WORDS).get(rest);
  if (part !== undefined) return yearPeriod(year, part);

  const m = MONTH_FORM.exec(rest);
  if (m !== null) {
    const month = smallNumber(m[1] ?? '');
    if (month === null) return 'unreadable';
    if (m[2] !== undefined) {
      const day = smallNumber(m[2]);
      return day === null ? 'unreadable' : dayPeriod(year, month, day);
    }
    return monthPeriod(year, month, m[3]);
  }

  const q = QUARTER_FORM.exec(rest) ?? Q_FORM.exec(rest);
  if (q !== null) {
    const quarter = smallNumber(q[1] ?? '');
    return quarter === null ? 'unreadable' : quarterPeriod(year, quarter);
  }

  if (rangeMonth !== null && y === null) {
    const d = DAY_FORM.exec(rest);
    if (d !== null) {
      const day = smallNumber(d[1] ?? '');
      return day === null ? 'unreadable' : dayPeriod(year, rangeMonth, day);
    }
  }
  return 'unreadable';
}

function dayPeriod(year: number, month: number, day: number | null): Read {
  if (day === null) return monthPeriod(year, month, undefined);
  if (!isValidYmd(year, month, day)) return 'impossible';
  const d = dayNumber(year, month, day);
  return { year, unit: 'day', index: month, start: d, end: d };
}

function monthPeriod(year: number, month: number, part: string | undefined): Read {
  if (!isValidYmd(year, month, 1)) return 'impossible';
  const start = dayNumber(year, month, 1);
  // 上旬 and 中旬 end on the 10th and 20th; every other part of a month ends with the month.
  const end =
    part === '上旬'
      ? dayNumber(year, month, 10)
      : part === '中旬'
        ? dayNumber(year, month, 20)
        : lastDayOfMonth(year, month);
  return { year, unit: 'month', index: month, start, end };
}

function quarterPeriod(year: number, quarter: number): Read {
  if (quarter < 1 || quarter > 4 || !isValidYmd(year, 1, 1)) return 'impossible';
  const start = dayNumber(year, quarter * 3 - 2, 1);
  return { year, unit: 'quarter', index: quarter, start, end: lastDayOfMonth(year, quarter * 3) };
}

function yearPeriod(year: number, part: YearPart): Read {
  const end = part === 'H1' ? dayNumber(year, 6, 30) : dayNumber(year, 12, 31);
  return { year, unit: 'year', index: 0, start: dayNumber(year, 1, 1), end };
}

/** A range ends where its last part ends: "3月-6月", "3至6月", "2023.3-2023.6", "一季度至二季度". */
function readRange(s: string, planYear: number): Read {
  const sep = RANGE_SEPARATOR.exec(s);
  if (sep !== null) {
    return readRangeParts(s.slice(0, sep.index), s.slice(sep.index + sep[0].length), planYear);
  }
  // "2023.3.1-2023.6.30" has one hyphen between the parts; "2023-03-01-2023-06-30" has several,
  // and only one position splits it into two readable dates.
  let impossible = false;
  for (let i = s.indexOf('-', 1); i !== -1; i = s.indexOf('-', i + 1)) {
    const read = readRangeParts(s.slice(0, i), s.slice(i + 1), planYear);
    if (read === 'impossible') impossible = true;
    else if (read !== 'unreadable') return read;
  }
  return impossible ? 'impossible' : 'unreadable';
}

function readRangeParts(left: string, right: string, planYear: number): Read {
  if (left === '' || right === '') return 'unreadable';
  const first = readPeriod(left, planYear, null);
  if (first === 'impossible') return first;
  if (first !== 'unreadable') {
    let last = readPeriod(right, first.year, first.unit === 'day' ? first.index : null);
    // "2023.10-12": a bare number after a month is a month of the same year.
    if (last === 'unreadable' && first.unit === 'month' && /^\d{1,2}$/.test(right))
      last = monthPeriod(first.year, Number(right), undefined);
    if (typeof last === 'string') return last;
    // A range that ends before it starts ("10月-3月") is a typo or spans a year it does not name.
    return last.end < first.start ? 'unreadable' : last;
  }

  // "3-6月", "2023年3-6月", "一至二季度": the first part is a bare number sharing the last part's unit.
  const bare = BARE_RANGE_START.exec(left);
  if (bare === null) return 'unreadable';
  const year = bare[1] === undefined ? planYear : Number(bare[1]);
  const n = smallNumber(bare[2] ?? '');
  if (n === null) return 'unreadable';
  const last = readPeriod(right, year, null);
  if (typeof last === 'string') return last;
  const max = last.unit === 'month' ? 12 : last.unit === 'quarter' ? 4 : 0;
  if (max === 0) return 'unreadable';
  if (n < 1 || n > max) return 'impossible';
  return last.year < year || (last.year === year && n > last.index) ? 'unreadable' : last;
}
