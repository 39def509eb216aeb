import type { BulletinBook } from '../core/bulletinBook';
import type { Lang } from '../core/issue';
import type { SheetGrid } from '../core/grid';
import type { PaintPlan } from '../core/paintPlan';
import type { RowIdentity } from '../core/workbookRecord/rowIdentity';
import type { WorkbookSettings } from '../core/workbookRecord/settings';

export interface SheetInfo {
  readonly name: string;
  readonly visible: boolean;
}

/** Reports work done so far, so long sheets can show a progress bar. */
export type Progress = (done: number, total: number) => void;

export type { WorkbookSettings } from '../core/workbookRecord/settings';

export interface ApplyReport {
  readonly sheet: string;
  /** A1 address of the status column's header cell. */
  readonly statusHeaderCell: string;
  readonly rowsPainted: number;
  /** Excel rows whose own saved fill could not be placed for certain after rows moved (see rebase). */
  readonly uncertainRows: readonly number[];
}

export interface ClearReport {
  readonly sheet: string;
  /** How many cells got their own fill back. */
  readonly fillsRestored: number;
  readonly statusColumnRemoved: boolean;
  /** As in ApplyReport. */
  readonly uncertainRows: readonly number[];
}

/**
 * The one way front ends reach a workbook. Adapters translate between a workbook and the plain
 * types of src/core; they decide nothing. Every failure is thrown as a PortError with a clear message.
 */
/** What the workbook behind a port is and does, so front ends ask this instead of its kind. */
export interface PortFeatures {
  /** Open in Excel, where the user may edit it between two reads: read it again before writing. */
  readonly live: boolean;
  /** Writes the bulletin's chart of statuses by unit. */
  readonly drawsCharts: boolean;
}

export interface WorkbookPort {
  readonly features: PortFeatures;
  listSheets(): Promise<SheetInfo[]>;
  readSheet(name: string, onProgress?: Progress): Promise<SheetGrid>;
  /** Writes the status column and the fills, saving the user's fills it replaces first. */
  applyPaint(plan: PaintPlan, onProgress?: Progress): Promise<ApplyReport>;
  /**
   * Puts back the user's own fills and removes the status column this add-in wrote. `now` says
   * where the table's rows are now (rowIdentityOf the sheet's paint plan), so the saved fills
   * follow rows that were inserted, deleted, moved or sorted since the paint.
   */
  clearPaint(sheet: string, now?: RowIdentity): Promise<ClearReport>;
  /** Adds the bulletin sheets, replacing only sheets this add-in made for the same date. */
  writeBulletin(book: BulletinBook): Promise<{ readonly sheets: readonly string[] }>;
  loadSettings(): Promise<WorkbookSettings>;
  saveSettings(settings: WorkbookSettings): Promise<void>;
  /**
   * The add-in's own records kept in the workbook (the very hidden `_tricolor` sheet), by key
   * (recordKeys.ts), as stored text. Every host keeps them in the same place and form.
   */
  readRecords(): Promise<ReadonlyMap<string, string>>;
  /** Writes records by key (undefined removes one), leaving the others as they are. */
  writeRecords(changes: ReadonlyMap<string, string | undefined>): Promise<void>;
}

export type PortErrorCode =
  | 'unreadable_file'
  | 'not_xlsx'
  | 'cell_edit_mode'
  | 'sheet_protected'
  | 'payload_too_large'
  | 'api_not_supported'
  | 'sheet_not_found'
  | 'busy'
  | 'unknown';

/** A failure to reach the workbook, with a sentence for the user (zh by default). */
export class PortError extends Error {
  constructor(
    readonly code: PortErrorCode,
    message: string,
    readonly detail?: string,
    /**
     * The sentence in each language, where the adapter has it: the pane shows the one in its own
     * language (the message is the one in the language the adapter was opened in).
     */
    readonly words?: Readonly<Record<Lang, string>>,
  ) {
    super(message);
    this.name = 'PortError';
  }
}
