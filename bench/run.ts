/**
 * `npm run bench`: generates its inputs, runs each measure several times, prints one line per
 * figure and exits non-zero when a figure is over budget. `--short` (CI) uses small sizes and
 * enforces only structural budgets (syncs, bytes, proxies, bundle size): CI machines are noisy.
 */
import { formatFigure, type BenchContext, type Figure, type Measure } from './figure';
import { measureCli } from './measures/cli';
import { measureEngine } from './measures/engine';
import { measureExcelTraffic } from './measures/excelTraffic';
import { measurePackageAdapter } from './measures/packageAdapter';
import { measureStartup } from './measures/startup';

const measures: [string, Measure][] = [
  ['engine', measureEngine],
  ['excel', measureExcelTraffic],
  ['startup', measureStartup],
  ['cli', measureCli],
  ['package', measurePackageAdapter],
  ['taskpane', (ctx) => import('./measures/taskpane').then((m) => m.measureTaskpane(ctx))],
];

async function main(): Promise<number> {
  const short = process.argv.includes('--short');
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  const ctx: BenchContext = { short, runs: short ? 3 : 5 };
  let over = 0;
  for (const [name, measure] of measures) {
    if (only && !only.split(',').includes(name)) continue;
    const figures: Figure[] = await measure(ctx);
    for (const f of figures) {
      const enforced = !short || f.structural === true;
      console.log(formatFigure(f, enforced));
      if (enforced && f.budget !== undefined && f.value > f.budget) over++;
    }
  }
  console.log(
    over === 0
      ? 'bench: all enforced figures within budget'
      : `bench: ${over} figure(s) OVER budget`,
  );
  return over === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(2);
  },
);
