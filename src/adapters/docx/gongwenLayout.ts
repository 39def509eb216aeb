/**
 * The page, fonts and sizes of GB/T 9704-2012 (党政机关公文格式), in Word's units: twips
 * (1/20 pt, 1 mm = 1440/25.4) and half-points for font sizes.
 */
const MM = 1440 / 25.4;
const mm = (x: number) => Math.round(x * MM);

export const PAGE = {
  width: mm(210),
  height: mm(297),
  margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) },
  // 页码's 一字线 sits 7 mm below the text area: 35 − 7 mm from the edge to its top, less its
  // own height (about 5 mm at 14 pt), is where Word measures the footer from.
  footer: mm(23),
  header: mm(15),
} as const;

/** The text area: 156 mm wide, 225 mm high. */
export const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;
const TEXT_HEIGHT = PAGE.height - PAGE.margin.top - PAGE.margin.bottom;

/** 3号 (16 pt) body, 2号 (22 pt) title, 4号 (14 pt) page numbers; 五号 (10.5 pt) in tables. */
export const SIZE = { body: 32, title: 44, pageNumber: 28, table: 21 } as const;

export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;

/** Twips between lines: 225 mm / 22 lines (Word's 公文 templates write 579). */
export const LINE_PITCH = Math.floor(TEXT_HEIGHT / LINES_PER_PAGE);

/**
 * w:charSpace: how far each grid character's pitch differs from the 16 pt body size, in 1/4096 pt,
 * so that exactly 28 characters fill the 156 mm line (15.79 pt each, so slightly negative).
 */
export const CHAR_SPACE = Math.round((TEXT_WIDTH / 20 / CHARS_PER_LINE - SIZE.body / 2) * 4096);

/** One grid character in twips: indents are whole characters (正文 首行缩进二字, 日期 右空四字). */
export const CHAR = Math.round(TEXT_WIDTH / CHARS_PER_LINE);

/** The fonts as the standard names them; Latin text and figures in Times New Roman. */
export const FONT = {
  body: '仿宋_GB2312',
  title: '方正小标宋简体',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  pageNumber: '宋体',
  latin: 'Times New Roman',
} as const;

/**
 * What Word and LibreOffice are to use where a standard font is not installed: the font table's
 * w:altName names the common Windows font of the same design, and panose / charset / family let
 * a renderer pick the nearest serif (仿宋, 宋体) or sans (黑体) Chinese font, such as Noto CJK.
 * Word itself writes these faces as family "modern", pitch "fixed"; that tells a substituting
 * renderer to use a monospaced sans, so the serif faces say "roman" and 黑体 "swiss" here.
 */
export interface FontFallback {
  readonly name: string;
  readonly altName: string;
  readonly panose: string;
  readonly charset: string;
  readonly family: 'roman' | 'swiss' | 'modern' | 'auto';
  readonly pitch: 'fixed' | 'variable';
}

export const FONT_FALLBACKS: readonly FontFallback[] = [
  {
    name: FONT.body,
    altName: '仿宋',
    panose: '02010609030101010101',
    charset: '86',
    family: 'roman',
    pitch: 'variable',
  },
  {
    name: FONT.title,
    altName: '宋体',
    panose: '02010600030101010101',
    charset: '86',
    family: 'roman',
    pitch: 'variable',
  },
  {
    name: FONT.heading1,
    altName: 'SimHei',
    panose: '02010609060101010101',
    charset: '86',
    family: 'swiss',
    pitch: 'variable',
  },
  {
    name: FONT.heading2,
    altName: '楷体',
    panose: '02010609030101010101',
    charset: '86',
    family: 'roman',
    pitch: 'variable',
  },
  {
    name: FONT.pageNumber,
    altName: 'SimSun',
    panose: '02010600030101010101',
    charset: '86',
    family: 'roman',
    pitch: 'variable',
  },
  {
    name: FONT.latin,
    altName: 'Liberation Serif',
    panose: '02020603050405020304',
    charset: '00',
    family: 'roman',
    pitch: 'variable',
  },
];
