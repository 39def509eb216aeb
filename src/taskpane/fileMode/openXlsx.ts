import type { Lang } from '../../core/issue';
import type { FilePort } from '../session/ports';

/**
 * Opens .xlsx bytes with the ExcelJS adapter. The dynamic import keeps ExcelJS out of the first
 * download: inside Excel it is never fetched.
 */
export async function openXlsx(data: ArrayBuffer, lang: Lang): Promise<FilePort> {
  const { XlsxWorkbook } = await import(
    /* webpackChunkName: "xlsx-adapter" */ '../../adapters/xlsx/XlsxWorkbook'
  );
  return await XlsxWorkbook.open(data, lang);
}
