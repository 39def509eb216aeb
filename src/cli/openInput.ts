import { promises as fsp } from 'fs';
import * as path from 'path';
import { nodeDeflateCodec } from '../adapters/xlsxPackage/nodeDeflateCodec';
import { PackageWorkbook } from '../adapters/xlsxPackage/PackageWorkbook';
import type { Lang } from '../core/issue';
import { PortError } from '../port/WorkbookPort';
import type { CliMessages } from './cliMessages';
import { prepareInput } from './inputFormat';

export type Opened<B = PackageWorkbook> =
  | { readonly ok: true; readonly book: B }
  /** `reason`: the sentence without the file's name, for a message that names it already. */
  | { readonly ok: false; readonly message: string; readonly reason: string };

/** How a command opens the bytes: the package adapter, unless it needs another (split). */
export type Opener<B> = (bytes: Uint8Array, lang: Lang) => Promise<B>;

/**
 * Reads a workbook named on the command line (.xlsx, or .csv converted), with one sentence naming
 * the file when it cannot: missing, a folder, unreadable, another format, damaged. The package
 * adapter opens it by default, so the output keeps every part of the input.
 */
export function openInput(file: string, lang: Lang, t: CliMessages): Promise<Opened> {
  return openInputWith(
    (bytes, l) => PackageWorkbook.open(bytes, l, nodeDeflateCodec),
    file,
    lang,
    t,
  );
}

/** openInput with another adapter. */
export async function openInputWith<B>(
  open: Opener<B>,
  file: string,
  lang: Lang,
  t: CliMessages,
): Promise<Opened<B>> {
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
    return { ok: true, book: await open(prepared.bytes, lang) };
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
