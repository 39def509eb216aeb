import { analyzeWorkbook } from '../../../src/core/analyzeWorkbook';
import { buildBulletin } from '../../../src/core/bulletin/buildBulletin';
import { investmentPeriodEnd } from '../../../src/core/bulletin/investmentPeriod';
import { summarizeBulletin } from '../../../src/core/bulletin/summarize';
import { dayNumber, formatIsoDay } from '../../../src/core/dates';
import { defaultRules } from '../../../src/core/rules';
import { gridOf } from '../../support/gridOf';

const asOf = dayNumber(2023, 10, 20);

function sheetWith(doneHeader: string) {
  const grid = gridOf('项目', [
    ['2023年重点项目'],
    ['序号', '项目名称', '年度计划投资', doneHeader, '计划节点'],
    [1, '甲', 100, 40, '年底'],
  ]);
  const sheet = analyzeWorkbook([grid], { asOf, rules: defaultRules(), lang: 'zh' }).sheets[0];
  if (sheet === undefined) throw new Error('no table');
  return sheet;
}

describe('the period completed investment covers', () => {
  it.each([
    ['1-6月完成投资', '2023-06-30'],
    ['1—9月份完成投资(万元)', '2023-09-30'],
    ['一至三月完成投资', '2023-03-31'],
    ['截至9月底累计完成投资', '2023-09-30'],
    ['截止8月末累计完成投资', '2023-08-31'],
  ])('is named by the header %s: to %s', (header, end) => {
    const sheet = sheetWith(header);
    const day = investmentPeriodEnd(sheet);
    expect(day === null ? null : formatIsoDay(day)).toBe(end);
  });

  it.each([['累计完成投资'], ['完成投资'], ['已完成投资']])(
    'is not named by %s, so 序时进度 runs to the report date',
    (header) => {
      const sheet = sheetWith(header);
      expect(investmentPeriodEnd(sheet)).toBeNull();
      // 20 October is day 293 of 365.
      expect(summarizeBulletin([sheet], asOf, 'zh').investment?.expectedRate).toBe(293 / 365);
    },
  );

  it('sets the bulletin’s 序时进度 to the end of the named period, not the report date', () => {
    const summary = summarizeBulletin([sheetWith('1-6月完成投资')], asOf, 'zh');
    expect(summary.investment?.expectedRate).toBe(181 / 365);
  });
});

describe('the period named in the bulletin and the draft', () => {
  it('names 1-6月 in the draft and the sheet when the sample’s June amounts are run in October', () => {
    const sheet = sheetWith('1-6月完成投资');
    const book = buildBulletin([sheet], asOf, { lang: 'zh', rules: defaultRules() });
    expect(book.text).toContain('1-6月完成投资40，完成率40.0%，序时进度49.6%。');
    const texts = book.sheets[0]?.cells.map((c) => c.value) ?? [];
    expect(texts).toEqual(expect.arrayContaining(['1-6月完成投资', '序时进度（1-6月）']));
    const en = buildBulletin([sheet], asOf, { lang: 'en', rules: defaultRules('en') });
    expect(en.text).toContain(
      'completed Jan–Jun 40, completion rate 40.0% against 49.6% of the year elapsed by the end of Jun.',
    );
  });

  it('says the report date was used when the header names no period', () => {
    const book = buildBulletin([sheetWith('累计完成投资')], asOf, {
      lang: 'zh',
      rules: defaultRules(),
    });
    expect(book.text).toContain('已完成投资40，完成率40.0%，序时进度80.3%。');
    const texts = book.sheets[0]?.cells.map((c) => c.value) ?? [];
    expect(texts).toEqual(expect.arrayContaining(['已完成投资', '序时进度（按截至日期）']));
  });
});
