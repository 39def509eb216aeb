import { dayToSerial, dayNumber, formatIsoDay } from '../../src/core/dates';
import type { CellValue } from '../../src/core/grid';
import { parseDay, parseDeadline, type DateContext } from '../../src/core/parseDeadline';
import type { Deadline } from '../../src/core/planRow';

/** The forms domain.md decided on 2026-11-30 ("Also read"), several variants of each. */

const ctx: DateContext = { planYear: 2023, date1904: false };

function show(read: Deadline): string {
  if (read.kind === 'date') return formatIsoDay(read.day);
  if (read.kind === 'unreadable') return read.reason;
  return read.kind;
}

const serial = (y: number, m: number, d: number) => dayToSerial(dayNumber(y, m, d));

describe('parseDeadline on the forms decided in domain.md', () => {
  it.each([
    ['2023/12', '2023-12-31'],
    ['2023/2', '2023-02-28'],
    ['2023.10-12', '2023-12-31'],
    ['2023.3-6', '2023-06-30'],
    ['2023年3-6月', '2023-06-30'],
    ['年内完成', '2023-12-31'],
    ['年内', '2023-12-31'],
    ['2023年8月底前完成', '2023-08-31'],
    ['2023年8月底前', '2023-08-31'],
    ['力争2023年8月底前完成', '2023-08-31'],
  ])('reads %s as the end of the last period it names: %s', (text, expected) => {
    expect(show(parseDeadline(text, null, ctx))).toBe(expected);
  });

  it.each([
    ['9.30', '2023-09-30'],
    ['6.30', '2023-06-30'],
    ['12.31', '2023-12-31'],
    ['7.5', '2023-07-05'],
    ['９.３０', '2023-09-30'],
    ['6.1-6.30', '2023-06-30'],
  ])('reads the text %s as month.day of the plan year: %s', (text, expected) => {
    expect(show(parseDeadline(text, null, ctx))).toBe(expected);
  });

  it.each([['2.30'], ['13.1'], ['9.31']])('reports the text %s as an impossible day', (text) => {
    expect(show(parseDeadline(text, null, ctx))).toBe('impossible');
  });

  it.each<[number, string]>([
    [2023.9, '2023-09-30'],
    [2023.2, '2023-02-28'],
    [2023.11, '2023-11-30'],
    [2023.12, '2023-12-31'],
    [2024.6, '2024-06-30'],
    [2023.05, '2023-05-31'],
  ])('reads the number %p (a typed year.month) as the end of that month: %s', (n, expected) => {
    expect(show(parseDeadline(n, null, ctx))).toBe(expected);
    expect(show(parseDeadline(n, '0.0', ctx))).toBe(expected);
  });

  it.each([[2023.1], [2024.1]])(
    'does not guess whether the number %p is January or October',
    (n) => {
      expect(parseDeadline(n, null, ctx)).toEqual({ kind: 'unreadable', reason: 'ambiguous' });
    },
  );

  it.each([[2023.13], [2023.0]])('does not read the number %p as a month', (n) => {
    expect(show(parseDeadline(n, null, ctx))).not.toMatch(/^\d{4}-/);
  });

  it.each<[string, CellValue, string]>([
    ['yyyy"年"m"月"', serial(2023, 9, 1), '2023-09-30'],
    ['yyyy/m', serial(2023, 2, 1), '2023-02-28'],
    ['mmm-yy', serial(2023, 9, 1), '2023-09-30'],
    ['yyyy-mm', serial(2023, 12, 15), '2023-12-31'],
    ['yyyy', serial(2023, 1, 1), '2023-12-31'],
    ['yyyy"年"', serial(2024, 5, 1), '2024-12-31'],
    ['yyyy"年"m"月"d"日"', serial(2023, 9, 1), '2023-09-01'],
  ])('reads a date cell in %s as the end of what it shows', (format, value, expected) => {
    expect(show(parseDeadline(value, format, ctx))).toBe(expected);
  });

  it.each([['三季度'], ['年底'], ['6月底']])(
    'reads the text %s in a date-formatted cell as text',
    (text) => {
      expect(show(parseDeadline(text, 'yyyy/m/d', ctx))).toBe(show(parseDeadline(text, null, ctx)));
    },
  );
});

describe('parseDay on done dates written as a month', () => {
  it.each<[CellValue, string | null, string]>([
    ['2023年9月', null, '2023-09-30'],
    ['2023.9', null, '2023-09-30'],
    ['2023-02', null, '2023-02-28'],
    [serial(2023, 9, 1), 'yyyy"年"m"月"', '2023-09-30'],
  ])('reads %p as the last day of the month', (value, format, expected) => {
    expect(show(parseDay(value, format, ctx))).toBe(expected);
  });

  it('does not read the ambiguous number 2023.1 as a done date', () => {
    expect(parseDay(2023.1, null, ctx)).toEqual({ kind: 'unreadable', reason: 'unreadable' });
  });
});
