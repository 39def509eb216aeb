import { columnLetters, type CellRange } from '../../core/grid';
import { CellEdits, type CellEdit, type CellValue } from './cellEdits';

export type { CellValue } from './cellEdits';
import { rangeOf, SheetLayout, type CellSpan, type MergeSpan, type RowSpan } from './sheetLayout';
import { tagName } from './stylesPatch';
import type { XmlTag } from './xml';
import { escapeAttr, escapeText, startTag, writeSplices, type Splice } from './xmlWrite';

/**
 * One worksheet part, patched where cells change: rows holding an edited cell are written anew
 * (their other cells copied as written), merges added or removed, and everything else in the part
 * kept character for character. Rows and columns here are 1-based, as in Excel.
 */
export class SheetPatch {
  private readonly layout: SheetLayout;
  private readonly colStyles: readonly { min: number; max: number; style: number }[];
  private readonly edits = new CellEdits();
  private merges: MergeSpan[];
  private mergesChanged = false;
  private readonly mergeCellsSpan: { start: number; end: number } | null;
  private readonly mergeCellsName: string;
  private readonly sheetData: { tag: XmlTag; closeStart: number } | null;
  /** Where a new <mergeCells> goes: past the last child that must come before it. */
  private readonly mergeInsertAt: number;
  private readonly prefix: string;

  /** `layout` is the part's, collected while it was read; without it the part is parsed here. */
  constructor(
    private readonly xml: string,
    layout: SheetLayout = SheetLayout.of(xml),
  ) {
    this.layout = layout;
    this.colStyles = layout.colStyles;
    this.merges = [...layout.merges];
    this.mergeCellsSpan = layout.mergeCellsSpan;
    this.mergeCellsName = layout.mergeCellsName;
    this.sheetData = layout.sheetData;
    this.mergeInsertAt = layout.mergeInsertAt;
    this.prefix = layout.prefix;
  }

  /**
   * The cell format of a cell as Excel applies it: its own s=, else its row's when the row has a
   * custom format, else its column's.
   */
  styleAt(row: number, col: number): number {
    const edited = this.edits.style(row, col);
    if (edited !== undefined) return edited;
    const own = this.layout.styleOfCell(row, col);
    if (own >= 0) return own;
    const line = this.layout.rowAttributesOf(row);
    if (line && line.customFormat === '1') return Number(line.s ?? '0') || 0;
    return this.colStyles.find((c) => col >= c.min && col <= c.max)?.style ?? 0;
  }

  setStyle(row: number, col: number, style: number): void {
    this.edits.setStyle(row, col, style);
  }

  /** The value written here by setValue, or undefined when the cell keeps what the file holds. */
  editedValue(row: number, col: number): CellValue | undefined {
    return this.edits.value(row, col);
  }

  setValue(row: number, col: number, value: CellValue): void {
    this.edits.setValue(row, col, value);
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
    this.merges.push({ ref, range, at: null });
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

  /**
   * A cell as it is written now. Tags are built as text directly, in the order r, s, t, then the
   * cell's other attributes: this runs for every cell a paint touches (550,000 on the bench's
   * file), where a Record per cell, deletes and a generic start-tag writer cost a third of saving.
   */
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
    let style = span?.s ?? 0;
    if (e?.style !== undefined) style = e.style;
    let type = span?.t;
    let extra = span?.extra;
    let inner =
      span === undefined || span.selfClosing ? '' : this.xml.slice(span.openEnd, span.innerEnd);
    if (e?.value !== undefined) {
      // A new value: the old type and any rich-value metadata (cm, vm) no longer apply.
      type = undefined;
      if (extra !== undefined && ('cm' in extra || 'vm' in extra)) {
        const rest: Record<string, string> = {};
        for (const k in extra) if (k !== 'cm' && k !== 'vm') rest[k] = extra[k] as string;
        extra = rest;
      }
      if (e.value === null || e.value === '') inner = '';
      else if (typeof e.value === 'number') {
        // NaN or Infinity written as text would make the part invalid.
        if (!Number.isFinite(e.value))
          throw new Error(`not a finite number for ${columnLetters(col)}${row}`);
        inner = `<${p}v>${String(e.value)}</${p}v>`;
      } else if (typeof e.value === 'boolean') {
        type = 'b';
        inner = `<${p}v>${e.value ? '1' : '0'}</${p}v>`;
      } else {
        type = 'inlineStr';
        inner = `<${p}is><${p}t xml:space="preserve">${escapeText(e.value)}</${p}t></${p}is>`;
      }
    }
    // A cell that was not there and holds nothing now is left out, as if never touched.
    if (span === undefined && inner === '' && style === 0 && type === undefined) return '';
    let tag = `<${p}c r="${columnLetters(col)}${row}"`;
    if (style !== 0) tag += ` s="${style}"`;
    if (type !== undefined) tag += ` t="${escapeAttr(type)}"`;
    if (extra !== undefined)
      for (const k in extra) tag += ` ${k}="${escapeAttr(extra[k] as string)}"`;
    return inner === '' ? `${tag}/>` : `${tag}>${inner}</${p}c>`;
  }

  /** Row attributes (all but r and spans) as text, by the layout's shared attribute objects. */
  private readonly rowAttributeText = new Map<Readonly<Record<string, string>>, string>();

  private renderRow(
    row: number,
    span: RowSpan | undefined,
    edits: ReadonlyMap<number, CellEdit>,
  ): string {
    const p = this.prefix;
    // The row's cells and edited columns, merged in column order.
    const written = span?.cells ?? [];
    const cellAt = new Map<number, CellSpan>();
    for (const c of written) cellAt.set(c.col, c);
    const cols = [...cellAt.keys()];
    for (const col of edits.keys()) if (!cellAt.has(col)) cols.push(col);
    cols.sort((a, b) => a - b);
    let cells = '';
    for (const col of cols) cells += this.renderCell(row, col, cellAt.get(col), edits.get(col));
    if (span === undefined && cells === '') return '';
    // spans= is a hint of the row's first and last cells; it may no longer hold, so it goes.
    let attributes = '';
    if (span) {
      const known = this.rowAttributeText.get(span.attributes);
      if (known !== undefined) attributes = known;
      else {
        for (const k in span.attributes)
          attributes += ` ${k}="${escapeAttr(span.attributes[k] as string)}"`;
        this.rowAttributeText.set(span.attributes, attributes);
      }
    }
    const tag = `<${p}row r="${row}"${attributes}`;
    return cells === '' ? `${tag}/>` : `${tag}>${cells}</${p}row>`;
  }

  private renderMerges(): string {
    if (this.merges.length === 0) return '';
    const name = this.mergeCellsName;
    const p = this.prefix;
    let inner = '';
    for (const m of this.merges)
      inner += m.at
        ? this.xml.slice(m.at.start, m.at.end)
        : startTag(`${p}mergeCell`, { ref: m.ref }, true);
    return `${startTag(name, { count: String(this.merges.length) })}${inner}</${name}>`;
  }

  /**
   * <dimension> widened to take in the edited cells: readers that trust it (openpyxl's read-only
   * mode, which pandas uses) stop at its last column and would not see the status column. It is
   * never narrowed: a larger used range than the cells in use is harmless.
   */
  private widenedDimension(): Splice | null {
    const dim = this.layout.dimension;
    const reach = this.edits.extent();
    if (dim === null || dim.range === null || reach === null) return null;
    const r = dim.range;
    const wide = {
      top: Math.min(r.top, reach.top),
      left: Math.min(r.left, reach.left),
      bottom: Math.max(r.bottom, reach.bottom),
      right: Math.max(r.right, reach.right),
    };
    if (
      wide.top === r.top &&
      wide.left === r.left &&
      wide.bottom === r.bottom &&
      wide.right === r.right
    )
      return null;
    const ref = `${columnLetters(wide.left)}${wide.top}:${columnLetters(wide.right)}${wide.bottom}`;
    return {
      start: dim.tag.start,
      end: dim.tag.end,
      text: startTag(
        tagName(this.xml, dim.tag),
        { ...dim.tag.attributes, ref },
        dim.tag.selfClosing,
      ),
    };
  }

  /** The part with its edits; the text as read when nothing changed. */
  toXml(): string {
    if (!this.changed) return this.xml;
    const out: string[] = [];
    this.write((piece) => out.push(piece));
    return out.join('');
  }

  /** The part with its edits, given piece by piece to `emit` (see ZipPackage.setStream). */
  write(emit: (piece: string) => void): void {
    if (!this.changed) {
      emit(this.xml);
      return;
    }
    const sheetData = this.sheetData;
    if (sheetData === null) throw new Error('worksheet without sheetData');
    const splices: Splice[] = [];
    const newRows: { row: number; xml: string }[] = [];
    for (const row of this.edits.rows()) {
      const extent = this.layout.rowExtent(row);
      // Rendered when written, so the 50,000 rows of a paint are never all held at once.
      if (extent)
        splices.push({
          ...extent,
          text: () => this.renderRow(row, this.layout.rowSpan(row), this.edits.rowEdits(row)),
        });
      else newRows.push({ row, xml: this.renderRow(row, undefined, this.edits.rowEdits(row)) });
    }
    newRows.sort((a, b) => a.row - b.row);
    for (const n of newRows) {
      const before = this.layout.startOfRowAfter(n.row);
      const at = before >= 0 ? before : sheetData.closeStart;
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
    const dimension = this.widenedDimension();
    if (dimension !== null) splices.push(dimension);
    if (this.mergesChanged) {
      const text = this.renderMerges();
      if (this.mergeCellsSpan) splices.push({ ...this.mergeCellsSpan, text });
      else splices.push({ start: this.mergeInsertAt, end: this.mergeInsertAt, text });
    }
    writeSplices(this.xml, splices, emit);
  }
}
