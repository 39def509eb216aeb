import { promises as fsp } from 'fs';
import * as path from 'path';
import { XlsxWorkbook } from '../adapters/xlsx/XlsxWorkbook';
import type { Lang } from '../core/issue';
import { PortError } from '../port/WorkbookPort';
import type { CliMessages } from './cliMessages';
import { prepareInput } from './inputFormat';

export type Opened =
  | { readonly ok: true; readonly book: XlsxWorkbook }
  | { readonly ok: false; readonly message: string };

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
    if (code === 'ENOENT') return { ok: false, message: t.inputMissing(file) };
    if (code === 'EISDIR') return { ok: false, message: t.inputIsDirectory(file) };
    return { ok: false, message: t.inputUnreadable(file) };
  }
  try {
    const prepared = await prepareInput(file, bytes, lang);
    if (!prepared.ok) return { ok: false, message: prepared.message };
    return { ok: true, book: await XlsxWorkbook.open(prepared.bytes, lang) };
  } catch (e) {
    if (e instanceof PortError) return { ok: false, message: namedFile(file, e.message, lang) };
    throw e;
  }
}

/** The reader's sentence, with the file's name in front when the sentence does not name it. */
function namedFile(file: string, message: string, lang: Lang): string {
  const name = path.basename(file);
  if (message.includes(name)) return message;
  return lang === 'en' ? `${name}: ${message}` : `${name}:${message}`;
}
