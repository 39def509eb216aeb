import { spawnSync } from 'child_process';
import { existsSync } from 'fs';
import * as path from 'path';
import { median, type BenchContext, type Figure } from '../figure';

const ROOT = path.join(__dirname, '..', '..');
const COMPILED = path.join(ROOT, 'dist', 'cli', 'main.js');
/** The budget for `npx tricolor --version` after `npm ci`. */
const BUDGET_MS = 500;

/** Wall time of one run of a command in the repository, from spawn to exit; throws if it fails. */
function timeOnce(cmd: string, args: readonly string[]): number {
  const started = performance.now();
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8' });
  const ms = performance.now() - started;
  if (r.status !== 0 || !/^tricolor \d+\.\d+\.\d+/.test(r.stdout)) {
    throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stdout}${r.stderr}`);
  }
  return ms;
}

/**
 * How long the command line takes to answer before it does any work: `npx tricolor --version`
 * as a user types it (npm's own exec machinery included), and `node bin/tricolor.js --version`,
 * the launcher alone, so the part that is npm's and the part that is ours can be told apart.
 * It measures what `npm ci` installed (dist/cli, compiled by the prepare script) and refuses to
 * measure ts-node in its place.
 */
export function measureStartup(ctx: BenchContext): Promise<Figure[]> {
  if (!existsSync(COMPILED)) {
    throw new Error('dist/cli/main.js is missing: run npm ci (or npm run build:cli) first.');
  }
  const runs = ctx.short ? 3 : 7;
  const npx: number[] = [];
  const launcher: number[] = [];
  // One unmeasured run of each, so the disk cache is warm for both as it is for a user's second call.
  timeOnce('npx', ['tricolor', '--version']);
  timeOnce(process.execPath, ['bin/tricolor.js', '--version']);
  for (let i = 0; i < runs; i++) {
    npx.push(timeOnce('npx', ['tricolor', '--version']));
    launcher.push(timeOnce(process.execPath, ['bin/tricolor.js', '--version']));
  }
  const list = (xs: number[]): string => xs.map((x) => x.toFixed(0)).join('/');
  return Promise.resolve([
    {
      name: 'cli.startup.npx_version_ms',
      value: median(npx),
      unit: 'ms',
      budget: BUDGET_MS,
      note: `npx tricolor --version, median of ${runs} (${list(npx)} ms)`,
    },
    {
      name: 'cli.startup.node_version_ms',
      value: median(launcher),
      unit: 'ms',
      note: `node bin/tricolor.js --version, the compiled command without npx, median of ${runs} (${list(launcher)} ms)`,
    },
  ]);
}
