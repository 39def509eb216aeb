import { rowHeights } from '../../core/bulletin/rowHeights';
import type { BulletinSheet, BulletinStyle } from '../../core/bulletinBook';
import { columnLetters } from '../../core/grid';
import type { NewCellFormat } from './cellFormatXml';
import { escapeText, startTag } from './xmlWrite';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A bulletin style in styles.xml's terms. */
export function cellFormatOf(s: BulletinStyle): NewCellFormat {
  const aligned = s.align !== undefined || s.wrap !== undefined;
  return {
    ...(s.bold !== undefined ? { bold: s.bold } : {}),
    ...(s.fontSize !== undefined ? { size: s.fontSize } : {}),
    ...(s.fill !== undefined ? { fill: s.fill } : {}),
    // Text set to align or wrap is also centred vertically: a short label then sits mid-height in
    // a row that wrapped text made taller.
    ...(aligned ? { vertical: 'center' as const } : {}),
    ...(s.align !== undefined ? { horizontal: s.align } : {}),
    ...(s.wrap !== undefined ? { wrap: s.wrap } : {}),
    ...(s.border === true ? { thinBorder: true } : {}),
    ...(s.numFmt !== undefined ? { numFmt: s.numFmt } : {}),
  };
}

function ref(row: number, col: number): string {
  return `${columnLetters(col + 1)}${row + 1}`;
}

/** A number as xsd:double text; NaN and infinities have none a spreadsheet accepts. */
function numberText(n: number): string | undefined {
  return Number.isFinite(n) ? String(n) : undefined;
}

/** The sheet's "A1:F40": every cell and merge inside it. */
function dimension(sheet: BulletinSheet): string {
  let bottom = 0;
  let right = 0;
  for (const c of sheet.cells) {
    bottom = Math.max(bottom, c.row);
    right = Math.max(right, c.col);
  }
  for (const m of sheet.merges) {
    bottom = Math.max(bottom, m.bottom);
    right = Math.max(right, m.right);
  }
  return bottom === 0 && right === 0 ? 'A1' : `A1:${ref(bottom, right)}`;
}

export interface SheetXmlOptions {
  /** The cell format index (s=) of each key of sheet.styles. */
  readonly styleIndex: (key: string) => number | undefined;
  /** The relationship id of the sheet's drawing (its chart), when it has one. */
  readonly drawingRid?: string;
}

/**
 * A worksheet part for a bulletin sheet, children in CT_Worksheet's order (ECMA-376 part 1,
 * 18.3.1.99). Strings are inline strings, so the shared strings part stays as it is and a
 * string starting with "=" is text: nothing here writes an <f>.
 */
export function bulletinSheetXml(sheet: BulletinSheet, options: SheetXmlOptions): string {
  const pieces: string[] = [];
  writeBulletinSheetXml(sheet, options, (piece) => pieces.push(piece));
  return pieces.join('');
}

/**
 * The same part given piece by piece, a row at a time, to `emit` (ZipPackage.setStream): the
 * lagging list of a 50,000-row table runs to tens of thousands of rows, and as one string it was
 * the largest thing a run held.
 */
export function writeBulletinSheetXml(
  sheet: BulletinSheet,
  options: SheetXmlOptions,
  emit: (piece: string) => void,
): void {
  const { print } = sheet;
  const heights = rowHeights(sheet);
  const byRow = new Map<number, (typeof sheet.cells)[number][]>();
  for (const c of sheet.cells) {
    const list = byRow.get(c.row) ?? [];
    list.push(c);
    byRow.set(c.row, list);
  }
  const rows = [...new Set([...byRow.keys(), ...heights.keys()])].sort((a, b) => a - b);

  let cols = '';
  sheet.columnWidths.forEach((w, i) => {
    if (!Number.isFinite(w) || w <= 0) return;
    cols += startTag(
      'col',
      { min: String(i + 1), max: String(i + 1), width: String(w), customWidth: '1' },
      true,
    );
  });

  emit(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      startTag('worksheet', { xmlns: MAIN_NS, 'xmlns:r': REL_NS }) +
      (print.fitToWidth ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : '') +
      startTag('dimension', { ref: dimension(sheet) }, true) +
      '<sheetViews><sheetView workbookViewId="0"/></sheetViews>' +
      '<sheetFormatPr defaultRowHeight="15"/>' +
      (cols === '' ? '' : `<cols>${cols}</cols>`) +
      '<sheetData>',
  );
  for (const r of rows) {
    const attrs: Record<string, string> = { r: String(r + 1) };
    const h = heights.get(r);
    if (h !== undefined) {
      attrs.ht = String(h);
      attrs.customHeight = '1';
    }
    let cells = '';
    // Two entries for one cell: the last wins, as a later write would in Excel.
    const byCol = new Map((byRow.get(r) ?? []).map((c) => [c.col, c]));
    for (const c of [...byCol.values()].sort((a, b) => a.col - b.col)) {
      const s = c.style === undefined ? undefined : options.styleIndex(c.style);
      const a: Record<string, string> = { r: ref(c.row, c.col) };
      if (s !== undefined && s !== 0) a.s = String(s);
      const num = typeof c.value === 'number' ? numberText(c.value) : undefined;
      if (typeof c.value === 'string') {
        a.t = 'inlineStr';
        cells += `${startTag('c', a)}<is><t xml:space="preserve">${escapeText(c.value)}</t></is></c>`;
      } else if (num !== undefined) cells += `${startTag('c', a)}<v>${num}</v></c>`;
      else cells += startTag('c', a, true);
    }
    emit(cells === '' ? startTag('row', attrs, true) : `${startTag('row', attrs)}${cells}</row>`);
  }

  const merges = sheet.merges
    .map((m) =>
      startTag('mergeCell', { ref: `${ref(m.top, m.left)}:${ref(m.bottom, m.right)}` }, true),
    )
    .join('');

  const setup: Record<string, string> = { paperSize: '9', orientation: print.orientation };
  if (print.fitToWidth) {
    setup.fitToWidth = '1';
    // 0: as many pages tall as the table needs.
    setup.fitToHeight = '0';
  }

  emit(
    '</sheetData>' +
      (merges === ''
        ? ''
        : `${startTag('mergeCells', { count: String(sheet.merges.length) })}${merges}</mergeCells>`) +
      '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
      startTag('pageSetup', setup, true) +
      (options.drawingRid === undefined
        ? ''
        : startTag('drawing', { 'r:id': options.drawingRid }, true)) +
      '</worksheet>',
  );
}
