import { Workbook } from 'exceljs';
import JSZip from 'jszip';
import type { Lang } from '../../core/issue';
import { loadWithLinearMerges } from './linearMerges';
import { xlsxError } from './portMessages';
import { missingSheetParts } from './sheetParts';

const ZIP_MAGIC = [0x50, 0x4b]; // "PK"
// OLE2 compound files: legacy .xls, and .xlsx files encrypted with an open password.
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function toBytes(data: Uint8Array | ArrayBuffer): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Errors of JSZip and pako (its inflate) about an entry's bytes: the file is damaged or cut, not
 * XML that ExcelJS could not make sense of. JSZip says "Bug : uncompressed data size mismatch" or
 * "Corrupted zip : CRC32 mismatch"; pako "invalid stored block lengths", "incorrect header check",
 * "invalid distance too far back" and the like.
 */
const DAMAGED_BYTES =
  /invalid|corrupt|inflate|end of data|unexpected end|size mismatch|crc32|compression method|stored block|distance too far|header check|too many length|code lengths/i;

/**
 * Opens .xlsx bytes with ExcelJS, after telling apart files that are not workbooks at all
 * ('not_xlsx') from workbooks that are damaged ('unreadable_file').
 */
export async function loadXlsx(
  data: Uint8Array | ArrayBuffer,
  lang: Lang,
): Promise<{ workbook: Workbook; zip: JSZip }> {
  const bytes = toBytes(data);
  if (bytes.length === 0) throw xlsxError('not_xlsx', lang, 'empty_file');
  if (startsWith(bytes, OLE_MAGIC)) {
    throw xlsxError('not_xlsx', lang, 'legacy_or_encrypted');
  }
  if (!startsWith(bytes, ZIP_MAGIC)) throw xlsxError('not_xlsx', lang, 'not_zip');

  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    throw xlsxError('unreadable_file', lang, 'corrupt_zip', '', describe(e));
  }
  if (zip.file('xl/workbook.xml') === null) {
    throw xlsxError('not_xlsx', lang, 'zip_not_workbook');
  }
  // ExcelJS opens a workbook whose sheets' parts are gone as one without those sheets.
  const missing = await missingSheetParts(zip);
  if (missing.length > 0) {
    throw xlsxError(
      'unreadable_file',
      lang,
      'corrupt_zip',
      '',
      `missing sheet parts: ${missing.join(', ')}`,
    );
  }

  const workbook = new Workbook();
  try {
    // ExcelJS types ask for a Buffer, but it hands the bytes to JSZip, which takes any Uint8Array.
    // Merges applied in linear time: ExcelJS's own way is quadratic in their number.
    await loadWithLinearMerges(workbook, () =>
      workbook.xlsx.load(bytes as unknown as Parameters<Workbook['xlsx']['load']>[0]),
    );
  } catch (e) {
    // Inflate errors mean damaged entries; anything else is XML ExcelJS could not make sense of.
    const detail = describe(e);
    const failure = DAMAGED_BYTES.test(detail) ? 'corrupt_zip' : 'corrupt_workbook';
    throw xlsxError('unreadable_file', lang, failure, '', detail);
  }
  return { workbook, zip };
}
