import type { WorkbookPort } from './WorkbookPort';

/** A workbook opened from an .xlsx file, which file mode can save back into a download. */
export interface FilePort extends WorkbookPort {
  save(): Promise<Uint8Array>;
  /** Parts of the file the xlsx writer cannot keep (charts, pivot tables…), named for the user. */
  unsupportedParts(): readonly string[];
  /** Releases what the workbook holds (its worker), once another file replaces it. */
  dispose?(): void;
}

/** A port that can put Excel's selection on a cell (the Office adapter can; a file cannot). */
export interface CellSelectingPort extends WorkbookPort {
  selectCell(sheet: string, address: string): Promise<void>;
}

export function canSelectCells(port: WorkbookPort): port is CellSelectingPort {
  return typeof (port as Partial<CellSelectingPort>).selectCell === 'function';
}

/** A port that can show a sheet in Excel (bring it to the front); a file has no front sheet. */
export interface SheetActivatingPort extends WorkbookPort {
  activateSheet(sheet: string): Promise<void>;
}

export function canActivateSheets(port: WorkbookPort): port is SheetActivatingPort {
  return typeof (port as Partial<SheetActivatingPort>).activateSheet === 'function';
}
