/**
 * The zip path a relationship target names, relative to the part that holds the relationship
 * (`base`, e.g. "xl/workbook.xml") or absolute when it starts with "/" (openpyxl writes
 * "/xl/worksheets/sheet1.xml"). Percent-escapes are undone, as part names are URIs.
 */
export function resolveTarget(base: string, target: string): string {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // A stray % in a name: the target as written.
  }
  const parts = decoded.startsWith('/') ? [] : base.split('/').slice(0, -1);
  for (const seg of decoded.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return parts.join('/');
}

/** The relationships part of a part: xl/workbook.xml → xl/_rels/workbook.xml.rels. */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}
