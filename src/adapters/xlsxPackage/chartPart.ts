import type { BulletinChart, BulletinSheet } from '../../core/bulletinBook';
import type { CellRange } from '../../core/grid';
import { columnLetters } from '../../core/grid';
import { chartPlace } from '../../core/bulletin/chartPlace';
import { escapeText, startTag } from './xmlWrite';

/*
 * A bulletin's chart as DrawingML parts: the chart (c:chartSpace, ECMA-376 part 1, 21.2) and the
 * drawing that places it on the sheet (xdr:wsDr, 20.5). The chart is the one the Office adapter
 * draws: clustered columns, one series per status in its colour, units as categories, placed
 * where core's chartPlace says.
 */

const C_NS = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const A_NS = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XDR_NS = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const CAT_AX = 100;
const VAL_AX = 200;

/** A sheet name as formulas quote it: always in quotes, a quote in it doubled. */
export function quotedSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** An absolute reference to a range of the sheet: 'name'!$B$5:$B$9. */
export function rangeFormula(sheet: string, r: CellRange): string {
  const at = (row: number, col: number) => `$${columnLetters(col + 1)}$${row + 1}`;
  const from = at(r.top, r.left);
  const to = at(r.bottom, r.right);
  return `${quotedSheet(sheet)}!${from === to ? from : `${from}:${to}`}`;
}

type Value = string | number | null;

/** The values of a range, row by row, from the sheet's cells (null where there is none). */
function valuesOf(sheet: BulletinSheet, r: CellRange): Value[] {
  const at = new Map<string, Value>();
  for (const c of sheet.cells) at.set(`${c.row},${c.col}`, c.value);
  const out: Value[] = [];
  for (let row = r.top; row <= r.bottom; row++)
    for (let col = r.left; col <= r.right; col++) out.push(at.get(`${row},${col}`) ?? null);
  return out;
}

/** c:strRef: the formula, and the text a reader shows without working the formula out. */
function strRef(formula: string, values: readonly Value[]): string {
  let pts = '';
  values.forEach((v, i) => {
    if (v !== null) pts += `<c:pt idx="${i}"><c:v>${escapeText(String(v))}</c:v></c:pt>`;
  });
  return `<c:strRef><c:f>${escapeText(formula)}</c:f><c:strCache><c:ptCount val="${values.length}"/>${pts}</c:strCache></c:strRef>`;
}

/** c:numRef: the formula and the cached numbers; a cell without a number is a gap. */
function numRef(formula: string, values: readonly Value[]): string {
  let pts = '';
  values.forEach((v, i) => {
    if (typeof v === 'number' && Number.isFinite(v))
      pts += `<c:pt idx="${i}"><c:v>${String(v)}</c:v></c:pt>`;
  });
  return `<c:numRef><c:f>${escapeText(formula)}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache></c:numRef>`;
}

/** A colour as DrawingML takes it: six hex digits, or none when it is not one. */
function srgb(color: string): string | undefined {
  const hex = color.replace(/^#/, '');
  return /^[0-9a-fA-F]{6}$/.test(hex) ? hex.toUpperCase() : undefined;
}

/** CT_BarSer in its order: idx, order, tx, spPr, invertIfNegative, cat, val. */
function seriesXml(
  sheetName: string,
  sheet: BulletinSheet,
  chart: BulletinChart,
  i: number,
): string {
  const s = chart.series[i];
  if (s === undefined) return '';
  const color = srgb(s.color);
  const fill =
    color === undefined
      ? ''
      : `<c:spPr><a:solidFill><a:srgbClr val="${color}"/></a:solidFill></c:spPr>`;
  return (
    `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
    `<c:tx><c:v>${escapeText(s.name)}</c:v></c:tx>${fill}<c:invertIfNegative val="0"/>` +
    `<c:cat>${strRef(rangeFormula(sheetName, chart.categories), valuesOf(sheet, chart.categories))}</c:cat>` +
    `<c:val>${numRef(rangeFormula(sheetName, s.range), valuesOf(sheet, s.range))}</c:val>` +
    '</c:ser>'
  );
}

/** The title as rich text (CT_Title: tx, overlay), bold 14 pt as Excel's default chart title. */
function titleXml(title: string): string {
  return (
    '<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1400" b="1"/></a:pPr>' +
    `<a:r><a:rPr lang="zh-CN" sz="1400" b="1"/><a:t>${escapeText(title)}</a:t></a:r></a:p>` +
    '</c:rich></c:tx><c:overlay val="0"/></c:title>'
  );
}

/**
 * The chart part. CT_ChartSpace: roundedCorners, chart. CT_Chart: title, autoTitleDeleted,
 * plotArea, legend, plotVisOnly, dispBlanksAs. CT_PlotArea: layout, barChart, catAx, valAx.
 * CT_BarChart: barDir, grouping, varyColors, ser*, gapWidth, axId×2.
 */
export function chartXml(sheetName: string, sheet: BulletinSheet, chart: BulletinChart): string {
  const series = chart.series.map((_, i) => seriesXml(sheetName, sheet, chart, i)).join('');
  const axisCommon = (id: number, pos: string): string =>
    `<c:axId val="${id}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${pos}"/>`;
  return (
    HEADER +
    startTag('c:chartSpace', { 'xmlns:c': C_NS, 'xmlns:a': A_NS, 'xmlns:r': R_NS }) +
    '<c:roundedCorners val="0"/>' +
    '<c:chart>' +
    titleXml(chart.title) +
    '<c:autoTitleDeleted val="0"/>' +
    '<c:plotArea><c:layout/>' +
    '<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>' +
    series +
    `<c:gapWidth val="150"/><c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/></c:barChart>` +
    // CT_CatAx: axId, scaling, delete, axPos, numFmt, majorTickMark, minorTickMark, tickLblPos,
    // crossAx, crosses, auto, lblAlgn, lblOffset, noMultiLvlLbl.
    `<c:catAx>${axisCommon(CAT_AX, 'b')}<c:numFmt formatCode="General" sourceLinked="1"/>` +
    '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    `<c:crossAx val="${VAL_AX}"/><c:crosses val="autoZero"/><c:auto val="1"/>` +
    '<c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>' +
    // CT_ValAx: axId, scaling, delete, axPos, majorGridlines, numFmt, majorTickMark,
    // minorTickMark, tickLblPos, crossAx, crosses, crossBetween.
    `<c:valAx>${axisCommon(VAL_AX, 'l')}<c:majorGridlines/>` +
    '<c:numFmt formatCode="General" sourceLinked="1"/>' +
    '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    `<c:crossAx val="${CAT_AX}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    '</c:plotArea>' +
    '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>' +
    '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>' +
    '</c:chart></c:chartSpace>'
  );
}

/**
 * The anchor's corners: the cells core's chartPlace chose, the "to" marker at the left and top
 * edges of the cell past them (a two-cell anchor's corner lies in the cell it names).
 */
export function chartAnchor(sheet: BulletinSheet): {
  from: { col: number; row: number };
  to: { col: number; row: number };
} {
  const place = chartPlace(sheet);
  return {
    from: { col: place.left, row: place.top },
    to: { col: place.right + 1, row: place.bottom + 1 },
  };
}

/**
 * The drawing part: one two-cell anchor (CT_TwoCellAnchor: from, to, graphicFrame, clientData)
 * holding a graphic frame that names the chart part by relationship id.
 */
export function drawingXml(anchor: ReturnType<typeof chartAnchor>, chartRid: string): string {
  const marker = (tag: string, at: { col: number; row: number }): string =>
    `<xdr:${tag}><xdr:col>${at.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${at.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    HEADER +
    startTag('xdr:wsDr', { 'xmlns:xdr': XDR_NS, 'xmlns:a': A_NS }) +
    '<xdr:twoCellAnchor editAs="oneCell">' +
    marker('from', anchor.from) +
    marker('to', anchor.to) +
    '<xdr:graphicFrame macro="">' +
    '<xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>' +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    `<a:graphic><a:graphicData uri="${C_NS}">` +
    startTag('c:chart', { 'xmlns:c': C_NS, 'xmlns:r': R_NS, 'r:id': chartRid }, true) +
    '</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/>' +
    '</xdr:twoCellAnchor></xdr:wsDr>'
  );
}
