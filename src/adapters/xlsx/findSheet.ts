import type { Workbook, Worksheet } from 'exceljs';
import type { Lang } from '../../core/issue';
import { PortError } from '../../port/WorkbookPort';
import { failureMessage } from './portMessages';

/** The sheet of that exact name, or a PortError 'sheet_not_found' in the user's language. */
export function findSheet(workbook: Workbook, name: string, lang: Lang): Worksheet {
  const ws = workbook.worksheets.find((w) => w.name === name);
  if (!ws) throw new PortError('sheet_not_found', failureMessage(lang, 'sheet_not_found', name));
  return ws;
}
