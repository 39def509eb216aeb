/** Small Chinese numerals as plan tables write them in months, days, quarters and years. */

const DIGITS = new Map<string, number>([
  ['〇', 0],
  ['零', 0],
  ['一', 1],
  ['二', 2],
  ['三', 3],
  ['四', 4],
  ['五', 5],
  ['六', 6],
  ['七', 7],
  ['八', 8],
  ['九', 9],
]);

/**
 * 一 → 1, 十 → 10, 十二 → 12, 二十 → 20, 三十一 → 31 (0..99); null for anything else.
 * Digit runs without 十 ("一二") are refused: in "一二月" they mean January and February, not 12.
 */
export function chineseNumeral(text: string): number | null {
  const n = text.length;
  if (n === 0 || n > 3) return null;
  const ten = text.indexOf('十');
  if (ten === -1) return n === 1 ? (DIGITS.get(text) ?? null) : null;
  if (text.indexOf('十', ten + 1) !== -1) return null;
  let tens = 1;
  if (ten === 1) {
    const t = DIGITS.get(text.charAt(0));
    if (t === undefined || t < 2) return null;
    tens = t;
  } else if (ten !== 0) {
    return null;
  }
  if (ten === n - 1) return tens * 10;
  if (ten !== n - 2) return null;
  const units = DIGITS.get(text.charAt(n - 1));
  return units === undefined || units === 0 ? null : tens * 10 + units;
}

/** 二〇二三 → 2023: years are written digit by digit; null unless every character is a digit. */
export function chineseDigits(text: string): number | null {
  if (text.length === 0) return null;
  let value = 0;
  for (const ch of text) {
    const d = DIGITS.get(ch);
    if (d === undefined) return null;
    value = value * 10 + d;
  }
  return value;
}

/** "12" or "十二" → 12; null when neither. */
export function smallNumber(text: string): number | null {
  const c = text.charCodeAt(0);
  if (c >= 48 && c <= 57) {
    for (let i = 1; i < text.length; i++) {
      const ci = text.charCodeAt(i);
      if (ci < 48 || ci > 57) return null;
    }
    return Number(text);
  }
  return chineseNumeral(text);
}
