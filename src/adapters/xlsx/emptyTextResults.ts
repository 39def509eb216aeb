import type JSZip from 'jszip';
import { attr } from './xmlAttr';

/**
 * Excel saves a formula whose result is the empty string (very common: =IF(E6="","",F6/E6)) as
 * <c t="str"><f>…</f><v></v></c>. ExcelJS 4.4 drops empty results, so such a cell looks exactly
 * like a formula whose result was never saved, and the engine would ask the user to re-save the
 * file for nothing. This reads the sheet's own XML, only when some formula lacks a result, to find
 * the cells that really hold an empty text result.
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

/** Addresses of formula cells of type "str" whose saved value is empty, in one sheet's XML. */
export function findEmptyTextResults(xml: string): Set<string> {
  const found = new Set<string>();
  for (const empty of ['<v></v>', '<v/>']) {
    let at = xml.indexOf(empty);
    while (at !== -1) {
      const start = Math.max(xml.lastIndexOf('<c ', at), xml.lastIndexOf('<c>', at));
      const tagEnd = xml.indexOf('>', start);
      if (start !== -1 && tagEnd !== -1 && tagEnd < at) {
        const tag = xml.slice(start, tagEnd + 1);
        const body = xml.slice(tagEnd + 1, at);
        const r = attr(tag, 'r');
        if (r !== undefined && attr(tag, 't') === 'str' && /<(?:\w+:)?f[\s/>]/.test(body))
          found.add(r);
      }
      at = xml.indexOf(empty, at + empty.length);
    }
  }
  return found;
}
