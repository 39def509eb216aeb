import type { Workbook } from 'exceljs';
import type { BulletinBook } from '../../core/bulletinBook';
import type JSZip from 'jszip';
import { columnLetters, type SheetGrid } from '../../core/grid';
import type { Lang } from '../../core/issue';
import { STATE_SHEET } from '../../core/ownSheets';
import type { PaintPlan } from '../../core/paintPlan';
import type { RowIdentity } from '../../core/workbookRecord/rowIdentity';
import {
  PortError,
  type ApplyReport,
  type ClearReport,
  type PortFeatures,
  type Progress,
  type SheetInfo,
  type WorkbookPort,
  type WorkbookSettings,
} from '../../port/WorkbookPort';
import { applyPaint } from './applyPaint';
import { clearPaint } from './clearPaint';
import { findSheet } from './findSheet';
import { loadXlsx } from './loadXlsx';
import { xlsxError } from './portMessages';
import { readGrid, type ReadResult } from './readGrid';
import { sheetXmlPath } from './emptyTextResults';
import { paintedSheets } from './paintRecord';
import { findTextResults } from './textResults';
import { loadSettings, saveSettings } from './settingsSheet';
import { StateStore } from './stateSheet';
import type { UnsupportedPart } from './unsupportedParts';
import { writeBulletin } from './writeBulletin';
import { writeValues } from './writeValues';
import type { CellWrite, ValueWritingPort } from '../../port/optionalPorts';

/**
 * A .xlsx file held in memory, behind the WorkbookPort: the CLI and the browser's file mode open
 * bytes, work on them, and save bytes. No file system here, so it runs in Node and in browsers.
 */
export class XlsxWorkbook implements WorkbookPort, ValueWritingPort {
  readonly features: PortFeatures = { live: false, drawsCharts: false };
  private store: StateStore;
  /** The bytes last saved, until the workbook is opened from them again (see reopened). */
  private saved: Uint8Array | null = null;

  private constructor(
    private workbook: Workbook,
    private zip: JSZip,
    private readonly unsupported: readonly UnsupportedPart[],
    private readonly lang: Lang,
  ) {
    this.store = new StateStore(workbook);
  }

  /**
   * After a save, the workbook is opened again from the bytes saved before anything else is done
   * with it: ExcelJS changes its model of styles while writing, and a clear after a download then
   * put a user's fill back on rows that never had it. Reopening makes the model the saved file.
   */
  private async reopened(): Promise<void> {
    if (this.saved === null) return;
    const bytes = this.saved;
    this.saved = null;
    const { workbook, zip } = await loadXlsx(bytes, this.lang);
    this.workbook = workbook;
    this.zip = zip;
    this.store = new StateStore(workbook);
  }

  /** Opens .xlsx bytes; throws PortError 'not_xlsx' or 'unreadable_file' with a sentence in `lang`. */
  static async open(data: Uint8Array | ArrayBuffer, lang: Lang = 'zh'): Promise<XlsxWorkbook> {
    const { workbook, zip, unsupported } = await loadXlsx(data, lang);
    return new XlsxWorkbook(workbook, zip, unsupported, lang);
  }

  /** Kinds of content in the file that ExcelJS will not keep when it is saved (see unsupportedParts.ts). */
  unsupportedParts(): string[] {
    return [...this.unsupported];
  }

  private get date1904(): boolean {
    return this.workbook.properties.date1904 === true;
  }

  /** guard, as a settled promise: the port's methods are asynchronous, this adapter's work is not. */
  private async settle<T>(run: () => T): Promise<T> {
    await this.reopened();
    return this.guard(run);
  }

  /** Runs an operation, turning anything but a PortError into one, as the port promises. */
  private guard<T>(run: () => T): T {
    try {
      return run();
    } catch (e) {
      if (e instanceof PortError) throw e;
      throw xlsxError(
        'unknown',
        this.lang,
        'unexpected',
        '',
        e instanceof Error ? e.message : String(e),
      );
    }
  }

  listSheets(): Promise<SheetInfo[]> {
    return this.settle(() =>
      this.workbook.worksheets
        .filter((ws) => ws.name !== STATE_SHEET)
        .map((ws) => ({
          name: ws.name,
          visible: ws.state === 'visible' || ws.state === undefined,
        })),
    );
  }

  async readSheet(name: string, onProgress?: Progress): Promise<SheetGrid> {
    await this.reopened();
    const read = this.guard(() =>
      readGrid(findSheet(this.workbook, name, this.lang), this.date1904, onProgress),
    );
    if (read.noResult.length > 0) await this.restoreEmptyTextResults(name, read);
    return read.grid;
  }

  /** Puts back the text results ExcelJS drops or turns into dates (see textResults.ts). */
  private async restoreEmptyTextResults(name: string, read: ReadResult): Promise<void> {
    const path = await sheetXmlPath(this.zip, name);
    const xml = path === null ? undefined : await this.zip.file(path)?.async('string');
    if (xml === undefined) return;
    const texts = findTextResults(xml);
    for (const { row, col } of read.noResult) {
      const cells = read.values[row];
      const text = texts.get(columnLetters(col + 1) + String(row + 1));
      if (cells && text !== undefined) cells[col] = text;
    }
  }

  applyPaint(plan: PaintPlan, onProgress?: Progress): Promise<ApplyReport> {
    return this.settle(() => applyPaint(this.workbook, this.store, plan, this.lang, onProgress));
  }

  clearPaint(sheet: string, now?: RowIdentity): Promise<ClearReport> {
    return this.settle(() => clearPaint(this.workbook, this.store, sheet, this.lang, now));
  }

  writeBulletin(book: BulletinBook): Promise<{ readonly sheets: readonly string[] }> {
    return this.settle(() => writeBulletin(this.workbook, this.store, book));
  }

  /** The sheets this add-in painted and has not cleared, as its records say. */
  paintedSheets(): Promise<string[]> {
    return this.settle(() => paintedSheets(this.store));
  }

  loadSettings(): Promise<WorkbookSettings> {
    return this.settle(() => loadSettings(this.store));
  }

  saveSettings(settings: WorkbookSettings): Promise<void> {
    return this.settle(() => saveSettings(this.store, settings));
  }

  writeValues(sheet: string, cells: readonly CellWrite[]): Promise<void> {
    return this.settle(() => writeValues(this.workbook, sheet, cells, this.lang));
  }

  readRecords(): Promise<ReadonlyMap<string, string>> {
    return this.settle(() => this.store.texts());
  }

  writeRecords(changes: ReadonlyMap<string, string | undefined>): Promise<void> {
    return this.settle(() => this.store.setTexts(changes));
  }

  /** The workbook as .xlsx bytes. */
  async save(): Promise<Uint8Array> {
    await this.reopened();
    try {
      const bytes = new Uint8Array(await this.workbook.xlsx.writeBuffer());
      // A copy: the caller may hand the bytes on (the worker transfers them to the page).
      this.saved = bytes.slice();
      return bytes;
    } catch (e) {
      throw xlsxError(
        'unknown',
        this.lang,
        'unexpected',
        '',
        e instanceof Error ? e.message : String(e),
      );
    }
  }
}
