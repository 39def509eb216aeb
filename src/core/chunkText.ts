/**
 * Splits text into chunks of at most `size` characters, never between the halves of a surrogate
 * pair. Both adapters store their state as JSON split over cells, which hold at most 32,767
 * characters each.
 */
export function chunkText(text: string, size: number): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    let end = Math.min(i + size, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    out.push(text.slice(i, end));
    i = end;
  }
  return out;
}
