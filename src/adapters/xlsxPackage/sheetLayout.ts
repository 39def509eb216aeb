import type { CellRange } from '../../core/grid';
import { parseCellRef } from './cellRef';
import { tagName } from './stylesPatch';
import {
  attrExact,
  attributeCount,
  attrLocal,
  detachedTag,
  walkXml,
  type XmlHandlers,
  type XmlTag,
} from './xml';

/** A cell as written, by offsets into the part (made when asked for; the layout keeps numbers). */
export interface CellSpan {
  readonly col: number;
  readonly start: number;
  /** Offset past the start tag's ">". */
  readonly openEnd: number;
  readonly selfClosing: boolean;
  readonly hasRef: boolean;
  readonly s: number;
  readonly t: string | undefined;
  /** Attributes other than r, s and t (cm, vm, ph), when it has any. */
  readonly extra: Readonly<Record<string, string>> | undefined;
  /** Offset where its children end, where its closing tag starts (equal to end when self-closing). */
  readonly innerEnd: number;
  readonly end: number;
}

/** A row as written (made when asked for). */
export interface RowSpan {
  readonly row: number;
  /** Offset of the row's "<". */
  readonly start: number;
  readonly end: number;
  /** Its attributes other than r and spans. */
  readonly attributes: Readonly<Record<string, string>>;
  readonly cells: readonly CellSpan[];
}

export interface MergeSpan {
  readonly ref: string;
  readonly range: CellRange;
  /** Where the <mergeCell> element is in the part, or null for one added by a patch. */
  readonly at: { readonly start: number; end: number } | null;
}

/** CT_Worksheet's children that come before <mergeCells> (ECMA-376 part 1, 18.3.1.99). */
const BEFORE_MERGE_CELLS = new Set([
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
]);

export function rangeOf(ref: string): CellRange | null {
  const [a, b] = ref.split(':');
  const from = a === undefined ? null : parseCellRef(a);
  const to = b === undefined ? from : parseCellRef(b);
  return from && to ? { top: from.row, left: from.col, bottom: to.row, right: to.col } : null;
}

const BLOCK_BITS = 16;
const BLOCK = 1 << BLOCK_BITS;

/**
 * A growable column of 32-bit integers in blocks of 64K: a 550,000-cell sheet as a few arrays,
 * not 550,000 objects, and growing never copies (a doubling array left as much garbage behind as
 * it kept).
 */
class Ints {
  private readonly blocks: Int32Array[] = [];
  length = 0;

  push(v: number): void {
    const i = this.length++;
    if ((i & (BLOCK - 1)) === 0) this.blocks.push(new Int32Array(BLOCK));
    (this.blocks[i >>> BLOCK_BITS] as Int32Array)[i & (BLOCK - 1)] = v;
  }

  get(i: number): number {
    return (this.blocks[i >>> BLOCK_BITS] as Int32Array)[i & (BLOCK - 1)] as number;
  }

  set(i: number, v: number): void {
    (this.blocks[i >>> BLOCK_BITS] as Int32Array)[i & (BLOCK - 1)] = v;
  }
}

const SELF_CLOSING = 1;
/** Excel's last row. */
const MAX_ROW = 1_048_576;
const HAS_REF = 2;

/**
 * Where things are in a worksheet part, by offsets into its text: rows and their cells, merges,
 * column styles, and the places a patch inserts at. Collected as XmlHandlers so the reader builds
 * it in the same pass that reads the cells' values (one parse of a 50,000-row sheet, not two).
 * Cells and rows are kept as columns of numbers: as objects, a 50,000-row sheet's layout took
 * 109 MiB of heap; this way it takes about 20. Rows and columns are 1-based, as in Excel.
 */
export class SheetLayout implements XmlHandlers {
  readonly colStyles: { min: number; max: number; style: number }[] = [];
  readonly merges: MergeSpan[] = [];
  mergeCellsSpan: { start: number; end: number } | null = null;
  mergeCellsName = 'mergeCells';
  sheetData: { tag: XmlTag; closeStart: number } | null = null;
  /** Where a new <mergeCells> goes: past the last child that must come before it. */
  mergeInsertAt = -1;
  prefix = '';
  /** The <dimension> element (the used range, as the writer saw it), when the part has one. */
  dimension: { tag: XmlTag; range: CellRange | null } | null = null;

  // Rows, by index in document order.
  private readonly rowNumber = new Ints();
  private readonly rowStart = new Ints();
  private readonly rowEnd = new Ints();
  private readonly rowFirstCell = new Ints();
  /** Index into attributeSets: rows mostly share one set (ExcelJS: x14ac:dyDescent="0.25"). */
  private readonly rowAttributes = new Ints();
  private readonly attributeSets: Record<string, string>[] = [];
  private readonly attributeSetIndex = new Map<string, number>();
  /** Row number to row index plus one (0: no such row), filled at done(): an array lookup,
   * where a Map took 40 ms over the million lookups of a paint. */
  private rowIndexByNumber = new Int32Array(0);
  /** Rows numbered past Excel's last (not valid, but not ours to refuse), by number. */
  private readonly rowIndexBeyond = new Map<number, number>();

  // Cells, by index in document order; a row's cells run from its first to the next row's first.
  private readonly cellCol = new Ints();
  private readonly cellStart = new Ints();
  private readonly cellOpenEnd = new Ints();
  private readonly cellInnerEnd = new Ints();
  private readonly cellEnd = new Ints();
  private readonly cellStyle = new Ints();
  private readonly cellFlags = new Ints();
  /** Index into typeNames plus one, 0 for no t=. */
  private readonly cellType = new Ints();
  private readonly typeNames: string[] = [];
  private readonly cellExtra = new Map<number, Record<string, string>>();

  private depth = 0;
  private inRow = false;
  private nextRow = 1;
  private nextCol = 1;

  /** The part's text while it is walked; forgotten after, so the layout does not keep it alive. */
  constructor(private xml: string) {}

  /** The layout of a part, parsed on its own (when it was not collected while reading). */
  static of(xml: string): SheetLayout {
    const layout = new SheetLayout(xml);
    walkXml(xml, layout);
    return layout.done();
  }

  /** Called when the walk is over. */
  done(): this {
    this.xml = '';
    this.rowFirstCell.push(this.cellCol.length); // the end of the last row's cells
    let last = 0;
    for (let r = 0; r < this.rowNumber.length; r++)
      last = Math.max(last, Math.min(this.rowNumber.get(r), MAX_ROW));
    this.rowIndexByNumber = new Int32Array(last + 1);
    // A row number given twice (not valid, but seen) finds its last <row>, as before.
    for (let r = 0; r < this.rowNumber.length; r++) {
      const n = this.rowNumber.get(r);
      if (n <= MAX_ROW) this.rowIndexByNumber[n] = r + 1;
      else this.rowIndexBeyond.set(n, r);
    }
    return this;
  }

  get rowCount(): number {
    return this.rowNumber.length;
  }

  /** The row's index, or -1 when the part has no <row> for it. */
  indexOfRow(row: number): number {
    if (row >= 0 && row < this.rowIndexByNumber.length)
      return (this.rowIndexByNumber[row] as number) - 1;
    return this.rowIndexBeyond.get(row) ?? -1;
  }

  /** The offset of the first row after `row` (where a new row goes), or -1 when none follows. */
  startOfRowAfter(row: number): number {
    for (let i = 0; i < this.rowNumber.length; i++)
      if (this.rowNumber.get(i) > row) return this.rowStart.get(i);
    return -1;
  }

  /** The cell's index, or -1. */
  private cellIndex(rowIndex: number, col: number): number {
    const to = this.rowFirstCell.get(rowIndex + 1);
    for (let i = this.rowFirstCell.get(rowIndex); i < to; i++)
      if (this.cellCol.get(i) === col) return i;
    return -1;
  }

  /** The s= of a written cell, or -1 when the row has no such cell. */
  styleOfCell(row: number, col: number): number {
    const r = this.indexOfRow(row);
    if (r < 0) return -1;
    const c = this.cellIndex(r, col);
    return c < 0 ? -1 : this.cellStyle.get(c);
  }

  /** The row's attributes other than r and spans, or undefined when the part has no such row. */
  rowAttributesOf(row: number): Readonly<Record<string, string>> | undefined {
    const r = this.indexOfRow(row);
    return r < 0 ? undefined : this.attributeSets[this.rowAttributes.get(r)];
  }

  /** Where the row's element starts and ends, or undefined when the part has no such row. */
  rowExtent(row: number): { start: number; end: number } | undefined {
    const r = this.indexOfRow(row);
    return r < 0 ? undefined : { start: this.rowStart.get(r), end: this.rowEnd.get(r) };
  }

  rowSpan(row: number): RowSpan | undefined {
    const r = this.indexOfRow(row);
    if (r < 0) return undefined;
    const cells: CellSpan[] = [];
    const to = this.rowFirstCell.get(r + 1);
    for (let i = this.rowFirstCell.get(r); i < to; i++) {
      const flags = this.cellFlags.get(i);
      const type = this.cellType.get(i);
      cells.push({
        col: this.cellCol.get(i),
        start: this.cellStart.get(i),
        openEnd: this.cellOpenEnd.get(i),
        selfClosing: (flags & SELF_CLOSING) !== 0,
        hasRef: (flags & HAS_REF) !== 0,
        s: this.cellStyle.get(i),
        t: type === 0 ? undefined : this.typeNames[type - 1],
        extra: this.cellExtra.get(i),
        innerEnd: this.cellInnerEnd.get(i),
        end: this.cellEnd.get(i),
      });
    }
    return {
      row,
      start: this.rowStart.get(r),
      end: this.rowEnd.get(r),
      attributes: this.attributeSets[this.rowAttributes.get(r)] ?? {},
      cells,
    };
  }

  private attributeSetOf(attributes: Readonly<Record<string, string>>): number {
    let key = '';
    const kept: Record<string, string> = {};
    for (const k in attributes) {
      if (k === 'r' || k === 'spans') continue;
      const v = attributes[k] as string;
      kept[k] = v;
      key += `${k}\u0000${v}\u0000`;
    }
    let i = this.attributeSetIndex.get(key);
    if (i === undefined) {
      i = this.attributeSets.length;
      this.attributeSets.push(kept);
      this.attributeSetIndex.set(key, i);
    }
    return i;
  }

  private typeOf(t: string): number {
    let i = this.typeNames.indexOf(t);
    if (i === -1) i = this.typeNames.push(t) - 1;
    return i + 1;
  }

  /** `r`: the cell's r= as written, looked up once by the caller. */
  private addCell(col: number, tag: XmlTag, r: string | undefined): void {
    let flags = tag.selfClosing ? SELF_CLOSING : 0;
    // Looked up by name rather than listed: this runs for every cell of the sheet.
    const sText = attrExact(tag, 's');
    const t = attrExact(tag, 't');
    if (r !== undefined) flags |= HAS_REF;
    const s = sText === undefined ? 0 : Number(sText) || 0;
    const type = t === undefined ? 0 : this.typeOf(t);
    const known =
      (r === undefined ? 0 : 1) + (sText === undefined ? 0 : 1) + (t === undefined ? 0 : 1);
    let extra: Record<string, string> | undefined;
    if (attributeCount(tag) > known) {
      // Rare (cm, vm, ph): the whole list, less the three read above.
      extra = { ...tag.attributes };
      delete extra.r;
      delete extra.s;
      delete extra.t;
    }
    if (extra !== undefined) this.cellExtra.set(this.cellCol.length, extra);
    this.cellCol.push(col);
    this.cellStart.push(tag.start);
    this.cellOpenEnd.push(tag.end);
    this.cellInnerEnd.push(tag.end);
    this.cellEnd.push(tag.end);
    this.cellStyle.push(s);
    this.cellFlags.push(flags);
    this.cellType.push(type);
  }

  open(tag: XmlTag): void {
    this.depth++;
    if (this.depth === 1) {
      const name = tagName(this.xml, tag);
      this.prefix = name.includes(':') ? name.slice(0, name.indexOf(':') + 1) : '';
    }
    if (this.depth === 2 && tag.local === 'sheetData')
      this.sheetData = { tag: detachedTag(tag), closeStart: tag.end };
    if (this.depth === 2 && tag.local === 'dimension')
      this.dimension = { tag: detachedTag(tag), range: rangeOf(attrLocal(tag, 'ref') ?? '') };
    if (this.depth === 2 && tag.local === 'mergeCells') {
      this.mergeCellsName = tagName(this.xml, tag);
      this.mergeCellsSpan = { start: tag.start, end: tag.end };
    }
    if (this.depth === 3 && tag.local === 'col') {
      const s = attrLocal(tag, 'style');
      if (s !== undefined)
        this.colStyles.push({
          min: Number(attrLocal(tag, 'min')),
          max: Number(attrLocal(tag, 'max')),
          style: Number(s) || 0,
        });
    }
    if (this.depth === 3 && tag.local === 'mergeCell') {
      const ref = attrLocal(tag, 'ref') ?? '';
      const range = rangeOf(ref);
      if (range)
        this.merges.push({
          ref,
          range,
          // A <mergeCell> with children (an extension list) is kept whole: its end comes at close.
          at: { start: tag.start, end: tag.selfClosing ? tag.end : -1 },
        });
    }
    if (this.depth === 3 && tag.local === 'row' && this.sheetData) {
      const r = Number(attrLocal(tag, 'r'));
      // Numbers are kept as 32-bit integers; one past that is as good as none.
      const n = Number.isInteger(r) && r > 0 && r <= 0x7fffffff ? r : this.nextRow;
      this.nextRow = n + 1;
      this.nextCol = 1;
      this.rowNumber.push(n);
      this.rowStart.push(tag.start);
      this.rowEnd.push(tag.end);
      this.rowFirstCell.push(this.cellCol.length);
      this.rowAttributes.push(this.attributeSetOf(tag.attributes));
      this.inRow = !tag.selfClosing;
    }
    if (this.depth === 4 && tag.local === 'c' && this.inRow) {
      // r= as written, else with a prefix (seen from some tools), for the cell's column.
      const r = attrExact(tag, 'r');
      const ref = r ?? attrLocal(tag, 'r');
      const at = ref === undefined ? null : parseCellRef(ref);
      const col = at?.col ?? this.nextCol;
      this.nextCol = col + 1;
      this.addCell(col, tag, r);
    }
  }

  close(local: string, end: number): void {
    if (this.depth === 2 && local === 'sheetData' && this.sheetData) {
      this.sheetData.closeStart = this.sheetData.tag.selfClosing
        ? this.sheetData.tag.end
        : this.xml.lastIndexOf('<', end - 1);
    }
    if (this.depth === 2 && local === 'mergeCells' && this.mergeCellsSpan)
      this.mergeCellsSpan.end = end;
    if (this.depth === 2 && BEFORE_MERGE_CELLS.has(local)) this.mergeInsertAt = end;
    if (this.depth === 3 && local === 'mergeCell') {
      const last = this.merges[this.merges.length - 1];
      if (last?.at && last.at.end < 0) last.at.end = end;
    }
    if (this.depth === 3 && local === 'row' && this.rowNumber.length > 0) {
      this.rowEnd.set(this.rowNumber.length - 1, end);
      this.inRow = false;
    }
    if (this.depth === 4 && local === 'c' && this.inRow) {
      const i = this.cellCol.length - 1;
      if ((this.cellFlags.get(i) & SELF_CLOSING) === 0) {
        this.cellInnerEnd.set(i, this.xml.lastIndexOf('<', end - 1));
        this.cellEnd.set(i, end);
      }
    }
    this.depth--;
  }
}
