import type { Lang } from '../../core/issue';
import { PortError, type PortErrorCode } from '../../port/WorkbookPort';

/** Sentences for the failures this adapter reports; the PortError carries the one in the user's language. */
export type XlsxFailure =
  | 'empty_file'
  | 'legacy_or_encrypted'
  | 'not_zip'
  | 'zip_not_workbook'
  | 'corrupt_zip'
  | 'corrupt_workbook'
  | 'sheet_not_found'
  | 'sheet_protected'
  | 'unexpected';

const zh: Record<XlsxFailure, (p: string) => string> = {
  empty_file: () => '文件是空的,不是 Excel 工作簿(.xlsx)。',
  legacy_or_encrypted: () =>
    '这是旧版 .xls 文件或设置了打开密码的文件,无法读取。请在 Excel 中另存为不加密的 .xlsx 后重试。',
  not_zip: () => '这个文件不是 Excel 工作簿(.xlsx),无法读取。',
  zip_not_workbook: () => '这个文件是压缩包,但不是 Excel 工作簿(.xlsx),无法读取。',
  corrupt_zip: () => '文件已损坏或不完整(可能没有下载或复制完整),无法读取。',
  corrupt_workbook: () => '工作簿内容已损坏,无法读取。请在 Excel 中打开并另存一次后重试。',
  sheet_not_found: (p) => `工作簿中没有名为“${p}”的工作表。`,
  sheet_protected: (p) =>
    `工作表“${p}”受保护,请先在“审阅”中撤销工作表保护(在 Excel 中撤销后保存),再重试。`,
  unexpected: () => '处理工作簿时出现意外错误,工作簿未被修改。',
};

const en: Record<XlsxFailure, (p: string) => string> = {
  empty_file: () => 'The file is empty: it is not an Excel workbook (.xlsx).',
  legacy_or_encrypted: () =>
    'This is an old .xls file or a password-protected file, which cannot be read. Save it as an unencrypted .xlsx in Excel and try again.',
  not_zip: () => 'This file is not an Excel workbook (.xlsx) and cannot be read.',
  zip_not_workbook: () => 'This file is a zip archive but not an Excel workbook (.xlsx).',
  corrupt_zip: () =>
    'The file is damaged or incomplete (perhaps not fully downloaded or copied) and cannot be read.',
  corrupt_workbook: () =>
    'The workbook content is damaged and cannot be read. Open it in Excel, save it once, and try again.',
  sheet_not_found: (p) => `The workbook has no sheet named "${p}".`,
  sheet_protected: (p) =>
    `Sheet "${p}" is protected. Unprotect it under Review in Excel and save, then try again.`,
  unexpected: () => 'An unexpected error occurred while handling the workbook; it was not changed.',
};

export function failureMessage(lang: Lang, failure: XlsxFailure, param = ''): string {
  return (lang === 'en' ? en : zh)[failure](param);
}

/**
 * The error for a failure, worded in both languages so the pane shows it in its own whatever
 * language the adapter was opened in; the message is the one in `lang`.
 */
export function xlsxError(
  code: PortErrorCode,
  lang: Lang,
  failure: XlsxFailure,
  param = '',
  detail?: string,
): PortError {
  const words = { zh: zh[failure](param), en: en[failure](param) };
  return new PortError(code, words[lang], detail, words);
}
