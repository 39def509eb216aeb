import type { ScratchCell, SelfTestEnvironment, SelfTestHost } from '../../session/selfTest';
import type { WorkbookPort } from '../../port/WorkbookPort';
import { columnLetters } from '../../core/grid';
import { STATE_SHEET } from '../../core/ownSheets';
import type { ExcelRun } from './excelRun';
import { SETTING_KEYS } from './settings';

/*
 * The Excel side of 自检 (src/session/selfTest.ts): scratch sheets made and removed, a row
 * inserted through Excel's own API, fills and page layout read back, and what the self-test may
 * touch remembered and put back. Each is a fixed few syncs, never one a row.
 */

/** Every key this add-in keeps in Workbook.settings (see settings.ts). */
const OWN_SETTINGS: readonly string[] = Object.values(SETTING_KEYS);

/** What the self-test puts back besides the records: settings, the shown sheet and selection. */
interface View {
  readonly own: ReadonlyMap<string, unknown>;
  readonly sheet: string;
  readonly address: string;
  readonly hadState: boolean;
}

/** One sync: the add-in's settings, the active sheet, the selection, whether records exist. */
async function readView(context: Excel.RequestContext): Promise<View> {
  const settings = OWN_SETTINGS.map((key) => {
    const item = context.workbook.settings.getItemOrNullObject(key);
    item.load('value');
    return { key, item };
  });
  const active = context.workbook.worksheets.getActiveWorksheet();
  active.load('name');
  const selected = context.workbook.getSelectedRange();
  selected.load('address');
  const state = context.workbook.worksheets.getItemOrNullObject(STATE_SHEET);
  await context.sync();
  const sheet = active.name;
  const hadState = !state.isNullObject;
  const own = new Map<string, unknown>();
  for (const { key, item } of settings) if (!item.isNullObject) own.set(key, item.value);
  // "Sheet1!B2:C3" → "B2:C3": selected on the active sheet.
  const address = selected.address.slice(selected.address.lastIndexOf('!') + 1);
  return { own, sheet, address, hadState };
}

/** Puts back the settings, removes a records sheet the run made, shows what was shown. */
async function restoreView(context: Excel.RequestContext, view: View): Promise<void> {
  const added = OWN_SETTINGS.filter((key) => !view.own.has(key)).map((key) =>
    context.workbook.settings.getItemOrNullObject(key),
  );
  await context.sync();
  for (const item of added) if (!item.isNullObject) item.delete();
  for (const [key, value] of view.own) context.workbook.settings.add(key, value);
  // A hidden records sheet the self-test made goes too; Excel deletes a very hidden sheet
  // only once it is plain hidden.
  const made = context.workbook.worksheets.getItemOrNullObject(STATE_SHEET);
  await context.sync();
  if (!view.hadState && !made.isNullObject) {
    made.visibility = 'Hidden';
    made.delete();
  }
  const ws = context.workbook.worksheets.getItem(view.sheet);
  ws.activate();
  ws.getRange(view.address).select();
  await context.sync();
}

export class OfficeSelfTestHost implements SelfTestHost {
  constructor(
    readonly port: WorkbookPort,
    private readonly run: ExcelRun,
  ) {}

  async remember(): Promise<() => Promise<void>> {
    const records = await this.port.readRecords();
    const view = await this.run(readView);
    return async () => {
      const now = await this.port.readRecords();
      const changes = new Map<string, string | undefined>();
      for (const [key, text] of now)
        if (records.get(key) !== text) changes.set(key, records.get(key));
      for (const [key, text] of records) if (now.get(key) !== text) changes.set(key, text);
      if (changes.size > 0) await this.port.writeRecords(changes);
      await this.run((context) => restoreView(context, view));
    };
  }

  addSheet(
    name: string,
    rows: readonly (readonly ScratchCell[])[],
    merges: readonly string[] = [],
  ): Promise<void> {
    return this.run(async (context) => {
      const ws = context.workbook.worksheets.add(name);
      const width = Math.max(...rows.map((r) => r.length));
      const values = rows.map((r) => Array.from({ length: width }, (_, c) => r[c]?.value ?? ''));
      ws.getRange(`A1:${columnLetters(width)}${rows.length}`).values = values;
      // One range per fill colour, as the paint itself does, so the table is a fixed few requests.
      const byFill = new Map<string, string[]>();
      rows.forEach((r, i) =>
        r.forEach((cell, c) => {
          if (cell.fill === null) return;
          const list = byFill.get(cell.fill) ?? [];
          list.push(`${columnLetters(c + 1)}${i + 1}`);
          byFill.set(cell.fill, list);
        }),
      );
      for (const [color, cells] of byFill) ws.getRanges(cells.join(',')).format.fill.color = color;
      for (const m of merges) ws.getRange(m).merge(false);
      await context.sync();
    });
  }

  removeSheets(names: readonly string[]): Promise<void> {
    return this.run(async (context) => {
      const sheets = names.map((n) => context.workbook.worksheets.getItemOrNullObject(n));
      await context.sync();
      for (const s of sheets) if (!s.isNullObject) s.delete();
      await context.sync();
    });
  }

  insertRow(sheet: string, row: number): Promise<void> {
    return this.run(async (context) => {
      context.workbook.worksheets.getItem(sheet).getRange(`${row}:${row}`).insert('Down');
      await context.sync();
    });
  }

  columnFills(sheet: string, col: string, first: number, last: number): Promise<(string | null)[]> {
    return this.run(async (context) => {
      const range = context.workbook.worksheets
        .getItem(sheet)
        .getRange(`${col}${first}:${col}${last}`);
      const props = range.getCellProperties({ format: { fill: { color: true, pattern: true } } });
      await context.sync();
      return props.value.map((r) => {
        const fill = r[0]?.format?.fill;
        // A cell without a fill reads white with pattern None.
        if (!fill || fill.pattern === 'None') return null;
        return fill.color?.toUpperCase() ?? null;
      });
    });
  }

  verticalFitToPages(sheet: string): Promise<number | null> {
    return this.run(async (context) => {
      const layout = context.workbook.worksheets.getItem(sheet).pageLayout;
      layout.load('zoom');
      await context.sync();
      return layout.zoom.verticalFitToPages ?? null;
    });
  }
}

/** The newest ExcelApi minor version this module knows of; isSetSupported is asked up to it. */
const NEWEST_MINOR = 20;

/** Where the pane runs, from Office.context, for the self-test's report. */
export function officeEnvironment(): SelfTestEnvironment {
  if (typeof Office === 'undefined') return { host: '-', platform: '-', version: '-', apiSets: [] };
  const diagnostics = Office.context.diagnostics;
  const requirements = Office.context.requirements;
  const apiSets: string[] = [];
  for (let minor = 1; minor <= NEWEST_MINOR; minor++) {
    if (requirements.isSetSupported('ExcelApi', `1.${minor}`)) apiSets.push(`1.${minor}`);
  }
  return {
    host: String(diagnostics.host),
    platform: String(diagnostics.platform),
    version: diagnostics.version,
    apiSets,
  };
}
