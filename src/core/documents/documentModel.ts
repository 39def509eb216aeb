/**
 * A document as plain data: what it says and which role each paragraph plays, with no knowledge
 * of .docx. The renderer (src/adapters/docx) gives each role its 公文 layout (GB/T 9704-2012).
 * Every string is shown as text: nothing here becomes a field, a hyperlink or a formula.
 */
export type DocParagraphRole =
  /** 发文字号, centred under the (absent) 版头. */
  | 'docNumber'
  /** 标题: 2号 小标宋, centred. */
  | 'title'
  /** 主送机关 / the unit a notice goes to, flush left. */
  | 'addressee'
  /** 正文: 3号 仿宋, first line indented two characters. */
  | 'body'
  /** 发文机关署名 and 成文日期, right-aligned. */
  | 'signature';

export interface DocParagraph {
  readonly kind: 'paragraph';
  readonly role: DocParagraphRole;
  readonly text: string;
}

/** 一、(level 1, 黑体) and （一）(level 2, 楷体). */
export interface DocHeading {
  readonly kind: 'heading';
  readonly level: 1 | 2;
  readonly text: string;
}

export interface DocTable {
  readonly kind: 'table';
  /** The header row, repeated at the top of each page the table runs onto. */
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Column widths, relative; the builders give millimetres of the TEXT_MM line. */
  readonly widths: readonly number[];
  /** Columns whose cells are centred (numbers, dates, statuses). */
  readonly centred: readonly number[];
}

/** The width of a 公文 line (GB/T 9704: 156 mm), which tables fill. */
export const TEXT_MM = 156;

export type DocBlock = DocParagraph | DocHeading | DocTable;

export interface DocModel {
  /** Document title for the file's properties. */
  readonly title: string;
  readonly blocks: readonly DocBlock[];
}
