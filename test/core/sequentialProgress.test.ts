import { dayNumber } from '../../src/core/dates';
import { elapsedShare } from '../../src/core/sequentialProgress';
import { elapsedShareOfYear } from '../../src/core/bulletin/elapsedShare';

const d = (m: number, day: number, y = 2023) => dayNumber(y, m, day);

describe('elapsedShare', () => {
  it.each([
    // start, deadline, report date, share
    [d(1, 1), d(12, 31), d(10, 15), 288 / 365],
    [d(1, 1), d(12, 31), d(6, 30), 181 / 365],
    [d(7, 1), d(12, 31), d(10, 15), 107 / 184],
    [d(7, 1), d(12, 31), d(7, 1), 1 / 184],
    [d(1, 1), d(6, 30), d(3, 31), 90 / 181],
  ])('counts days inclusively: from %p to %p at %p is %p', (start, deadline, asOf, share) => {
    expect(elapsedShare(start, deadline, asOf)).toBeCloseTo(share, 12);
  });

  it('is 100% on and after the deadline and 0 before the start', () => {
    expect(elapsedShare(d(1, 1), d(9, 30), d(9, 30))).toBe(1);
    expect(elapsedShare(d(1, 1), d(9, 30), d(10, 15))).toBe(1);
    expect(elapsedShare(d(7, 1), d(12, 31), d(6, 30))).toBe(0);
  });

  it('agrees to the day with the bulletin’s 序时进度 for a task due at the year’s end', () => {
    for (const asOf of [d(1, 1), d(3, 31), d(10, 15), d(12, 30), d(2, 29, 2024)]) {
      const y = asOf >= d(1, 1, 2024) ? 2024 : 2023;
      expect(elapsedShare(d(1, 1, y), d(12, 31, y), asOf)).toBe(elapsedShareOfYear(asOf, y));
    }
  });
});
