import type { Workbook, Worksheet } from 'exceljs';
import { chunkText } from '../../core/chunkText';
import { STATE_SHEET } from '../../core/ownSheets';

/**
 * The very hidden sheet `_tricolor` where this adapter keeps what it must remember inside the
 * workbook itself (so it travels with the file): the user's fills it painted over, the status
 * column it wrote, the bulletin sheets it made, and the settings.
 *
 * Layout: A1 holds a note for anyone who unhides it, B1 the format version. Each later row is one
 * record: its key in column A, its value as JSON split over columns B, C, … in chunks, because a
 * cell holds at most 32,767 characters.
 */
const FORMAT_VERSION = 1;
const CHUNK = 30_000;
const NOTE = '三色督办 Tricolor: saved fills and settings. Do not edit. 请勿修改。';

export class StateStore {
  private records: Map<string, string> | null = null;

  constructor(private readonly workbook: Workbook) {}

  private sheet(): Worksheet | undefined {
    return this.workbook.worksheets.find((ws) => ws.name === STATE_SHEET);
  }

  private load(): Map<string, string> {
    if (this.records) return this.records;
    const records = new Map<string, string>();
    const ws = this.sheet();
    ws?.eachRow((row, rowNumber) => {
      if (rowNumber === 1) return;
      const key = row.getCell(1).value;
      if (typeof key !== 'string' || key === '') return;
      let json = '';
      for (let c = 2; c <= row.cellCount; c++) {
        const v = row.getCell(c).value;
        if (typeof v === 'string') json += v;
      }
      records.set(key, json);
    });
    this.records = records;
    return records;
  }

  /** The parsed value of a record, or undefined when it is missing or not valid JSON. */
  get(key: string): unknown {
    const json = this.load().get(key);
    if (json === undefined) return undefined;
    try {
      return JSON.parse(json) as unknown;
    } catch {
      return undefined;
    }
  }

  /** Stores a record (undefined deletes it) and rewrites the sheet. */
  set(key: string, value: unknown): void {
    const records = this.load();
    if (value === undefined) records.delete(key);
    else records.set(key, JSON.stringify(value));
    this.flush();
  }

  /** Every record's text, by key. */
  texts(): ReadonlyMap<string, string> {
    return new Map(this.load());
  }

  /** Stores several records' texts (undefined deletes one), rewriting the sheet once. */
  setTexts(changes: ReadonlyMap<string, string | undefined>): void {
    const records = this.load();
    for (const [key, text] of changes) {
      if (text === undefined) records.delete(key);
      else records.set(key, text);
    }
    this.flush();
  }

  /** A record's text as stored, or undefined when there is none. */
  getText(key: string): string | undefined {
    return this.load().get(key);
  }

  /** Stores a record's text as it is (undefined deletes it) and rewrites the sheet. */
  setText(key: string, text: string | undefined): void {
    const records = this.load();
    if (text === undefined) records.delete(key);
    else records.set(key, text);
    this.flush();
  }

  keys(): string[] {
    return [...this.load().keys()];
  }

  /**
   * Rewrites the whole sheet from the records, removing it when none are left so that a workbook
   * the add-in no longer marks carries nothing of it. The sheet is always the last one.
   */
  private flush(): void {
    const records = this.load();
    const old = this.sheet();
    if (old) this.workbook.removeWorksheet(old.id);
    if (records.size === 0) return;
    const ws = this.workbook.addWorksheet(STATE_SHEET, { state: 'veryHidden' });
    ws.getCell(1, 1).value = NOTE;
    ws.getCell(1, 2).value = FORMAT_VERSION;
    let r = 2;
    for (const [key, json] of [...records].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const row = ws.getRow(r++);
      row.getCell(1).value = key;
      chunkText(json, CHUNK).forEach((chunk, i) => {
        row.getCell(i + 2).value = chunk;
      });
    }
  }
}
