import type { Workbook, Worksheet } from 'exceljs';
import type { Lang } from '../../core/issue';
import { xlsxError } from './portMessages';

/** The sheet of that exact name, or a PortError 'sheet_not_found' in the user's language. */
export function findSheet(workbook: Workbook, name: string, lang: Lang): Worksheet {
  const ws = workbook.worksheets.find((w) => w.name === name);
  if (!ws) throw xlsxError('sheet_not_found', lang, 'sheet_not_found', name);
  return ws;
}

/**
 * The sheet, for a change: a protected sheet is refused with PortError 'sheet_protected' before
 * anything is changed, as the Office adapter refuses it (Excel would not let it be changed).
 */
export function findWritableSheet(workbook: Workbook, name: string, lang: Lang): Worksheet {
  const ws = findSheet(workbook, name, lang);
  // ExcelJS reads <sheetProtection sheet="1"> as { sheet: true }, and leaves null when unprotected.
  const protection = (ws as { sheetProtection?: { sheet?: unknown } | null }).sheetProtection;
  if (protection?.sheet === true) {
    throw xlsxError('sheet_protected', lang, 'sheet_protected', ws.name);
  }
  return ws;
}
