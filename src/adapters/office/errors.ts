import type { Lang } from '../../core/issue';
import { PortError, type PortErrorCode } from '../../port/WorkbookPort';

/** What we know of an OfficeExtension.Error without needing the Office global. */
export interface OfficeLikeError {
  readonly code: string;
  readonly message: string;
  readonly debugInfo?: { readonly errorLocation?: string; readonly message?: string };
}

export function isOfficeError(e: unknown): e is OfficeLikeError {
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof (e as { code?: unknown }).code === 'string' &&
    typeof (e as { message?: unknown }).message === 'string'
  );
}

const PAYLOAD_CODES = new Set([
  'RequestPayloadSizeLimitExceeded',
  'ResponsePayloadSizeLimitExceeded',
  'OperationCellsExceedLimit',
  'RangeExceedsLimit',
]);

/** True when the request or its answer was too big, so a smaller one may succeed. */
export function isPayloadError(e: unknown): boolean {
  return isOfficeError(e) && PAYLOAD_CODES.has(e.code);
}

type OfficeErrorCode = Exclude<PortErrorCode, 'unreadable_file' | 'not_xlsx'>;

const CODE_MAP: Readonly<Record<string, OfficeErrorCode>> = {
  InvalidOperationInCellEditMode: 'cell_edit_mode',
  AccessDenied: 'sheet_protected',
  RequestPayloadSizeLimitExceeded: 'payload_too_large',
  ResponsePayloadSizeLimitExceeded: 'payload_too_large',
  OperationCellsExceedLimit: 'payload_too_large',
  RangeExceedsLimit: 'payload_too_large',
  ApiNotFound: 'api_not_supported',
  NotImplemented: 'api_not_supported',
  UnsupportedOperation: 'api_not_supported',
  UnsupportedFeature: 'api_not_supported',
  ItemNotFound: 'sheet_not_found',
  ActivityLimitReached: 'busy',
  Conflict: 'busy',
  ServiceNotAvailable: 'busy',
  RequestAborted: 'busy',
};

/** What the adapter was doing, so the message can name the sheet or the missing feature. */
export interface ErrorContext {
  readonly sheet?: string;
  readonly feature?: string;
}

type Sentences = Record<OfficeErrorCode, (c: ErrorContext, detail: string) => string>;

const MESSAGES: Record<Lang, Sentences> = {
  zh: {
    cell_edit_mode: () => '请先退出单元格编辑状态(按 Enter 或 Esc),再点一次。',
    sheet_protected: (c) =>
      c.sheet === undefined
        ? '工作簿受保护或为只读,请先在“审阅”中撤销保护(或另存一份可编辑的副本),再点一次。'
        : `工作表“${c.sheet}”受保护,请先在“审阅”中撤销工作表保护,再点一次。`,
    payload_too_large: () =>
      '一次要传给Excel的数据太多,超过了Excel的限制。请把表格拆小(或删去表格下方无用的行)后再试。',
    api_not_supported: (c) =>
      `此版本的Excel不支持${c.feature ?? '本加载项需要的功能'},请升级到Excel 2021或Microsoft 365。`,
    sheet_not_found: (c) =>
      c.sheet === undefined
        ? '找不到要操作的工作表,可能已被重命名或删除。请刷新后再试。'
        : `找不到工作表“${c.sheet}”,可能已被重命名或删除。请刷新后再试。`,
    busy: () => 'Excel正忙(可能正在计算或同步),请稍等片刻再点一次。',
    unknown: (_c, detail) => `操作Excel时出错:${detail}`,
  },
  en: {
    cell_edit_mode: () => 'Leave cell editing first (press Enter or Esc), then click again.',
    sheet_protected: (c) =>
      c.sheet === undefined
        ? 'The workbook is protected or read-only. Unprotect it under Review (or save an editable copy), then click again.'
        : `Sheet "${c.sheet}" is protected. Unprotect it under Review, then click again.`,
    payload_too_large: () =>
      'Too much data for one request to Excel. Split the table (or delete unused rows below it) and try again.',
    api_not_supported: (c) =>
      `This version of Excel does not support ${c.feature ?? 'a feature this add-in needs'}. Please update to Excel 2021 or Microsoft 365.`,
    sheet_not_found: (c) =>
      c.sheet === undefined
        ? 'The sheet was not found; it may have been renamed or deleted. Refresh and try again.'
        : `Sheet "${c.sheet}" was not found; it may have been renamed or deleted. Refresh and try again.`,
    busy: () => 'Excel is busy (calculating or syncing). Wait a moment, then click again.',
    unknown: (_c, detail) => `Excel reported an error: ${detail}`,
  },
};

/** A PortError with the sentence for `code` in the user's language. */
export function portError(
  code: OfficeErrorCode,
  context: ErrorContext,
  lang: Lang,
  detail?: string,
): PortError {
  const words = {
    zh: MESSAGES.zh[code](context, detail ?? ''),
    en: MESSAGES.en[code](context, detail ?? ''),
  };
  return new PortError(code, words[lang], detail, words);
}

/**
 * Turns anything thrown inside Excel.run into a PortError whose message tells the user what to
 * do. The Office code and message are kept as `detail` for support.
 */
export function toPortError(e: unknown, context: ErrorContext = {}, lang: Lang = 'zh'): PortError {
  if (e instanceof PortError) return e;
  if (isOfficeError(e)) {
    const code = CODE_MAP[e.code] ?? 'unknown';
    const where = e.debugInfo?.errorLocation;
    const detail = `${e.code}: ${e.message}${where ? ` (${where})` : ''}`;
    // Adding or deleting a sheet is refused by workbook protection, not by the sheet's own.
    const workbookLevel =
      code === 'sheet_protected' && (where ?? '').startsWith('WorksheetCollection');
    const ctx: ErrorContext = workbookLevel
      ? context.feature === undefined
        ? {}
        : { feature: context.feature }
      : context;
    return portError(code, ctx, lang, code === 'unknown' ? e.message : detail);
  }
  const message = e instanceof Error ? e.message : String(e);
  return portError('unknown', context, lang, message);
}

/** A paint or a clear that stopped part way, by what was left unfinished. */
export type Unfinished = 'paint_column' | 'paint_fills' | 'clear_fills' | 'clear_column';

const UNFINISHED: Record<Lang, Record<Unfinished, string>> = {
  zh: {
    paint_column: '状态列未写完,颜色未改,请再点一次“标注”。',
    paint_fills: '状态列已写入,颜色未完成,请再点一次“标注”。',
    clear_fills: '原有颜色未恢复完,状态列还在,请再点一次“清除标注”。',
    clear_column: '原有颜色已恢复,状态列未清除完,请再点一次“清除标注”。',
  },
  en: {
    paint_column:
      'The status column is not fully written and the colours are unchanged. Click Colour again.',
    paint_fills:
      'The status column is written but the colours are not finished. Click Colour again.',
    clear_fills:
      'Not all of the sheet’s own fills are back and the status column is still there. Click “Clear chart” again.',
    clear_column:
      'The sheet’s own fills are back but the status column is not fully removed. Click “Clear chart” again.',
  },
};

/**
 * The error for a paint or clear that `cause` stopped part way: what is done and what is not, what
 * to click, then why it stopped. It keeps the cause's code, so callers can still tell, say, cell
 * editing from a protected sheet.
 */
export function unfinishedError(
  step: Unfinished,
  cause: unknown,
  context: ErrorContext,
  lang: Lang,
): PortError {
  const c = toPortError(cause, context, lang);
  const words = {
    zh: `${UNFINISHED.zh[step]}原因:${c.words?.zh ?? c.message}`,
    en: `${UNFINISHED.en[step]} Cause: ${c.words?.en ?? c.message}`,
  };
  return new PortError(c.code, words[lang], c.detail ?? c.message, words);
}

/** True when Excel refused a change to a worksheet because the sheet is protected. */
export function isSheetProtectedError(e: unknown): boolean {
  return (
    isOfficeError(e) &&
    e.code === 'AccessDenied' &&
    !(e.debugInfo?.errorLocation ?? '').startsWith('WorksheetCollection')
  );
}
