import { attr, decodeXml } from '../../../src/adapters/xlsx/xmlAttr';

/**
 * The saved text results of formula cells (<c t="str"><f>…</f><v>三季度</v></c>), by address, read
 * from a sheet's own XML. ExcelJS 4.4 loses two kinds of them: an empty result (dropped, so the cell
 * looks like a formula never calculated) and a text result in a date-formatted cell (turned into an
 * Invalid Date, so "三季度" in a yyyy/m/d cell read as blank). domain.md: a formula's saved result
 * is read as what it is. Called only when some formula cell lost its result.
 */
export function findTextResults(xml: string): Map<string, string> {
  const found = new Map<string, string>();
  const cell = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
  for (const m of xml.matchAll(cell)) {
    const tag = m[1] ?? '';
    const body = m[2];
    if (body === undefined || attr(tag, 't') !== 'str' || !/<(?:\w+:)?f[\s/>]/.test(body)) continue;
    const r = attr(tag, 'r');
    if (r === undefined) continue;
    const v = /<(?:\w+:)?v(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?v>)/.exec(body);
    if (v === null) continue;
    found.set(r, decodeXml(v[1] ?? ''));
  }
  return found;
}
