import * as path from 'path';
import type { Lang } from '../core/issue';

/** Spreadsheet formats the command cannot read, with what each is called. */
const OTHER_FORMATS: Readonly<Record<string, { zh: string; en: string }>> = {
  '.ods': { zh: 'OpenDocument 电子表格(.ods)', en: 'an OpenDocument spreadsheet (.ods)' },
  '.xls': { zh: '旧版 Excel 97-2003 工作簿(.xls)', en: 'an Excel 97-2003 workbook (.xls)' },
  '.et': { zh: 'WPS 表格文件(.et)', en: 'a WPS Spreadsheets file (.et)' },
};

export type PreparedInput =
  | { readonly ok: true; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly message: string };

/**
 * The workbook bytes to open for an input file: .csv is converted to .xlsx (the run then writes
 * .xlsx), .ods, .xls and .et get one sentence saying how to save them as .xlsx, anything else is
 * passed on to the .xlsx reader, which says what is wrong with it.
 */
export async function prepareInput(
  file: string,
  bytes: Uint8Array,
  lang: Lang,
): Promise<PreparedInput> {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.csv') {
    // ExcelJS, which builds the workbook, is loaded only for a .csv: it is most of the modules a
    // run would otherwise load, in start-up time and in memory.
    const { csvToXlsx } = await import('../adapters/xlsx/csvToXlsx');
    return { ok: true, bytes: await csvToXlsx(bytes, path.basename(file, path.extname(file))) };
  }
  const other = OTHER_FORMATS[ext];
  if (other === undefined) return { ok: true, bytes };
  const name = path.basename(file);
  return {
    ok: false,
    message:
      lang === 'zh'
        ? `“${name}”是${other.zh},无法直接读取:请在 Excel 或 WPS 中打开,“另存为” Excel 工作簿(.xlsx)后重试。`
        : `"${name}" is ${other.en}, which cannot be read directly: open it in Excel or WPS, use Save As to save it as an Excel workbook (.xlsx), and try again.`,
  };
}
