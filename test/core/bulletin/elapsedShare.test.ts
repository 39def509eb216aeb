import { elapsedShareOfYear } from '../../../src/core/bulletin/elapsedShare';
import { day } from './sheetOf';

describe('elapsedShareOfYear (序时进度)', () => {
  it('counts the report date as elapsed: day 90 of 365 at 31 March, day 181 at 30 June', () => {
    expect(elapsedShareOfYear(day('2023-03-31'), 2023)).toBe(90 / 365);
    expect(elapsedShareOfYear(day('2023-06-30'), 2023)).toBe(181 / 365);
    expect(elapsedShareOfYear(day('2023-01-01'), 2023)).toBe(1 / 365);
    expect(elapsedShareOfYear(day('2023-12-31'), 2023)).toBe(1);
  });

  it('divides by 366 in a leap year', () => {
    expect(elapsedShareOfYear(day('2024-02-29'), 2024)).toBe(60 / 366);
    expect(elapsedShareOfYear(day('2024-12-31'), 2024)).toBe(1);
  });

  it('is 0 before the plan year and 1 after it', () => {
    expect(elapsedShareOfYear(day('2022-12-31'), 2023)).toBe(0);
    expect(elapsedShareOfYear(day('2024-01-15'), 2023)).toBe(1);
  });
});
