import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IParagraphStyleOptions,
} from 'docx';
import type {
  DocBlock,
  DocModel,
  DocParagraphRole,
  DocTable,
} from '../../core/documents/documentModel';
import { withFontFallbacks } from './fontTable';
import { CHAR, CHAR_SPACE, FONT, LINE_PITCH, PAGE, SIZE, TEXT_WIDTH } from './gongwenLayout';

/** Paragraph style ids: what a reader of the XML (and the golden tests) finds on each paragraph. */
export const STYLE = {
  docNumber: 'GwDocNumber',
  title: 'GwTitle',
  addressee: 'GwAddressee',
  body: 'GwBody',
  signature: 'GwSignature',
  heading1: 'GwHeading1',
  heading2: 'GwHeading2',
  tableHeader: 'GwTableHeader',
  tableText: 'GwTableText',
  pageNumber: 'GwPageNumber',
} as const;

/** The East Asian font named as the standard names it, Latin text in Times New Roman. */
function font(eastAsia: string) {
  return { eastAsia, ascii: FONT.latin, hAnsi: FONT.latin, cs: FONT.latin, hint: 'eastAsia' };
}

// 28 characters a line: each 16 pt character is set 0.25 pt narrower (15.75 pt), as the 156 mm
// line allows 15.79 pt. The grid is "lines" (22 a page, exact pitch) rather than "linesAndChars":
// LibreOffice gives a character wider than a linesAndChars cell two cells, printing about 18 a line,
// while Word and LibreOffice both set 28 a line this way. charSpace is still written, for Word's
// grid dialog to show 28.
const GRID_FIT = -5;

// Exact spacing on the grid's pitch keeps 22 lines a page in Word and in LibreOffice alike.
const ON_GRID = { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
// Table text is smaller and, set exactly, does not snap to the 16 pt grid (Word ignores the grid
// for exact spacing), so rows stay compact.
const TABLE_LINE = { line: 300, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

const STYLES: IParagraphStyleOptions[] = [
  {
    id: STYLE.body,
    name: '公文正文',
    quickFormat: true,
    run: { font: font(FONT.body), size: SIZE.body, characterSpacing: GRID_FIT },
    paragraph: { spacing: ON_GRID, indent: { firstLine: 2 * CHAR }, alignment: AlignmentType.BOTH },
  },
  {
    id: STYLE.docNumber,
    name: '发文字号',
    basedOn: STYLE.body,
    paragraph: {
      alignment: AlignmentType.CENTER,
      indent: { firstLine: 0 },
      spacing: { ...ON_GRID, after: LINE_PITCH },
    },
  },
  {
    id: STYLE.title,
    name: '公文标题',
    basedOn: STYLE.body,
    run: { font: font(FONT.title), size: SIZE.title },
    // 标题 and 正文 are a blank line apart; a long title wraps onto lines of the same pitch.
    paragraph: {
      alignment: AlignmentType.CENTER,
      indent: { firstLine: 0 },
      spacing: { ...ON_GRID, after: LINE_PITCH },
    },
  },
  {
    id: STYLE.addressee,
    name: '主送机关',
    basedOn: STYLE.body,
    paragraph: { indent: { firstLine: 0 } },
  },
  {
    id: STYLE.heading1,
    name: '一级标题',
    basedOn: STYLE.body,
    run: { font: font(FONT.heading1) },
    paragraph: { keepNext: true, outlineLevel: 0 },
  },
  {
    id: STYLE.heading2,
    name: '二级标题',
    basedOn: STYLE.body,
    run: { font: font(FONT.heading2) },
    paragraph: { keepNext: true, outlineLevel: 1 },
  },
  {
    id: STYLE.signature,
    name: '署名和成文日期',
    basedOn: STYLE.body,
    // 成文日期 右空四字; the office above it is set flush with it.
    paragraph: { alignment: AlignmentType.RIGHT, indent: { firstLine: 0, right: 4 * CHAR } },
  },
  {
    id: STYLE.tableText,
    name: '表格文字',
    run: { font: font(FONT.body), size: SIZE.table },
    paragraph: { spacing: TABLE_LINE },
  },
  {
    id: STYLE.tableHeader,
    name: '表头',
    basedOn: STYLE.tableText,
    run: { font: font(FONT.heading1) },
    paragraph: { alignment: AlignmentType.CENTER },
  },
  {
    id: STYLE.pageNumber,
    name: '页码',
    run: { font: font(FONT.pageNumber), size: SIZE.pageNumber },
  },
];

const ROLE_STYLE: Record<DocParagraphRole, string> = {
  docNumber: STYLE.docNumber,
  title: STYLE.title,
  addressee: STYLE.addressee,
  body: STYLE.body,
  signature: STYLE.signature,
};

/** A paragraph of plain text: TextRun writes it as w:t, so "=HYPERLINK(…)" is printed, never run. */
function textParagraph(style: string, text: string): Paragraph {
  return new Paragraph({ style, children: [new TextRun({ text })] });
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

function table(t: DocTable): Table {
  const sum = t.widths.reduce((a, b) => a + b, 0);
  const widths = t.widths.map((w) => Math.floor((TEXT_WIDTH * w) / sum));
  const centred = new Set(t.centred);
  const cell = (text: string, col: number, header: boolean) =>
    new TableCell({
      width: { size: widths[col] ?? 0, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { left: 60, right: 60, top: 30, bottom: 30 },
      children: [
        new Paragraph({
          style: header ? STYLE.tableHeader : STYLE.tableText,
          ...(centred.has(col) && !header ? { alignment: AlignmentType.CENTER } : {}),
          children: [new TextRun({ text })],
        }),
      ],
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: {
      top: BORDER,
      bottom: BORDER,
      left: BORDER,
      right: BORDER,
      insideHorizontal: BORDER,
      insideVertical: BORDER,
    },
    rows: [
      // The header row repeats on every page the table runs onto.
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: t.header.map((h, c) => cell(h, c, true)),
      }),
      ...t.rows.map(
        (r) => new TableRow({ cantSplit: true, children: r.map((v, c) => cell(v, c, false)) }),
      ),
    ],
  });
}

function blockElements(b: DocBlock): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'paragraph':
      return [textParagraph(ROLE_STYLE[b.role], b.text)];
    case 'heading':
      return [textParagraph(b.level === 1 ? STYLE.heading1 : STYLE.heading2, b.text)];
    case 'table':
      // An empty paragraph after a table keeps the next table or heading from joining it.
      return [table(b), new Paragraph({ style: STYLE.tableText, children: [] })];
  }
}

/** "— 1 —", 4号 宋体, one character in from the outside edge: right on odd pages, left on even. */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE.pageNumber,
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: CHAR } : { left: CHAR },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

/** The docx package's Document for a model, laid out as GB/T 9704-2012 gives it. */
export function gongwenDocument(model: DocModel): Document {
  return new Document({
    title: model.title,
    creator: '三色督办',
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          // zh-CN picks the Simplified Chinese face of a fallback font (Noto CJK SC, not JP).
          run: {
            font: font(FONT.body),
            size: SIZE.body,
            language: { value: 'zh-CN', eastAsia: 'zh-CN' },
          },
        },
      },
      paragraphStyles: STYLES,
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { ...PAGE.margin, header: PAGE.header, footer: PAGE.footer },
          },
          grid: {
            type: DocumentGridType.LINES,
            linePitch: LINE_PITCH,
            charSpace: CHAR_SPACE,
          },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children: model.blocks.flatMap(blockElements),
      },
    ],
  });
}

/** The .docx file of a model, with a font table that says what to use where a font is missing. */
export async function renderDocx(model: DocModel): Promise<Uint8Array> {
  // Table text (and the header style based on it) is set off the grid: see offGridStyles.
  return withFontFallbacks(await Packer.toArrayBuffer(gongwenDocument(model)), [STYLE.tableText]);
}
