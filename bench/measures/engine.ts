import { analyzeWorkbook } from '../../src/core/analyzeWorkbook';
import { buildBulletin } from '../../src/core/bulletin/buildBulletin';
import { dayNumber } from '../../src/core/dates';
import { defaultRules } from '../../src/core/rules';
import { median, type BenchContext, type Figure } from '../figure';
import { generatePlanGrid } from '../genGrid';

/**
 * The engine alone on a generated plan grid: detect + classify + paint plan + bulletin, against
 * JSON.parse of the same grid's JSON in the same run (the cost of merely touching every cell).
 */
export function measureEngine(ctx: BenchContext): Figure[] {
  const sizes = ctx.short ? [1_000, 10_000] : [10_000, 100_000, 1_000_000];
  const figures: Figure[] = [];
  const asOf = dayNumber(2023, 10, 15);
  const rules = defaultRules();
  for (const rows of sizes) {
    const grid = generatePlanGrid(rows);
    const json = JSON.stringify(grid);
    const runs = rows >= 1_000_000 ? 3 : ctx.runs;
    const engine: number[] = [];
    const parse: number[] = [];
    // One warm-up run of each, so the JIT has compiled both before anything is timed.
    for (let i = -1; i < runs; i++) {
      let t = performance.now();
      JSON.parse(json);
      const p = performance.now() - t;
      t = performance.now();
      const analysis = analyzeWorkbook([grid], { asOf, rules, lang: 'zh' });
      buildBulletin(analysis.sheets, asOf, { lang: 'zh', rules });
      const e = performance.now() - t;
      if (i >= 0) {
        parse.push(p);
        engine.push(e);
      }
    }
    const label = rows.toLocaleString('en-US').replace(/,/g, '_');
    const e = median(engine);
    const p = median(parse);
    figures.push({ name: `engine.${label}.ms`, value: e, unit: 'ms' });
    figures.push({ name: `engine.${label}.per_row`, value: (e * 1000) / rows, unit: 'µs/row' });
    figures.push({
      name: `engine.${label}.ratio_to_json_parse`,
      value: e / p,
      unit: 'x',
      // The issue sets the budget on the 100,000-row grid; the other sizes show the growth.
      ...(rows === 100_000 ? { budget: 3 } : {}),
      note: `JSON.parse ${p.toFixed(1)} ms`,
    });
  }
  return figures;
}
