import { chunkText } from '../../core/chunkText';
import { columnLetters, type SheetGrid } from '../../core/grid';
import { escapeText } from './xmlWrite';

/*
 * The records of the very hidden `_tricolor` sheet, laid out exactly as the first (ExcelJS)
 * adapter laid them out (A1 a note, B1 the format version, then one record per row: the key in
 * column A, its text in chunks over B, C, …), so files it wrote are read here.
 */
const FORMAT_VERSION = 1;
const CHUNK = 30_000;
const NOTE = '三色督办 Tricolor: saved fills and settings. Do not edit. 请勿修改。';

export class StateRecords {
  private changed = false;

  private constructor(private readonly records: Map<string, string>) {}

  static empty(): StateRecords {
    return new StateRecords(new Map());
  }

  /** The records of the sheet's grid: rows after the first, key in A, text over B, C, … */
  static fromGrid(grid: SheetGrid): StateRecords {
    const records = new Map<string, string>();
    grid.values.forEach((row, r) => {
      if (r === 0) return;
      const key = row[0];
      if (typeof key !== 'string' || key === '') return;
      let json = '';
      for (let c = 1; c < row.length; c++) {
        const v = row[c];
        if (typeof v === 'string') json += v;
      }
      records.set(key, json);
    });
    return new StateRecords(records);
  }

  get dirty(): boolean {
    return this.changed;
  }

  get size(): number {
    return this.records.size;
  }

  get(key: string): unknown {
    const json = this.records.get(key);
    if (json === undefined) return undefined;
    try {
      return JSON.parse(json) as unknown;
    } catch {
      return undefined;
    }
  }

  set(key: string, value: unknown): void {
    this.setText(key, value === undefined ? undefined : JSON.stringify(value));
  }

  getText(key: string): string | undefined {
    return this.records.get(key);
  }

  setText(key: string, text: string | undefined): void {
    if (text === undefined) {
      if (this.records.delete(key)) this.changed = true;
    } else if (this.records.get(key) !== text) {
      this.records.set(key, text);
      this.changed = true;
    }
  }

  keys(): string[] {
    return [...this.records.keys()];
  }

  /** The sheet's XML: inline strings, so the shared strings part is left as it is. */
  toSheetXml(): string {
    const cell = (ref: string, text: string): string =>
      `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeText(text)}</t></is></c>`;
    let rows = `<row r="1">${cell('A1', NOTE)}<c r="B1"><v>${FORMAT_VERSION}</v></c></row>`;
    let r = 2;
    for (const [key, json] of [...this.records].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      let cells = cell(`A${r}`, key);
      chunkText(json, CHUNK).forEach((chunk, i) => {
        cells += cell(`${columnLetters(i + 2)}${r}`, chunk);
      });
      rows += `<row r="${r}">${cells}</row>`;
      r++;
    }
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      `<sheetData>${rows}</sheetData></worksheet>`
    );
  }
}
