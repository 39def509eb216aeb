import type { WorkbookPort } from './WorkbookPort';

/** A workbook opened from an .xlsx file, which file mode can save back into a download. */
export interface FilePort extends WorkbookPort {
  save(): Promise<Uint8Array>;
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

/** One user cell to write; row and column are 1-based Excel ones. */
export interface CellWrite {
  readonly row: number;
  readonly col: number;
  /** Strings are written as text, never as formulas; null empties the cell. */
  readonly value: string | number | boolean | null;
  /** A number format to set with the value; null leaves the cell's format as it is. */
  readonly numberFormat: string | null;
}

/**
 * A port that can write values into user cells: only an explicit collect of units' returns does,
 * and it keeps the old values so the collect can be undone.
 */
export interface ValueWritingPort extends WorkbookPort {
  writeValues(sheet: string, cells: readonly CellWrite[]): Promise<void>;
}

export function canWriteValues(port: WorkbookPort): port is ValueWritingPort {
  return typeof (port as Partial<ValueWritingPort>).writeValues === 'function';
}
