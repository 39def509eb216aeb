/** What a `done` column says, and which unit a unit cell names first. */

import type { CellValue } from './grid';
import { normalizeText } from './normalizeText';

// Compared after normalizeText and lower-casing. Only whole-cell answers: free text such as
// "已完成征地拆迁" reports one step of a task, and "未完成" contains 完成 but says the opposite.
const DONE_TOKENS = new Set([
  '已完成',
  '完成',
  '是',
  '√',
  '✓',
  '✔',
  '✅',
  '☑',
  '已销号',
  '销号',
  '已办结',
  '办结',
  'y',
  'yes',
  'true',
]);

// Longer than a token with a short remark ("已完成（已于9月通过验收）"): a sentence, not a mark.
const MAX_DONE_LENGTH = 40;
// A remark after the done word: "已完成(已验收)", "已完成，已验收". Only after the whole word, so
// "未完成(已验收)" stays not done: its word is 未完成.
const REMARK = /^([^(,;、]+)(?:\(.*\)?|[,;、].*)$/;
const TRAILING_PUNCTUATION = /[。.!！]+$/;
// 結 is missing from normalizeText's traditional table; 辦結 (办结) needs it.
const TRADITIONAL_JIE = /結/g;

/**
 * True when a `done`-column cell says done (已完成, 完成, 是, √, ✓, ✔, 已销号, 销号, 已办结, 办结,
 * Y, yes, TRUE): the whole cell, trimmed and normalized, must be one of these tokens, or one of
 * them followed by a remark in brackets or after a comma ("已完成（已验收）").
 */
export function isDoneText(value: CellValue): boolean {
  if (value === true) return true;
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_DONE_LENGTH) {
    return false;
  }
  const s = normalizeText(value)
    .replace(TRADITIONAL_JIE, '结')
    .replace(TRAILING_PUNCTUATION, '')
    .toLowerCase();
  if (DONE_TOKENS.has(s)) return true;
  const head = REMARK.exec(s)?.[1];
  return head !== undefined && DONE_TOKENS.has(head);
}

// Separators between units, outside brackets: "区发改局、区财政局", "区发改局/区财政局".
const UNIT_SEPARATORS = new Set([...'、，,;；/／|｜ \t\r\n\u3000\u00a0']);
const OPENING = new Set([...'(（[【〔']);
const CLOSING = new Set([...')）]】〕']);
// "区发改局(牵头)", "区发改局（牵头单位）", "区发改局牵头", "牵头单位：区发改局".
const LEAD_SUFFIX = /\s*(?:[(（]\s*牵头(?:单位)?\s*[)）]|牵头)$/;
const LEAD_PREFIX = /^牵头(?:单位)?\s*[:：]\s*/;

/**
 * The first-listed unit of a unit cell ("区发改局、区财政局" → "区发改局"), without a 牵头 mark, as
 * written otherwise; null for blank. Separators inside brackets do not split: "区政府办(区金融办、
 * 区大数据局)" is one unit.
 */
export function firstUnit(text: string | null): string | null {
  if (text === null) return null;
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const ch = text.charAt(i);
    if (OPENING.has(ch)) depth++;
    else if (CLOSING.has(ch)) depth = Math.max(0, depth - 1);
    else if (i === text.length || (depth === 0 && UNIT_SEPARATORS.has(ch))) {
      const unit = cleanUnit(text.slice(start, i));
      if (unit !== '') return unit;
      start = i + 1;
    }
  }
  return null;
}

function cleanUnit(piece: string): string {
  return piece.trim().replace(LEAD_PREFIX, '').replace(LEAD_SUFFIX, '').trim();
}
