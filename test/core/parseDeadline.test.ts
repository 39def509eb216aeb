import { dayNumber, formatIsoDay } from '../../src/core/dates';
import type { CellValue } from '../../src/core/grid';
import { NO_SAVED_RESULT } from '../../src/core/grid';
import {
  parseDay,
  parseDeadline,
  yearInTitle,
  type DateContext,
} from '../../src/core/parseDeadline';
import type { Deadline } from '../../src/core/planRow';

const ctx: DateContext = { planYear: 2023, date1904: false };

/** One word per outcome, so a golden table reads as "input → what it means". */
function show(read: Deadline): string {
  if (read.kind === 'date') return formatIsoDay(read.day);
  if (read.kind === 'unreadable') return read.reason;
  return read.kind;
}

const readText = (text: string): string => show(parseDeadline(text, null, ctx));

describe('parseDeadline on text naming a day', () => {
  it.each([
    ['2023-06-30', '2023-06-30'],
    ['2023/6/30', '2023-06-30'],
    ['2023.6.30', '2023-06-30'],
    ['2023-6-30', '2023-06-30'],
    ['2023年6月30日', '2023-06-30'],
    ['2023年6月30号', '2023-06-30'],
    ['2023年06月05日', '2023-06-05'],
    ['2023-06-30T00:00:00', '2023-06-30'],
    ['2023-06-30T00:00:00.000Z', '2023-06-30'],
    ['2023-06-30 00:00:00', '2023-06-30'],
    ['2023/6/30 9:00', '2023-06-30'],
    ['6月30日', '2023-06-30'],
    ['6月30号', '2023-06-30'],
    ['6月30日前', '2023-06-30'],
    ['6月30日之前完成', '2023-06-30'],
    ['六月三十日', '2023-06-30'],
    ['十月二十日', '2023-10-20'],
    ['十二月三十一日', '2023-12-31'],
    ['十一月十五号', '2023-11-15'],
    ['二〇二四年一月五日', '2024-01-05'],
    ['２０２３年６月３０日', '2023-06-30'],
    ['2023 年 6 月 30 日', '2023-06-30'],
    ['截至2023年6月30日', '2023-06-30'],
    ['2024-02-29', '2024-02-29'],
  ])('reads %s as %s', (text, expected) => {
    expect(readText(text)).toBe(expected);
  });
});

describe('parseDeadline on text naming a month', () => {
  it.each([
    ['2023年6月', '2023-06-30'],
    ['2023年6月份', '2023-06-30'],
    ['2023.6', '2023-06-30'],
    ['2023-06', '2023-06-30'],
    ['2023/06', '2023-06-30'],
    ['2024.2', '2024-02-29'],
    ['6月', '2023-06-30'],
    ['6月底', '2023-06-30'],
    ['6月末', '2023-06-30'],
    ['6月份', '2023-06-30'],
    ['2月底', '2023-02-28'],
    ['六月底', '2023-06-30'],
    ['十二月', '2023-12-31'],
    ['十一月底', '2023-11-30'],
    ['６月底', '2023-06-30'],
    ['6月底前', '2023-06-30'],
    ['6月底以前', '2023-06-30'],
    ['2023年6月底前完成', '2023-06-30'],
    ['力争9月底前完工', '2023-09-30'],
    ['2024年3月', '2024-03-31'],
    ['二〇二三年六月底', '2023-06-30'],
    ['今年6月底', '2023-06-30'],
    ['明年3月', '2024-03-31'],
  ])('reads %s as the last day of its month (%s)', (text, expected) => {
    expect(readText(text)).toBe(expected);
  });

  it.each([
    ['6月上旬', '2023-06-10'],
    ['6月中旬', '2023-06-20'],
    ['6月下旬', '2023-06-30'],
    ['6月中下旬', '2023-06-30'],
    ['2月下旬', '2023-02-28'],
    ['2023年9月上旬前', '2023-09-10'],
  ])('reads the part of a month %s as %s', (text, expected) => {
    expect(readText(text)).toBe(expected);
  });
});

describe('parseDeadline on quarters, halves and years', () => {
  it.each([
    ['一季度', '2023-03-31'],
    ['第一季度', '2023-03-31'],
    ['1季度', '2023-03-31'],
    ['一季度末', '2023-03-31'],
    ['一季度底', '2023-03-31'],
    ['一季度前', '2023-03-31'],
    ['Q1', '2023-03-31'],
    ['q1', '2023-03-31'],
    ['Ｑ１', '2023-03-31'],
    ['第1季度', '2023-03-31'],
    ['2023年一季度', '2023-03-31'],
    ['二季度', '2023-06-30'],
    ['2023年第二季度', '2023-06-30'],
    ['第三季度末', '2023-09-30'],
    ['Q3', '2023-09-30'],
    ['四季度', '2023-12-31'],
    ['2024年第四季度', '2024-12-31'],
    ['2023Q4', '2023-12-31'],
  ])('reads the quarter %s as its last day (%s)', (text, expected) => {
    expect(readText(text)).toBe(expected);
  });

  it.each([
    ['上半年', '2023-06-30'],
    ['年中', '2023-06-30'],
    ['2024年上半年', '2024-06-30'],
    ['2024年中', '2024-06-30'],
    ['下半年', '2023-12-31'],
    ['年底', '2023-12-31'],
    ['年底前', '2023-12-31'],
    ['年末', '2023-12-31'],
    ['年内', '2023-12-31'],
    ['全年', '2023-12-31'],
    ['年度内', '2023-12-31'],
    ['2023年底', '2023-12-31'],
    ['2023年年底', '2023-12-31'],
    ['2023年内', '2023-12-31'],
    ['2023年度内', '2023-12-31'],
    ['2023年', '2023-12-31'],
    ['2023年度', '2023-12-31'],
    ['2024年底前建成', '2024-12-31'],
    ['2025年', '2025-12-31'],
    ['今年底', '2023-12-31'],
    ['年內', '2023-12-31'],
  ])('reads %s as %s', (text, expected) => {
    expect(readText(text)).toBe(expected);
  });
});

describe('parseDeadline on ranges', () => {
  it.each([
    ['3月-6月', '2023-06-30'],
    ['3-6月', '2023-06-30'],
    ['1-6月底', '2023-06-30'],
    ['3月至6月', '2023-06-30'],
    ['3至6月', '2023-06-30'],
    ['3月到6月', '2023-06-30'],
    ['3月~6月', '2023-06-30'],
    ['3月～6月', '2023-06-30'],
    ['3月—6月', '2023-06-30'],
    ['3月——6月', '2023-06-30'],
    ['3月–6月', '2023-06-30'],
    ['2023.3-2023.6', '2023-06-30'],
    ['2023年3月-2024年6月', '2024-06-30'],
    ['2023.3.1-2023.6.30', '2023-06-30'],
    ['2023-03-01-2023-06-30', '2023-06-30'],
    ['2023-3-1至2023-6-30', '2023-06-30'],
    ['一季度至二季度', '2023-06-30'],
    ['一至二季度', '2023-06-30'],
    ['Q1-Q3', '2023-09-30'],
    ['6月1日-30日', '2023-06-30'],
    ['3月-6月底前完成', '2023-06-30'],
    ['上半年至年底', '2023-12-31'],
  ])('reads the range %s as the end of its last part (%s)', (text, expected) => {
    expect(readText(text)).toBe(expected);
  });

  it.each([
    ['2024年3-6月', '2024-06-30'],
    ['2024年3月-6月', '2024-06-30'],
    ['2024.3-6月', '2024-06-30'],
    ['2024年一季度至二季度', '2024-06-30'],
    ['2023年10月至次年3月', '2024-03-31'],
  ])('gives the last part of %s the year of the first part (%s)', (text, expected) => {
    expect(readText(text)).toBe(expected);
  });

  it.each([['10月-3月'], ['6月-3月'], ['2024.3-2023.6'], ['6-3月'], ['三至一季度']])(
    'refuses the backwards range %s rather than guess the year it crosses into',
    (text) => {
      expect(readText(text)).toBe('unreadable');
    },
  );
});

describe('parseDeadline on ongoing tasks', () => {
  it.each([
    ['长期'],
    ['持续推进'],
    ['常态化'],
    ['长期坚持'],
    ['持续'],
    ['常态化推进'],
    ['長期'],
    [' 长期 '],
  ])('reads %s as ongoing: no deadline', (text) => {
    expect(parseDeadline(text, null, ctx)).toEqual({ kind: 'ongoing' });
  });

  // domain.md: a recurring task is ongoing, with the reason 周期性任务.
  it.each([['每月'], ['每季度'], ['每年'], ['每月25日前'], ['按季度'], ['每季度末'], ['每周五']])(
    'reads %s as a recurring ongoing task',
    (text) => {
      expect(parseDeadline(text, null, ctx)).toEqual({ kind: 'ongoing', recurring: true });
    },
  );
});

describe('parseDeadline on impossible dates', () => {
  it.each([
    ['2023年13月'],
    ['6月32日'],
    ['2023-02-30'],
    ['2023-02-29'],
    ['13月底'],
    ['2023.13'],
    ['0月'],
    ['2023年6月31日'],
    ['十三月'],
    ['六月三十一日'],
    ['〇月'],
    ['第五季度'],
    ['Q5'],
    ['Q0'],
    ['13-6月'],
    ['3月-13月'],
    ['1800年'],
  ])('reports %s as impossible', (text) => {
    expect(parseDeadline(text, null, ctx)).toEqual({ kind: 'unreadable', reason: 'impossible' });
  });
});

describe('parseDeadline on text it does not guess', () => {
  it.each([
    ['尽快'],
    ['按上级要求'],
    ['待定'],
    ['2023'],
    ['下月'],
    ['6'],
    ['6月初'],
    ['6月底前后'],
    ['6月左右'],
    ['持续到年底'],
    ['一二月'],
    ['年'],
    ['前'],
    ['6-30'],
    ['2023-6-30-'],
    ['完成'],
    ['已完成'],
    ['45107'],
    ['项目已于2023年6月30日开工建设,目前正在进行主体施工,预计年底完成全部工程量'],
  ])('reports %s as unreadable', (text) => {
    expect(parseDeadline(text, null, ctx)).toEqual({ kind: 'unreadable', reason: 'unreadable' });
  });
});

describe('parseDeadline on non-text cells', () => {
  const june30 = dayNumber(2023, 6, 30);

  it.each<[string, CellValue, string | null, DateContext, Deadline]>([
    ['a date-formatted serial', 45107, 'yyyy-mm-dd', ctx, { kind: 'date', day: june30 }],
    ['a serial with a time of day', 45107.75, 'yyyy/m/d h:mm', ctx, { kind: 'date', day: june30 }],
    ['a bare serial in the plausible range', 45107, null, ctx, { kind: 'date', day: june30 }],
    ['a bare serial under General', 45107, 'General', ctx, { kind: 'date', day: june30 }],
    [
      'a 1904-system serial',
      43645,
      'yyyy-mm-dd',
      { planYear: 2023, date1904: true },
      { kind: 'date', day: june30 },
    ],
    [
      'a small date-formatted serial',
      6,
      'yyyy-mm-dd',
      ctx,
      { kind: 'date', day: dayNumber(1900, 1, 6) },
    ],
    ['serial 20000', 20000, null, ctx, { kind: 'date', day: dayNumber(1954, 10, 3) }],
    ['serial 80000', 80000, null, ctx, { kind: 'date', day: dayNumber(2119, 1, 11) }],
    ['a bare month number', 6, null, ctx, { kind: 'unreadable', reason: 'unreadable' }],
    ['a bare year', 2023, null, ctx, { kind: 'unreadable', reason: 'unreadable' }],
    [
      'a number below the serial range',
      19999,
      null,
      ctx,
      { kind: 'unreadable', reason: 'unreadable' },
    ],
    [
      'a number above the serial range',
      80001,
      null,
      ctx,
      { kind: 'unreadable', reason: 'unreadable' },
    ],
    ['a serial under a percent format', 45107, '0.0%', ctx, { kind: 'date', day: june30 }],
    [
      'a small number under a percent format',
      0.45,
      '0.0%',
      ctx,
      { kind: 'unreadable', reason: 'unreadable' },
    ],
    ['a date-formatted zero', 0, 'yyyy-mm-dd', ctx, { kind: 'unreadable', reason: 'impossible' }],
    [
      'a date-formatted negative',
      -5,
      'yyyy-mm-dd',
      ctx,
      { kind: 'unreadable', reason: 'impossible' },
    ],
    ['NaN', Number.NaN, null, ctx, { kind: 'unreadable', reason: 'unreadable' }],
    ['null', null, null, ctx, { kind: 'missing' }],
    ['an empty string', '', null, ctx, { kind: 'missing' }],
    ['whitespace', ' \u3000\n ', null, ctx, { kind: 'missing' }],
    ['TRUE', true, null, ctx, { kind: 'unreadable', reason: 'unreadable' }],
    ['#N/A', { error: '#N/A' }, null, ctx, { kind: 'unreadable', reason: 'unreadable' }],
    [
      'a formula without a saved result',
      { error: NO_SAVED_RESULT, formula: 'EDATE(A1,3)' },
      'yyyy-mm-dd',
      ctx,
      { kind: 'unreadable', reason: 'unreadable' },
    ],
  ])('reads %s', (_label, value, format, context, expected) => {
    expect(parseDeadline(value, format, context)).toEqual(expected);
  });

  it('uses the plan year for forms without a year', () => {
    const ctx2024: DateContext = { planYear: 2024, date1904: false };
    expect(show(parseDeadline('6月底', null, ctx2024))).toBe('2024-06-30');
    expect(show(parseDeadline('年底', null, ctx2024))).toBe('2024-12-31');
    expect(show(parseDeadline('二季度', null, ctx2024))).toBe('2024-06-30');
    expect(show(parseDeadline('2月底', null, ctx2024))).toBe('2024-02-29');
    expect(show(parseDeadline('2023年6月', null, ctx2024))).toBe('2023-06-30');
  });
});

describe('parseDay', () => {
  it.each<[string, CellValue, string | null, ReturnType<typeof parseDay>]>([
    ['a date serial', 45107, 'yyyy-mm-dd', { kind: 'date', day: dayNumber(2023, 6, 30) }],
    ['a text date', '2023年6月15日', null, { kind: 'date', day: dayNumber(2023, 6, 15) }],
    ['a month', '2023年5月', null, { kind: 'date', day: dayNumber(2023, 5, 31) }],
    ['an ongoing word', '长期', null, { kind: 'unreadable', reason: 'unreadable' }],
    ['an impossible date', '2023-02-30', null, { kind: 'unreadable', reason: 'impossible' }],
    ['free text', '已完成', null, { kind: 'unreadable', reason: 'unreadable' }],
    ['blank', null, null, { kind: 'missing' }],
    ['whitespace', '  ', null, { kind: 'missing' }],
    ['an error value', { error: '#REF!' }, null, { kind: 'unreadable', reason: 'unreadable' }],
  ])('reads %s', (_label, value, format, expected) => {
    expect(parseDay(value, format, ctx)).toEqual(expected);
  });
});

describe('yearInTitle', () => {
  it.each<[string, number | null]>([
    ['2023年度XX区重点项目推进计划表', 2023],
    ['2023年政府工作报告目标任务细化分解表', 2023],
    ['XX县2024年重点工作任务清单', 2024],
    ['２０２３年度重点项目', 2023],
    ['2023 年度 重点项目', 2023],
    ['二〇二三年度重点项目推进计划表', 2023],
    ['XX区重点项目推进表(截至2023年6月30日)', 2023],
    ['2023—2025年重点项目滚动计划', null],
    ['2023-2025年重点项目', null],
    ['2023年-2025年重点项目', null],
    ['2023至2025年重点项目', null],
    ['重点项目推进计划表', null],
    ['单位:万元', null],
    ['12023年', null],
    ['共2023个项目', null],
    ['', null],
  ])('reads the year in "%s" as %s', (title, expected) => {
    expect(yearInTitle(title)).toBe(expected);
  });
});
