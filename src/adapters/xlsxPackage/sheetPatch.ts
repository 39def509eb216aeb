import { columnLetters, columnNumber, type CellRange } from '../../core/grid';
import { tagName } from './stylesPatch';
import { attrLocal, walkXml, type XmlTag } from './xml';
import { applySplices, escapeText, startTag, type Splice } from './xmlWrite';

/**
 * A cell as written, by offsets into the part; its attributes kept only when it has some besides
 * r, s and t, so a 50,000-row sheet does not hold an object per attribute set.
 */
interface CellSpan {
  readonly col: number;
  readonly start: number;
  /** Offset past the start tag's ">". */
  readonly openEnd: number;
  readonly selfClosing: boolean;
  readonly hasRef: boolean;
  readonly s: number;
  readonly t: string | undefined;
  readonly extra: Readonly<Record<string, string>> | undefined;
  /** Offset where its children start and where its closing tag starts (equal when self-closing). */
  readonly innerEnd: number;
  readonly end: number;
}

interface RowSpan {
  readonly row: number;
  readonly tag: XmlTag;
  end: number;
  readonly cells: CellSpan[];
}

interface MergeSpan {
  readonly ref: string;
  readonly range: CellRange;
  /** The <mergeCell> element as written, or null for one added here. */
  readonly xml: string | null;
}

/** A value written into a cell. */
export type CellValue = string | number | boolean | null;

interface CellEdit {
  style?: number;
  /**
   * undefined: the value is left as it is; null: emptied; a string: written as an inline string
   * (never a formula); a number or a boolean: written as one.
   */
  value?: CellValue;
}

/** CT_Worksheet's children that come before <mergeCells> (ECMA-376 part 1, 18.3.1.99). */
function cellSpanOf(col: number, tag: XmlTag, innerEnd: number, end: number): CellSpan {
  let extra: Record<string, string> | undefined;
  let hasRef = false;
  let s = 0;
  let t: string | undefined;
  for (const [k, v] of Object.entries(tag.attributes)) {
    if (k === 'r') hasRef = true;
    else if (k === 's') s = Number(v) || 0;
    else if (k === 't') t = v;
    else (extra ??= {})[k] = v;
  }
  return {
    col,
    start: tag.start,
    openEnd: tag.end,
    selfClosing: tag.selfClosing,
    hasRef,
    s,
    t,
    extra,
    innerEnd,
    end,
  };
}

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

function parseRef(ref: string): { row: number; col: number } | null {
  let i = 0;
  while (i < ref.length && /[A-Za-z$]/.test(ref.charAt(i))) i++;
  const row = Number(ref.slice(i).replace(/\$/g, ''));
  const letters = ref.slice(0, i).replace(/\$/g, '');
  return letters === '' || !Number.isInteger(row) || row < 1
    ? null
    : { row, col: columnNumber(letters) };
}

function rangeOf(ref: string): CellRange | null {
  const [a, b] = ref.split(':');
  const from = a === undefined ? null : parseRef(a);
  const to = b === undefined ? from : parseRef(b);
  return from && to ? { top: from.row, left: from.col, bottom: to.row, right: to.col } : null;
}

/**
 * One worksheet part, patched where cells change: rows holding an edited cell are written anew
 * (their other cells copied as written), merges added or removed, and everything else in the part
 * kept character for character. Rows and columns here are 1-based, as in Excel.
 */
export class SheetPatch {
  private readonly rows = new Map<number, RowSpan>();
  private readonly rowOrder: RowSpan[] = [];
  private readonly colStyles: { min: number; max: number; style: number }[] = [];
  private readonly edits = new Map<number, Map<number, CellEdit>>();
  private merges: MergeSpan[] = [];
  private mergesChanged = false;
  private mergeCellsSpan: { start: number; end: number } | null = null;
  private mergeCellsName = 'mergeCells';
  private sheetData: { tag: XmlTag; closeStart: number } | null = null;
  /** Where a new <mergeCells> goes: past the last child that must come before it. */
  private mergeInsertAt = -1;
  private prefix = '';

  constructor(private readonly xml: string) {
    let depth = 0;
    let row: RowSpan | null = null;
    let nextRow = 1;
    let nextCol = 1;
    let cell: { col: number; tag: XmlTag } | null = null;
    walkXml(xml, {
      open: (tag) => {
        depth++;
        if (depth === 1) {
          const name = tagName(xml, tag);
          this.prefix = name.includes(':') ? name.slice(0, name.indexOf(':') + 1) : '';
        }
        if (depth === 2 && tag.local === 'sheetData') this.sheetData = { tag, closeStart: tag.end };
        if (depth === 2 && tag.local === 'mergeCells') {
          this.mergeCellsName = tagName(xml, tag);
          this.mergeCellsSpan = { start: tag.start, end: tag.end };
        }
        if (depth === 3 && tag.local === 'col') {
          const s = attrLocal(tag, 'style');
          if (s !== undefined)
            this.colStyles.push({
              min: Number(attrLocal(tag, 'min')),
              max: Number(attrLocal(tag, 'max')),
              style: Number(s) || 0,
            });
        }
        if (depth === 3 && tag.local === 'mergeCell') {
          const ref = attrLocal(tag, 'ref') ?? '';
          const range = rangeOf(ref);
          if (range)
            this.merges.push({
              ref,
              range,
              xml: tag.selfClosing ? xml.slice(tag.start, tag.end) : null,
            });
        }
        if (depth === 3 && tag.local === 'row' && this.sheetData) {
          const r = Number(attrLocal(tag, 'r'));
          const n = Number.isInteger(r) && r > 0 ? r : nextRow;
          nextRow = n + 1;
          nextCol = 1;
          row = { row: n, tag, end: tag.end, cells: [] };
          this.rows.set(n, row);
          this.rowOrder.push(row);
        }
        if (depth === 4 && tag.local === 'c' && row) {
          const ref = attrLocal(tag, 'r');
          const at = ref === undefined ? null : parseRef(ref);
          const col = at?.col ?? nextCol;
          nextCol = col + 1;
          cell = { col, tag };
          if (tag.selfClosing) {
            row.cells.push(cellSpanOf(col, tag, tag.end, tag.end));
            cell = null;
          }
        }
      },
      close: (local, end) => {
        if (depth === 2 && local === 'sheetData' && this.sheetData) {
          this.sheetData.closeStart = this.sheetData.tag.selfClosing
            ? this.sheetData.tag.end
            : xml.lastIndexOf('<', end - 1);
        }
        if (depth === 2 && local === 'mergeCells' && this.mergeCellsSpan)
          this.mergeCellsSpan.end = end;
        if (depth === 2 && BEFORE_MERGE_CELLS.has(local)) this.mergeInsertAt = end;
        if (depth === 3 && local === 'mergeCell') {
          const last = this.merges[this.merges.length - 1];
          if (last && last.xml === null) {
            // A <mergeCell> with children (an extension list): kept whole.
            const start = xml.lastIndexOf('<mergeCell', end - 1);
            this.merges[this.merges.length - 1] = { ...last, xml: xml.slice(start, end) };
          }
        }
        if (depth === 3 && local === 'row' && row) {
          row.end = end;
          row = null;
        }
        if (depth === 4 && local === 'c' && cell && row) {
          row.cells.push(cellSpanOf(cell.col, cell.tag, xml.lastIndexOf('<', end - 1), end));
          cell = null;
        }
        depth--;
      },
    });
  }

  private edit(row: number, col: number): CellEdit {
    let line = this.edits.get(row);
    if (line === undefined) this.edits.set(row, (line = new Map<number, CellEdit>()));
    let e = line.get(col);
    if (e === undefined) line.set(col, (e = {}));
    return e;
  }

  private cellSpan(row: number, col: number): CellSpan | undefined {
    return this.rows.get(row)?.cells.find((c) => c.col === col);
  }

  /**
   * The cell format of a cell as Excel applies it: its own s=, else its row's when the row has a
   * custom format, else its column's.
   */
  styleAt(row: number, col: number): number {
    const edited = this.edits.get(row)?.get(col)?.style;
    if (edited !== undefined) return edited;
    const own = this.cellSpan(row, col);
    if (own !== undefined) return own.s;
    const line = this.rows.get(row);
    if (line && attrLocal(line.tag, 'customFormat') === '1')
      return Number(attrLocal(line.tag, 's') ?? '0') || 0;
    return this.colStyles.find((c) => col >= c.min && col <= c.max)?.style ?? 0;
  }

  setStyle(row: number, col: number, style: number): void {
    this.edit(row, col).style = style;
  }

  /** The value written here by setValue, or undefined when the cell keeps what the file holds. */
  editedValue(row: number, col: number): CellValue | undefined {
    return this.edits.get(row)?.get(col)?.value;
  }

  setValue(row: number, col: number, value: CellValue): void {
    this.edit(row, col).value = value;
  }

  /** Merges by the rows they cover, built when first asked: the paint asks once per cell. */
  private mergesByRow: Map<number, CellRange[]> | null = null;

  private mergesAt(row: number): readonly CellRange[] {
    if (this.mergesByRow === null) {
      const index = new Map<number, CellRange[]>();
      for (const { range } of this.merges) {
        for (let r = range.top; r <= range.bottom; r++) {
          const list = index.get(r);
          if (list) list.push(range);
          else index.set(r, [range]);
        }
      }
      this.mergesByRow = index;
    }
    return this.mergesByRow.get(row) ?? [];
  }

  /** True when a merge covers the cell and it is not the merge's top-left one. */
  isMergedSlave(row: number, col: number): boolean {
    return this.mergesAt(row).some(
      (m) => col >= m.left && col <= m.right && (row !== m.top || col !== m.left),
    );
  }

  isMerged(row: number, col: number): boolean {
    return this.mergesAt(row).some((m) => col >= m.left && col <= m.right);
  }

  merge(ref: string): void {
    const range = rangeOf(ref);
    if (range === null) return;
    this.merges.push({ ref, range, xml: null });
    this.mergesChanged = true;
    this.mergesByRow = null;
  }

  unmerge(ref: string): void {
    const before = this.merges.length;
    this.merges = this.merges.filter((m) => m.ref !== ref);
    if (this.merges.length !== before) this.mergesChanged = true;
    this.mergesByRow = null;
  }

  get changed(): boolean {
    return this.edits.size > 0 || this.mergesChanged;
  }

  private renderCell(
    row: number,
    col: number,
    span: CellSpan | undefined,
    e: CellEdit | undefined,
  ): string {
    const p = this.prefix;
    if (span !== undefined && e === undefined && span.hasRef)
      return this.xml.slice(span.start, span.end);
    // Rebuilt: edited, new, or placed by position (given its address, as cells may now precede it).
    const attrs: Record<string, string> = { r: columnLetters(col) + String(row) };
    if (span !== undefined) {
      if (span.s !== 0) attrs.s = String(span.s);
      if (span.t !== undefined) attrs.t = span.t;
      for (const [k, v] of Object.entries(span.extra ?? {})) attrs[k] = v;
    }
    if (e?.style !== undefined) {
      if (e.style === 0) delete attrs.s;
      else attrs.s = String(e.style);
    }
    let inner =
      span === undefined || span.selfClosing ? '' : this.xml.slice(span.openEnd, span.innerEnd);
    if (e?.value !== undefined) {
      delete attrs.t;
      delete attrs.cm;
      delete attrs.vm;
      if (e.value === null || e.value === '') inner = '';
      else if (typeof e.value === 'number') {
        // NaN or Infinity written as text would make the part invalid.
        if (!Number.isFinite(e.value)) throw new Error(`not a finite number for ${attrs.r}`);
        inner = `<${p}v>${String(e.value)}</${p}v>`;
      } else if (typeof e.value === 'boolean') {
        attrs.t = 'b';
        inner = `<${p}v>${e.value ? '1' : '0'}</${p}v>`;
      } else {
        attrs.t = 'inlineStr';
        inner = `<${p}is><${p}t xml:space="preserve">${escapeText(e.value)}</${p}t></${p}is>`;
      }
    }
    // A cell that was not there and holds nothing now is left out, as if never touched.
    if (span === undefined && inner === '' && Object.keys(attrs).length === 1) return '';
    return inner === ''
      ? startTag(`${p}c`, attrs, true)
      : `${startTag(`${p}c`, attrs)}${inner}</${p}c>`;
  }

  private renderRow(row: number, span: RowSpan | undefined, edits: Map<number, CellEdit>): string {
    const p = this.prefix;
    const cols = new Set<number>([...(span?.cells.map((c) => c.col) ?? []), ...edits.keys()]);
    let cells = '';
    for (const col of [...cols].sort((a, b) => a - b)) {
      const cellSpan = span?.cells.find((c) => c.col === col);
      cells += this.renderCell(row, col, cellSpan, edits.get(col));
    }
    // spans= is a hint of the row's first and last cells; it may no longer hold, so it goes.
    if (span === undefined && cells === '') return '';
    const attrs: Record<string, string> = { r: String(row) };
    for (const [k, v] of Object.entries(span?.tag.attributes ?? {}))
      if (k !== 'r' && k !== 'spans') attrs[k] = v;
    return cells === ''
      ? startTag(`${p}row`, attrs, true)
      : `${startTag(`${p}row`, attrs)}${cells}</${p}row>`;
  }

  private renderMerges(): string {
    if (this.merges.length === 0) return '';
    const name = this.mergeCellsName;
    const p = this.prefix;
    let inner = '';
    for (const m of this.merges) inner += m.xml ?? startTag(`${p}mergeCell`, { ref: m.ref }, true);
    return `${startTag(name, { count: String(this.merges.length) })}${inner}</${name}>`;
  }

  /** The part with its edits; the text as read when nothing changed. */
  toXml(): string {
    if (!this.changed) return this.xml;
    const sheetData = this.sheetData;
    if (sheetData === null) throw new Error('worksheet without sheetData');
    const splices: Splice[] = [];
    const newRows: { row: number; xml: string }[] = [];
    for (const [row, edits] of this.edits) {
      const span = this.rows.get(row);
      const xml = this.renderRow(row, span, edits);
      if (span) splices.push({ start: span.tag.start, end: span.end, text: xml });
      else newRows.push({ row, xml });
    }
    newRows.sort((a, b) => a.row - b.row);
    for (const n of newRows) {
      const before = this.rowOrder.find((r) => r.row > n.row);
      const at = before ? before.tag.start : sheetData.closeStart;
      splices.push({ start: at, end: at, text: n.xml });
    }
    if (sheetData.tag.selfClosing && newRows.length > 0) {
      const name = tagName(this.xml, sheetData.tag);
      splices.push({
        start: sheetData.tag.start,
        end: sheetData.tag.end,
        text: startTag(name, sheetData.tag.attributes),
      });
      splices.push({ start: sheetData.tag.end, end: sheetData.tag.end, text: `</${name}>` });
    }
    if (this.mergesChanged) {
      const text = this.renderMerges();
      if (this.mergeCellsSpan) splices.push({ ...this.mergeCellsSpan, text });
      else splices.push({ start: this.mergeInsertAt, end: this.mergeInsertAt, text });
    }
    return applySplices(this.xml, splices);
  }
}
