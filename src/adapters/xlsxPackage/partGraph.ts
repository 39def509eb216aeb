import { readRels } from './openPackage';
import { relsPathOf } from './partPath';
import { attrLocal, walkXml, type XmlTag } from './xml';
import { applySplices, startTag } from './xmlWrite';
import type { ZipPackage } from './zipPackage';

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
export function freePartName(zip: ZipPackage, dir: string, stem: string, ext: string): string {
  const taken = new Set(zip.paths().map((f) => f.toLowerCase()));
  let n = 1;
  while (taken.has(`${dir}/${stem}${n}.${ext}`.toLowerCase())) n++;
  return `${dir}/${stem}${n}.${ext}`;
}

/** Adds a part and its content-type override. */
export function addPart(zip: ZipPackage, path: string, contentType: string, xml: string): void {
  zip.set(path, xml);
  const types = zip.text(CONTENT_TYPES);
  if (types === undefined) throw new Error(`${CONTENT_TYPES} missing`);
  zip.set(
    CONTENT_TYPES,
    beforeRootClose(
      types,
      'Types',
      startTag('Override', { PartName: `/${path}`, ContentType: contentType }, true),
    ),
  );
}

/** Adds a relationship from `source` to `target` (relative to source), making the rels part if need be; returns its id. */
export function addRelationship(
  zip: ZipPackage,
  source: string,
  type: string,
  target: string,
): string {
  const relsPath = relsPathOf(source);
  const rels =
    zip.text(relsPath) ??
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELS_NS}"></Relationships>`;
  const ids = new Set(elementsOf(rels, 'Relationship').map((r) => attrLocal(r.tag, 'Id')));
  let k = ids.size + 1;
  while (ids.has(`rId${k}`)) k++;
  const id = `rId${k}`;
  zip.set(
    zip.nameOf(relsPath) ?? relsPath,
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
export function removePartTree(zip: ZipPackage, root: string): string[] {
  const reach = (skip: ReadonlySet<string>): Set<string> => {
    const seen = new Set<string>();
    const queue = [root];
    while (queue.length > 0) {
      const part = queue.shift() as string;
      const name = zip.nameOf(part);
      const key = name?.toLowerCase();
      if (name === undefined || key === undefined || seen.has(key)) continue;
      if (skip.has(key) && part !== root) continue;
      seen.add(key);
      for (const r of readRels(zip, name)) if (!r.external) queue.push(r.target);
    }
    return seen;
  };
  const reachable = reach(new Set());
  // What the parts outside the tree still name stays, and so does what only it leads to.
  const kept = new Set<string>();
  for (const name of zip.paths()) {
    if (!name.toLowerCase().endsWith('.rels')) continue;
    const source = sourceOfRels(name);
    if (source === undefined || reachable.has(source.toLowerCase())) continue;
    if (source !== '' && !zip.has(source)) continue;
    for (const r of readRels(zip, source)) if (!r.external) kept.add(r.target.toLowerCase());
  }
  const doomed = reach(kept);
  const removed: string[] = [];
  for (const lower of doomed) {
    const name = zip.nameOf(lower);
    if (name === undefined) continue;
    zip.remove(relsPathOf(name));
    zip.remove(name);
    removed.push(name);
  }
  const types = zip.text(CONTENT_TYPES);
  if (types !== undefined && removed.length > 0) {
    const gone = new Set(removed.map((p) => `/${p}`.toLowerCase()));
    const splices = elementsOf(types, 'Override')
      .filter((o) => gone.has((attrLocal(o.tag, 'PartName') ?? '').toLowerCase()))
      .map((o) => ({ start: o.tag.start, end: o.end, text: '' }));
    zip.set(CONTENT_TYPES, applySplices(types, splices));
  }
  return removed;
}
