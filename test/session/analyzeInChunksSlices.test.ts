import { generatePlanGrid } from '../../bench/genGrid';
import { analyzeWorkbook } from '../../src/core/analyzeWorkbook';
import { dayNumber } from '../../src/core/dates';
import { defaultRules } from '../../src/core/rules';
import { STEP_ROWS } from '../../src/core/steps';
import { analyzeInChunks } from '../../src/session/analyzeInChunks';
import { yieldToEventLoop } from '../../src/session/yieldToEventLoop';

jest.mock('../../src/session/yieldToEventLoop', () => ({
  yieldToEventLoop: jest.fn(() => Promise.resolve()),
}));

const opts = { asOf: dayNumber(2023, 10, 15), rules: defaultRules(), lang: 'zh' as const };

describe('analyzeInChunks on one large sheet', () => {
  beforeEach(() => (yieldToEventLoop as jest.Mock).mockClear());
  afterEach(() => jest.restoreAllMocks());

  it('hands the page back inside the sheet, not only between sheets, when a slice is used up', async () => {
    // A clock that jumps 100 ms at every reading: every step overruns its slice and must yield.
    let now = 0;
    jest.spyOn(performance, 'now').mockImplementation(() => (now += 100));
    const grid = generatePlanGrid(20_000);
    const result = await analyzeInChunks([grid], opts);
    const yields = (yieldToEventLoop as jest.Mock).mock.calls.length;
    // One yield before the sheet, then one per step of ~STEP_ROWS rows over three passes.
    expect(yields).toBeGreaterThan(Math.floor((3 * 20_000) / STEP_ROWS) - 3);
    expect(result).toEqual(analyzeWorkbook([grid], opts));
  });

  it('does not yield inside a sheet while the slice lasts', async () => {
    jest.spyOn(performance, 'now').mockImplementation(() => 0);
    await analyzeInChunks([generatePlanGrid(20_000)], opts);
    expect((yieldToEventLoop as jest.Mock).mock.calls.length).toBe(1);
  });
});
