import type { Lang } from '../../core/issue';
import { PortError } from '../../port/WorkbookPort';
import { failureMessage } from '../xlsx/portMessages';
import { relsPathOf, resolveTarget } from './partPath';
import { attrLocal, walkXml } from './xml';
import type { DeflateCodec } from './deflateCodec';
import { ZipPackage } from './zipPackage';

const ZIP_MAGIC = [0x50, 0x4b]; // "PK"
// OLE2 compound files: legacy .xls, and .xlsx files encrypted with an open password.
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

export const WORKBOOK_PART = 'xl/workbook.xml';

export interface SheetEntry {
  readonly name: string;
  /** "visible", "hidden" or "veryHidden", as workbook.xml says (absent means visible). */
  readonly state: string;
  /** The zip path of the sheet's part; null when its relationship names none. */
  readonly path: string | null;
}

export interface Relationship {
  readonly id: string;
  readonly type: string;
  /** The zip path (resolved), or the target as written for external relationships. */
  readonly target: string;
  readonly external: boolean;
}

/** A package opened for reading: the zip, the workbook's sheets, and reading helpers. */
export interface OpenedPackage {
  readonly zip: ZipPackage;
  readonly sheets: readonly SheetEntry[];
  readonly date1904: boolean;
  /** The workbook part's relationships, in the order of the rels part. */
  readonly workbookRels: readonly Relationship[];
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The relationships of a part, targets resolved to zip paths. A missing rels part has none. */
export function readRels(zip: ZipPackage, part: string): Relationship[] {
  const xml = zip.text(relsPathOf(part));
  if (xml === undefined) return [];
  const out: Relationship[] = [];
  walkXml(xml, {
    open(tag) {
      if (tag.local !== 'Relationship') return;
      const id = attrLocal(tag, 'Id');
      const target = attrLocal(tag, 'Target');
      if (id === undefined || target === undefined) return;
      const external = attrLocal(tag, 'TargetMode') === 'External';
      out.push({
        id,
        type: attrLocal(tag, 'Type') ?? '',
        target: external ? target : resolveTarget(part, target),
        external,
      });
    },
  });
  return out;
}

/** Reads an entry, calling a failure to inflate what it is: damaged bytes, not a misunderstood file. */
function readOrDamaged(zip: ZipPackage, path: string, lang: Lang): string | undefined {
  try {
    return zip.text(path);
  } catch (e) {
    throw new PortError('unreadable_file', failureMessage(lang, 'corrupt_zip'), describe(e));
  }
}

/** Parses a part the workbook cannot be read without; XML that does not parse is real damage. */
function parseOrDamaged(path: string, lang: Lang, parse: () => void): void {
  try {
    parse();
  } catch (e) {
    throw new PortError(
      'unreadable_file',
      failureMessage(lang, 'corrupt_workbook'),
      `${path}: ${describe(e)}`,
    );
  }
}

/**
 * Opens .xlsx/.xlsm bytes: tells apart files that are not workbooks ('not_xlsx') from workbooks
 * that are damaged ('unreadable_file'), and reads the workbook part's sheet list. Nothing else is
 * read here; sheets, strings and styles are read when asked for.
 */
export function openPackage(
  data: Uint8Array | ArrayBuffer,
  lang: Lang,
  codec?: DeflateCodec,
): OpenedPackage {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (bytes.length === 0) throw new PortError('not_xlsx', failureMessage(lang, 'empty_file'));
  if (startsWith(bytes, OLE_MAGIC)) {
    throw new PortError('not_xlsx', failureMessage(lang, 'legacy_or_encrypted'));
  }
  if (!startsWith(bytes, ZIP_MAGIC))
    throw new PortError('not_xlsx', failureMessage(lang, 'not_zip'));
  let zip: ZipPackage;
  try {
    // Every entry is inflated and checked now (see ZipPackage.read).
    zip = ZipPackage.read(bytes, codec);
  } catch (e) {
    throw new PortError('unreadable_file', failureMessage(lang, 'corrupt_zip'), describe(e));
  }
  const workbookXml = readOrDamaged(zip, WORKBOOK_PART, lang);
  if (workbookXml === undefined) {
    throw new PortError('not_xlsx', failureMessage(lang, 'zip_not_workbook'));
  }
  let workbookRels: Relationship[] = [];
  const listed: { name: string; state: string; rid: string | undefined }[] = [];
  let date1904 = false;
  parseOrDamaged(WORKBOOK_PART, lang, () => {
    walkXml(workbookXml, {
      open(tag) {
        if (tag.local === 'sheet') {
          listed.push({
            name: attrLocal(tag, 'name') ?? '',
            state: attrLocal(tag, 'state') ?? 'visible',
            rid: attrLocal(tag, 'id'),
          });
        } else if (tag.local === 'workbookPr') {
          const v = attrLocal(tag, 'date1904');
          date1904 = v === '1' || v === 'true';
        }
      },
    });
  });
  try {
    workbookRels = readRels(zip, WORKBOOK_PART);
  } catch (e) {
    throw new PortError(
      'unreadable_file',
      failureMessage(lang, 'corrupt_workbook'),
      `${relsPathOf(WORKBOOK_PART)}: ${describe(e)}`,
    );
  }
  const byId = new Map(workbookRels.map((r) => [r.id, r]));
  const sheets: SheetEntry[] = [];
  const missing: string[] = [];
  for (const s of listed) {
    const rel = s.rid === undefined ? undefined : byId.get(s.rid);
    const path = rel && !rel.external ? rel.target : null;
    // A chartsheet or dialog sheet has no cells: the engine sees it as an empty sheet, as before.
    if (path === null || !zip.has(path)) missing.push(`${s.name} (${path ?? s.rid ?? 'no id'})`);
    sheets.push({ name: s.name, state: s.state, path });
  }
  if (missing.length > 0) {
    throw new PortError(
      'unreadable_file',
      failureMessage(lang, 'corrupt_zip'),
      `missing sheet parts: ${missing.join(', ')}`,
    );
  }
  return { zip, sheets, date1904, workbookRels };
}
