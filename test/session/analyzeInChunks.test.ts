import { analyzeWorkbook } from '../../src/core/analyzeWorkbook';
import { dayNumber } from '../../src/core/dates';
import { defaultRules } from '../../src/core/rules';
import { analyzeInChunks, replaceSheets } from '../../src/session/analyzeInChunks';
import { notesGrid, projectsGrid } from '../taskpane/fakePort';

const opts = { asOf: dayNumber(2023, 6, 30), rules: defaultRules(), lang: 'zh' as const };

describe('analyzeInChunks', () => {
  it('gives what the engine gives for the whole workbook, reporting each sheet done', async () => {
    const grids = [projectsGrid('一'), notesGrid(), projectsGrid('二')];
    const progress: [number, number][] = [];
    const chunked = await analyzeInChunks(grids, opts, (d, t) => progress.push([d, t]));
    expect(chunked).toEqual(analyzeWorkbook(grids, opts));
    expect(progress).toEqual([
      [0, 3],
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });

  it('lets the event loop run between sheets', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    await analyzeInChunks([projectsGrid('一'), projectsGrid('二'), projectsGrid('三')], opts);
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(0);
  });
});

describe('replaceSheets', () => {
  it("puts one sheet's new result in its place, keeping workbook order", () => {
    const grids = [projectsGrid('一'), notesGrid(), projectsGrid('二')];
    const before = analyzeWorkbook(grids, opts);
    const redone = analyzeWorkbook([projectsGrid('一')], {
      ...opts,
      overrides: { 一: { deadline: null } },
    });
    const after = replaceSheets(before, redone, ['一', '填表说明', '二']);
    expect(after.sheets.map((s) => s.sheet)).toEqual(['一', '二']);
    expect(after.sheets[0]?.layout.fields.deadline).toBeUndefined();
    expect(after.sheets[1]).toBe(before.sheets[1]);
    expect(after.skipped).toEqual(before.skipped);
  });
});
