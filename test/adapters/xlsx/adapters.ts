import { XlsxWorkbook } from '../../../src/adapters/xlsx/XlsxWorkbook';
import { PackageWorkbook } from '../../../src/adapters/xlsxPackage/PackageWorkbook';
import type { Lang } from '../../../src/core/issue';
import type { WorkbookPort } from '../../../src/port/WorkbookPort';

/** What the file-mode tests need of an adapter: a port that opens bytes and saves them. */
export interface FilePort extends WorkbookPort {
  paintedSheets(): Promise<string[]>;
  unsupportedParts(): string[];
  save(): Promise<Uint8Array>;
}

export type OpenFile = (data: Uint8Array | ArrayBuffer, lang?: Lang) => Promise<FilePort>;

/**
 * The two adapters of .xlsx files, for tests that hold for both: ExcelJS rebuilding the workbook,
 * and the package adapter patching it. describe.each over this runs one suite against each.
 */
export const FILE_ADAPTERS: readonly (readonly [string, OpenFile])[] = [
  ['ExcelJS adapter', (d, lang) => XlsxWorkbook.open(d, lang)],
  ['package adapter', (d, lang) => PackageWorkbook.open(d, lang)],
];
