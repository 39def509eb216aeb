import type JSZip from 'jszip';
import { partFile, partText, readRels } from './openPackage';
import { relsPathOf } from './partPath';
import { attrLocal, walkXml, type XmlTag } from './xml';
import { applySplices, startTag } from './xmlWrite';

/*
 * Parts added to and taken out of the package with everything that names them: their
 * relationships and their content-type overrides ([Content_Types].xml), so no part is left that
 * nothing reaches and no override names a part that is gone (ECMA-376 part 2, OPC).
 */

export const CONTENT_TYPES = '[Content_Types].xml';
const RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

interface Found {
  tag: XmlTag;
  end: number;
}

/** The elements of a part with the given local name, with their whole extent. */
export function elementsOf(xml: string, local: string): Found[] {
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

/** Text inserted just before the closing tag of a part's root (which must not close itself). */
function beforeRootClose(xml: string, root: string, text: string): string {
  const found = elementsOf(xml, root)[0];
  if (found === undefined) throw new Error(`no <${root}>`);
  if (found.tag.selfClosing) {
    const name = xml.slice(found.tag.start + 1, found.tag.end).split(/[\s/>]/)[0] ?? root;
    return applySplices(xml, [
      {
        start: found.tag.start,
        end: found.tag.end,
        text: `${startTag(name, found.tag.attributes)}${text}</${name}>`,
      },
    ]);
  }
  const close = xml.lastIndexOf('<', found.end - 1);
  return applySplices(xml, [{ start: close, end: close, text }]);
}

/** The first free "dir/stemN.ext" (case-insensitively, as OPC compares part names). */
export function freePartName(zip: JSZip, dir: string, stem: string, ext: string): string {
  const taken = new Set(Object.keys(zip.files).map((f) => f.toLowerCase()));
  let n = 1;
  while (taken.has(`${dir}/${stem}${n}.${ext}`.toLowerCase())) n++;
  return `${dir}/${stem}${n}.${ext}`;
}

/** Adds a part and its content-type override. */
export async function addPart(
  zip: JSZip,
  path: string,
  contentType: string,
  xml: string,
): Promise<void> {
  zip.file(path, xml);
  const types = await partText(zip, CONTENT_TYPES);
  if (types === undefined) throw new Error(`${CONTENT_TYPES} missing`);
  zip.file(
    CONTENT_TYPES,
    beforeRootClose(
      types,
      'Types',
      startTag('Override', { PartName: `/${path}`, ContentType: contentType }, true),
    ),
  );
}

/** Adds a relationship from `source` to `target` (relative to source), making the rels part if need be; returns its id. */
export async function addRelationship(
  zip: JSZip,
  source: string,
  type: string,
  target: string,
): Promise<string> {
  const relsPath = relsPathOf(source);
  const rels =
    (await partText(zip, relsPath)) ??
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELS_NS}"></Relationships>`;
  const ids = new Set(elementsOf(rels, 'Relationship').map((r) => attrLocal(r.tag, 'Id')));
  let k = ids.size + 1;
  while (ids.has(`rId${k}`)) k++;
  const id = `rId${k}`;
  const existing = partFile(zip, relsPath);
  zip.file(
    existing?.name ?? relsPath,
    beforeRootClose(
      rels,
      'Relationships',
      startTag('Relationship', { Id: id, Type: type, Target: target }, true),
    ),
  );
  return id;
}

/** The part a rels part belongs to: xl/worksheets/_rels/sheet1.xml.rels → xl/worksheets/sheet1.xml; "" for the package's own. */
function sourceOfRels(rels: string): string | undefined {
  const m = /^(.*?)_rels\/([^/]*)\.rels$/i.exec(rels);
  if (!m) return undefined;
  return `${m[1] ?? ''}${m[2] ?? ''}`;
}

/**
 * Removes a part and every part only it leads to (a sheet's drawing, the drawing's chart, the
 * chart's style parts), with their rels parts and overrides. A part something else also names
 * (an image two drawings share) stays. The caller has already removed the relationship to `root`.
 */
export async function removePartTree(zip: JSZip, root: string): Promise<string[]> {
  const reach = async (skip: ReadonlySet<string>): Promise<Set<string>> => {
    const seen = new Set<string>();
    const queue = [root];
    while (queue.length > 0) {
      const part = queue.shift() as string;
      const file = partFile(zip, part);
      const key = file?.name.toLowerCase();
      if (file === null || key === undefined || seen.has(key)) continue;
      if (skip.has(key) && part !== root) continue;
      seen.add(key);
      for (const r of await readRels(zip, file.name)) if (!r.external) queue.push(r.target);
    }
    return seen;
  };
  const reachable = await reach(new Set());
  // What the parts outside the tree still name stays, and so does what only it leads to.
  const kept = new Set<string>();
  for (const name of Object.keys(zip.files)) {
    if (!name.toLowerCase().endsWith('.rels') || zip.files[name]?.dir) continue;
    const source = sourceOfRels(name);
    if (source === undefined || reachable.has(source.toLowerCase())) continue;
    if (source !== '' && partFile(zip, source) === null) continue;
    for (const r of await readRels(zip, source)) if (!r.external) kept.add(r.target.toLowerCase());
  }
  const doomed = await reach(kept);
  const removed: string[] = [];
  for (const lower of doomed) {
    const file = partFile(zip, lower);
    if (file === null) continue;
    const rels = partFile(zip, relsPathOf(file.name));
    if (rels) zip.remove(rels.name);
    zip.remove(file.name);
    removed.push(file.name);
  }
  const types = await partText(zip, CONTENT_TYPES);
  if (types !== undefined && removed.length > 0) {
    const gone = new Set(removed.map((p) => `/${p}`.toLowerCase()));
    const splices = elementsOf(types, 'Override')
      .filter((o) => gone.has((attrLocal(o.tag, 'PartName') ?? '').toLowerCase()))
      .map((o) => ({ start: o.tag.start, end: o.end, text: '' }));
    zip.file(CONTENT_TYPES, applySplices(types, splices));
  }
  return removed;
}
