import type { BulletinBook } from '../../core/bulletinBook';
import type { SheetGrid } from '../../core/grid';
import type { Lang } from '../../core/issue';
import { STATE_SHEET } from '../../core/ownSheets';
import type { PaintPlan } from '../../core/paintPlan';
import type { RowIdentity } from '../../core/workbookRecord/rowIdentity';
import type {
  ApplyReport,
  ClearReport,
  PortFeatures,
  Progress,
  SheetInfo,
  WorkbookPort,
  WorkbookSettings,
} from '../../port/WorkbookPort';
import { detectCapabilities, type Capabilities } from './capabilities';
import { toPortError, type ErrorContext } from './errors';
import { excelRun, type ExcelRun } from './excelRun';
import { applyPaint, clearPaint } from './paint';
import { readSheet } from './readSheet';
import { readRecords, writeRecords } from './recordStore';
import { activateSheet, selectCell } from './selection';
import { loadSettings, saveSettings } from './settings';
import { writeBulletin } from './writeBulletin';
import { writeValues } from './writeValues';
import type { CellWrite, ValueWritingPort } from '../../port/optionalPorts';

export interface OfficeWorkbookOptions {
  /** Runs a batch; defaults to Excel.run with the options this Excel supports. */
  readonly run?: ExcelRun;
  /** Which newer APIs to use; defaults to asking Office.context.requirements. */
  readonly capabilities?: Capabilities;
  /** Language of error messages. */
  readonly lang?: Lang;
}

/** The workbook the add-in runs in, reached through Office.js. */
export class OfficeWorkbook implements WorkbookPort, ValueWritingPort {
  readonly features: PortFeatures = { live: true, drawsCharts: true };
  private readonly run: ExcelRun;
  private readonly caps: Capabilities;
  private readonly lang: Lang;

  constructor(options: OfficeWorkbookOptions = {}) {
    this.caps = options.capabilities ?? detectCapabilities();
    this.run = options.run ?? excelRun(this.caps);
    this.lang = options.lang ?? 'zh';
  }

  /** Every failure leaves here as a PortError with a sentence saying what to do. */
  private async call<T>(
    where: ErrorContext,
    batch: (context: Excel.RequestContext) => Promise<T>,
  ): Promise<T> {
    try {
      return await this.run(batch);
    } catch (e) {
      throw toPortError(e, where, this.lang);
    }
  }

  readRecords(): Promise<ReadonlyMap<string, string>> {
    return this.call({}, (context) => readRecords(context));
  }

  writeRecords(changes: ReadonlyMap<string, string | undefined>): Promise<void> {
    return this.call({}, (context) => writeRecords(context, changes));
  }

  listSheets(): Promise<SheetInfo[]> {
    return this.call({}, async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name,items/visibility');
      await context.sync();
      // The hidden state sheet is ours, not a sheet the user could pick.
      return sheets.items
        .filter((s) => s.name !== STATE_SHEET)
        .map((s) => ({ name: s.name, visible: s.visibility === 'Visible' }));
    });
  }

  readSheet(name: string, onProgress?: Progress): Promise<SheetGrid> {
    return this.call({ sheet: name }, (context) => readSheet(context, name, this.caps, onProgress));
  }

  applyPaint(plan: PaintPlan, onProgress?: Progress): Promise<ApplyReport> {
    return this.call({ sheet: plan.sheet }, (context) =>
      applyPaint(context, plan, this.lang, onProgress),
    );
  }

  clearPaint(sheet: string, now?: RowIdentity): Promise<ClearReport> {
    return this.call({ sheet }, (context) => clearPaint(context, sheet, this.lang, now));
  }

  writeBulletin(book: BulletinBook): Promise<{ readonly sheets: readonly string[] }> {
    return this.call({}, (context) => writeBulletin(context, book));
  }

  loadSettings(): Promise<WorkbookSettings> {
    return this.call({}, (context) => loadSettings(context));
  }

  saveSettings(settings: WorkbookSettings): Promise<void> {
    return this.call({}, (context) => saveSettings(context, settings));
  }

  /** Writes collected values into user cells (see writeValues.ts), in a constant number of syncs. */
  writeValues(sheet: string, cells: readonly CellWrite[]): Promise<void> {
    return this.call({ sheet }, (ctx) => writeValues(ctx, sheet, cells, this.lang));
  }

  /** Shows `sheet` with `address` selected (an issue's cell), in one request. */
  selectCell(sheet: string, address: string): Promise<void> {
    return this.call({ sheet }, (context) => selectCell(context, sheet, address));
  }

  /** Shows `sheet` from its top (a bulletin sheet just written), in one request. */
  activateSheet(sheet: string): Promise<void> {
    return this.call({ sheet }, (context) => activateSheet(context, sheet));
  }
}
