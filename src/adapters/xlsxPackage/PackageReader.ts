import type { SheetGrid } from '../../core/grid';
import type { Lang } from '../../core/issue';
import { STATE_SHEET } from '../../core/ownSheets';
import { PortError, type Progress, type SheetInfo } from '../../port/WorkbookPort';
import { failureMessage } from '../xlsx/portMessages';
import type { DeflateCodec } from './deflateCodec';
import { openPackage, type OpenedPackage, type SheetEntry } from './openPackage';
import { readSheetXml, sheetReader, type SheetRead } from './readSheetXml';
import { readSharedStrings } from './sharedStrings';
import { SheetLayout } from './sheetLayout';
import { NO_STYLES, readCellFormats, type CellFormats } from './styles';
import { bothHandlers, walkXml } from './xml';

const REL_STYLES = '/styles';
const REL_SHARED_STRINGS = '/sharedStrings';
/**
 * Characters of sheet text kept after reading, for the patch of a sheet to be painted: inflating
 * and decoding a 24 MB part again costs 150 ms, and the text is held while painting anyway. Past
 * this, a workbook of many large sheets does not keep them all.
 */
const KEEP_TEXT = 1 << 25;

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
  private readonly layouts = new Map<string, SheetLayout>();
  /** Sheets' text kept from reading for patching them, up to KEEP_TEXT characters in all. */
  private readonly texts = new Map<string, string>();
  private textChars = 0;

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
      if (after === undefined || after.path !== before?.path) this.forget(name);
    }
    this.current = sheets;
  }

  /** Drops what was read and kept of a sheet. */
  private forget(name: string): void {
    this.read.delete(name);
    this.layouts.delete(name);
    const text = this.texts.get(name);
    if (text !== undefined) this.textChars -= text.length;
    this.texts.delete(name);
  }

  /** Opens bytes; throws PortError 'not_xlsx' or 'unreadable_file' with a sentence in `lang`. */
  static open(
    data: Uint8Array | ArrayBuffer,
    lang: Lang = 'zh',
    codec?: DeflateCodec,
  ): Promise<PackageReader> {
    // A promise, as a port's open is: what openPackage throws becomes its rejection.
    return new Promise((resolve) =>
      resolve(new PackageReader(openPackage(data, lang, codec), lang)),
    );
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
  private parsePart<T>(path: string | undefined, parse: (xml: string) => T, none: T): T {
    if (path === undefined) return none;
    let xml: string | undefined;
    try {
      xml = this.pkg.zip.text(path);
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

  cellFormats(): CellFormats {
    this.formats ??= this.parsePart(this.workbookPart(REL_STYLES), readCellFormats, NO_STYLES);
    return this.formats;
  }

  sharedStrings(): readonly string[] {
    this.strings ??= this.parsePart(this.workbookPart(REL_SHARED_STRINGS), readSharedStrings, []);
    return this.strings;
  }

  /**
   * Reads every sheet now, so a damaged sheet is found when the file is opened, as the user
   * expects of "open", and not halfway through a run. The command line reads them all anyway.
   */
  readAll(): void {
    for (const s of this.current) this.readSheetPart(s.name);
  }

  /** A sheet's grid from XML other than its part's (the part as patched), with these formats. */
  readXml(name: string, xml: string, formats: CellFormats): SheetGrid {
    return readSheetXml(name, xml, this.sharedStrings(), formats, this.date1904).grid;
  }

  /** The sheet's grid and whether it is protected. */
  readSheetPart(name: string, onProgress?: Progress): SheetRead {
    const known = this.read.get(name);
    if (known) {
      onProgress?.(known.grid.values.length, known.grid.values.length);
      return known;
    }
    const result = this.readSheetPartNow(name, onProgress);
    this.read.set(name, result);
    return result;
  }

  /**
   * Where rows, cells and merges are in the sheet's part, collected when it was read: patching
   * the sheet needs them, and parsing a 50,000-row part again for them would double the reading.
   */
  layoutOf(name: string): SheetLayout | undefined {
    return this.layouts.get(name);
  }

  /**
   * The sheet part's text as it was read, handed over once (to the patch that will hold it), or
   * undefined when it was not kept: then it is read from the package again.
   */
  takeText(name: string): string | undefined {
    const text = this.texts.get(name);
    this.texts.delete(name);
    return text;
  }

  private readSheetPartNow(name: string, onProgress?: Progress): SheetRead {
    const entry = this.entry(name);
    const strings = this.sharedStrings();
    const formats = this.cellFormats();
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
      (xml) => {
        const reader = sheetReader(name, strings, formats, this.date1904, onProgress);
        const layout = new SheetLayout(xml);
        walkXml(xml, bothHandlers(reader.handlers, layout));
        this.layouts.set(name, layout.done());
        if (this.textChars + xml.length <= KEEP_TEXT) {
          this.texts.set(name, xml);
          this.textChars += xml.length;
        }
        return reader.finish();
      },
      empty,
    );
  }

  readSheet(name: string, onProgress?: Progress): Promise<SheetGrid> {
    return new Promise((resolve) => resolve(this.readSheetPart(name, onProgress).grid));
  }
}
