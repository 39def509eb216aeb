import { generatePlanGrid } from '../../bench/genGrid';
import { analyzeSheet, analyzeSheetSteps } from '../../src/core/analyzeWorkbook';
import { dayNumber } from '../../src/core/dates';
import { defaultRules } from '../../src/core/rules';
import { STEP_ROWS } from '../../src/core/steps';

const opts = { asOf: dayNumber(2023, 10, 15), rules: defaultRules(), lang: 'zh' as const };

describe('analysis in steps', () => {
  it('hands the thread back every few thousand rows of a large sheet', () => {
    const grid = generatePlanGrid(20_000);
    const steps = analyzeSheetSteps(grid, opts);
    let yields = 0;
    let next = steps.next();
    while (next.done !== true) {
      yields++;
      next = steps.next();
    }
    // Three passes over ~20,000 rows (row kinds, reading, classifying), one yield per STEP_ROWS.
    expect(yields).toBeGreaterThanOrEqual(Math.floor((3 * 20_000) / STEP_ROWS) - 3);
    expect(yields).toBeLessThanOrEqual(Math.ceil((3 * 20_500) / STEP_ROWS) + 3);
  });

  it('gives exactly what the synchronous analysis gives', () => {
    const grid = generatePlanGrid(5_000);
    const steps = analyzeSheetSteps(grid, opts);
    let next = steps.next();
    while (next.done !== true) next = steps.next();
    expect(next.value).toEqual(analyzeSheet(grid, opts));
  });
});
