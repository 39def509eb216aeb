import type { SheetGrid } from '../../core/grid';
import type { Lang } from '../../core/issue';
import { STATE_SHEET } from '../../core/ownSheets';
import { PortError, type Progress, type SheetInfo } from '../../port/WorkbookPort';
import { failureMessage } from '../xlsx/portMessages';
import { openPackage, partText, type OpenedPackage, type SheetEntry } from './openPackage';
import { readSheetXml, type SheetRead } from './readSheetXml';
import { readSharedStrings } from './sharedStrings';
import { NO_STYLES, readCellFormats, type CellFormats } from './styles';

const REL_STYLES = '/styles';
const REL_SHARED_STRINGS = '/sharedStrings';

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Reads a .xlsx/.xlsm package for the engine without building a model of the whole workbook:
 * the sheet list at open, then strings, styles and one sheet's XML when a sheet is asked for.
 */
export class PackageReader {
  private strings: readonly string[] | undefined;
  private formats: CellFormats | undefined;
  private readonly read = new Map<string, SheetRead>();
  /** The sheets as the workbook lists them now: writing a bulletin adds and removes some. */
  private current: readonly SheetEntry[];

  private constructor(
    readonly pkg: OpenedPackage,
    private readonly lang: Lang,
  ) {
    this.current = pkg.sheets;
  }

  get sheets(): readonly SheetEntry[] {
    return this.current;
  }

  /** The sheet list after the package changed; what was read of a sheet now gone or moved is forgotten. */
  setSheets(sheets: readonly SheetEntry[]): void {
    for (const name of [...this.read.keys()]) {
      const before = this.current.find((s) => s.name === name);
      const after = sheets.find((s) => s.name === name);
      if (after === undefined || after.path !== before?.path) this.read.delete(name);
    }
    this.current = sheets;
  }

  /** Opens bytes; throws PortError 'not_xlsx' or 'unreadable_file' with a sentence in `lang`. */
  static async open(data: Uint8Array | ArrayBuffer, lang: Lang = 'zh'): Promise<PackageReader> {
    return new PackageReader(await openPackage(data, lang), lang);
  }

  get date1904(): boolean {
    return this.pkg.date1904;
  }

  listSheets(): SheetInfo[] {
    return this.current
      .filter((s) => s.name !== STATE_SHEET)
      .map((s) => ({ name: s.name, visible: s.state === 'visible' }));
  }

  private entry(name: string): SheetEntry {
    const s = this.current.find((e) => e.name === name);
    if (!s)
      throw new PortError('sheet_not_found', failureMessage(this.lang, 'sheet_not_found', name));
    return s;
  }

  /** The part a workbook relationship of this type points to (styles, shared strings). */
  private workbookPart(typeSuffix: string): string | undefined {
    return this.pkg.workbookRels.find((r) => !r.external && r.type.endsWith(typeSuffix))?.target;
  }

  /** Reads a part, calling XML that does not parse damage: it is, in a part the engine needs. */
  private async parsePart<T>(
    path: string | undefined,
    parse: (xml: string) => T,
    none: T,
  ): Promise<T> {
    if (path === undefined) return none;
    let xml: string | undefined;
    try {
      xml = await partText(this.pkg.zip, path);
    } catch (e) {
      throw new PortError('unreadable_file', failureMessage(this.lang, 'corrupt_zip'), describe(e));
    }
    if (xml === undefined) return none;
    try {
      return parse(xml);
    } catch (e) {
      throw new PortError(
        'unreadable_file',
        failureMessage(this.lang, 'corrupt_workbook'),
        `${path}: ${describe(e)}`,
      );
    }
  }

  async cellFormats(): Promise<CellFormats> {
    this.formats ??= await this.parsePart(
      this.workbookPart(REL_STYLES),
      readCellFormats,
      NO_STYLES,
    );
    return this.formats;
  }

  async sharedStrings(): Promise<readonly string[]> {
    this.strings ??= await this.parsePart(
      this.workbookPart(REL_SHARED_STRINGS),
      readSharedStrings,
      [],
    );
    return this.strings;
  }

  /**
   * Reads every sheet now, so a damaged sheet is found when the file is opened, as the user
   * expects of "open", and not halfway through a run. The command line reads them all anyway.
   */
  async readAll(): Promise<void> {
    for (const s of this.current) await this.readSheetPart(s.name);
  }

  /** A sheet's grid from XML other than its part's (the part as patched), with these formats. */
  async readXml(name: string, xml: string, formats: CellFormats): Promise<SheetGrid> {
    const strings = await this.sharedStrings();
    return readSheetXml(name, xml, strings, formats, this.date1904).grid;
  }

  /** The sheet's grid and whether it is protected. */
  async readSheetPart(name: string, onProgress?: Progress): Promise<SheetRead> {
    const known = this.read.get(name);
    if (known) {
      onProgress?.(known.grid.values.length, known.grid.values.length);
      return known;
    }
    const result = await this.readSheetPartNow(name, onProgress);
    this.read.set(name, result);
    return result;
  }

  private async readSheetPartNow(name: string, onProgress?: Progress): Promise<SheetRead> {
    const entry = this.entry(name);
    const strings = await this.sharedStrings();
    const formats = await this.cellFormats();
    const empty: SheetRead = {
      grid: {
        name,
        values: [],
        merges: [],
        hiddenRows: [],
        origin: { row: 1, col: 1 },
        date1904: this.date1904,
      },
      protected: false,
    };
    return this.parsePart(
      entry.path ?? undefined,
      (xml) => readSheetXml(name, xml, strings, formats, this.date1904, onProgress),
      empty,
    );
  }

  async readSheet(name: string, onProgress?: Progress): Promise<SheetGrid> {
    return (await this.readSheetPart(name, onProgress)).grid;
  }
}
