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

function portErrorCode(err: unknown): PortErrorCode | null {
  // instanceof can fail across bundles; the name and code are the contract.
  if (err instanceof PortError) return err.code;
  if (typeof err === 'object' && err !== null && (err as { name?: unknown }).name === 'PortError') {
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string' && PORT_ERROR_CODES.has(code)) return code as PortErrorCode;
  }
  return null;
}

const HAS_CJK = /[\u4e00-\u9fff]/;

/**
 * A sentence for the user about a failure. Adapters word PortErrors for the user: their sentence
 * is shown when it is in the pane's language, else the pane's own sentence for the code.
 */
export function describeError(err: unknown, t: Strings, lang: 'zh' | 'en'): string {
  const code = portErrorCode(err);
  const message = err instanceof Error ? err.message : String(err);
  if (code !== null) {
    if (message && (lang === 'zh') === HAS_CJK.test(message)) return message;
    return code === 'unknown' && message
      ? `${t.portErrors.unknown} ${message}`
      : t.portErrors[code];
  }
  return t.unexpected(message);
}
