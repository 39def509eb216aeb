import { spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { median, type BenchContext, type Figure } from '../figure';

const ROOT = path.join(__dirname, '..', '..');
const COMPILED = path.join(ROOT, 'dist', 'cli', 'main.js');
/** The budget for `npx tricolor --version`. */
const BUDGET_MS = 500;

/** Runs a command to completion; throws with its output if it fails. */
function run(cmd: string, args: readonly string[], cwd: string): string {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) {
    throw new Error(
      `${cmd} ${args.join(' ')} (in ${cwd}) exited ${r.status}: ${r.stdout}${r.stderr}`,
    );
  }
  return r.stdout;
}

/** Wall time of one run of a command, from spawn to exit; throws if it fails or says no version. */
function timeOnce(cmd: string, args: readonly string[], cwd: string): number {
  const started = performance.now();
  const out = run(cmd, args, cwd);
  const ms = performance.now() - started;
  if (!/^tricolor \d+\.\d+\.\d+/.test(out)) throw new Error(`${cmd} ${args.join(' ')}: ${out}`);
  return ms;
}

/** Medians of several timed runs after one unmeasured run (a user's second call: warm disk cache). */
function timed(runs: number, cmd: string, args: readonly string[], cwd: string): number[] {
  timeOnce(cmd, args, cwd);
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) xs.push(timeOnce(cmd, args, cwd));
  return xs;
}

/**
 * The command installed as an office installs it: the package `npm pack` makes (which runs the
 * prepare script, so the compiled command is in it), installed into an empty folder with npm.
 * Returns that folder.
 */
function installPacked(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tricolor-install-'));
  run('npm', ['pack', '--pack-destination', dir, '--silent'], ROOT);
  const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
  if (tarball === undefined) throw new Error(`npm pack left no tarball in ${dir}`);
  writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({ name: 'office-tools', version: '1.0.0', private: true }),
  );
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', `./${tarball}`], dir);
  return dir;
}

const list = (xs: readonly number[]): string => xs.map((x) => x.toFixed(0)).join('/');

/**
 * How long the command line takes to answer before it does any work.
 *
 * - `npx tricolor --version` where the command is installed (a packed install in an empty folder):
 *   the budgeted figure, because that is how staff and IT get the command.
 * - `npx tricolor --version` inside this repository's checkout after `npm ci`: printed, not
 *   budgeted. npm 11 runs a package's own bin by linking the checkout into its npx cache and
 *   loading that tree, which walks every development dependency (webpack, jest, Fluent UI…), so
 *   the figure is npm's, and grows with node_modules, not with anything the command does.
 * - `node bin/tricolor.js --version`: the launcher alone, so npm's part and ours can be told apart.
 *
 * It measures the compiled command and refuses to measure ts-node in its place.
 */
export function measureStartup(ctx: BenchContext): Promise<Figure[]> {
  if (!existsSync(COMPILED)) {
    throw new Error('dist/cli/main.js is missing: run npm ci (or npm run build:cli) first.');
  }
  const runs = ctx.short ? 3 : 7;
  const installed = installPacked();
  try {
    const npxInstalled = timed(runs, 'npx', ['tricolor', '--version'], installed);
    const npxCheckout = timed(runs, 'npx', ['tricolor', '--version'], ROOT);
    const launcher = timed(runs, process.execPath, ['bin/tricolor.js', '--version'], ROOT);
    return Promise.resolve([
      {
        name: 'cli.startup.npx_version_ms',
        value: median(npxInstalled),
        unit: 'ms',
        budget: BUDGET_MS,
        note: `npx tricolor --version where npm installed the packed command, median of ${runs} (${list(npxInstalled)} ms)`,
      },
      {
        name: 'cli.startup.npx_in_checkout_ms',
        value: median(npxCheckout),
        unit: 'ms',
        note: `npx tricolor --version inside the repository after npm ci, median of ${runs} (${list(npxCheckout)} ms): npm's self-execution walks the development tree`,
      },
      {
        name: 'cli.startup.node_version_ms',
        value: median(launcher),
        unit: 'ms',
        note: `node bin/tricolor.js --version, the compiled command without npx, median of ${runs} (${list(launcher)} ms)`,
      },
    ]);
  } finally {
    rmSync(installed, { recursive: true, force: true });
  }
}
