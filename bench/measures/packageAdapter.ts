import { execFile } from 'child_process';
import { promises as fsp } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { median, type BenchContext, type Figure } from '../figure';
import { generatePlanXlsx } from '../genXlsx';
import { promisify } from 'util';
import { exists, timeProcess, which, type ProcessRun } from './cli';

const ROOT = path.join(__dirname, '..', '..');
/** The tricolor command as `npm ci` installs it: bin/tricolor.js runs dist/cli/main.js. */
const RUN = path.join(ROOT, 'bin', 'tricolor.js');
const TSC = require.resolve('typescript/bin/tsc');
const TIME = '/usr/bin/time';
const AS_OF = '2023-10-15';
const FULL_ROWS = 50_000;
/** Issue 13: a run faster than LibreOffice opening and saving the same file (aim: half). */
const RATIO_BUDGET = 1;
/** Issue 13: peak memory of a run on the 50,000-row file. */
const PEAK_BUDGET_MIB = 300;

/**
 * `tricolor run` on the bench's generated plan table — open, read, analyse, paint, the bulletin
 * with its chart, the history record, save, through the package adapter (the command line's build,
 * compiled afresh here) in a process of its own — against
 * `soffice --headless --convert-to xlsx` of the same file, in one run, the two taking turns so a
 * change in the machine's load falls on both, with their wall times and peak RSS (GNU time -v,
 * else the child's resourceUsage at exit).
 */
export async function measurePackageAdapter(ctx: BenchContext): Promise<Figure[]> {
  const rows = ctx.short ? 5_000 : FULL_ROWS;
  const runs = ctx.short ? 1 : 3;
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'tricolor-bench-pkg-'));
  const figures: Figure[] = [];
  const p = `package.${rows.toLocaleString('en-US').replace(/,/g, '_')}`;
  const mib = (kb: number): string => (kb / 1024).toFixed(0);
  try {
    // Compiled now, so the figures are the source's as it is, not an older dist/.
    await promisify(execFile)(process.execPath, [TSC, '-p', path.join(ROOT, 'tsconfig.cli.json')], {
      cwd: ROOT,
    });
    const input = path.join(dir, `plan-${rows}.xlsx`);
    await fsp.writeFile(input, await generatePlanXlsx(rows));
    const hasTime = await exists(TIME);
    const maxRss = path.join(dir, 'maxrss.js');
    await fsp.writeFile(
      maxRss,
      "process.on('exit', () => require('fs').writeSync(2, '\\nTRICOLOR_BENCH_MAXRSS_KB=' + process.resourceUsage().maxRSS + '\\n'));\n",
    );
    const node = process.execPath;
    const ourRun = (i: number): Promise<ProcessRun> =>
      timeProcess(
        node,
        [RUN, 'run', input, '--as-of', AS_OF, '--out', path.join(dir, `out-${i}.xlsx`)],
        {
          hasTime,
          maxRssPreload: maxRss,
        },
      );
    const soffice = await which('soffice');
    const loArgs = [
      `-env:UserInstallation=file://${path.join(dir, 'lo-profile')}`,
      '--headless',
      '--convert-to',
      'xlsx',
      '--outdir',
      path.join(dir, 'lo'),
      input,
    ];
    // Warm-ups, not timed: LibreOffice makes its fresh profile, Node's file cache fills.
    if (soffice !== null) await timeProcess(soffice, loArgs, { hasTime });
    await ourRun(-1);
    const ours: ProcessRun[] = [];
    const lo: ProcessRun[] = [];
    const load: number[] = [];
    for (let i = 0; i < runs; i++) {
      load.push(os.loadavg()[0] ?? 0);
      ours.push(await ourRun(i));
      if (soffice !== null) lo.push(await timeProcess(soffice, loArgs, { hasTime }));
    }
    const ms = median(ours.map((r) => r.ms));
    // The same on a 10-row file: what Node's start-up and loading the modules cost alone.
    const tiny = path.join(dir, 'tiny.xlsx');
    await fsp.writeFile(tiny, await generatePlanXlsx(10, 3));
    const startUp = await timeProcess(
      node,
      [RUN, 'run', tiny, '--as-of', AS_OF, '--out', path.join(dir, 'tiny-out.xlsx')],
      {
        hasTime,
        maxRssPreload: maxRss,
      },
    );
    figures.push({
      name: `${p}.run_process_ms`,
      value: ms,
      unit: 'ms',
      note:
        `tricolor run (open, read, analyse, paint, bulletin with chart, history, save), median of ` +
        `${ours.map((r) => r.ms.toFixed(0)).join('/')} ms; start-up and module loading ` +
        `${startUp.ms.toFixed(0)} ms on a 10-row file; load average ${load.map((l) => l.toFixed(1)).join('/')}`,
    });
    const rss = ours.map((r) => r.maxRssKb).filter((x): x is number => x !== null);
    if (rss.length > 0)
      figures.push({
        name: `${p}.peak_rss_mb`,
        value: Math.max(...rss) / 1024,
        unit: 'MiB',
        ...(rows === FULL_ROWS ? { budget: PEAK_BUDGET_MIB } : {}),
        note: `highest of ${rss.length} runs (${rss.map(mib).join('/')} MiB)`,
      });
    if (soffice === null) {
      figures.push({
        name: `${p}.soffice_found`,
        value: 0,
        unit: '',
        note: 'soffice is not on PATH',
      });
      return figures;
    }
    const loMs = median(lo.map((r) => r.ms));
    const loRss = lo.map((r) => r.maxRssKb).filter((x): x is number => x !== null);
    figures.push({
      name: `${p}.ratio_to_soffice`,
      value: ms / loMs,
      unit: 'x',
      ...(rows === FULL_ROWS ? { budget: RATIO_BUDGET } : {}),
      note:
        `tricolor run ${ms.toFixed(0)} ms vs soffice --headless --convert-to xlsx ${loMs.toFixed(0)} ms ` +
        `(${lo.map((r) => r.ms.toFixed(0)).join('/')}), runs taking turns` +
        (loRss.length > 0 ? `, soffice peak RSS ${mib(Math.max(...loRss))} MiB` : ''),
    });
  } finally {
    await fsp.rm(dir, { recursive: true, force: true });
  }
  return figures;
}
