import { dateFormatPrecision } from '../../src/core/dateFormatPrecision';

describe('dateFormatPrecision', () => {
  it.each([
    ['yyyy/m/d'],
    ['yyyy-mm-dd'],
    ['yyyy"年"m"月"d"日"'],
    ['yyyy年m月d日'],
    ['m/d/yy h:mm'],
    ['[$-F800]dddd, mmmm dd, yyyy'],
    ['d-mmm'],
  ])('reads %s as showing the day', (format) => {
    expect(dateFormatPrecision(format)).toBe('day');
  });

  it.each([
    ['yyyy"年"m"月"'],
    ['yyyy年m月'],
    ['yyyy/m'],
    ['yyyy-mm'],
    ['mmm-yy'],
    ['mmmm yyyy'],
    ['[$-804]yyyy"年"m"月";@'],
  ])('reads %s as showing only the month', (format) => {
    expect(dateFormatPrecision(format)).toBe('month');
  });

  it.each([['yyyy'], ['yyyy"年"'], ['yy']])('reads %s as showing only the year', (format) => {
    expect(dateFormatPrecision(format)).toBe('year');
  });

  it.each([[null], ['General'], ['0.0%'], ['#,##0'], ['h:mm']])(
    'treats %p, which is no date format, as a day',
    (format) => {
      expect(dateFormatPrecision(format)).toBe('day');
    },
  );
});
