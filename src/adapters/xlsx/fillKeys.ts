import type { Fill } from 'exceljs';
import { hashText } from '../../core/workbookRecord/rowIdentity';
import { NO_FILL, type FillKey } from '../../core/workbookRecord/savedFills';
import { solidFill } from './cellStyle';

/** SpreadsheetML pattern names and the names Excel's RangeFill.pattern uses for them. */
const PATTERNS: Readonly<Record<string, string>> = {
  mediumGray: 'Gray50',
  darkGray: 'Gray75',
  lightGray: 'Gray25',
  darkHorizontal: 'Horizontal',
  darkVertical: 'Vertical',
  darkDown: 'Down',
  darkUp: 'Up',
  darkGrid: 'Checker',
  darkTrellis: 'SemiGray75',
  lightHorizontal: 'LightHorizontal',
  lightVertical: 'LightVertical',
  lightDown: 'LightDown',
  lightUp: 'LightUp',
  lightGrid: 'Grid',
  lightTrellis: 'CrissCross',
  gray125: 'Gray16',
  gray0625: 'Gray8',
};
const FROM_OFFICE = new Map(Object.entries(PATTERNS).map(([k, v]) => [v, k]));

function rgbOf(color: Partial<{ argb: string }> | undefined): string | null {
  const argb = color?.argb;
  if (typeof argb !== 'string' || !/^[0-9A-Fa-f]{6}([0-9A-Fa-f]{2})?$/.test(argb)) return null;
  return `#${argb.slice(-6).toUpperCase()}`;
}

/**
 * A cell's fill as the portable key both adapters record (see savedFills.ts), and the fill itself
 * where the key cannot say it all: theme and indexed colours, gradients. Such a key starts with
 * "~" (never a colour), so a host that cannot restore the exact fill leaves the cell unfilled.
 */
export function fillKeyOf(fill: Fill | null | undefined): { key: FillKey; exact?: Fill } {
  if (!fill || (fill.type === 'pattern' && (fill.pattern as string | undefined) === 'none')) {
    return { key: NO_FILL };
  }
  const portable = portableKey(fill);
  if (portable !== null && sameFill(fillOfKey(portable, undefined), fill)) return { key: portable };
  // The key tells this fill apart from others that look alike elsewhere (another alpha, a theme
  // colour), and the fill itself is kept so this adapter restores it exactly.
  return { key: `${portable ?? ''}~${hashText(JSON.stringify(fill))}`, exact: fill };
}

function portableKey(fill: Fill): FillKey | null {
  if (fill.type !== 'pattern') return null;
  const fg = rgbOf(fill.fgColor);
  if (fg === null) return null;
  if (fill.pattern === 'solid') return fg;
  const office = PATTERNS[fill.pattern];
  return office === undefined ? null : `${fg}|${office}|${rgbOf(fill.bgColor) ?? '#FFFFFF'}`;
}

function sameFill(a: Fill | null, b: Fill): boolean {
  return a !== null && JSON.stringify(a) === JSON.stringify(b);
}

/** The ExcelJS fill of a key (and its exact fill when one was kept); null for no fill. */
export function fillOfKey(key: FillKey, exact: unknown): Fill | null {
  if (typeof exact === 'object' && exact !== null) return exact as Fill;
  if (key === NO_FILL || !key.startsWith('#')) return null;
  const [color = '', pattern = 'Solid', patternColor] = (key.split('~')[0] ?? '').split('|');
  if (pattern === 'Solid') return solidFill(color.slice(1));
  const name = FROM_OFFICE.get(pattern);
  if (name === undefined) return solidFill(color.slice(1));
  return {
    type: 'pattern',
    pattern: name as 'darkGray',
    fgColor: { argb: `FF${color.slice(1)}` },
    bgColor: { argb: `FF${(patternColor ?? '#FFFFFF').slice(1)}` },
  };
}
