/**
 * The 1-based row and column of an A1 reference ("B7", "$B$7"), or null when it is not one. Read
 * character by character: it runs for every cell of a 50,000-row sheet, twice (values, layout).
 */
export function parseCellRef(ref: string): { row: number; col: number } | null {
  let i = 0;
  let col = 0;
  const n = ref.length;
  if (i < n && ref.charCodeAt(i) === 36) i++; // $
  for (; i < n; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  if (col === 0) return null;
  if (i < n && ref.charCodeAt(i) === 36) i++;
  let row = 0;
  const digits = i;
  for (; i < n; i++) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) return null;
    row = row * 10 + (c - 48);
  }
  return i === digits || row < 1 ? null : { row, col };
}
