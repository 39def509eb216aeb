/**
 * A shared formula as it reads in another cell of its range: relative references moved by the
 * distance from the master cell, absolute ($) parts kept, text in quotes left alone. Formulas are
 * not XML; this walks the formula's own tokens (strings "…", quoted sheet names '…').
 */
export function slideFormula(formula: string, dRow: number, dCol: number): string {
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula.charAt(i);
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < formula.length) {
        if (formula.charAt(j) === ch) {
          if (formula.charAt(j + 1) === ch) j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const m = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)/.exec(formula.slice(i));
    const before = i === 0 ? '' : formula.charAt(i - 1);
    if (m && !/[A-Za-z0-9_.]/.test(before)) {
      const after = formula.charAt(i + m[0].length);
      if (!/[A-Za-z0-9_(]/.test(after)) {
        const [, colAbs = '', letters = '', rowAbs = '', digits = ''] = m;
        const col = colAbs === '$' ? letters : letterOf(numberOf(letters) + dCol);
        const row = rowAbs === '$' ? digits : String(Number(digits) + dRow);
        out += `${colAbs}${col}${rowAbs}${row}`;
        i += m[0].length;
        continue;
      }
    }
    out += ch;
    i++;
  }
  return out;
}

function numberOf(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

function letterOf(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26))
    s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}
