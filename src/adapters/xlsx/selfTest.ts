import { Workbook, type Worksheet } from 'exceljs';
import type { Lang } from '../../core/issue';
import type { ScratchCell, SelfTestHost } from '../../session/selfTest';
import { PackageWorkbook } from '../xlsxPackage/PackageWorkbook';

/*
 * The file side of 自检 (src/session/selfTest.ts): a small workbook generated in memory, never
 * the user's open file, so the page's own adapter (the package adapter) is checked without
 * touching their work. The scaffolding edits the saved bytes with ExcelJS, a reader and writer
 * independent of the adapter, and opens them again, so the port under test only ever sees a
 * workbook as another program would hand it over.
 */

async function load(bytes: Uint8Array): Promise<Workbook> {
  const wb = new Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

async function bytesOf(wb: Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function fillOf(ws: Worksheet, row: number, col: string): string | null {
  const fill = ws.getCell(`${col}${row}`).fill;
  if (fill?.type !== 'pattern' || fill.pattern !== 'solid') return null;
  const argb = fill.fgColor?.argb;
  return argb === undefined ? null : `#${argb.slice(-6).toUpperCase()}`;
}

export class XlsxSelfTestHost implements SelfTestHost {
  private constructor(
    private current: PackageWorkbook,
    private readonly lang: Lang,
  ) {}

  /** A workbook of one sheet of notes, made here: the self-test adds and removes the rest. */
  static async create(lang: Lang): Promise<XlsxSelfTestHost> {
    const wb = new Workbook();
    wb.addWorksheet('说明').getCell('A1').value = '自检用工作簿';
    return new XlsxSelfTestHost(await PackageWorkbook.open(await bytesOf(wb), lang), lang);
  }

  get port(): PackageWorkbook {
    return this.current;
  }

  /** Saves the port's workbook, lets `edit` change it with ExcelJS, and opens the result. */
  private async edit(change: (wb: Workbook) => void): Promise<void> {
    const wb = await load(await this.current.save());
    change(wb);
    this.current = await PackageWorkbook.open(await bytesOf(wb), this.lang);
  }

  private async sheet(name: string): Promise<Worksheet> {
    const ws = (await load(await this.current.save())).getWorksheet(name);
    if (!ws) throw new Error(`no sheet ${name}`);
    return ws;
  }

  async remember(): Promise<() => Promise<void>> {
    // The workbook is the self-test's own: what it was is its bytes.
    const bytes = await this.current.save();
    return async () => {
      this.current = await PackageWorkbook.open(bytes, this.lang);
    };
  }

  addSheet(
    name: string,
    rows: readonly (readonly ScratchCell[])[],
    merges: readonly string[] = [],
  ): Promise<void> {
    return this.edit((wb) => {
      const ws = wb.addWorksheet(name);
      rows.forEach((row, r) =>
        row.forEach((cell, c) => {
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
      for (const m of merges) ws.mergeCells(m);
    });
  }

  removeSheets(names: readonly string[]): Promise<void> {
    return this.edit((wb) => {
      for (const name of names) {
        const ws = wb.getWorksheet(name);
        if (ws) wb.removeWorksheet(ws.id);
      }
    });
  }

  insertRow(sheet: string, row: number): Promise<void> {
    // Cell by cell, each with a style of its own: ExcelJS's insertRow/spliceRows move shared
    // style objects along with rows unreliably, which would test ExcelJS rather than the adapter.
    return this.edit((wb) => {
      const ws = wb.getWorksheet(sheet);
      if (!ws) return;
      const width = ws.columnCount;
      for (let r = ws.rowCount; r >= row; r--) {
        for (let c = 1; c <= width; c++) {
          const from = ws.getCell(r, c);
          const to = ws.getCell(r + 1, c);
          to.value = from.value;
          to.style = JSON.parse(JSON.stringify(from.style ?? {})) as typeof from.style;
        }
      }
      for (let c = 1; c <= width; c++) {
        const cell = ws.getCell(row, c);
        cell.value = null;
        cell.style = {};
      }
    });
  }

  async columnFills(
    sheet: string,
    col: string,
    first: number,
    last: number,
  ): Promise<(string | null)[]> {
    const ws = await this.sheet(sheet);
    return Array.from({ length: last - first + 1 }, (_, i) => fillOf(ws, first + i, col));
  }

  async verticalFitToPages(sheet: string): Promise<number | null> {
    return (await this.sheet(sheet)).pageSetup.fitToHeight ?? null;
  }
}
