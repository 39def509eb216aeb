import { analyzeWorkbook } from '../../src/core/analyzeWorkbook';
import { buildBulletin } from '../../src/core/bulletin/buildBulletin';
import { parseIsoDay } from '../../src/core/dates';
import { excelRow } from '../../src/core/grid';
import { resolveRules } from '../../src/core/rules';
import { expectedStatuses, gridOfTable } from '../fixtures/realForms/gridOfTable';
import { REAL_TABLES, type RealTable } from '../fixtures/realForms/tables';

/**
 * Golden tables of issue 15: real-world forms of plan tables, each row's status and each issue
 * as domain.md decides them. The same tables are checked through the command line on .xlsx files
 * (test/cli/realForms.test.ts).
 */

function run(t: RealTable) {
  const rules = resolveRules({ preset: t.preset ?? 'node-lag' });
  const asOf = parseIsoDay(t.asOf);
  if (!rules.ok || asOf === null) throw new Error(`bad fixture ${t.file}`);
  const analysis = analyzeWorkbook([gridOfTable(t)], { asOf, rules: rules.value, lang: 'zh' });
  const sheet = analysis.sheets[0];
  if (sheet === undefined) throw new Error(`${t.file}: no table found`);
  const book = buildBulletin(analysis.sheets, asOf, { lang: 'zh', rules: rules.value });
  return { sheet, book };
}

describe.each(REAL_TABLES.map((t) => [t.file, t] as const))('the real-world table %s', (_, t) => {
  const { sheet, book } = run(t);

  it('gives every data row the status domain.md decides', () => {
    const got: Record<string, string> = {};
    sheet.rows.forEach((row, i) => {
      got[String(excelRow(sheet, row.row))] = sheet.statuses[i]?.status ?? '';
    });
    expect(got).toEqual(expectedStatuses(t));
  });

  it('raises exactly the issues the forms call for, at their cells', () => {
    const got = sheet.issues.map((i) => [i.code, i.cell]).sort();
    expect(got).toEqual([...t.issues].map((i) => [...i]).sort());
  });

  it('writes the draft text in the words of the table and the preset', () => {
    for (const words of t.text?.has ?? []) expect(book.text).toContain(words);
    for (const words of t.text?.hasNot ?? []) expect(book.text).not.toContain(words);
  });
});

describe('the bulletin sheets of the real-world tables', () => {
  const table = (file: string): RealTable => {
    const t = REAL_TABLES.find((x) => x.file === file);
    if (t === undefined) throw new Error(`no fixture ${file}`);
    return t;
  };
  const cellsOf = (book: ReturnType<typeof run>['book'], i: number) =>
    (book.sheets[i]?.cells ?? []).map((c) => c.value);

  it('lists deadlines stored as serials as the dates they are, never as numbers', () => {
    const { book } = run(table('serial-deadlines'));
    const list = cellsOf(book, 1);
    expect(list).toEqual(expect.arrayContaining(['2023-07-14', '2023-09-14']));
    expect(list).not.toEqual(expect.arrayContaining(['45121', '45183.9', 45121, 45183.9]));
  });

  it('titles the list of a due-soon bulletin as overdue and due soon, not 滞后', () => {
    const { book } = run(table('due-soon-words'));
    const [title] = cellsOf(book, 1);
    expect(title).toBe('截至2023年8月15日已逾期和即将到期重点任务清单');
    expect(cellsOf(book, 1)).toContain('逾期月数');
    expect(cellsOf(book, 1)).not.toContain('滞后月数');
  });

  it('names a meeting ledger’s items 议定事项 in the title and the list', () => {
    const { book } = run(table('serial-deadlines'));
    expect(cellsOf(book, 0)[0]).toBe('截至2023年11月30日议定事项推进情况');
    expect(cellsOf(book, 1)).toContain('议定事项');
  });

  it('prints the amount unit of a three-level header on the investment table', () => {
    const { book } = run(table('three-level-header'));
    expect(cellsOf(book, 0)).toEqual(
      expect.arrayContaining(['年度计划投资（万元）', '1-6月完成投资（万元）']),
    );
  });

  it('leaves the start section out of a table that does not say which projects started', () => {
    const { book } = run(table('no-actual-start'));
    expect(cellsOf(book, 0)).not.toContain('开工率');
  });
});
