import type { CellValue } from '../../src/core/grid';
import { NO_SAVED_RESULT } from '../../src/core/grid';
import { cellText, isDateFormat } from '../../src/core/cellText';

describe('isDateFormat', () => {
  it.each([
    ['yyyy-mm-dd'],
    ['yyyy/m/d'],
    ['m/d/yyyy'],
    ['m/d'],
    ['d-mmm-yy'],
    ['mmm'],
    ['mmmm yyyy'],
    ['YYYY-MM-DD'],
    ['yyyy"年"m"月"d"日"'],
    ['yyyy年m月d日'],
    ['[$-804]yyyy"年"m"月"'],
    ['[DBNum1][$-804]yyyy"年"m"月"d"日"'],
    ['[$-F800]'],
    ['[$-F800]dddd, mmmm dd, yyyy'],
    ['yyyy/m/d h:mm'],
    ['m/d/yyyy h:mm AM/PM'],
    ['yyyy-mm-dd;@'],
    ['[Red]yyyy-mm-dd'],
  ])('reads %s as a date format', (format) => {
    expect(isDateFormat(format)).toBe(true);
  });

  it.each<[string | null]>([
    [null],
    [''],
    ['General'],
    ['G/通用格式'],
    ['@'],
    ['0'],
    ['0.00'],
    ['0.0%'],
    ['#,##0'],
    ['#,##0.00;[Red]-#,##0.00'],
    ['[Red]0.00'],
    ['0.00E+00'],
    ['0"天"'],
    ['0"年"'],
    ['0"days"'],
    ['#,##0\\d'],
    ['_(* #,##0_);_(* (#,##0);_(* "-"??_);_(@_)'],
    ['[$¥-804]#,##0.00'],
    ['h:mm'],
    ['h:mm:ss AM/PM'],
    ['[h]:mm:ss'],
    ['mm:ss'],
    ['[$-F400]h:mm:ss AM/PM'],
  ])('reads %p as not a date format', (format) => {
    expect(isDateFormat(format)).toBe(false);
  });

  it('gives the same answer for a format it has seen before', () => {
    expect(isDateFormat('yyyy-mm-dd')).toBe(true);
    expect(isDateFormat('yyyy-mm-dd')).toBe(true);
    expect(isDateFormat('0.0%')).toBe(false);
    expect(isDateFormat('0.0%')).toBe(false);
  });
});

describe('cellText', () => {
  it.each<[CellValue, string | null, boolean, string]>([
    ['  区发改局 ', null, false, '区发改局'],
    ['', null, false, ''],
    [null, null, false, ''],
    [null, 'yyyy-mm-dd', false, ''],
    [45107, 'yyyy-mm-dd', false, '2023-06-30'],
    [45107, 'yyyy"年"m"月"d"日"', false, '2023-06-30'],
    [45107.75, 'yyyy/m/d h:mm', false, '2023-06-30'],
    [43645, 'yyyy-mm-dd', true, '2023-06-30'],
    [45107, null, false, '45107'],
    [45107, 'General', false, '45107'],
    [0.1 + 0.2, null, false, '0.3'],
    [1 / 3, null, false, '0.3333333333'],
    [1200, '#,##0', false, '1200'],
    [12.5, null, false, '12.5'],
    [-3, null, false, '-3'],
    [0.45, '0.0%', false, '0.45'],
    [123456789012, null, false, '123456789012'],
    [1234567.123456, null, false, '1234567.123'],
    [-0, null, false, '0'],
    [0, 'yyyy-mm-dd', false, '0'],
    [-1, 'yyyy-mm-dd', false, '-1'],
    [true, null, false, 'TRUE'],
    [false, null, false, 'FALSE'],
    [{ error: '#N/A' }, null, false, '#N/A'],
    [{ error: '#REF!' }, 'yyyy-mm-dd', false, '#REF!'],
    [{ error: NO_SAVED_RESULT, formula: 'A1+1' }, null, false, NO_SAVED_RESULT],
  ])('shows %p (format %p, 1904: %p) as %p', (value, format, date1904, expected) => {
    expect(cellText(value, format, date1904)).toBe(expected);
  });
});
