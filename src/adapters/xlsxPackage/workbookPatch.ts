import { readRels, WORKBOOK_PART, type SheetEntry } from './openPackage';
import { removePartTree } from './partGraph';
import { relsPathOf } from './partPath';
import { tagName } from './stylesPatch';
import { attrLocal, walkXml, type XmlTag } from './xml';
import { applySplices, escapeText, startTag, type Splice } from './xmlWrite';
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
 * Removes a worksheet the add-in made: its <sheet> entry and its names, relationship, content
 * type and part, and the parts only it leads to (its drawing and chart).
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
    // The sheet's own names (print titles, print area) go with it.
    if (attrLocal(d.tag, 'localSheetId') !== undefined && local === index)
      splices.push({ start: d.tag.start, end: d.end, text: '' });
    else if (Number.isInteger(local) && local > index) {
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

  // The part, its drawings and charts, their rels and overrides.
  removePartTree(zip, path);
  dropStaleCalcChain(zip, attrLocal(sheet.tag, 'sheetId'));
}

/**
 * The calculation chain lists formula cells by sheetId; entries for a sheet that is gone make
 * Excel repair the file. It is only an order of recalculation that Excel rebuilds when it is
 * missing, so it is removed (part, relationship, override) when it names the removed sheet. A
 * bulletin sheet has no formulas, unless the user added some.
 */
function dropStaleCalcChain(zip: ZipPackage, sheetId: string | undefined): void {
  if (sheetId === undefined) return;
  const relsPath = relsPathOf(WORKBOOK_PART);
  const rels = text(zip, relsPath);
  const rel = elements(rels, 'Relationship').find((r) =>
    (attrLocal(r.tag, 'Type') ?? '').endsWith('/calcChain'),
  );
  if (rel === undefined) return;
  const target = readRels(zip, WORKBOOK_PART).find(
    (r) => r.id === attrLocal(rel.tag, 'Id'),
  )?.target;
  const chain = target === undefined ? undefined : zip.text(target);
  if (target === undefined || chain === undefined) return;
  let current: string | undefined;
  let names = false;
  walkXml(chain, {
    open(tag) {
      if (tag.local !== 'c') return;
      // A cell without i is on the sheet of the cell before it (18.6.1).
      current = attrLocal(tag, 'i') ?? current;
      if (current === sheetId) names = true;
    },
  });
  if (!names) return;
  zip.set(relsPath, applySplices(rels, [{ start: rel.tag.start, end: rel.end, text: '' }]));
  removePartTree(zip, target);
}

/*
 * CT_Workbook's children after <definedNames> (ECMA-376 part 1, 18.2.27): a new <definedNames>
 * goes before the first of these the workbook has.
 */
const AFTER_DEFINED_NAMES = new Set([
  'calcPr',
  'oleSize',
  'customWorkbookViews',
  'pivotCaches',
  'smartTagPr',
  'smartTagTypes',
  'webPublishing',
  'fileRecoveryPr',
  'webPublishObjects',
  'extLst',
]);

/** Adds a name scoped to the sheet at `localSheetId` (0-based position in <sheets>). */
export function addDefinedName(
  zip: ZipPackage,
  name: string,
  localSheetId: number,
  formula: string,
): void {
  const workbook = text(zip, WORKBOOK_PART);
  const root = elements(workbook, 'workbook')[0];
  if (root === undefined) throw new Error('workbook.xml without <workbook>');
  const rootName = tagName(workbook, root.tag);
  const p = rootName.includes(':') ? rootName.slice(0, rootName.indexOf(':') + 1) : '';
  const entry = `${startTag(`${p}definedName`, { name, localSheetId: String(localSheetId) })}${escapeText(formula)}</${p}definedName>`;
  const list = elements(workbook, 'definedNames')[0];
  let splice: Splice;
  if (list === undefined) {
    let before = workbook.lastIndexOf('<', root.end - 1);
    let depth = 0;
    let found = false;
    walkXml(workbook, {
      open(tag) {
        depth++;
        if (!found && depth === 2 && AFTER_DEFINED_NAMES.has(tag.local)) {
          before = tag.start;
          found = true;
        }
      },
      close() {
        depth--;
      },
    });
    splice = { start: before, end: before, text: `<${p}definedNames>${entry}</${p}definedNames>` };
  } else if (list.tag.selfClosing) {
    const listName = tagName(workbook, list.tag);
    splice = {
      start: list.tag.start,
      end: list.end,
      text: `${startTag(listName, list.tag.attributes)}${entry}</${listName}>`,
    };
  } else {
    const close = workbook.lastIndexOf('<', list.end - 1);
    splice = { start: close, end: close, text: entry };
  }
  zip.set(WORKBOOK_PART, applySplices(workbook, [splice]));
}

/** The workbook's sheets as workbook.xml lists them now (after this session's changes). */
export function currentSheets(zip: ZipPackage): SheetEntry[] {
  const workbook = text(zip, WORKBOOK_PART);
  const rels = new Map(readRels(zip, WORKBOOK_PART).map((r) => [r.id, r]));
  return elements(workbook, 'sheet').map((s) => {
    const rel = rels.get(attrLocal(s.tag, 'id') ?? '');
    return {
      name: attrLocal(s.tag, 'name') ?? '',
      state: attrLocal(s.tag, 'state') ?? 'visible',
      path: rel && !rel.external ? rel.target : null,
    };
  });
}
