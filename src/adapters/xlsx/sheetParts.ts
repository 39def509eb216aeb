import type JSZip from 'jszip';
import { attr } from './xmlAttr';

/** A relationship target of xl/workbook.xml as a zip path: relative to xl/, or absolute. */
function resolveTarget(target: string): string {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // A stray % in a name: the target as written.
  }
  const parts = decoded.startsWith('/') ? [] : ['xl'];
  for (const seg of decoded.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return parts.join('/');
}

/**
 * The sheets xl/workbook.xml lists whose parts are not in the zip (by name, then the missing zip
 * path): ExcelJS quietly drops such sheets, so a cut or edited file would look like a workbook
 * without them. Part names are compared without case, as packages name them.
 */
export async function missingSheetParts(zip: JSZip): Promise<string[]> {
  const workbook = await zip.file('xl/workbook.xml')?.async('string');
  if (workbook === undefined) return [];
  const sheets = [...workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)].map((m) => ({
    name: attr(m[0], 'name') ?? '',
    rid: attr(m[0], 'r:id') ?? attr(m[0], '\\w+:id'),
  }));
  if (sheets.length === 0) return [];
  const rels = await zip.file('xl/_rels/workbook.xml.rels')?.async('string');
  const targets = new Map<string, string>();
  for (const m of (rels ?? '').matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id !== undefined && target !== undefined && attr(m[0], 'TargetMode') !== 'External') {
      targets.set(id, resolveTarget(target));
    }
  }
  const present = new Set(Object.keys(zip.files).map((f) => f.toLowerCase()));
  const missing: string[] = [];
  for (const { name, rid } of sheets) {
    const path = rid === undefined ? undefined : targets.get(rid);
    if (path === undefined) missing.push(`${name} (${rid ?? 'no id'})`);
    else if (!present.has(path.toLowerCase())) missing.push(`${name} (${path})`);
  }
  return missing;
}
