/** Numbers, amounts and percentages as plan tables write them. */

import { numberText } from './cellText';
import type { CellValue } from './grid';
import { normalizeText } from './normalizeText';

export type NumberRead =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'blank' }
  | { readonly kind: 'unreadable'; readonly text: string };

const BLANK = Object.freeze({ kind: 'blank' } as const);

// Plain digits or properly grouped thousands ("1,200"; "1,20" is not a number), optional sign.
const NUMBER_TEXT = /^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?$|^[-+]?\.\d+$/;
// The cell's own money unit is dropped, not converted: the column header says what unit the column
// is in, and a cell repeating it ("1200万元" under "(万元)") is the common case.
const UNIT_SUFFIX = /(?:万元|亿元|元|万|亿)$/;
const CURRENCY_PREFIX = /^[¥￥]/;
const GROUPING = /,/g;
// Placeholders for "nothing here" in government tables: a dash or a slash alone.
const PLACEHOLDERS = new Set(['-', '--', '—', '——', '/', '\\', '－', '／']);

/** Numbers and amounts: 1200, "1,200", "１２００", "1200万元", " 12.5 ", "-3"; anything else is unreadable. */
export function parseNumber(value: CellValue): NumberRead {
  if (value === null) return BLANK;
  if (typeof value === 'number') {
    return Number.isFinite(value)
      ? { kind: 'number', value }
      : { kind: 'unreadable', text: numberText(value) };
  }
  if (typeof value === 'boolean') return { kind: 'unreadable', text: value ? 'TRUE' : 'FALSE' };
  if (typeof value !== 'string') return { kind: 'unreadable', text: value.error };
  return readNumberText(value, true);
}

function readNumberText(raw: string, amount: boolean): NumberRead {
  const s = normalizeText(raw);
  if (s === '' || PLACEHOLDERS.has(s)) return BLANK;
  const bare = amount ? s.replace(CURRENCY_PREFIX, '').replace(UNIT_SUFFIX, '') : s;
  if (!NUMBER_TEXT.test(bare)) return { kind: 'unreadable', text: raw.trim() };
  const value = Number(bare.replace(GROUPING, ''));
  // Over 308 digits of text is no amount: Number() gives Infinity, which no sum survives.
  return Number.isFinite(value)
    ? { kind: 'number', value }
    : { kind: 'unreadable', text: raw.trim() };
}

const PERCENT_TEXT = /^([-+]?(?:\d+(?:\.\d*)?|\.\d+))%$/;

/**
 * A percentage as a FRACTION (0.45 for 45%).
 *
 * - Text with a percent sign is always a percent: "45%", "４５％" → 0.45.
 * - A number whose format contains "%" is stored as a fraction already (45% is stored as 0.45).
 * - Without a percent header a number up to 1 is a fraction (0.45 → 0.45, 1 → 1) and a larger one is
 *   a percent (45 → 0.45, 100 → 1).
 * - With a percent header ("完成率(%)") integers and numbers above 1 are percents (1 → 0.01,
 *   45 → 0.45); a non-integer up to 1 is read as a fraction someone typed into the column (0.45 →
 *   0.45, not 0.0045), because a progress of under one percent is far rarer than that habit.
 *
 * Text with words ("过半", "完成45%") is unreadable.
 */
export function parsePercent(
  value: CellValue,
  numberFormat: string | null,
  percentHeader: boolean,
): NumberRead {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { kind: 'unreadable', text: numberText(value) };
    if (hasPercentCode(numberFormat)) return { kind: 'number', value };
    return { kind: 'number', value: plainToFraction(value, percentHeader) };
  }
  if (typeof value !== 'string') return parseNumber(value);
  const s = normalizeText(value);
  if (s.length > 1 && s.charCodeAt(s.length - 1) === 37 /* % */) {
    const m = PERCENT_TEXT.exec(s);
    const n = m === null ? NaN : Number(m[1]);
    return Number.isFinite(n)
      ? { kind: 'number', value: percentOf(n) }
      : { kind: 'unreadable', text: value.trim() };
  }
  // A money unit in a percent column is a mistake, not a percent: no unit words here.
  const read = readNumberText(value, false);
  return read.kind === 'number'
    ? { kind: 'number', value: plainToFraction(read.value, percentHeader) }
    : read;
}

function plainToFraction(value: number, percentHeader: boolean): number {
  const size = Math.abs(value);
  const isPercent = percentHeader ? size > 1 || Number.isInteger(value) : size > 1;
  return isPercent ? percentOf(value) : value;
}

/** 14.4 → 0.144, not 0.14400000000000002: the fraction is compared with 1 and shown to users. */
function percentOf(value: number): number {
  return Number((value / 100).toPrecision(15));
}

/** True when a number format shows a percent: a % outside quotes and escapes. */
function hasPercentCode(numberFormat: string | null): boolean {
  if (numberFormat === null || numberFormat.indexOf('%') === -1) return false;
  let quoted = false;
  for (let i = 0; i < numberFormat.length; i++) {
    const ch = numberFormat.charAt(i);
    if (ch === '"') quoted = !quoted;
    else if (ch === '\\' && !quoted) i++;
    else if (ch === '%' && !quoted) return true;
  }
  return false;
}
