import { Workbook } from 'exceljs';

/**
 * A CSV plan table (as web platforms and Chinese Excel export it) turned into .xlsx bytes, so it is
 * read, painted and written like any workbook. The text is UTF-8 when it has a byte-order mark or
 * decodes cleanly as UTF-8, else GBK (what Excel saves as "CSV (逗号分隔)" on Chinese Windows).
 */
export async function csvToXlsx(bytes: Uint8Array, sheetName: string): Promise<Uint8Array> {
  const rows = parseCsv(decodeCsv(bytes));
  const workbook = new Workbook();
  const ws = workbook.addWorksheet(safeSheetName(sheetName));
  rows.forEach((cells, r) => {
    cells.forEach((text, c) => {
      const value = cellValue(text);
      if (value !== null) ws.getCell(r + 1, c + 1).value = value;
    });
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** UTF-8 (with or without BOM) when it decodes cleanly, else GBK. */
export function decodeCsv(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gbk').decode(bytes);
  }
}

/** RFC 4180 fields: commas, double quotes around fields holding commas, quotes or line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (quoted) {
      if (ch === '"' && text.charAt(i + 1) === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text.charAt(i + 1) === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

// Plain numbers become numbers, as Excel opens them; "2023.10" (a month, not 2023.1) and numbers
// with leading zeros stay text, so nothing typed is changed by the conversion.
const PLAIN_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;
const YEAR_DOT_MONTH = /^\d{4}\.\d{1,2}$/;

function cellValue(text: string): string | number | null {
  if (text.trim() === '') return null;
  if (PLAIN_NUMBER.test(text) && !YEAR_DOT_MONTH.test(text) && text.length <= 15)
    return Number(text);
  return text;
}

/** A sheet name Excel accepts: no []:*?/\, at most 31 characters, not blank. */
function safeSheetName(name: string): string {
  const cleaned = name
    .replace(/[[\]:*?/\\]/g, '_')
    .slice(0, 31)
    .trim();
  return cleaned === '' ? 'Sheet1' : cleaned;
}
