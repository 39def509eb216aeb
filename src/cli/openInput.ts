import { promises as fsp } from 'fs';
import * as path from 'path';
import { nodeDeflateCodec } from '../adapters/xlsxPackage/nodeDeflateCodec';
import { PackageWorkbook } from '../adapters/xlsxPackage/PackageWorkbook';
import type { Lang } from '../core/issue';
import { PortError } from '../port/WorkbookPort';
import type { CliMessages } from './cliMessages';
import { prepareInput } from './inputFormat';

export type Opened =
  /** `bytes`: the workbook's bytes as opened (a .csv already converted), for a second reader. */
  | { readonly ok: true; readonly book: PackageWorkbook; readonly bytes: Uint8Array }
  /** `reason`: the sentence without the file's name, for a message that names it already. */
  | { readonly ok: false; readonly message: string; readonly reason: string };

/**
 * How the command line opens a workbook's bytes: the package adapter, so the output keeps every
 * part of the input, compressing with Node's zlib.
 */
export function openWorkbook(bytes: Uint8Array, lang: Lang): Promise<PackageWorkbook> {
  return PackageWorkbook.open(bytes, lang, nodeDeflateCodec);
}

/**
 * Reads a workbook named on the command line (.xlsx, or .csv converted), with one sentence naming
 * the file when it cannot: missing, a folder, unreadable, another format, damaged.
 */
export async function openInput(file: string, lang: Lang, t: CliMessages): Promise<Opened> {
  let bytes: Uint8Array;
  try {
    bytes = await fsp.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const message =
      code === 'ENOENT'
        ? t.inputMissing(file)
        : code === 'EISDIR'
          ? t.inputIsDirectory(file)
          : t.inputUnreadable(file);
    return { ok: false, message, reason: message };
  }
  try {
    const prepared = await prepareInput(file, bytes, lang);
    if (!prepared.ok) return { ok: false, message: prepared.message, reason: prepared.message };
    return { ok: true, book: await openWorkbook(prepared.bytes, lang), bytes: prepared.bytes };
  } catch (e) {
    if (e instanceof PortError) {
      return { ok: false, message: namedFile(file, e.message, lang), reason: e.message };
    }
    throw e;
  }
}

/** The reader's sentence, with the file's name in front when the sentence does not name it. */
function namedFile(file: string, message: string, lang: Lang): string {
  const name = path.basename(file);
  if (message.includes(name)) return message;
  return lang === 'en' ? `${name}: ${message}` : `${name}:${message}`;
}
