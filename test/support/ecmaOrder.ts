import { tagName } from '../../src/adapters/xlsxPackage/stylesPatch';
import { walkXml } from '../../src/adapters/xlsxPackage/xml';

/*
 * The child sequences ECMA-376 part 1 fixes (Annex A, sml.xsd; transitional), transcribed for the
 * parts the package adapter changes. Elements of other namespaces (mc:AlternateContent, x14…) are
 * outside these sequences and skipped by the check.
 */
export const SEQUENCES: Readonly<Record<string, readonly string[]>> = {
  // CT_Worksheet, 18.3.1.99
  worksheet: [
    'sheetPr',
    'dimension',
    'sheetViews',
    'sheetFormatPr',
    'cols',
    'sheetData',
    'sheetCalcPr',
    'sheetProtection',
    'protectedRanges',
    'scenarios',
    'autoFilter',
    'sortState',
    'dataConsolidate',
    'customSheetViews',
    'mergeCells',
    'phoneticPr',
    'conditionalFormatting',
    'dataValidations',
    'hyperlinks',
    'printOptions',
    'pageMargins',
    'pageSetup',
    'headerFooter',
    'rowBreaks',
    'colBreaks',
    'customProperties',
    'cellWatches',
    'ignoredErrors',
    'smartTags',
    'drawing',
    'legacyDrawing',
    'legacyDrawingHF',
    'drawingHF',
    'picture',
    'oleObjects',
    'controls',
    'webPublishItems',
    'tableParts',
    'extLst',
  ],
  // CT_Stylesheet, 18.8.39
  styleSheet: [
    'numFmts',
    'fonts',
    'fills',
    'borders',
    'cellStyleXfs',
    'cellXfs',
    'cellStyles',
    'dxfs',
    'tableStyles',
    'colors',
    'extLst',
  ],
  // CT_Workbook, 18.2.27
  workbook: [
    'fileVersion',
    'fileSharing',
    'workbookPr',
    'workbookProtection',
    'bookViews',
    'sheets',
    'functionGroups',
    'externalReferences',
    'definedNames',
    'calcPr',
    'oleSize',
    'customWorkbookViews',
    'pivotCaches',
    'smartTagPr',
    'smartTagTypes',
    'webPublishing',
    'fileRecoveryPr',
    'webPublishObjects',
    'extLst',
  ],
  // CT_Relationships (OPC, part 2): Relationship*
  Relationships: ['Relationship'],
  // DrawingML charts (ECMA-376 part 1, 21.2, dml-chart.xsd). CT_ChartSpace:
  chartSpace: [
    'date1904',
    'lang',
    'roundedCorners',
    'AlternateContent',
    'style',
    'clrMapOvr',
    'pivotSource',
    'protection',
    'chart',
    'spPr',
    'txPr',
    'externalData',
    'printSettings',
    'userShapes',
    'extLst',
  ],
  // CT_Chart
  chart: [
    'title',
    'autoTitleDeleted',
    'pivotFmts',
    'view3D',
    'floor',
    'sideWall',
    'backWall',
    'plotArea',
    'legend',
    'plotVisOnly',
    'dispBlanksAs',
    'showDLblsOverMax',
    'extLst',
  ],
  // CT_Title
  title: ['tx', 'layout', 'overlay', 'spPr', 'txPr', 'extLst'],
  // CT_PlotArea: a layout, the chart groups, then the axes
  plotArea: [
    'layout',
    'areaChart|area3DChart|lineChart|line3DChart|stockChart|radarChart|scatterChart|pieChart|pie3DChart|doughnutChart|barChart|bar3DChart|ofPieChart|surfaceChart|surface3DChart|bubbleChart',
    'valAx|catAx|dateAx|serAx',
    'dTable',
    'spPr',
    'extLst',
  ],
  // CT_BarChart
  barChart: [
    'barDir',
    'grouping',
    'varyColors',
    'ser',
    'dLbls',
    'gapWidth',
    'overlap',
    'serLines',
    'axId',
    'extLst',
  ],
  // CT_BarSer (the ser of a barChart; other chart groups' series have other sequences)
  'barChart/ser': [
    'idx',
    'order',
    'tx',
    'spPr',
    'invertIfNegative',
    'pictureOptions',
    'dPt',
    'dLbls',
    'trendline',
    'errBars',
    'cat',
    'val',
    'shape',
    'extLst',
  ],
  // CT_StrRef, CT_NumRef: the formula, then its cache
  strRef: ['f', 'strCache', 'extLst'],
  numRef: ['f', 'numCache', 'extLst'],
  // CT_StrData, CT_NumData
  strCache: ['ptCount', 'pt', 'extLst'],
  numCache: ['formatCode', 'ptCount', 'pt', 'extLst'],
  // CT_CatAx
  catAx: [
    'axId',
    'scaling',
    'delete',
    'axPos',
    'majorGridlines',
    'minorGridlines',
    'title',
    'numFmt',
    'majorTickMark',
    'minorTickMark',
    'tickLblPos',
    'spPr',
    'txPr',
    'crossAx',
    'crosses|crossesAt',
    'auto',
    'lblAlgn',
    'lblOffset',
    'tickLblSkip',
    'tickMarkSkip',
    'noMultiLvlLbl',
    'extLst',
  ],
  // CT_ValAx
  valAx: [
    'axId',
    'scaling',
    'delete',
    'axPos',
    'majorGridlines',
    'minorGridlines',
    'title',
    'numFmt',
    'majorTickMark',
    'minorTickMark',
    'tickLblPos',
    'spPr',
    'txPr',
    'crossAx',
    'crosses|crossesAt',
    'crossBetween',
    'majorUnit',
    'minorUnit',
    'dispUnits',
    'extLst',
  ],
  // CT_Scaling
  scaling: ['logBase', 'orientation', 'max', 'min', 'extLst'],
  // CT_Legend
  legend: ['legendPos', 'legendEntry', 'layout', 'overlay', 'spPr', 'txPr', 'extLst'],
  // Spreadsheet drawings (20.5, dml-spreadsheetDrawing.xsd). CT_Drawing: the anchors, in any order
  wsDr: ['twoCellAnchor|oneCellAnchor|absoluteAnchor'],
  // CT_TwoCellAnchor
  twoCellAnchor: ['from', 'to', 'sp|grpSp|graphicFrame|cxnSp|pic|contentPart', 'clientData'],
  // CT_Marker
  from: ['col', 'colOff', 'row', 'rowOff'],
  to: ['col', 'colOff', 'row', 'rowOff'],
  // CT_GraphicalObjectFrame (its a:graphic is of another namespace, outside the check)
  graphicFrame: ['nvGraphicFramePr', 'xfrm', 'graphic', 'extLst'],
  // CT_Types (OPC, part 2): a choice of Default and Override, in any order
  Types: ['Default|Override'],
};

/** The elements of the default (unprefixed or root-prefixed) namespace, in the root's sequence. */
function position(sequence: readonly string[], local: string): number {
  return sequence.findIndex((s) => s.split('|').includes(local));
}

/**
 * What is out of order in a part: the children of every element with a sequence above (the root's,
 * and nested ones in chart and drawing parts), and for worksheets rows by r and cells by column
 * within a row (Excel refuses both out of order). Children of another namespace than their parent
 * (by prefix) are skipped. [] when all is well.
 */
export function orderProblems(xml: string): string[] {
  const problems: string[] = [];
  /** Open elements: local name, prefix, and the sequence position of the last child seen. */
  const stack: { local: string; prefix: string; last: number }[] = [];
  let root = '';
  let lastRow = 0;
  let lastCol = 0;
  walkXml(xml, {
    open(tag) {
      const name = tag.local;
      const full = tagName(xml, tag);
      const prefix = full.includes(':') ? full.slice(0, full.indexOf(':')) : '';
      const parent = stack[stack.length - 1];
      const grand = stack[stack.length - 2];
      const depth = stack.length + 1;
      stack.push({ local: name, prefix, last: -1 });
      if (depth === 1) {
        root = name;
        return;
      }
      if (parent === undefined) return;
      const sequence =
        (grand === undefined ? undefined : SEQUENCES[`${grand.local}/${parent.local}`]) ??
        SEQUENCES[parent.local];
      if (sequence && prefix === parent.prefix) {
        const at = position(sequence, name);
        if (at === -1) problems.push(`<${name}> is not a child of <${parent.local}>`);
        else if (at < parent.last)
          problems.push(`<${name}> comes after an element it must precede`);
        else parent.last = at;
      }
      if (root === 'worksheet' && depth === 3 && name === 'row') {
        const r = Number(tag.attributes.r);
        if (r <= lastRow) problems.push(`row ${r} after row ${lastRow}`);
        lastRow = r;
        lastCol = 0;
      }
      if (root === 'worksheet' && depth === 4 && name === 'c') {
        const ref = tag.attributes.r ?? '';
        const letters = /^[A-Z]+/.exec(ref)?.[0] ?? '';
        let col = 0;
        for (const ch of letters) col = col * 26 + ch.charCodeAt(0) - 64;
        if (col <= lastCol) problems.push(`cell ${ref} after column ${lastCol} in row ${lastRow}`);
        lastCol = col;
      }
    },
    close() {
      stack.pop();
    },
  });
  return problems;
}
