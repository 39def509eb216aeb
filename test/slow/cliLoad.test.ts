import { spawn } from 'child_process';
import { existsSync, promises as fsp, watch, type FSWatcher } from 'fs';
import * as os from 'os';
import * as path from 'path';
import fc from 'fast-check';
import { Workbook } from 'exceljs';
import { PackageWorkbook } from '../../src/adapters/xlsxPackage/PackageWorkbook';
import { analyzeWorkbook } from '../../src/core/analyzeWorkbook';
import { formatIsoDay } from '../../src/core/dates';
import { defaultRules } from '../../src/core/rules';
import { reread, snapshot } from '../support/xlsxTestKit';
import { bytesOfWorkbook, workbookOf } from '../fixtures/bad/writeWorkbook';
import { asOfArb, planTable } from '../support/genPlanTable';

/**
 * The command line as separate processes (bin/tricolor.js, as a user starts it), under load and
 * under SIGKILL. Run by `npm run test:slow`.
 *
 * bin/tricolor.js runs dist/cli/main.js when it was built, else the source through ts-node
 * (transpile only, about a second a process). This file never builds dist/cli: several engineers
 * share the checkout, and a stale dist/cli would then run in place of everyone's source.
 */

const BIN = path.resolve(process.cwd(), 'bin/tricolor.js');

interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

interface Started {
  readonly pid: number;
  readonly done: Promise<Exit>;
  kill(): void;
}

/** Starts `node bin/tricolor.js …args` in `cwd`; `done` settles when it exits or is killed. */
function start(args: readonly string[], cwd: string): Started {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  const done = new Promise<Exit>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  if (child.pid === undefined) throw new Error('the command did not start');
  return { pid: child.pid, done, kill: () => child.kill('SIGKILL') };
}

function run(args: readonly string[], cwd: string): Promise<Exit> {
  return start(args, cwd).done;
}

/** The report with its one clock reading (generatedAt) blanked: everything else is compared byte for byte. */
function withoutClock(report: string): string {
  const lines = report.split('\n');
  const clock = lines.filter((l) => /^ {2}"generatedAt": "[^"]*",$/.test(l));
  expect(clock).toHaveLength(1);
  const stamp = /"generatedAt": "([^"]*)"/.exec(clock[0] as string)?.[1] ?? '';
  expect(new Date(stamp).toISOString()).toBe(stamp);
  return lines.map((l) => (l === clock[0] ? '  "generatedAt": "…",' : l)).join('\n');
}

async function tempDir(tag: string): Promise<string> {
  return fsp.mkdtemp(path.join(os.tmpdir(), `tricolor-${tag}-`));
}

describe('twenty workbooks through tricolor run in twenty processes at once', () => {
  const COUNT = 20;
  let dir: string;
  /** Per workbook: its file name and the arguments after it. */
  const jobs: { input: string; options: string[] }[] = [];

  beforeAll(async () => {
    dir = await tempDir('load');
    await Promise.all(['in', 'one-by-one', 'at-once'].map((d) => fsp.mkdir(path.join(dir, d))));
    // Generated plan tables (fixed seed), each one the engine finds a table in, no two alike.
    const candidates = fc.sample(fc.tuple(planTable({ maxRows: 40 }), asOfArb), {
      seed: 20_230_630,
      numRuns: 200,
    });
    const seen = new Set<string>();
    for (const [t, asOf] of candidates) {
      if (jobs.length === COUNT) break;
      const key = JSON.stringify(t.grid);
      if (seen.has(key) || t.dataRows.length < 3) continue;
      const a = analyzeWorkbook([t.grid], { asOf, rules: defaultRules(), lang: 'zh' });
      if (a.sheets.length !== 1) continue;
      seen.add(key);
      const input = `plan-${jobs.length + 1}.xlsx`;
      await fsp.writeFile(path.join(dir, 'in', input), await bytesOfWorkbook(workbookOf(t.grid)));
      const lang = jobs.length % 2 === 0 ? 'zh' : 'en';
      jobs.push({ input, options: ['--as-of', formatIsoDay(asOf), '--lang', lang] });
    }
    expect(jobs).toHaveLength(COUNT);
  }, 120_000);

  afterAll(async () => {
    await fsp.rm(dir, { recursive: true, force: true });
  });

  /** The command line for job i, writing into `outDir` (relative to the run folder `dir`). */
  const argsOf = (i: number, outDir: string): string[] => {
    const job = jobs[i] as (typeof jobs)[number];
    const stem = job.input.replace(/\.xlsx$/, '');
    return [
      'run',
      path.join('in', job.input),
      ...job.options,
      '--out',
      path.join(outDir, `${stem}.out.xlsx`),
      '--report',
      path.join(outDir, `${stem}.report.json`),
    ];
  };

  it('gives each workbook byte-identical report JSON, cell-identical output workbooks and the same messages whether run one at a time or twenty at once', async () => {
    const oneByOne: Exit[] = [];
    for (let i = 0; i < COUNT; i++) oneByOne.push(await run(argsOf(i, 'one-by-one'), dir));
    const atOnce = await Promise.all(jobs.map((_, i) => run(argsOf(i, 'at-once'), dir)));

    for (let i = 0; i < COUNT; i++) {
      const a = oneByOne[i] as Exit;
      const b = atOnce[i] as Exit;
      const stem = (jobs[i] as (typeof jobs)[number]).input.replace(/\.xlsx$/, '');
      expect({ job: stem, codes: [a.code, b.code] }).toEqual({ job: stem, codes: [0, 0] });
      // The problems found in the table, on stderr, in the same order.
      expect(b.stderr).toBe(a.stderr);
      // The messages name the output folder, which is all that differs between the two runs.
      expect(b.stdout.split(path.join(dir, 'at-once')).join('<out>')).toBe(
        a.stdout.split(path.join(dir, 'one-by-one')).join('<out>'),
      );

      const reportA = await fsp.readFile(
        path.join(dir, 'one-by-one', `${stem}.report.json`),
        'utf8',
      );
      const reportB = await fsp.readFile(path.join(dir, 'at-once', `${stem}.report.json`), 'utf8');
      expect(withoutClock(reportB)).toBe(withoutClock(reportA));

      const bookA = await fsp.readFile(path.join(dir, 'one-by-one', `${stem}.out.xlsx`));
      const bookB = await fsp.readFile(path.join(dir, 'at-once', `${stem}.out.xlsx`));
      const snapA = snapshot(await reread(bookA));
      expect(snapA.map((s) => s.name)).toContain('重点项目');
      expect(snapshot(await reread(bookB))).toEqual(snapA);
    }
    // Twenty different workbooks give twenty different results: the comparison above was not of
    // one output with itself.
    const reports = await Promise.all(
      jobs.map((j) =>
        fsp.readFile(path.join(dir, 'at-once', j.input.replace(/\.xlsx$/, '.report.json')), 'utf8'),
      ),
    );
    expect(new Set(reports.map(withoutClock)).size).toBe(COUNT);
    // No temporary file is left behind by any run.
    for (const d of ['one-by-one', 'at-once']) {
      expect((await fsp.readdir(path.join(dir, d))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    }
  }, 240_000);
});

describe('tricolor run killed with SIGKILL while it works on a 100,000-row workbook', () => {
  const ROWS = 100_000;
  const DEADLINES = ['12月底', '3月底', '二季度', '尽快', '2023-01-15'];
  const OUT = 'out.xlsx';
  const REPORT = 'report.json';
  let dir: string;
  let input: string;
  /** What an uninterrupted run writes, for comparison. */
  let complete: { values: string; sheets: string[]; report: string; bytes: number; millis: number };

  const args = (outDir: string): string[] => [
    'run',
    input,
    '--as-of',
    '2023-06-30',
    '--out',
    path.join(outDir, OUT),
    '--report',
    path.join(outDir, REPORT),
  ];

  /** The plan sheet's values and the sheet names of a saved workbook; throws if it cannot be opened. */
  async function contentsOf(file: string): Promise<{ values: string; sheets: string[] }> {
    const book = await PackageWorkbook.open(await fsp.readFile(file));
    const grid = await book.readSheet('重点项目');
    return {
      values: JSON.stringify(grid.values),
      sheets: (await book.listSheets()).map((s) => s.name),
    };
  }

  beforeAll(async () => {
    dir = await tempDir('kill');
    input = path.join(dir, '重点项目.xlsx');
    const wb = new Workbook();
    const ws = wb.addWorksheet('重点项目');
    ws.addRow(['2023年度XX区重点项目推进计划表']);
    ws.addRow(['序号', '项目名称', '责任单位', '计划节点', '年度计划投资']);
    for (let i = 0; i < ROWS; i++) {
      ws.addRow([i + 1, `项目${i + 1}`, `单位${i % 50}`, DEADLINES[i % DEADLINES.length], 100]);
    }
    await wb.xlsx.writeFile(input);

    const whole = path.join(dir, 'whole');
    await fsp.mkdir(whole);
    const t0 = Date.now();
    const exit = await run(args(whole), dir);
    const millis = Date.now() - t0;
    expect(exit.code).toBe(0);
    const contents = await contentsOf(path.join(whole, OUT));
    complete = {
      ...contents,
      report: withoutClock(await fsp.readFile(path.join(whole, REPORT), 'utf8')),
      bytes: (await fsp.stat(path.join(whole, OUT))).size,
      millis,
    };
    expect(complete.sheets).toEqual(['重点项目', '通报2023-06-30', '滞后清单2023-06-30']);
  }, 300_000);

  afterAll(async () => {
    await fsp.rm(dir, { recursive: true, force: true });
  });

  /** writeAtomic's temporary name for `target`, written by process `pid` (src/cli/files.ts). */
  const tempOf = (target: string, pid: number): RegExp =>
    new RegExp(`^\\.${target.replace(/\./g, '\\.')}\\.${pid}\\.[0-9a-z]{1,8}\\.tmp$`);

  interface Moment {
    readonly name: string;
    /** Kill when a file event in the output folder satisfies this (or after `afterMs`). */
    readonly on?: { readonly file: string; readonly events: number };
    readonly afterMs?: (wholeRun: number) => number;
  }

  /**
   * Starts a run into `outDir` and kills it at the moment named: on the n-th file-system event
   * (creation, then one per chunk written) of the temporary file of OUT or REPORT, watched with
   * fs.watch, or after some time.
   */
  async function killAt(
    m: Moment,
    outDir: string,
  ): Promise<{ pid: number; exit: Exit; events: number }> {
    let watcher: FSWatcher | undefined;
    let timer: NodeJS.Timeout | undefined;
    let events = 0;
    const child = start(args(outDir), dir);
    if (m.on) {
      const wanted = tempOf(m.on.file, child.pid);
      const threshold = m.on.events;
      // Watching the folder, not polling it: inotify reports the temporary file's creation and
      // each chunk written to it, so the kill lands while the file is being written.
      watcher = watch(outDir, (_event, name) => {
        // Any file under the final name also counts: were the file written in place, the kill
        // would land in the middle of writing it, and the checks below would see a torn file.
        if (name === null || !(wanted.test(name) || name === m.on?.file)) return;
        if (++events === threshold) child.kill();
      });
    } else if (m.afterMs) {
      timer = setTimeout(() => child.kill(), m.afterMs(complete.millis));
    }
    const exit = await child.done;
    watcher?.close();
    if (timer) clearTimeout(timer);
    return { pid: child.pid, exit, events };
  }

  const MOMENTS: readonly Moment[] = [
    { name: 'while-reading', afterMs: (t) => Math.round(t * 0.15) },
    { name: 'report-partly-written', on: { file: REPORT, events: 3 } },
    { name: 'workbook-created', on: { file: OUT, events: 1 } },
    { name: 'workbook-two-chunks-written', on: { file: OUT, events: 3 } },
  ];

  it('leaves, at every moment it is killed, no file or a complete one under each final name and at most one temporary file per name, which the next run ignores', async () => {
    // One folder for every attempt, as a user would retry: each run meets what the killed ones left.
    const outDir = path.join(dir, 'retried');
    await fsp.mkdir(outDir);
    const pids: number[] = [];
    const torn: string[] = [];
    const isTemp = (f: string): boolean =>
      pids.some((pid) => tempOf(OUT, pid).test(f) || tempOf(REPORT, pid).test(f));
    for (const m of MOMENTS) {
      const { pid, exit, events } = await killAt(m, outDir);
      pids.push(pid);
      // It was killed, not finished: the moment was reached before the run ended.
      expect({ moment: m.name, signal: exit.signal }).toEqual({
        moment: m.name,
        signal: 'SIGKILL',
      });
      if (m.on) expect(events).toBeGreaterThanOrEqual(m.on.events);

      const files = await fsp.readdir(outDir);
      for (const target of [OUT, REPORT]) {
        const temps = files.filter((f) => tempOf(target, pid).test(f));
        expect({ moment: m.name, target, temps: temps.length <= 1 }).toEqual({
          moment: m.name,
          target,
          temps: true,
        });
        if (temps.length === 1 && target === OUT) {
          const size = (await fsp.stat(path.join(outDir, temps[0] as string))).size;
          if (size < complete.bytes) torn.push(m.name);
        }
        // Under the final name: nothing, or the whole file.
        if (!existsSync(path.join(outDir, target))) continue;
        if (target === OUT) {
          expect(await contentsOf(path.join(outDir, OUT))).toEqual({
            values: complete.values,
            sheets: complete.sheets,
          });
        } else {
          expect(withoutClock(await fsp.readFile(path.join(outDir, REPORT), 'utf8'))).toBe(
            complete.report,
          );
        }
      }
      // Nothing else: the final names and the killed runs' temporary files.
      const stray = files.filter((f) => ![OUT, REPORT].includes(f) && !isTemp(f));
      expect({ moment: m.name, stray }).toEqual({ moment: m.name, stray: [] });
    }
    // At least one kill really landed in the middle of writing the workbook (were it written in
    // place, there would be no temporary file, and a torn file under its name).
    expect(torn.length).toBeGreaterThan(0);

    // The next run into the folder: exit 0, the whole workbook and report, the killed runs'
    // temporary files left alone (they carry the killed processes' ids), none of its own.
    const left = (await fsp.readdir(outDir)).filter((f) => f.endsWith('.tmp')).sort();
    expect(left.length).toBeGreaterThan(0);
    const again = await run(args(outDir), dir);
    expect(again.code).toBe(0);
    expect(await contentsOf(path.join(outDir, OUT))).toEqual({
      values: complete.values,
      sheets: complete.sheets,
    });
    expect(withoutClock(await fsp.readFile(path.join(outDir, REPORT), 'utf8'))).toBe(
      complete.report,
    );
    expect((await fsp.readdir(outDir)).filter((f) => f.endsWith('.tmp')).sort()).toEqual(left);
  }, 900_000);
});
