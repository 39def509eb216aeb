import { Workbook, type Worksheet } from 'exceljs';
import { MINIMUM_CAPABILITIES } from '../../src/adapters/office/capabilities';
import { OfficeWorkbook } from '../../src/adapters/office/OfficeWorkbook';
import { PackageWorkbook } from '../../src/adapters/xlsxPackage/PackageWorkbook';
import { columnLetters, parseA1 } from '../../src/core/grid';
import type { WorkbookPort } from '../../src/port/WorkbookPort';
import { WorkerFilePort } from '../../src/taskpane/fileMode/WorkerFilePort';
import { RecordingExcel } from '../fakes/recordingExcel';
import { InProcessWorker } from './inProcessWorker';

/**
 * A workbook as plain data that every host can be loaded from and saved to: values (text and
 * numbers) and solid fills per cell, sheet visibility. The month's edits (insert, delete, move and
 * sort rows, as Excel and WPS do them) work on it, so a test can paint in one host, edit, repaint
 * in another and clear in a third (test/session/monthlyCycle.test.ts).
 */
export interface CellModel {
  readonly value: string | number | null;
  /** "#RRGGBB", or null for no fill. */
  readonly fill: string | null;
}

export interface SheetModel {
  readonly name: string;
  readonly visibility: 'visible' | 'veryHidden';
  /** rows[r][c] is Excel cell (r + 1, c + 1). */
  readonly rows: CellModel[][];
}

export type BookModel = readonly SheetModel[];

const EMPTY: CellModel = { value: null, fill: null };

export function cellAt(s: SheetModel, row: number, col: number): CellModel {
  return s.rows[row - 1]?.[col - 1] ?? EMPTY;
}

// ---- ExcelJS (.xlsx bytes) ----

export async function xlsxOf(book: BookModel): Promise<Uint8Array> {
  const wb = new Workbook();
  for (const s of book) {
    const ws = wb.addWorksheet(s.name, { state: s.visibility });
    s.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell.value === null && cell.fill === null) return;
        const target = ws.getCell(r + 1, c + 1);
        if (cell.value !== null) target.value = cell.value;
        if (cell.fill !== null) {
          target.fill = {
            type: 'pattern',
            pattern: 'solid',
            fgColor: { argb: `FF${cell.fill.slice(1)}` },
          };
        }
      }),
    );
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function modelOfWorksheet(ws: Worksheet): SheetModel {
  const rows: CellModel[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const v: unknown = cell.value;
      const fill = cell.fill;
      const argb =
        fill?.type === 'pattern' && fill.pattern === 'solid' ? fill.fgColor?.argb : undefined;
      const value = typeof v === 'string' || typeof v === 'number' ? v : null;
      const model: CellModel = { value, fill: argb === undefined ? null : `#${argb.slice(-6)}` };
      if (model.value === null && model.fill === null) return;
      const line = (rows[r - 1] ??= []);
      line[c - 1] = model;
    });
  });
  return {
    name: ws.name,
    visibility: ws.state === 'veryHidden' ? 'veryHidden' : 'visible',
    rows: normalize(rows),
  };
}

export async function modelOfXlsx(bytes: Uint8Array): Promise<BookModel> {
  const wb = new Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.worksheets.map(modelOfWorksheet);
}

// ---- the recording fake of Excel ----

export function excelOf(book: BookModel): RecordingExcel {
  const excel = new RecordingExcel();
  for (const s of book) {
    const sheet = excel.addSheet(s.name);
    sheet.visibility = s.visibility === 'veryHidden' ? 'VeryHidden' : 'Visible';
    s.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        const a1 = `${columnLetters(c + 1)}${r + 1}`;
        if (cell.value !== null) sheet.setValues(a1, [[cell.value]]);
        if (cell.fill !== null) sheet.setFill(a1, cell.fill);
      }),
    );
  }
  return excel;
}

export function modelOfExcel(excel: RecordingExcel): BookModel {
  return excel.sheets.map((sheet) => {
    const snap = sheet.snapshot();
    const rows: CellModel[][] = [];
    const put = (a1: string, patch: Partial<CellModel>): void => {
      const at = parseA1(a1);
      if (at === null) return;
      const line = (rows[at.row - 1] ??= []);
      line[at.col - 1] = { ...(line[at.col - 1] ?? EMPTY), ...patch };
    };
    for (const [a1, v] of snap.values) {
      if (typeof v === 'string' || typeof v === 'number') put(a1, { value: v });
    }
    for (const [a1, f] of snap.fills) {
      const fill = f as { color: string; pattern: string };
      if (fill.pattern === 'Solid') put(a1, { fill: fill.color.toUpperCase() });
    }
    return {
      name: sheet.name,
      visibility: sheet.visibility === 'VeryHidden' ? 'veryHidden' : 'visible',
      rows: normalize(rows),
    };
  });
}

/** Dense rows with no trailing empties, so two models of the same workbook compare equal. */
export function normalize(rows: CellModel[][]): CellModel[][] {
  const out: CellModel[][] = [];
  for (let r = 0; r < rows.length; r++) {
    const line = rows[r] ?? [];
    const dense: CellModel[] = [];
    for (let c = 0; c < line.length; c++) dense.push(line[c] ?? EMPTY);
    while (
      dense.length > 0 &&
      dense[dense.length - 1]?.value === null &&
      dense[dense.length - 1]?.fill === null
    )
      dense.pop();
    out.push(dense);
  }
  while (out.length > 0 && (out[out.length - 1] as CellModel[]).length === 0) out.pop();
  return out;
}

/** A host holding a model, behind the port, and how to get the model back out. */
export interface Host {
  readonly port: WorkbookPort;
  save(): Promise<BookModel>;
}

/** 'package': the .xlsx adapter in process; 'worker': the same behind the page's worker protocol. */
export type HostKind = 'package' | 'office' | 'worker';

export async function openIn(kind: HostKind, book: BookModel): Promise<Host> {
  if (kind === 'package') {
    const wb = await PackageWorkbook.open(await xlsxOf(book));
    return { port: wb, save: async () => modelOfXlsx(await wb.save()) };
  }
  if (kind === 'worker') {
    const bytes = await xlsxOf(book);
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    const wb = await WorkerFilePort.open(new InProcessWorker(), buffer as ArrayBuffer, 'zh');
    return { port: wb, save: async () => modelOfXlsx(await wb.save()) };
  }
  const excel = excelOf(book);
  const port = new OfficeWorkbook({ run: excel.run, capabilities: MINIMUM_CAPABILITIES });
  return { port, save: () => Promise.resolve(modelOfExcel(excel)) };
}

// ---- the month's edits, as Excel does them ----

function sheetWith(s: SheetModel, rows: CellModel[][]): SheetModel {
  return { ...s, rows: normalize(rows) };
}

/** Inserts an empty row before Excel row `at`; like Excel, it takes the formats of the row above. */
export function insertRow(s: SheetModel, at: number): SheetModel {
  const rows = s.rows.map((r) => [...r]);
  const above = rows[at - 2] ?? [];
  rows.splice(
    at - 1,
    0,
    above.map((c) => ({ value: null, fill: c.fill })),
  );
  return sheetWith(s, rows);
}

export function deleteRow(s: SheetModel, at: number): SheetModel {
  const rows = s.rows.map((r) => [...r]);
  rows.splice(at - 1, 1);
  return sheetWith(s, rows);
}

/** Cuts Excel row `from` and inserts it before row `to` (of the sheet without it). */
export function moveRow(s: SheetModel, from: number, to: number): SheetModel {
  const rows = s.rows.map((r) => [...r]);
  const [row] = rows.splice(from - 1, 1);
  rows.splice(to - 1, 0, row ?? []);
  return sheetWith(s, rows);
}

/** Sorts Excel rows top..bottom, whole rows, by the text of column `col` (a stable sort). */
export function sortRows(s: SheetModel, top: number, bottom: number, col: number): SheetModel {
  const rows = s.rows.map((r) => [...r]);
  while (rows.length < bottom) rows.push([]);
  const part = rows.slice(top - 1, bottom);
  part.sort((a, b) =>
    String(a[col - 1]?.value ?? '').localeCompare(String(b[col - 1]?.value ?? '')),
  );
  rows.splice(top - 1, part.length, ...part);
  return sheetWith(s, rows);
}

export function setCells(s: SheetModel, row: number, cells: Record<number, CellModel>): SheetModel {
  const rows = s.rows.map((r) => [...r]);
  while (rows.length < row) rows.push([]);
  const line = rows[row - 1] as CellModel[];
  for (const [c, cell] of Object.entries(cells)) line[Number(c) - 1] = cell;
  return sheetWith(s, rows);
}
