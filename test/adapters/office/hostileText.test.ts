import { MINIMUM_CAPABILITIES } from '../../../src/adapters/office/capabilities';
import { OfficeWorkbook } from '../../../src/adapters/office/OfficeWorkbook';
import { SETTING_KEYS } from '../../../src/adapters/office/settings';
import { analyzeWorkbook } from '../../../src/core/analyzeWorkbook';
import { buildBulletin } from '../../../src/core/bulletin/buildBulletin';
import type { BulletinBook } from '../../../src/core/bulletinBook';
import { columnLetters } from '../../../src/core/grid';
import { parseIsoDay, type DayNumber } from '../../../src/core/dates';
import type { RuleInput } from '../../../src/core/rules';
import { RecordingExcel, type FakeSheet } from '../../fakes/recordingExcel';
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
  laggingStrings,
  rulesOf,
} from '../../support/hostileText';

/**
 * The Office adapter writes every user's text as text, in the recording Excel fake: there a
 * string starting with = + - @ written to a cell not formatted "@" becomes a formula, and numeric
 * text becomes a number, as in Excel. So each such cell must be formatted "@" before its value
 * lands (or the value must be one Excel keeps as text anyway), and must read back as the string.
 */

const asOf = parseIsoDay(AS_OF) as DayNumber;

function port(excel: RecordingExcel): OfficeWorkbook {
  return new OfficeWorkbook({ run: excel.run, capabilities: MINIMUM_CAPABILITIES });
}

interface Painted {
  readonly excel: RecordingExcel;
  readonly sheet: FakeSheet;
  readonly bulletin: BulletinBook;
}

/** The hostile table in the fake, read, painted and given its bulletin under the given rules. */
async function paintAndBulletin(rules: RuleInput): Promise<Painted> {
  const excel = new RecordingExcel();
  // As the user typed them: the fake's setValues stores text as text.
  const sheet = excel.addSheet(HOSTILE_SHEET, hostileRows());
  const wb = port(excel);
  const ruleSet = rulesOf(rules);
  const analysis = analyzeWorkbook([await wb.readSheet(HOSTILE_SHEET)], {
    asOf,
    rules: ruleSet,
    lang: 'zh',
  });
  expect(analysis.sheets).toHaveLength(1);
  for (const s of analysis.sheets) await wb.applyPaint(s.paint);
  const bulletin = buildBulletin(analysis.sheets, asOf, { lang: 'zh', rules: ruleSet });
  await wb.writeBulletin(bulletin);
  return { excel, sheet, bulletin };
}

function statusCells(labels: Readonly<Record<string, string>>, header: string): [string, string][] {
  return [
    [`${STATUS_COLUMN}2`, header],
    ...HOSTILE_ROWS.map((r, i): [string, string] => [
      `${STATUS_COLUMN}${FIRST_DATA_ROW + i}`,
      labels[r.status] as string,
    ]),
  ];
}

/** Each cell holds its text as a string value, with no formula. */
function expectText(sheet: FakeSheet, cells: readonly [string, string][]): void {
  expect(cells.map(([a]) => [a, sheet.value(a), sheet.formula(a) ?? null])).toEqual(
    cells.map(([a, text]) => [a, text, null]),
  );
}

describe('text from users written by the Office adapter', () => {
  it('writes status labels "=1+1", "+SUM(A1)", "-2", "@x" and a formula-like status header as text, the cells formatted "@"', async () => {
    const { sheet } = await paintAndBulletin(FORMULA_RULES);
    const cells = statusCells(FORMULA_LABELS, FORMULA_HEADER);
    expectText(sheet, cells);
    expect(cells.map(([a]) => sheet.numberFormat(a))).toEqual(cells.map(() => '@'));
  });

  it('writes status labels and a header that look like numbers ("1", "3.50", "0012", "1e3", "2023") as text, not as numbers', async () => {
    const { sheet } = await paintAndBulletin(NUMBER_RULES);
    expectText(sheet, statusCells(NUMBER_LABELS, NUMBER_HEADER));
  });

  it('leaves the user’s own cells starting with = + - @ as the text they were', async () => {
    const { sheet } = await paintAndBulletin(FORMULA_RULES);
    const cells = HOSTILE_ROWS.flatMap((r, i) =>
      r.cells.flatMap((v, c): [string, string][] =>
        typeof v === 'string' ? [[`${columnLetters(c + 1)}${FIRST_DATA_ROW + i}`, v]] : [],
      ),
    );
    expect(cells.length).toBeGreaterThan(20);
    expectText(sheet, cells);
  });

  it('writes every string of the bulletin (names, units, problems and labels starting with = + - @) as text formatted "@", on both bulletin sheets', async () => {
    const { excel, bulletin } = await paintAndBulletin(FORMULA_RULES);
    const allText: string[] = [];
    for (const b of bulletin.sheets) {
      const sheet = excel.sheet(b.name);
      const cells = b.cells.flatMap((c): [string, string][] =>
        typeof c.value === 'string' ? [[`${columnLetters(c.col + 1)}${c.row + 1}`, c.value]] : [],
      );
      allText.push(...cells.map(([, t]) => t));
      expectText(sheet, cells);
      expect(cells.map(([a]) => sheet.numberFormat(a))).toEqual(cells.map(() => '@'));
      // No formula anywhere on a bulletin sheet.
      expect(sheet.formulas.size).toBe(0);
    }
    for (const s of [...laggingStrings(), ...Object.values(FORMULA_LABELS)]) {
      expect(allText).toContain(s);
    }
  });

  it('stores formula-like labels and header in the workbook settings unchanged, and loads them back the same', async () => {
    const { excel } = await paintAndBulletin(FORMULA_RULES);
    const wb = port(excel);
    await wb.saveSettings({ rules: FORMULA_RULES, lastAsOf: AS_OF });
    expect(excel.settings.get(SETTING_KEYS.rules)).toEqual(FORMULA_RULES);
    expect(await wb.loadSettings()).toEqual({ rules: FORMULA_RULES, lastAsOf: AS_OF });
  });
});
