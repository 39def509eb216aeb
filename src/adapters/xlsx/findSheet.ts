import type { Workbook, Worksheet } from 'exceljs';
import type { Lang } from '../../core/issue';
import { xlsxError } from './portMessages';

/** The sheet of that exact name, or a PortError 'sheet_not_found' in the user's language. */
export function findSheet(workbook: Workbook, name: string, lang: Lang): Worksheet {
  const ws = workbook.worksheets.find((w) => w.name === name);
  if (!ws) throw xlsxError('sheet_not_found', lang, 'sheet_not_found', name);
  return ws;
}
