import { analyzeWorkbook } from '../../src/core/analyzeWorkbook';
import { dayNumber, dayToSerial } from '../../src/core/dates';
import type { CellValue } from '../../src/core/grid';
import { defaultRules } from '../../src/core/rules';
import { gridOf } from '../support/gridOf';

function analyse(rows: CellValue[][], asOf = dayNumber(2023, 3, 15), formats = {}) {
  const grid = gridOf('表', rows, { formats });
  const sheet = analyzeWorkbook([grid], { asOf, rules: defaultRules(), lang: 'zh' }).sheets[0];
  if (sheet === undefined) throw new Error('no table');
  return sheet;
}

const header = ['序号', '工作任务', '完成时限'];

describe('the plan year of a sheet', () => {
  it('is the title’s year, with no issue', () => {
    const s = analyse([['2022年重点工作任务'], header, [1, '甲', '6月底']]);
    expect(s.planYear).toBe(2022);
    expect(s.issues.map((i) => i.code)).not.toContain('plan_year_assumed');
  });

  it.each([['填报日期：2022年12月20日'], ['截至2022年11月30日'], ['（截止2022年12月31日）']])(
    'is the year of the date line %s above the header',
    (line) => {
      const s = analyse([['重点工作任务'], [line], header, [1, '甲', '6月底']]);
      expect(s.planYear).toBe(2022);
    },
  );

  it.each<[string, CellValue[], Record<string, string>]>([
    ['text dates', ['2022-12-31', '2022年6月30日', '2023/3/1'], {}],
    [
      'date cells',
      [dayToSerial(dayNumber(2022, 6, 30)), dayToSerial(dayNumber(2022, 9, 30)), '6月底'],
      { C3: 'yyyy/m/d', C4: 'yyyy/m/d' },
    ],
    ['a tie, which goes to the earlier year', ['2022-12-31', '2023-01-31'], {}],
  ])(
    'is the most common year among the deadlines’ full dates (%s), and says so',
    (_, deadlines, formats) => {
      const rows: CellValue[][] = [
        ['重点任务'],
        header,
        ...deadlines.map((d, i) => [i + 1, `任务${i}`, d]),
      ];
      const s = analyse(rows, dayNumber(2023, 3, 15), formats);
      expect(s.planYear).toBe(2022);
      const issue = s.issues.find((i) => i.code === 'plan_year_assumed');
      expect(issue?.params.source).toBe('deadlines');
      expect(issue?.message).toContain('计划节点列中最常见的年份');
    },
  );

  it('is the report date’s year when no deadline names a year, and says so', () => {
    const s = analyse([['重点任务'], header, [1, '甲', '6月底'], [2, '乙', '年底']]);
    expect(s.planYear).toBe(2023);
    const issue = s.issues.find((i) => i.code === 'plan_year_assumed');
    expect(issue?.params.source).toBe('report_date');
  });
});

describe('a report date far past the plan year', () => {
  it.each([
    [dayNumber(2023, 1, 1), true],
    [dayNumber(2024, 6, 30), true],
    [dayNumber(2022, 12, 31), false],
    [dayNumber(2022, 6, 30), false],
  ])('warns at %p (plan year 2021): %p', (asOf, warned) => {
    const s = analyse([['2021年重点工作任务'], header, [1, '甲', '年底']], asOf);
    expect(s.issues.some((i) => i.code === 'as_of_far_past' && i.severity === 'warning')).toBe(
      warned,
    );
  });
});
