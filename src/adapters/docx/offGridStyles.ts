/**
 * Takes the given paragraph styles (table text) off the line grid. Hand-written XML because the
 * `docx` package (9.x) has no paragraph-level w:snapToGrid. Without it LibreOffice sets each table
 * line on the 10.2 mm body grid, so a long lagging list prints 18 rows a page instead of about 30.
 * w:snapToGrid goes just before w:spacing, the order the schema requires; a style without
 * w:spacing is left as it is.
 */
export function offGridStyles(stylesXml: string, styleIds: readonly string[]): string {
  let out = stylesXml;
  for (const id of styleIds) {
    const start = out.indexOf(`w:styleId="${id}"`);
    if (start === -1) continue;
    const end = out.indexOf('</w:style>', start);
    const spacing = out.indexOf('<w:spacing ', start);
    if (spacing === -1 || spacing > end) continue;
    out = `${out.slice(0, spacing)}<w:snapToGrid w:val="0"/>${out.slice(spacing)}`;
  }
  return out;
}
