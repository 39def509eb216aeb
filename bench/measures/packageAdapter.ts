import { promises as fsp } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { median, type BenchContext, type Figure } from '../figure';
import { generatePlanXlsx } from '../genXlsx';
import { exists, timeProcess, which, type ProcessRun } from './cli';

const ROOT = path.join(__dirname, '..', '..');
const RUN = path.join(ROOT, 'bench', 'packageRun.ts');
const TIME = '/usr/bin/time';
const AS_OF = '2023-10-15';
const FULL_ROWS = 50_000;
/** Issue 13: a run faster than LibreOffice opening and saving the same file (aim: half). */
const RATIO_BUDGET = 1;
/** Issue 13: peak memory of a run on the 50,000-row file. */
const PEAK_BUDGET_MIB = 300;

/**
 * The package adapter (src/adapters/xlsxPackage) doing a run's work on the bench's generated plan
 * table — open, read, analyse, paint, save, as bench/packageRun.ts in a process of its own started
 * through ts-node — against `soffice --headless --convert-to xlsx` of the same file, in one run,
 * with their wall times and peak RSS (GNU time -v, else the child's resourceUsage at exit).
 */
export async function measurePackageAdapter(ctx: BenchContext): Promise<Figure[]> {
  const rows = ctx.short ? 5_000 : FULL_ROWS;
  const runs = ctx.short ? 1 : 3;
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'tricolor-bench-pkg-'));
  const figures: Figure[] = [];
  const p = `package.${rows.toLocaleString('en-US').replace(/,/g, '_')}`;
  try {
    const input = path.join(dir, `plan-${rows}.xlsx`);
    await fsp.writeFile(input, await generatePlanXlsx(rows));
    const hasTime = await exists(TIME);
    const maxRss = path.join(dir, 'maxrss.js');
    await fsp.writeFile(
      maxRss,
      "process.on('exit', () => require('fs').writeSync(2, '\\nTRICOLOR_BENCH_MAXRSS_KB=' + process.resourceUsage().maxRSS + '\\n'));\n",
    );
    const node = process.execPath;
    const ours: ProcessRun[] = [];
    for (let i = 0; i < runs; i++) {
      ours.push(
        await timeProcess(
          node,
          [
            '-r',
            'ts-node/register/transpile-only',
            RUN,
            input,
            path.join(dir, `out-${i}.xlsx`),
            AS_OF,
          ],
          { hasTime, maxRssPreload: maxRss },
        ),
      );
    }
    const ms = median(ours.map((r) => r.ms));
    // The same on a 10-row file: what ts-node's start-up and compiling the modules cost alone.
    const tiny = path.join(dir, 'tiny.xlsx');
    await fsp.writeFile(tiny, await generatePlanXlsx(10, 3));
    const startUp = await timeProcess(
      node,
      ['-r', 'ts-node/register/transpile-only', RUN, tiny, path.join(dir, 'tiny-out.xlsx'), AS_OF],
      { hasTime, maxRssPreload: maxRss },
    );
    figures.push({
      name: `${p}.run_process_ms`,
      value: ms,
      unit: 'ms',
      note: `open, read, analyse, paint, save; includes ts-node start-up, ${startUp.ms.toFixed(0)} ms on a 10-row file`,
    });
    const rss = ours.map((r) => r.maxRssKb).filter((x): x is number => x !== null);
    if (rss.length > 0)
      figures.push({
        name: `${p}.peak_rss_mb`,
        value: Math.max(...rss) / 1024,
        unit: 'MiB',
        ...(rows === FULL_ROWS ? { budget: PEAK_BUDGET_MIB } : {}),
        note: `highest of ${rss.length} runs`,
      });
    const soffice = await which('soffice');
    if (soffice === null) {
      figures.push({
        name: `${p}.soffice_found`,
        value: 0,
        unit: '',
        note: 'soffice is not on PATH',
      });
      return figures;
    }
    const loArgs = [
      `-env:UserInstallation=file://${path.join(dir, 'lo-profile')}`,
      '--headless',
      '--convert-to',
      'xlsx',
      '--outdir',
      path.join(dir, 'lo'),
      input,
    ];
    await timeProcess(soffice, loArgs, { hasTime }); // makes the fresh profile; not timed
    const lo: ProcessRun[] = [];
    for (let i = 0; i < runs; i++) lo.push(await timeProcess(soffice, loArgs, { hasTime }));
    const loMs = median(lo.map((r) => r.ms));
    const loRss = lo.map((r) => r.maxRssKb).filter((x): x is number => x !== null);
    figures.push({
      name: `${p}.ratio_to_soffice`,
      value: ms / loMs,
      unit: 'x',
      ...(rows === FULL_ROWS ? { budget: RATIO_BUDGET } : {}),
      note:
        `package run ${ms.toFixed(0)} ms vs soffice --headless --convert-to xlsx ${loMs.toFixed(0)} ms` +
        (loRss.length > 0
          ? `, soffice peak RSS ${(Math.max(...loRss) / 1024).toFixed(0)} MiB`
          : ''),
    });
  } finally {
    await fsp.rm(dir, { recursive: true, force: true });
  }
  return figures;
}
