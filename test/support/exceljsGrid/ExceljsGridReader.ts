import type { Workbook } from 'exceljs';
import type JSZip from 'jszip';
import { findSheet } from '../../../src/adapters/xlsx/findSheet';
import { loadXlsx } from '../../../src/adapters/xlsx/loadXlsx';
import { xlsxError } from '../../../src/adapters/xlsx/portMessages';
import { columnLetters, type SheetGrid } from '../../../src/core/grid';
import type { Lang } from '../../../src/core/issue';
import { STATE_SHEET } from '../../../src/core/ownSheets';
import type { SheetInfo } from '../../../src/port/WorkbookPort';
import { PortError } from '../../../src/port/WorkbookPort';
import { readGrid } from './readGrid';
import { sheetXmlPath } from './sheetXmlPath';
import { findTextResults } from './textResults';

/**
 * A second, independent reader of .xlsx files: ExcelJS's model of the workbook turned into the
 * grids the package reader gives (test/adapters/xlsxPackage/readerParity.test.ts compares the two
 * on every fixture). It was the first .xlsx adapter's reader; only tests use it now.
 */
export class ExceljsGridReader {
  private constructor(
    private readonly workbook: Workbook,
    private readonly zip: JSZip,
    private readonly lang: Lang,
  ) {}

  /** Opens .xlsx bytes; throws PortError 'not_xlsx' or 'unreadable_file', as the adapters do. */
  static async open(data: Uint8Array | ArrayBuffer, lang: Lang = 'zh'): Promise<ExceljsGridReader> {
    const { workbook, zip } = await loadXlsx(data, lang);
    return new ExceljsGridReader(workbook, zip, lang);
  }

  listSheets(): SheetInfo[] {
    return this.workbook.worksheets
      .filter((ws) => ws.name !== STATE_SHEET)
      .map((ws) => ({ name: ws.name, visible: ws.state === 'visible' || ws.state === undefined }));
  }

  async readSheet(name: string): Promise<SheetGrid> {
    let read;
    try {
      const date1904 = this.workbook.properties.date1904 === true;
      read = readGrid(findSheet(this.workbook, name, this.lang), date1904);
    } catch (e) {
      if (e instanceof PortError) throw e;
      const detail = e instanceof Error ? e.message : String(e);
      throw xlsxError('unknown', this.lang, 'unexpected', '', detail);
    }
    if (read.noResult.length === 0) return read.grid;
    // Puts back the text results ExcelJS drops or turns into dates (see textResults.ts).
    const path = await sheetXmlPath(this.zip, name);
    const xml = path === null ? undefined : await this.zip.file(path)?.async('string');
    if (xml === undefined) return read.grid;
    const texts = findTextResults(xml);
    for (const { row, col } of read.noResult) {
      const cells = read.values[row];
      const text = texts.get(columnLetters(col + 1) + String(row + 1));
      if (cells && text !== undefined) cells[col] = text;
    }
    return read.grid;
  }
}
