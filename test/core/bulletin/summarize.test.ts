import { summarizeBulletin } from '../../../src/core/bulletin/summarize';
import { resolveRules } from '../../../src/core/rules';
import { projectsSheet, tasksSheet } from './fixtures';
import { day, sheetOf, type RowSpec } from './sheetOf';

const asOf = day('2023-06-30');
const JUNE = { asOf: '2023-06-30', planYear: 2023 } as const;

function row(unit: string, status: RowSpec['status'], extra: Partial<RowSpec> = {}): RowSpec {
  return { name: `${unit}的任务`, unit, deadline: '2023-03-31', status, ...extra };
}

describe('summarizeBulletin totals and groups', () => {
  it('counts every status with its share of all items', () => {
    const s = summarizeBulletin([projectsSheet()], asOf, 'zh');
    expect(s.totals.total).toBe(9);
    expect(s.totals.counts).toEqual({ normal: 2, lagging: 2, severe: 3, done: 1, unknown: 1 });
    expect(s.totals.shares.severe).toBeCloseTo(3 / 9, 12);
    const sum = Object.values(s.totals.shares).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(1, 12);
  });

  it('ranks units by severe, then lagging, then the share behind, then the name', () => {
    const sheet = sheetOf(
      '任务',
      [
        row('丙局', 'lagging'),
        row('丙局', 'lagging'),
        row('丙局', 'lagging'),
        row('乙局', 'severe'),
        row('乙局', 'lagging'),
        row('乙局', 'normal'),
        row('乙局', 'normal'),
        row('甲局', 'severe'),
        row('甲局', 'lagging'),
        row('丁局', 'severe'),
        row('丁局', 'severe'),
        row('戊局', 'normal'),
        row('己局', 'normal'),
      ],
      { fields: ['name', 'unit', 'deadline'], ...JUNE },
    );
    const s = summarizeBulletin([sheet], asOf, 'zh');
    // 丁 has most severe; 甲 and 乙 tie on severe and lagging, 甲 is further behind (2/2 vs 2/4)
    // though 乙 (U+4E59) sorts before 甲 (U+7532) by name;
    // 戊 and 己 tie on everything, so code-point order of the names decides (己 U+5DF1 < 戊 U+620A).
    expect(s.byUnit.map((g) => g.key)).toEqual(['丁局', '甲局', '乙局', '丙局', '己局', '戊局']);
  });

  it('adds up a unit across sheets', () => {
    const a = sheetOf('一', [row('区水利局', 'severe'), row('区交通局', 'lagging')], {
      fields: ['name', 'unit', 'deadline'],
      ...JUNE,
    });
    const b = sheetOf('二', [row('区交通局', 'severe'), row('区交通局', 'severe')], {
      fields: ['name', 'unit', 'deadline'],
      ...JUNE,
    });
    const s = summarizeBulletin([a, b], asOf, 'zh');
    expect(s.sheets).toEqual(['一', '二']);
    expect(s.byUnit).toEqual([
      { key: '区交通局', total: 3, normal: 0, lagging: 1, severe: 2, done: 0, unknown: 0 },
      { key: '区水利局', total: 1, normal: 0, lagging: 0, severe: 1, done: 0, unknown: 0 },
    ]);
  });

  it('lists categories from section rows in order of appearance', () => {
    const s = summarizeBulletin([tasksSheet()], day('2023-09-30'), 'zh');
    expect(s.byCategory.map((g) => [g.key, g.total])).toEqual([
      ['经济发展', 3],
      ['民生保障', 2],
      ['生态环境', 2],
    ]);
  });

  it('has no categories when no row names one', () => {
    const sheet = sheetOf('任务', [row('甲局', 'normal')], { fields: ['name', 'unit'], ...JUNE });
    expect(summarizeBulletin([sheet], asOf, 'zh').byCategory).toEqual([]);
  });
});

describe('summarizeBulletin investment', () => {
  const both = ['name', 'unit', 'deadline', 'planInvest', 'doneInvest'] as const;

  it('is left out, not zero, when the table has no investment columns', () => {
    const s = summarizeBulletin([tasksSheet()], day('2023-09-30'), 'zh');
    expect('investment' in s).toBe(false);
    expect(s.text).not.toContain('投资');
  });

  it('is left out when the table has a plan but no completed-investment column', () => {
    const sheet = sheetOf('项目', [row('甲局', 'normal', { planInvest: 100 })], {
      fields: ['name', 'unit', 'deadline', 'planInvest'],
      ...JUNE,
    });
    expect(summarizeBulletin([sheet], asOf, 'zh').investment).toBeUndefined();
  });

  it('adds blank amounts as nothing and gives no rate for a zero plan', () => {
    const sheet = sheetOf(
      '项目',
      [row('甲局', 'normal', { planInvest: null, doneInvest: 5 }), row('乙局', 'normal')],
      { fields: both, ...JUNE },
    );
    const inv = summarizeBulletin([sheet], asOf, 'zh').investment;
    expect(inv).toEqual({
      plan: 0,
      done: 5,
      rate: null,
      expectedRate: 181 / 365,
      periodEnd: null,
      unitLabel: null,
    });
  });

  it('adds sheets kept in 万元 and 亿元 in the first sheet’s unit', () => {
    const wan = sheetOf('县一', [row('甲局', 'normal', { planInvest: 5000, doneInvest: 1000 })], {
      fields: both,
      amountUnit: '万元',
      ...JUNE,
    });
    const yi = sheetOf('县二', [row('乙局', 'normal', { planInvest: 1.5, doneInvest: 0.25 })], {
      fields: both,
      amountUnit: '亿元',
      ...JUNE,
    });
    const inv = summarizeBulletin([wan, yi], asOf, 'zh').investment;
    expect(inv).toMatchObject({ plan: 20000, done: 3500, unitLabel: '万元' });
    expect(inv?.rate).toBeCloseTo(0.175, 12);
  });

  it('sums one-decimal amounts without binary drift', () => {
    const rows = Array.from({ length: 10 }, () =>
      row('甲局', 'normal', { planInvest: 0.1, doneInvest: 0.1 }),
    );
    const inv = summarizeBulletin(
      [sheetOf('项目', rows, { fields: both, ...JUNE })],
      asOf,
      'zh',
    ).investment;
    expect(inv?.plan).toBe(1);
  });
});

describe('summarizeBulletin starts', () => {
  const fields = ['name', 'unit', 'deadline', 'nature', 'actualStart'] as const;

  it('counts 新开工 rows started on or before the report date, whatever else has a start date', () => {
    const sheet = sheetOf(
      '项目',
      [
        row('甲局', 'normal', { nature: '新开工', actualStart: '2023-06-30' }),
        row('甲局', 'normal', { nature: '新開工', actualStart: '2023-02-01' }),
        row('甲局', 'normal', { nature: '新开工项目', actualStart: '2023-07-01' }),
        row('甲局', 'normal', { nature: '新开工' }),
        row('甲局', 'normal', { nature: '续建', actualStart: '2022-05-01' }),
        row('甲局', 'normal', { nature: '前期' }),
      ],
      { fields, ...JUNE },
    );
    expect(summarizeBulletin([sheet], asOf, 'zh').starts).toEqual({
      planned: 4,
      started: 2,
      rate: 0.5,
    });
  });

  it('is left out when there is no 建设性质 column or no 新开工 row', () => {
    const noColumn = sheetOf('项目', [row('甲局', 'normal', { actualStart: '2023-01-01' })], {
      fields: ['name', 'unit', 'deadline', 'actualStart'],
      ...JUNE,
    });
    const noNewStart = sheetOf('项目', [row('甲局', 'normal', { nature: '续建' })], {
      fields,
      ...JUNE,
    });
    expect(summarizeBulletin([noColumn], asOf, 'zh').starts).toBeUndefined();
    const s = summarizeBulletin([noNewStart], asOf, 'zh');
    expect('starts' in s).toBe(false);
    expect(s.text).not.toContain('开工');
  });
});

describe('summarizeBulletin lagging list', () => {
  it('puts severe first, then the longest overdue, then table order', () => {
    const sheet = sheetOf(
      '任务',
      [
        row('甲局', 'lagging', { name: '甲一', deadline: '2023-05-20' }),
        row('甲局', 'severe', { name: '甲二', deadline: '2023-03-01' }),
        row('乙局', 'lagging', { name: '乙一', deadline: '2023-04-30' }),
        row('乙局', 'normal', { name: '乙二', deadline: '2023-12-31' }),
        row('丙局', 'severe', { name: '丙一', deadline: '2023-01-31' }),
        row('丙局', 'lagging', { name: '丙二', deadline: '2023-05-20' }),
        // Under sequential progress a row can be long overdue yet only lagging.
        row('丁局', 'lagging', { name: '丁一', deadline: '2023-01-01' }),
      ],
      { fields: ['name', 'unit', 'deadline'], ...JUNE },
    );
    const list = summarizeBulletin([sheet], asOf, 'zh').lagging;
    expect(list.map((x) => x.name)).toEqual(['丙一', '甲二', '丁一', '乙一', '甲一', '丙二']);
    expect(list[0]).toMatchObject({
      deadline: '2023-01-31',
      overdueDays: 150,
      overdueMonths: 5,
      status: 'severe',
      sheet: '任务',
    });
  });

  it('keeps user text that starts with "=" as the same string', () => {
    const item = summarizeBulletin([projectsSheet()], asOf, 'zh').lagging[0];
    expect(item).toMatchObject({ name: '=SUM(A1:A3)物流园', problem: '=资金未到位', excelRow: 8 });
  });
});

describe('summarizeBulletin text', () => {
  it('names at most three units, furthest behind first', () => {
    const units = ['甲局', '乙局', '丙局', '丁局'];
    const sheet = sheetOf(
      '任务',
      units.map((u) => row(u, 'lagging')),
      { fields: ['name', 'unit', 'deadline'], ...JUNE },
    );
    const text = summarizeBulletin([sheet], asOf, 'zh').text;
    expect(text).toContain('滞后较多的单位：丁局（滞后1项）、丙局（滞后1项）、乙局（滞后1项）。');
    expect(text).not.toContain('甲局');
  });

  it('says nothing is behind when nothing is, and leaves out absent sections', () => {
    const sheet = sheetOf('任务', [row('甲局', 'normal'), row('乙局', 'done')], {
      fields: ['name', 'unit', 'deadline'],
      ...JUNE,
    });
    expect(summarizeBulletin([sheet], asOf, 'zh').text).toBe(
      '截至2023年6月30日，纳入调度的重点任务2项，其中正常推进1项、滞后0项、严重滞后0项、已完成1项。无滞后、严重滞后事项。',
    );
  });

  it('uses the status words of the rule set the sheets were analysed with', () => {
    const r = resolveRules({ preset: 'due-soon' });
    if (!r.ok) throw new Error(r.errors.join());
    const sheet = sheetOf('任务', [row('甲局', 'severe')], {
      fields: ['name', 'unit', 'deadline'],
      rules: r.value,
      ...JUNE,
    });
    const s = summarizeBulletin([sheet], asOf, 'zh');
    expect(s.labels.severe).toBe('已逾期');
    expect(s.text).toContain('已逾期1项');
    expect(s.text).toContain('甲局（已逾期1项）');
  });

  it('writes an English draft when asked', () => {
    const text = summarizeBulletin([projectsSheet('en')], asOf, 'en').text;
    expect(text).toContain('Key projects tracked as of 30 June 2023: 9');
    expect(text).toContain('annual plan 32900.5, completed 11550.8, completion rate 35.1%');
    expect(text).toContain('New-start projects: 3; started: 1 (start rate 33.3%).');
  });

  it('says there is nothing to report for no sheets', () => {
    const s = summarizeBulletin([], asOf, 'zh');
    expect(s.totals.total).toBe(0);
    expect(s.byUnit).toEqual([]);
    expect(s.text).toBe('截至2023年6月30日，暂无纳入调度的重点任务。');
  });
});
