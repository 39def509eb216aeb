import { Workbook } from 'exceljs';
import type { CellValue, SheetGrid } from '../../src/core/grid';
import { STATE_SHEET } from '../../src/core/ownSheets';
import { PRESET_IDS, type RuleSet } from '../../src/core/rules';
import type { FakeSheet } from '../fakes/recordingExcel';
import type { PlanTable } from './genPlanTable';

/**
 * What the add-in keeps inside a workbook about itself (the very hidden `_tricolor` sheet, and in
 * Excel the workbook settings) may hold rules, column letters, dates, colours and fill records,
 * never what users typed into their cells or the names of people. These helpers collect both
 * sides as strings, for test/{adapters/xlsx,adapters/office,cli}/privacy.test.ts.
 */

/** Every string in a JSON value: string values and object keys, at any depth. */
export function stringsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsIn(v, out);
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      stringsIn(v, out);
    }
  }
  return out;
}

/** A record's text: its JSON's strings when it is JSON, else the text itself. */
function recordStrings(text: string): string[] {
  // A paint record is a phase letter (see sheetPaint.ts) and then its JSON.
  const json = /^[PRDCX]\{/.test(text) ? text.slice(1) : text;
  try {
    return stringsIn(JSON.parse(json) as unknown);
  } catch {
    return [text];
  }
}

/**
 * The strings of a state sheet laid out as both adapters lay it out: row 1 a note and a version;
 * each later row a key in column A and JSON split over the next columns.
 */
export function stateRowsStrings(rows: readonly (readonly unknown[])[]): string[] {
  const out: string[] = [];
  rows.forEach((row, i) => {
    const texts = row.map((v) =>
      typeof v === 'string' ? v : v === null || v === undefined ? '' : JSON.stringify(v),
    );
    if (i === 0) {
      out.push(...texts.filter((t) => t !== ''));
      return;
    }
    const [key = '', ...parts] = texts;
    if (key !== '') out.push(key);
    const json = parts.join('');
    if (json !== '') out.push(...recordStrings(json));
  });
  return out;
}

/** The strings the xlsx adapter stored in a saved workbook's `_tricolor` sheet (none if absent). */
export async function xlsxStateStrings(bytes: Uint8Array): Promise<string[]> {
  const wb = new Workbook();
  await wb.xlsx.load(bytes as unknown as Parameters<Workbook['xlsx']['load']>[0]);
  const ws = wb.worksheets.find((w) => w.name === STATE_SHEET);
  if (!ws) return [];
  expect(ws.state).toBe('veryHidden');
  const rows: unknown[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: unknown[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(row.getCell(c).value);
    rows.push(cells);
  }
  return stateRowsStrings(rows);
}

/** The strings on the fake's `_tricolor` sheet, row by row as Excel would return them. */
export function fakeStateStrings(sheet: FakeSheet): string[] {
  const used = sheet.usedRect(true);
  if (!used) return [];
  const rows: unknown[][] = [];
  for (let r = 1; r <= used.bottom; r++) {
    const cells: unknown[] = [];
    for (let c = 1; c <= used.right; c++) {
      const letters = columnName(c);
      cells.push(sheet.value(`${letters}${r}`) ?? sheet.formula(`${letters}${r}`) ?? null);
    }
    rows.push(cells);
  }
  return stateRowsStrings(rows);
}

function columnName(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26))
    s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/**
 * The text users typed into the cells of their sheets, less what the stored state may hold by
 * right and could equal by chance: the rules' own words (a done mark "已完成" is also a label),
 * dates written as text, cell addresses ("Q4" is a deadline and a cell), and single characters,
 * which say nothing alone and turn up inside any word.
 */
export function userStrings(grids: readonly SheetGrid[], rules: RuleSet): string[] {
  const ruleWords = new Set<string>([
    ...Object.values(rules.labels),
    rules.statusHeader,
    rules.preset,
    rules.palette,
    ...PRESET_IDS,
  ]);
  const out = new Set<string>();
  for (const g of grids) {
    for (const row of g.values) {
      for (const v of row) {
        if (typeof v !== 'string') continue;
        const t = v.trim();
        if ([...t].length < 2 || ruleWords.has(t)) continue;
        if (/^\d{4}-\d{2}-\d{2}/.test(t) || /^[A-Z]{1,3}\d+$/i.test(t)) continue;
        out.add(t);
      }
    }
  }
  return [...out];
}

/** The user strings found inside any stored string, each with where it was found. */
export function leaks(user: readonly string[], stored: readonly string[]): string[] {
  const found: string[] = [];
  for (const u of user) {
    const hit = stored.find((s) => s.includes(u));
    if (hit !== undefined)
      found.push(`${JSON.stringify(u)} in ${JSON.stringify(hit.slice(0, 120))}`);
  }
  return found;
}

export const PEOPLE = ['陈静', '王芳', '李明', '杨帆', '刘洋', '张建国'] as const;
const PROBLEMS = ['资金缺口较大', '环评审批未完成', '用地指标未落实', '陈静协调中'] as const;

/**
 * A generated table with two more columns a user would keep: 分管领导 (people's names) and 存在问题
 * (problems), headed in the header's top row, filled on every data row.
 */
export function withPeople(t: PlanTable): SheetGrid {
  const g = t.grid;
  const width = g.values.reduce((m, r) => Math.max(m, r.length), 0);
  const leader = width;
  const problem = width + 1;
  const values: CellValue[][] = g.values.map((r) => {
    const row = [...r];
    while (row.length < width + 2) row.push(null);
    return row;
  });
  (values[t.headerTop] as CellValue[])[leader] = '分管领导';
  (values[t.headerTop] as CellValue[])[problem] = '存在问题';
  t.dataRows.forEach((r, i) => {
    (values[r] as CellValue[])[leader] = PEOPLE[i % PEOPLE.length] as string;
    (values[r] as CellValue[])[problem] = PROBLEMS[i % PROBLEMS.length] as string;
  });
  return { ...g, values };
}
