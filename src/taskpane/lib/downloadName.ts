/** "计划表.xlsx" → "计划表.三色.xlsx": the painted copy sits next to the original, never over it. */
export function downloadName(original: string): string {
  const base = original.replace(/\.xlsx$/i, '');
  return `${base || 'workbook'}.三色.xlsx`;
}
