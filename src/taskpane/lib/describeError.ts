import { PortError, type PortErrorCode } from '../../port/WorkbookPort';
import type { Strings } from '../i18n/strings';

const PORT_ERROR_CODES: ReadonlySet<string> = new Set<PortErrorCode>([
  'unreadable_file',
  'not_xlsx',
  'cell_edit_mode',
  'sheet_protected',
  'payload_too_large',
  'api_not_supported',
  'sheet_not_found',
  'busy',
  'unknown',
]);

/** The sentences a PortError carries in each language, across bundles as across the worker. */
function portErrorWords(err: unknown): Readonly<Record<'zh' | 'en', string>> | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const words = (err as { words?: unknown }).words;
  if (typeof words !== 'object' || words === null) return undefined;
  const { zh, en } = words as { zh?: unknown; en?: unknown };
  return typeof zh === 'string' && typeof en === 'string' ? { zh, en } : undefined;
}

function portErrorCode(err: unknown): PortErrorCode | null {
  // instanceof can fail across bundles; the name and code are the contract.
  if (err instanceof PortError) return err.code;
  if (typeof err === 'object' && err !== null && (err as { name?: unknown }).name === 'PortError') {
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string' && PORT_ERROR_CODES.has(code)) return code as PortErrorCode;
  }
  return null;
}

/**
 * A sentence for the user about a failure, in the pane's language: the adapter's own sentence for
 * it (which names the sheet or the step), else the pane's sentence for its code.
 */
export function describeError(err: unknown, t: Strings, lang: 'zh' | 'en'): string {
  const code = portErrorCode(err);
  const message = err instanceof Error ? err.message : String(err);
  if (code !== null) {
    const words = portErrorWords(err);
    if (words !== undefined) return words[lang];
    return code === 'unknown' ? `${t.portErrors.unknown} ${message}` : t.portErrors[code];
  }
  return t.unexpected(message);
}
