import { builtInFormat } from './numberFormats';
import { attrLocal, walkXml } from './xml';

/** What the reader needs of styles.xml: each cell format's number format code and fill. */
export interface CellFormats {
  /** By cell format index (a cell's s=): the number format code, undefined for General. */
  readonly numFmt: readonly (string | undefined)[];
  /** By cell format index: the fill index (fillId), for the paint record's saved fills. */
  readonly fillId: readonly number[];
}

export const NO_STYLES: CellFormats = { numFmt: [], fillId: [] };

/** Reads <numFmts> and <cellXfs> of a stylesheet; other parts of it are not the reader's concern. */
export function readCellFormats(xml: string): CellFormats {
  const codes = new Map<number, string>();
  const numFmt: (string | undefined)[] = [];
  const fillId: number[] = [];
  let inCellXfs = false;
  walkXml(xml, {
    open(tag) {
      if (tag.local === 'numFmt') {
        const id = Number(attrLocal(tag, 'numFmtId'));
        // Escaped characters ("yyyy\\-mm", as LibreOffice writes them) read as the characters
        // themselves, as the engine expects them and as the ExcelJS reader gives them.
        const code = attrLocal(tag, 'formatCode')?.replace(/\\(.)/g, '$1');
        if (Number.isInteger(id) && code !== undefined) codes.set(id, code);
      } else if (tag.local === 'cellXfs') {
        inCellXfs = true;
      } else if (tag.local === 'xf' && inCellXfs) {
        const id = Number(attrLocal(tag, 'numFmtId') ?? '0');
        // numFmtId 0 is General: no format, as a cell without a style.
        const code =
          id === 0 || !Number.isInteger(id) ? undefined : (codes.get(id) ?? builtInFormat(id));
        numFmt.push(code === 'General' ? undefined : code);
        fillId.push(Number(attrLocal(tag, 'fillId') ?? '0') || 0);
      }
    },
    close(local) {
      if (local === 'cellXfs') inCellXfs = false;
    },
  });
  return { numFmt, fillId };
}
