/** A value written into a cell. */
export type CellValue = string | number | boolean | null;

/** A cell's edit as a patch renders it. */
export interface CellEdit {
  style?: number;
  /**
   * undefined: the value is left as it is; null: emptied; a string: written as an inline string
   * (never a formula); a number or a boolean: written as one (collected values).
   */
  value?: CellValue;
}

/** Columns in a sheet, plus one: a cell's key is row * COLUMNS + column. */
const COLUMNS = 16_385;
const NONE = -1;

/**
 * The cells a paint changed, kept small: a paint of a 50,000-row table sets the style of some
 * 550,000 cells and the value of 50,000, and as an object per cell in a Map per row that took
 * 50 MiB. Styles are an array of small integers per row (by column, -1 for none), values one Map
 * for the sheet with each row's columns listed; a cell's CellEdit object is made only when its row is rendered.
 */
export class CellEdits {
  private readonly styles = new Map<number, number[]>();
  private readonly values = new Map<number, CellValue>();
  /** By row, the columns with a value in `values`: a status column's one, mostly. */
  private readonly valueColumns = new Map<number, number[]>();

  get size(): number {
    return this.styles.size + this.values.size;
  }

  style(row: number, col: number): number | undefined {
    const s = this.styles.get(row)?.[col];
    return s === undefined || s === NONE ? undefined : s;
  }

  setStyle(row: number, col: number, style: number): void {
    let line = this.styles.get(row);
    if (line === undefined) this.styles.set(row, (line = []));
    // Filled up to the column, so the array stays packed small integers rather than holey.
    while (line.length <= col) line.push(NONE);
    line[col] = style;
  }

  value(row: number, col: number): CellValue | undefined {
    return this.values.get(row * COLUMNS + col);
  }

  setValue(row: number, col: number, value: CellValue): void {
    const key = row * COLUMNS + col;
    if (!this.values.has(key)) {
      const cols = this.valueColumns.get(row);
      if (cols) cols.push(col);
      else this.valueColumns.set(row, [col]);
    }
    this.values.set(key, value);
  }

  /** The rows and columns the edits reach (1-based, inclusive); null when there are none. */
  extent(): { top: number; left: number; bottom: number; right: number } | null {
    let top = Infinity;
    let bottom = -Infinity;
    let left = Infinity;
    let right = -Infinity;
    const see = (row: number, col: number): void => {
      if (row < top) top = row;
      if (row > bottom) bottom = row;
      if (col < left) left = col;
      if (col > right) right = col;
    };
    for (const [row, line] of this.styles)
      line.forEach((style, col) => {
        if (style !== NONE) see(row, col);
      });
    for (const [row, cols] of this.valueColumns) for (const col of cols) see(row, col);
    return top === Infinity ? null : { top, left, bottom, right };
  }

  /** The rows holding an edit, each once, in no particular order. */
  rows(): Set<number> {
    return new Set([...this.styles.keys(), ...this.valueColumns.keys()]);
  }

  /** A row's edits by column, made for rendering it. */
  rowEdits(row: number): Map<number, CellEdit> {
    const out = new Map<number, CellEdit>();
    this.styles.get(row)?.forEach((style, col) => {
      if (style !== NONE) out.set(col, { style });
    });
    for (const col of this.valueColumns.get(row) ?? []) {
      const value = this.values.get(row * COLUMNS + col);
      if (value === undefined) continue;
      const e = out.get(col) ?? {};
      e.value = value;
      out.set(col, e);
    }
    return out;
  }
}
