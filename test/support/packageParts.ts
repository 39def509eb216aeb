import JSZip from 'jszip';
import { openPackage } from '../../src/adapters/xlsxPackage/openPackage';

/**
 * Reading a saved .xlsx package in tests, with JSZip (independent of the adapter's zip layer):
 * its parts, and which parts a run may change.
 */

/** Every part of a package (folders left out) by name, as bytes. */
export async function partsOf(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Uint8Array>();
  for (const [name, entry] of Object.entries(zip.files))
    if (!entry.dir) out.set(name, await entry.async('uint8array'));
  return out;
}

/** The parts a run may change besides the sheets it paints: styles and the workbook's sheet list. */
export const WORKBOOK_PARTS: readonly string[] = [
  'xl/styles.xml',
  'xl/workbook.xml',
  'xl/_rels/workbook.xml.rels',
  '[Content_Types].xml',
];

/** The zip paths of the named sheets' parts, as the workbook and its rels name them. */
export function sheetPartPaths(bytes: Uint8Array, names: readonly string[]): string[] {
  return openPackage(bytes, 'zh')
    .sheets.filter((s) => names.includes(s.name))
    .map((s) => s.path ?? '');
}
