import { ValueType, Workbook } from 'exceljs';
import { PackageWorkbook } from '../../../src/adapters/xlsxPackage/PackageWorkbook';
import { analyzeWorkbook } from '../../../src/core/analyzeWorkbook';
import { buildBulletin } from '../../../src/core/bulletin/buildBulletin';
import type { BulletinBook } from '../../../src/core/bulletinBook';
import { parseIsoDay, type DayNumber } from '../../../src/core/dates';
import type { RuleInput } from '../../../src/core/rules';
import {
  AS_OF,
  FIRST_DATA_ROW,
  FORMULA_HEADER,
  FORMULA_LABELS,
  FORMULA_RULES,
  HOSTILE_ROWS,
  HOSTILE_SHEET,
  NUMBER_HEADER,
  NUMBER_LABELS,
  NUMBER_RULES,
  STATUS_COLUMN,
  hostileRows,
  hostileStrings,
  isTextCell,
  laggingStrings,
  rulesOf,
  xmlCells,
} from '../../support/hostileText';
import { bytesOf, reread, snapshot } from '../../support/xlsxTestKit';

/**
 * The xlsx adapter (the command line's output and the task pane's download in file mode) writes
 * every user's text as text: status labels and header from the rules, and the bulletin's names,
 * units and problems, however they start. Checked twice: read back with ExcelJS (a string value,
 * no formula) and in the sheet's own XML (a shared or inline string, no <f> element).
 */

const asOf = parseIsoDay(AS_OF) as DayNumber;

async function hostileWorkbook(): Promise<Uint8Array> {
  const wb = new Workbook();
  const ws = wb.addWorksheet(HOSTILE_SHEET);
  // ExcelJS writes a string as a string, so the input holds these as the text a user typed.
  for (const row of hostileRows()) ws.addRow(row);
  return bytesOf(wb);
}

interface Painted {
  readonly input: Uint8Array;
  readonly bytes: Uint8Array;
  readonly bulletin: BulletinBook;
}

/** Opens the hostile table, paints it and adds the bulletin under the given rules, then saves. */
async function paintAndBulletin(rules: RuleInput): Promise<Painted> {
  const input = await hostileWorkbook();
  const book = await PackageWorkbook.open(input);
  const ruleSet = rulesOf(rules);
  const analysis = analyzeWorkbook([await book.readSheet(HOSTILE_SHEET)], {
    asOf,
    rules: ruleSet,
    lang: 'zh',
  });
  expect(analysis.sheets).toHaveLength(1);
  for (const s of analysis.sheets) await book.applyPaint(s.paint);
  const bulletin = buildBulletin(analysis.sheets, asOf, { lang: 'zh', rules: ruleSet });
  await book.writeBulletin(bulletin);
  return { input, bytes: await book.save(), bulletin };
}

/** Every address of the status column: the header (row 2), then one label per data row. */
function statusCells(labels: Readonly<Record<string, string>>, header: string): [string, string][] {
  return [
    [`${STATUS_COLUMN}2`, header],
    ...HOSTILE_ROWS.map((r, i): [string, string] => [
      `${STATUS_COLUMN}${FIRST_DATA_ROW + i}`,
      labels[r.status] as string,
    ]),
  ];
}

async function expectTextInExcelJs(
  bytes: Uint8Array,
  sheet: string,
  cells: readonly [string, string][],
): Promise<void> {
  const ws = (await reread(bytes)).getWorksheet(sheet);
  expect(ws).toBeDefined();
  const got = cells.map(([a]) => {
    const c = ws!.getCell(a);
    return [a, c.value, c.type === ValueType.String, c.formula ?? null];
  });
  expect(got).toEqual(cells.map(([a, text]) => [a, text, true, null]));
}

async function expectTextInXml(
  bytes: Uint8Array,
  sheet: string,
  cells: readonly [string, string][],
): Promise<void> {
  const xml = await xmlCells(bytes, sheet);
  const wrong = cells.filter(([a, text]) => !isTextCell(xml.get(a), text));
  expect(wrong.map(([a, text]) => ({ a, want: text, got: xml.get(a) }))).toEqual([]);
  // And no formula anywhere on the sheet: the input has none, so none may appear.
  expect([...xml].filter(([, c]) => c.formula).map(([a]) => a)).toEqual([]);
}

describe('text from users in the xlsx adapter’s output', () => {
  it('writes status labels "=1+1", "+SUM(A1)", "-2", "@x" and a formula-like status header as text, never as a formula or a number', async () => {
    const { bytes } = await paintAndBulletin(FORMULA_RULES);
    const cells = statusCells(FORMULA_LABELS, FORMULA_HEADER);
    await expectTextInExcelJs(bytes, HOSTILE_SHEET, cells);
    await expectTextInXml(bytes, HOSTILE_SHEET, cells);
  });

  it('writes status labels and a header that look like numbers ("1", "3.50", "0012", "1e3", "2023") as text', async () => {
    const { bytes } = await paintAndBulletin(NUMBER_RULES);
    const cells = statusCells(NUMBER_LABELS, NUMBER_HEADER);
    await expectTextInExcelJs(bytes, HOSTILE_SHEET, cells);
    await expectTextInXml(bytes, HOSTILE_SHEET, cells);
  });

  it('keeps the user’s own cells starting with = + - @ as the text they were', async () => {
    const { input, bytes } = await paintAndBulletin(FORMULA_RULES);
    const cells = HOSTILE_ROWS.flatMap((r, i) =>
      r.cells.flatMap((v, c): [string, string][] =>
        typeof v === 'string' ? [[`${String.fromCharCode(65 + c)}${FIRST_DATA_ROW + i}`, v]] : [],
      ),
    );
    expect(cells.length).toBeGreaterThan(20);
    await expectTextInXml(input, HOSTILE_SHEET, cells);
    await expectTextInExcelJs(bytes, HOSTILE_SHEET, cells);
    await expectTextInXml(bytes, HOSTILE_SHEET, cells);
  });

  it('writes every string of the bulletin (names, units, problems and labels starting with = + - @) as text on both bulletin sheets', async () => {
    const { bytes, bulletin } = await paintAndBulletin(FORMULA_RULES);
    const allText: string[] = [];
    for (const sheet of bulletin.sheets) {
      const cells = sheet.cells.flatMap((c): [string, string][] =>
        typeof c.value === 'string'
          ? [[`${String.fromCharCode(65 + c.col)}${c.row + 1}`, c.value]]
          : [],
      );
      allText.push(...cells.map(([, t]) => t));
      await expectTextInExcelJs(bytes, sheet.name, cells);
      await expectTextInXml(bytes, sheet.name, cells);
    }
    // The bulletin did carry the hostile text: every lagging row's name, unit and problem, and
    // each label.
    for (const s of [...laggingStrings(), ...Object.values(FORMULA_LABELS)]) {
      expect(allText).toContain(s);
    }
    expect(hostileStrings().filter((s) => allText.includes(s)).length).toBeGreaterThan(10);
  });

  it('finds its own status column again after saving, so a second run and clearing give back the user’s sheet', async () => {
    const { input, bytes } = await paintAndBulletin(FORMULA_RULES);
    const ruleSet = rulesOf(FORMULA_RULES);
    const again = await PackageWorkbook.open(bytes);
    const analysis = analyzeWorkbook([await again.readSheet(HOSTILE_SHEET)], {
      asOf,
      rules: ruleSet,
      lang: 'zh',
    });
    // The labels read back are our own column, not a table column or a conflict.
    expect(analysis.sheets[0]?.paint.statusColumn).toBe(7);
    await again.applyPaint(analysis.sheets[0]!.paint);
    const repainted = await PackageWorkbook.open(await again.save());
    expect((await repainted.clearPaint(HOSTILE_SHEET)).statusColumnRemoved).toBe(true);
    const cleared = snapshot(await reread(await repainted.save())).find(
      (s) => s.name === HOSTILE_SHEET,
    );
    const original = snapshot(await reread(input)).find((s) => s.name === HOSTILE_SHEET);
    expect(cleared).toEqual(original);
  });

  it('gives back the user’s fill when clearing a saved sheet whose status label held a control character (U+0007)', async () => {
    // A label pasted with a stray control character: XML cannot hold it, and ExcelJS drops it
    // on save. The adapter must still know its column afterwards, or clearing loses the user's fill.
    const wb = new Workbook();
    const ws = wb.addWorksheet(HOSTILE_SHEET);
    ws.addRow(['2023年度重点项目推进计划表']);
    ws.addRow(['序号', '项目名称', '计划节点']);
    ws.addRow([1, '甲项目', '3月底']);
    ws.addRow([2, '乙项目', '12月底']);
    ws.getCell('B3').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
    const input = await bytesOf(wb);

    const book = await PackageWorkbook.open(input);
    const analysis = analyzeWorkbook([await book.readSheet(HOSTILE_SHEET)], {
      asOf,
      rules: rulesOf({}),
      lang: 'zh',
    });
    const paint = analysis.sheets[0]!.paint;
    await book.applyPaint({
      ...paint,
      labels: paint.labels.map((l) => (l === '' ? l : `${l}\u0007`)),
    });
    const reopened = await PackageWorkbook.open(await book.save());
    expect((await reopened.clearPaint(HOSTILE_SHEET)).statusColumnRemoved).toBe(true);
    const cleared = snapshot(await reread(await reopened.save())).find(
      (s) => s.name === HOSTILE_SHEET,
    );
    const original = snapshot(await reread(input)).find((s) => s.name === HOSTILE_SHEET);
    expect(cleared).toEqual(original);
  });
});
