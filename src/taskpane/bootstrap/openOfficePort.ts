import type { Lang } from '../../core/issue';
import type { WorkbookPort } from '../../port/WorkbookPort';

/**
 * The workbook the pane sits in; the Office adapter is its own chunk, fetched only inside Excel.
 * Its error sentences are worded in `lang`.
 */
export async function openOfficePort(lang: Lang): Promise<WorkbookPort> {
  const { OfficeWorkbook } = await import(
    /* webpackChunkName: "office-adapter" */ '../../adapters/office/OfficeWorkbook'
  );
  return new OfficeWorkbook({ lang });
}
