import { WORKBOOK_PART } from './openPackage';
import { relsPathOf } from './partPath';
import { tagName } from './stylesPatch';
import { attrLocal, walkXml, type XmlTag } from './xml';
import { applySplices, startTag, type Splice } from './xmlWrite';
import type { ZipPackage } from './zipPackage';

const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const WORKSHEET_REL = `${REL_NS}/worksheet`;
const WORKSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const CONTENT_TYPES = '[Content_Types].xml';

interface Found {
  tag: XmlTag;
  end: number;
}

/** The elements of a part with the given local name, with their whole extent. */
function elements(xml: string, local: string): Found[] {
  const out: Found[] = [];
  const open: XmlTag[] = [];
  walkXml(xml, {
    open(tag) {
      if (tag.local === local) open.push(tag);
    },
    close(name, end) {
      if (name !== local) return;
      const tag = open.pop();
      if (tag) out.push({ tag, end });
    },
  });
  return out;
}

function closeStartOf(xml: string, local: string): number {
  const found = elements(xml, local)[0];
  if (found === undefined) throw new Error(`no <${local}>`);
  return found.tag.selfClosing ? -1 : xml.lastIndexOf('<', found.end - 1);
}

function text(zip: ZipPackage, path: string): string {
  const t = zip.text(path);
  if (t === undefined) throw new Error(`${path} missing`);
  return t;
}

/**
 * Adds a worksheet at the end of the workbook: its part, its relationship, its content type and its
 * <sheet> entry, each inserted before the closing tag of its list (the places ECMA-376 allows).
 */
export function addSheet(zip: ZipPackage, name: string, state: string, xml: string): string {
  let n = 1;
  while (zip.has(`xl/worksheets/sheet${n}.xml`)) n++;
  const path = `xl/worksheets/sheet${n}.xml`;
  zip.set(path, xml);

  const relsPath = relsPathOf(WORKBOOK_PART);
  const rels = text(zip, relsPath);
  const ids = new Set(elements(rels, 'Relationship').map((r) => attrLocal(r.tag, 'Id')));
  let k = ids.size + 1;
  while (ids.has(`rId${k}`)) k++;
  const rid = `rId${k}`;
  const relsClose = closeStartOf(rels, 'Relationships');
  zip.set(
    relsPath,
    applySplices(rels, [
      {
        start: relsClose,
        end: relsClose,
        text: startTag(
          'Relationship',
          { Id: rid, Type: WORKSHEET_REL, Target: `worksheets/sheet${n}.xml` },
          true,
        ),
      },
    ]),
  );

  const types = text(zip, CONTENT_TYPES);
  const typesClose = closeStartOf(types, 'Types');
  zip.set(
    CONTENT_TYPES,
    applySplices(types, [
      {
        start: typesClose,
        end: typesClose,
        text: startTag('Override', { PartName: `/${path}`, ContentType: WORKSHEET_TYPE }, true),
      },
    ]),
  );

  const workbook = text(zip, WORKBOOK_PART);
  const root = elements(workbook, 'workbook')[0];
  const relPrefix = Object.entries(root?.tag.attributes ?? {}).find(
    ([k, v]) => k.startsWith('xmlns:') && v === REL_NS,
  )?.[0];
  const sheets = elements(workbook, 'sheet');
  const maxId = Math.max(0, ...sheets.map((s) => Number(attrLocal(s.tag, 'sheetId')) || 0));
  const sheetsEl = elements(workbook, 'sheets')[0];
  if (sheetsEl === undefined || root === undefined)
    throw new Error('workbook.xml without <sheets>');
  const sheetsName = tagName(workbook, sheetsEl.tag);
  const p = sheetsName.includes(':') ? sheetsName.slice(0, sheetsName.indexOf(':') + 1) : '';
  const attrs: Record<string, string> = { name, sheetId: String(maxId + 1) };
  if (state !== 'visible') attrs.state = state;
  if (relPrefix) attrs[`${relPrefix.slice(6)}:id`] = rid;
  else {
    attrs['xmlns:r'] = REL_NS;
    attrs['r:id'] = rid;
  }
  const entry = startTag(`${p}sheet`, attrs, true);
  const splice: Splice = sheetsEl.tag.selfClosing
    ? {
        start: sheetsEl.tag.start,
        end: sheetsEl.end,
        text: `${startTag(sheetsName, sheetsEl.tag.attributes)}${entry}</${sheetsName}>`,
      }
    : {
        start: workbook.lastIndexOf('<', sheetsEl.end - 1),
        end: workbook.lastIndexOf('<', sheetsEl.end - 1),
        text: entry,
      };
  zip.set(WORKBOOK_PART, applySplices(workbook, [splice]));
  return path;
}

/**
 * Removes a worksheet the add-in made: its <sheet> entry, relationship, content type and part.
 * Sheet-scoped names and the active tab count sheets by position, so those after it move down.
 */
export function removeSheet(zip: ZipPackage, name: string, path: string): void {
  const workbook = text(zip, WORKBOOK_PART);
  const sheets = elements(workbook, 'sheet');
  const index = sheets.findIndex((s) => attrLocal(s.tag, 'name') === name);
  const sheet = sheets[index];
  if (sheet === undefined) return;
  const rid = attrLocal(sheet.tag, 'id');
  const splices: Splice[] = [{ start: sheet.tag.start, end: sheet.end, text: '' }];
  for (const d of elements(workbook, 'definedName')) {
    const local = Number(attrLocal(d.tag, 'localSheetId'));
    if (Number.isInteger(local) && local > index) {
      splices.push({
        start: d.tag.start,
        end: d.tag.end,
        text: startTag(
          tagName(workbook, d.tag),
          { ...d.tag.attributes, localSheetId: String(local - 1) },
          d.tag.selfClosing,
        ),
      });
    }
  }
  for (const v of elements(workbook, 'workbookView')) {
    const active = Number(attrLocal(v.tag, 'activeTab') ?? '0');
    if (active >= index && active > 0) {
      splices.push({
        start: v.tag.start,
        end: v.tag.end,
        text: startTag(
          tagName(workbook, v.tag),
          { ...v.tag.attributes, activeTab: String(active - 1) },
          v.tag.selfClosing,
        ),
      });
    }
  }
  zip.set(WORKBOOK_PART, applySplices(workbook, splices));

  const relsPath = relsPathOf(WORKBOOK_PART);
  const rels = text(zip, relsPath);
  const rel = elements(rels, 'Relationship').find((r) => attrLocal(r.tag, 'Id') === rid);
  if (rel)
    zip.set(relsPath, applySplices(rels, [{ start: rel.tag.start, end: rel.end, text: '' }]));

  const types = text(zip, CONTENT_TYPES);
  const override = elements(types, 'Override').find(
    (o) => (attrLocal(o.tag, 'PartName') ?? '').toLowerCase() === `/${path}`.toLowerCase(),
  );
  if (override)
    zip.set(
      CONTENT_TYPES,
      applySplices(types, [{ start: override.tag.start, end: override.end, text: '' }]),
    );
  zip.remove(path);
  zip.remove(relsPathOf(path));
}
