import type JSZip from 'jszip';
import { attr } from '../../../src/adapters/xlsx/xmlAttr';

/*
 * Where a sheet's own XML is, for the checks that read it beside ExcelJS (textResults.ts reads
 * formulas' text results that ExcelJS drops or turns into dates; tests read a sheet's raw XML).
 */

/** The zip path of a worksheet's XML, found through xl/workbook.xml and its relationships. */
export async function sheetXmlPath(zip: JSZip, sheetName: string): Promise<string | null> {
  const workbook = await zip.file('xl/workbook.xml')?.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')?.async('string');
  if (workbook === undefined || rels === undefined) return null;
  let rid: string | undefined;
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    if (attr(m[0], 'name') === sheetName) {
      rid = attr(m[0], 'r:id') ?? attr(m[0], '\\w+:id');
      break;
    }
  }
  if (rid === undefined) return null;
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    if (attr(m[0], 'Id') !== rid) continue;
    const target = attr(m[0], 'Target');
    if (target === undefined) return null;
    return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  }
  return null;
}
