import type {
  BulletinBook,
  BulletinChart,
  BulletinSheet,
  BulletinStyle,
} from '../../core/bulletinBook';
import { chartPlace } from '../../core/bulletin/chartPlace';
import {
  bulletinSheetName,
  ownBulletinsOf,
  ownBulletinsText,
} from '../../core/bulletin/bulletinSheetName';
import { rowHeights } from '../../core/bulletin/rowHeights';
import { columnLetters, type CellRange } from '../../core/grid';
import { BULLETINS_KEY } from '../../core/workbookRecord/recordKeys';
import {
  cellsToRects,
  chunkAddresses,
  columnAddress,
  rectAddress,
  type Rect,
} from '../../core/workbookRecord/cellRect';
import { isOfficeError } from './errors';
import { estimateBytes, LIMITS, RequestBudget } from './requestBudget';
import { readRecords, writeRecords } from './recordStore';
import { SETTING_KEYS } from './settings';

/** Excel's limit on sheet names. */

/** Rows of bulletin cells written per values/numberFormat pair. */
const WRITE_ROWS = 1_000;

const BORDER_EDGES = [
  'EdgeTop',
  'EdgeBottom',
  'EdgeLeft',
  'EdgeRight',
  'InsideVertical',
  'InsideHorizontal',
] as const;

/** A bulletin range (0-based grid indices on the new sheet) as an Excel rectangle. */
function toRect(r: CellRange): Rect {
  return { top: r.top + 1, left: r.left + 1, bottom: r.bottom + 1, right: r.right + 1 };
}

/**
 * Excel character units to points: a character of the default 11-point font is 7 pixels wide, a
 * column adds 5 pixels of padding, and a pixel is 0.75 points at 96 dpi.
 */
export function columnWidthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

function applyStyle(format: Excel.RangeFormat, style: BulletinStyle): void {
  if (style.bold !== undefined) format.font.bold = style.bold;
  if (style.fontSize !== undefined) format.font.size = style.fontSize;
  if (style.fill !== undefined) format.fill.color = `#${style.fill.toUpperCase()}`;
  if (style.align !== undefined) {
    format.horizontalAlignment =
      style.align === 'left' ? 'Left' : style.align === 'center' ? 'Center' : 'Right';
  }
  if (style.wrap !== undefined) format.wrapText = style.wrap;
  if (style.border) {
    for (const edge of BORDER_EDGES) format.borders.getItem(edge).style = 'Continuous';
  }
}

/**
 * A sheet looked up by name inside each piece of queued work, never a proxy kept from an earlier
 * request: work the request budget queues again after Excel refused a request must not refer to
 * objects that request was to create.
 */
type SheetRef = () => Excel.Worksheet;

/** Values and number formats, a block of rows at a time. Text is formatted "@" before it lands. */
async function queueCells(
  ws: SheetRef,
  budget: RequestBudget,
  sheet: BulletinSheet,
): Promise<void> {
  let rows = 0;
  let cols = 0;
  for (const c of sheet.cells) {
    rows = Math.max(rows, c.row + 1);
    cols = Math.max(cols, c.col + 1);
  }
  if (rows === 0) return;
  const byRow = new Map<number, BulletinSheet['cells'][number][]>();
  for (const c of sheet.cells) {
    const list = byRow.get(c.row);
    if (list) list.push(c);
    else byRow.set(c.row, [c]);
  }
  for (let top = 0; top < rows; top += WRITE_ROWS) {
    const bottom = Math.min(rows, top + WRITE_ROWS) - 1;
    const values: (string | number | null)[][] = [];
    const formats: (string | null)[][] = [];
    for (let r = top; r <= bottom; r++) {
      const v = new Array<string | number | null>(cols).fill(null);
      const f = new Array<string | null>(cols).fill(null);
      for (const c of byRow.get(r) ?? []) {
        v[c.col] = c.value;
        const numFmt = c.style === undefined ? undefined : sheet.styles[c.style]?.numFmt;
        // "@" makes Excel keep "=SUM(A1)", "-3" or "@x" as the text they are, never a formula.
        if (typeof c.value === 'string') f[c.col] = '@';
        else if (typeof c.value === 'number' && numFmt !== undefined) f[c.col] = numFmt;
      }
      values.push(v);
      formats.push(f);
    }
    const address = rectAddress({ top: top + 1, bottom: bottom + 1, left: 1, right: cols });
    await budget.add(estimateBytes([values, formats], 3), () => {
      const range = ws().getRange(address);
      range.numberFormat = formats;
      range.values = values;
    });
  }
}

async function queueStyles(
  ws: SheetRef,
  budget: RequestBudget,
  sheet: BulletinSheet,
): Promise<void> {
  const byStyle = new Map<string, { row: number; col: number }[]>();
  for (const c of sheet.cells) {
    if (c.style === undefined) continue;
    const list = byStyle.get(c.style) ?? [];
    list.push({ row: c.row + 1, col: c.col + 1 });
    byStyle.set(c.style, list);
  }
  for (const [key, cells] of byStyle) {
    const style = sheet.styles[key];
    if (!style) continue;
    const addresses = cellsToRects(cells).map(rectAddress);
    for (const chunk of chunkAddresses(addresses, LIMITS.addressChars)) {
      await budget.add(estimateBytes(chunk, 12), () =>
        applyStyle(ws().getRanges(chunk).format, style),
      );
    }
  }
}

function queueChart(ws: Excel.Worksheet, chart: BulletinChart, sheet: BulletinSheet): void {
  const [first, ...others] = chart.series;
  if (!first) return;
  const categories = ws.getRange(rectAddress(toRect(chart.categories)));
  const r = first.range;
  const seriesBy = r.left === r.right ? 'Columns' : r.top === r.bottom ? 'Rows' : 'Auto';
  const c = ws.charts.add('ColumnClustered', ws.getRange(rectAddress(toRect(r))), seriesBy);
  c.title.text = chart.title;
  const s0 = c.series.getItemAt(0);
  s0.name = first.name;
  s0.setXAxisValues(categories);
  s0.format.fill.setSolidColor(`#${first.color.toUpperCase()}`);
  for (const s of others) {
    const added = c.series.add(s.name);
    added.setValues(ws.getRange(rectAddress(toRect(s.range))));
    added.setXAxisValues(categories);
    added.format.fill.setSolidColor(`#${s.color.toUpperCase()}`);
  }
  // Where core places it for every host: below the sheet's content (see chartPlace).
  const place = chartPlace(sheet);
  c.setPosition(
    `${columnLetters(place.left + 1)}${place.top + 1}`,
    `${columnLetters(place.right + 1)}${place.bottom + 1}`,
  );
}

function queuePageLayout(ws: Excel.Worksheet, sheet: BulletinSheet, safeZoom: boolean): void {
  const layout = ws.pageLayout;
  layout.orientation = sheet.print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  layout.paperSize = 'A4';
  if (sheet.print.fitToWidth) {
    // One page wide, as many tall as needed: 0 is how the file format says "automatic"
    // (fitToHeight="0"). The JS reference does not promise 0 is accepted, hence safeZoom.
    layout.zoom = safeZoom
      ? { horizontalFitToPages: 1 }
      : { horizontalFitToPages: 1, verticalFitToPages: 0 };
  }
  const repeat = sheet.print.repeatRows;
  if (repeat) layout.setPrintTitleRows(`$${repeat.top + 1}:$${repeat.bottom + 1}`);
}

function readNames(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/**
 * Adds the bulletin's sheets. A sheet of the same name is replaced only when this add-in made it
 * (listed in the workbook settings); a user's sheet of that name is left alone and the bulletin
 * gets a numbered name instead.
 */
export async function writeBulletin(
  context: Excel.RequestContext,
  book: BulletinBook,
): Promise<{ readonly sheets: readonly string[] }> {
  const records = await readRecords(context);
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  // Workbooks from an earlier version listed the add-in's sheets in Workbook.settings.
  const tracked = context.workbook.settings.getItemOrNullObject(SETTING_KEYS.bulletinSheets);
  tracked.load('value');
  await context.sync();

  const ownBefore = [
    ...ownBulletinsOf(records.get(BULLETINS_KEY)),
    ...(tracked.isNullObject ? [] : readNames(tracked.value)),
  ];
  const ours = new Set(ownBefore);
  const existing = worksheets.items.map((s) => s.name);
  // Excel compares sheet names without case.
  const taken = new Set<string>();
  const budget = new RequestBudget(context);
  const written: { ws: SheetRef; sheet: BulletinSheet }[] = [];
  const names: string[] = [];
  for (const sheet of book.sheets) {
    const name = bulletinSheetName(sheet.name, existing, ours, taken);
    const old = worksheets.items.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (old) await budget.add(estimateBytes(name, 1), () => old.delete());
    taken.add(name.toLowerCase());
    names.push(name);
    const added = name;
    const target: SheetRef = () => context.workbook.worksheets.getItem(added);
    await budget.add(estimateBytes(name, 1), () => {
      worksheets.add(added);
    });
    written.push({ ws: target, sheet });
    await queueCells(target, budget, sheet);
    await queueStyles(target, budget, sheet);
    for (const m of sheet.merges) {
      await budget.add(estimateBytes(null, 2), () => {
        target()
          .getRange(rectAddress(toRect(m)))
          .merge(false);
      });
    }
    for (const [row, height] of rowHeights(sheet)) {
      await budget.add(estimateBytes(null, 3), () => {
        target().getRange(`${row + 1}:${row + 1}`).format.rowHeight = height;
      });
    }
    for (const [i, width] of sheet.columnWidths.entries()) {
      await budget.add(estimateBytes(null, 3), () => {
        target().getRange(columnAddress(i + 1)).format.columnWidth = columnWidthPoints(width);
      });
    }
    if (sheet.chart) {
      const chart = sheet.chart;
      await budget.add(estimateBytes(chart, 16 + 6 * chart.series.length), () =>
        queueChart(target(), chart, sheet),
      );
    }
  }
  const ownNames = [
    ...ownBefore.filter((n) => !names.some((m) => m.toLowerCase() === n.toLowerCase())),
    ...names,
  ];
  if (!tracked.isNullObject) await budget.add(estimateBytes(null, 1), () => tracked.delete());
  await budget.flush();
  await writeRecords(context, new Map([[BULLETINS_KEY, ownBulletinsText(ownNames)]]));

  // Print setup last and on its own, so a host that refuses one zoom option cannot lose the
  // bulletin itself; it is retried with the plainer "one page wide" zoom.
  for (const { ws, sheet } of written) queuePageLayout(ws(), sheet, false);
  try {
    await context.sync();
  } catch (e) {
    if (!isOfficeError(e) || e.code !== 'InvalidArgument') throw e;
    for (const { ws, sheet } of written) queuePageLayout(ws(), sheet, true);
    await context.sync();
  }
  return { sheets: names };
}
