import type { Lang } from '../../core/issue';

/** Kinds of workbook content ExcelJS drops or damages when it writes the file back. */
export const UNSUPPORTED_PARTS = [
  'charts',
  'pivotTables',
  'shapes',
  'vbaMacros',
  'slicers',
  'timelines',
  'externalLinks',
  'controls',
  'embeddedObjects',
  'dataConnections',
  'dataModel',
  'threadedComments',
  'customXml',
  'cellImages',
  'addInData',
] as const;
export type UnsupportedPart = (typeof UNSUPPORTED_PARTS)[number];

const BY_PATH: readonly { readonly part: UnsupportedPart; readonly path: RegExp }[] = [
  { part: 'charts', path: /^xl\/(?:charts|chartsheets)\// },
  { part: 'pivotTables', path: /^xl\/(?:pivotTables|pivotCache)\// },
  { part: 'vbaMacros', path: /^xl\/vbaProject\.bin$/i },
  { part: 'slicers', path: /^xl\/(?:slicers|slicerCaches)\// },
  { part: 'timelines', path: /^xl\/(?:timelines|timelineCaches)\// },
  { part: 'externalLinks', path: /^xl\/externalLinks\// },
  { part: 'controls', path: /^xl\/(?:activeX|ctrlProps)\// },
  { part: 'embeddedObjects', path: /^xl\/embeddings\// },
  { part: 'dataConnections', path: /^xl\/(?:connections\.xml$|queryTables\/)/ },
  { part: 'dataModel', path: /^xl\/model\// },
  { part: 'threadedComments', path: /^xl\/(?:threadedComments|persons)\// },
  { part: 'customXml', path: /^customXml\// },
  { part: 'cellImages', path: /^xl\/richData\// },
  // Office add-ins (this one included, through Workbook.settings) keep their data here.
  { part: 'addInData', path: /^xl\/webextensions\// },
];

const DRAWING = /^xl\/drawings\/drawing\d*\.xml$/;
// ExcelJS keeps pictures in drawings, but drops shapes, text boxes, groups, connectors and the
// frames charts hang on; a drawing holding any of those is reported.
const NON_PICTURE_ANCHOR = /<(?:\w+:)?(?:sp|grpSp|cxnSp|graphicFrame)[\s>]/;

/**
 * What the search needs of a package: its part names (folders left out) and a part's text. Both
 * adapters' zip layers (JSZip for ExcelJS, the package adapter's ZipPackage) give these.
 */
export interface PartSource {
  paths(): readonly string[];
  text(path: string): Promise<string | undefined> | string | undefined;
}

/** Lists the unsupported kinds of content found among a workbook's zip entries, in a stable order. */
export async function findUnsupportedParts(zip: PartSource): Promise<UnsupportedPart[]> {
  const found = new Set<UnsupportedPart>();
  const drawings: string[] = [];
  for (const path of zip.paths()) {
    const name = path.startsWith('/') ? path.slice(1) : path;
    for (const { part, path: re } of BY_PATH) if (re.test(name)) found.add(part);
    if (DRAWING.test(name)) drawings.push(path);
  }
  for (const d of drawings) {
    if (found.has('shapes')) break;
    if (NON_PICTURE_ANCHOR.test((await zip.text(d)) ?? '')) found.add('shapes');
  }
  return UNSUPPORTED_PARTS.filter((p) => found.has(p));
}

const LABELS: Record<Lang, Record<UnsupportedPart, string>> = {
  zh: {
    charts: '图表',
    pivotTables: '数据透视表',
    shapes: '形状或文本框',
    vbaMacros: 'VBA 宏',
    slicers: '切片器',
    timelines: '日程表',
    externalLinks: '外部链接',
    controls: '表单控件或 ActiveX 控件',
    embeddedObjects: '嵌入的对象',
    dataConnections: '数据连接',
    dataModel: '数据模型(Power Pivot)',
    threadedComments: '批注回复(新版批注)',
    customXml: '自定义 XML',
    cellImages: '单元格内图片',
    addInData: 'Office 加载项保存的设置',
  },
  en: {
    charts: 'charts',
    pivotTables: 'pivot tables',
    shapes: 'shapes or text boxes',
    vbaMacros: 'VBA macros',
    slicers: 'slicers',
    timelines: 'timelines',
    externalLinks: 'external links',
    controls: 'form or ActiveX controls',
    embeddedObjects: 'embedded objects',
    dataConnections: 'data connections',
    dataModel: 'a data model (Power Pivot)',
    threadedComments: 'threaded comments',
    customXml: 'custom XML',
    cellImages: 'pictures in cells',
    addInData: 'settings saved by Office add-ins',
  },
};

/** The name of a kind of unsupported content, for a warning in the user's language. */
export function unsupportedPartLabel(part: string, lang: Lang): string {
  const labels = LABELS[lang];
  return part in labels ? labels[part as UnsupportedPart] : part;
}
