import type { BulletinBook } from '../../core/bulletinBook';
import type { SheetGrid } from '../../core/grid';
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
import type { CellWrite } from '../../port/optionalPorts';
import { failureMessage } from '../xlsx/portMessages';
import { loadSettings, saveSettings } from './settingsRecord';
import type { DeflateCodec } from './deflateCodec';
import { PackageReader } from './PackageReader';
import { applyPaint, clearPaint, paintedSheets, type PaintTarget } from './paint';
import { SheetPatch } from './sheetPatch';
import { StateRecords } from './stateRecords';
import { readCellFormats } from './styles';
import { StylesPatch } from './stylesPatch';
import { addSheet, currentSheets, removeSheet } from './workbookPatch';
import { writeBulletinParts } from './writeBulletin';

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * A .xlsx/.xlsm package behind the WorkbookPort, changed by patching: the parts a paint or a clear
 * has no reason to touch leave as they came, byte for byte (see README, "The package adapter").
 */
export class PackageWorkbook implements WorkbookPort {
  /** The bulletin's chart is written as a DrawingML chart part (chartPart.ts). */
  readonly features: PortFeatures = { live: false, drawsCharts: true };
  private readonly targets = new Map<string, PaintTarget>();
  /** Bulletin sheets written in this session: read back with the stylesheet as patched. */
  private readonly bulletins = new Set<string>();
  private styles: StylesPatch | undefined;
  private store: StateRecords | undefined;
  /** Where the records sheet's part is now: saving may add or remove it. */
  private statePath: string | null;

  private constructor(
    private readonly reader: PackageReader,
    private readonly lang: Lang,
  ) {
    this.statePath = reader.sheets.find((s) => s.name === STATE_SHEET)?.path ?? null;
  }

  /** `codec`: the DEFLATE to use, fflate's unless given (nodeDeflateCodec in a Node process). */
  static async open(
    data: Uint8Array | ArrayBuffer,
    lang: Lang = 'zh',
    codec?: DeflateCodec,
  ): Promise<PackageWorkbook> {
    const reader = await PackageReader.open(data, lang, codec);
    reader.readAll();
    return new PackageWorkbook(reader, lang);
  }

  private async guard<T>(run: () => Promise<T> | T): Promise<T> {
    try {
      return await run();
    } catch (e) {
      if (e instanceof PortError) throw e;
      throw new PortError('unknown', failureMessage(this.lang, 'unexpected'), describe(e));
    }
  }

  listSheets(): Promise<SheetInfo[]> {
    return this.guard(() => this.reader.listSheets());
  }

  /** The sheet as it reads now: after a paint in this session, with what the paint wrote. */
  readSheet(name: string, onProgress?: Progress): Promise<SheetGrid> {
    return this.guard(async () => {
      const t = this.targets.get(name);
      const path = this.reader.sheets.find((s) => s.name === name)?.path;
      if (this.bulletins.has(name) && this.styles && path) {
        // Its cells use cell formats the stylesheet read at open does not have yet.
        const xml = this.reader.pkg.zip.text(path);
        if (xml !== undefined) {
          const grid = this.reader.readXml(name, xml, readCellFormats(this.styles.toXml()));
          onProgress?.(grid.values.length, grid.values.length);
          return grid;
        }
      }
      if (t === undefined || !t.sheet.changed) return this.reader.readSheet(name, onProgress);
      const grid = this.reader.readXml(name, t.sheet.toXml(), readCellFormats(t.styles.toXml()));
      onProgress?.(grid.values.length, grid.values.length);
      return grid;
    });
  }

  private stylesPatch(): StylesPatch {
    if (this.styles) return this.styles;
    const path = this.stylesPath();
    const xml = path === undefined ? undefined : this.reader.pkg.zip.text(path);
    if (xml === undefined) throw new Error('the workbook has no styles part');
    this.styles = new StylesPatch(xml);
    return this.styles;
  }

  private stylesPath(): string | undefined {
    return this.reader.pkg.workbookRels.find((r) => !r.external && r.type.endsWith('/styles'))
      ?.target;
  }

  private records(): StateRecords {
    if (this.store) return this.store;
    const has = this.reader.sheets.some((s) => s.name === STATE_SHEET);
    this.store = has
      ? StateRecords.fromGrid(this.reader.readSheetPart(STATE_SHEET).grid)
      : StateRecords.empty();
    return this.store;
  }

  /** The sheet to change; a protected one is refused before anything changes, as in Excel. */
  private target(name: string): PaintTarget {
    const known = this.targets.get(name);
    if (known) return known;
    const read = this.reader.readSheetPart(name);
    if (read.protected)
      throw new PortError('sheet_protected', failureMessage(this.lang, 'sheet_protected', name));
    const entry = this.reader.sheets.find((s) => s.name === name);
    const xml =
      this.reader.takeText(name) ??
      (entry?.path ? this.reader.pkg.zip.text(entry.path) : undefined);
    if (xml === undefined) throw new Error(`sheet part of ${name} missing`);
    const t: PaintTarget = {
      name,
      sheet: new SheetPatch(xml, this.reader.layoutOf(name)),
      styles: this.stylesPatch(),
      grid: read.grid,
    };
    this.targets.set(name, t);
    return t;
  }

  applyPaint(plan: PaintPlan, onProgress?: Progress): Promise<ApplyReport> {
    return this.guard(() => applyPaint(this.records(), this.target(plan.sheet), plan, onProgress));
  }

  clearPaint(sheet: string, now?: RowIdentity): Promise<ClearReport> {
    return this.guard(() => clearPaint(this.records(), this.target(sheet), now));
  }

  writeBulletin(book: BulletinBook): Promise<{ readonly sheets: readonly string[] }> {
    return this.guard(() => {
      const zip = this.reader.pkg.zip;
      const { sheets, workbookSheets } = writeBulletinParts(
        zip,
        this.stylesPatch(),
        this.records(),
        book,
      );
      // A sheet replaced here may have been read or painted before: its old part is gone.
      for (const name of sheets) this.targets.delete(name);
      this.reader.setSheets(workbookSheets);
      for (const name of sheets) this.bulletins.add(name);
      return { sheets };
    });
  }

  /**
   * Writes collected values into user cells (the collect of units' returns): a string as text,
   * never a formula; a date as its serial with its number format; every other part of the cell's
   * format kept. Only the rows holding these cells are rewritten in the sheet's part.
   */
  writeValues(sheet: string, cells: readonly CellWrite[]): Promise<void> {
    return this.guard(() => {
      const t = this.target(sheet);
      for (const w of cells) {
        t.sheet.setValue(w.row, w.col, w.value);
        if (w.numberFormat !== null)
          t.sheet.setStyle(
            w.row,
            w.col,
            t.styles.withNumberFormat(t.sheet.styleAt(w.row, w.col), w.numberFormat),
          );
      }
    });
  }

  paintedSheets(): Promise<string[]> {
    return this.guard(() => paintedSheets(this.records()));
  }

  readRecords(): Promise<ReadonlyMap<string, string>> {
    return this.guard(() => {
      const records = this.records();
      const out = new Map<string, string>();
      for (const key of records.keys()) {
        const text = records.getText(key);
        if (text !== undefined) out.set(key, text);
      }
      return out;
    });
  }

  writeRecords(changes: ReadonlyMap<string, string | undefined>): Promise<void> {
    return this.guard(() => {
      const records = this.records();
      for (const [key, text] of changes) records.setText(key, text);
    });
  }

  loadSettings(): Promise<WorkbookSettings> {
    return this.guard(() => loadSettings(this.records()));
  }

  saveSettings(settings: WorkbookSettings): Promise<void> {
    return this.guard(() => saveSettings(this.records(), settings));
  }

  /** The package with the changed parts written back; every other entry as it came. */
  save(): Promise<Uint8Array> {
    return this.guard(() => {
      const zip = this.reader.pkg.zip;
      for (const t of this.targets.values()) {
        const entry = this.reader.sheets.find((s) => s.name === t.name);
        // Streamed: the sheet's XML goes to the compressor piece by piece, never whole.
        if (entry?.path && t.sheet.changed)
          zip.setStream(entry.path, (emit) => t.sheet.write(emit));
      }
      const stylesPath = this.stylesPath();
      if (this.styles?.changed && stylesPath !== undefined)
        zip.set(stylesPath, this.styles.toXml());
      if (this.store?.dirty) this.saveRecords(this.store);
      return zip.save();
    });
  }

  private saveRecords(store: StateRecords): void {
    const zip = this.reader.pkg.zip;
    if (store.size === 0) {
      if (this.statePath !== null) removeSheet(zip, STATE_SHEET, this.statePath);
      this.statePath = null;
    } else if (this.statePath !== null) zip.set(this.statePath, store.toSheetXml());
    else this.statePath = addSheet(zip, STATE_SHEET, 'veryHidden', store.toSheetXml());
    this.reader.setSheets(currentSheets(zip));
  }
}
