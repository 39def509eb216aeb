import { spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

/**
 * Issue 14's test of standing alone: the repository at HEAD, cloned into an empty folder with
 * nothing beside it, installs with `npm ci` (which compiles the command line), passes `npm test`,
 * and runs the README's first command-line example as written.
 */

const ROOT = join(__dirname, '..', '..');
// npm ci and a whole npm test on a shared 2-core machine: minutes, not seconds.
const TIMEOUT = 40 * 60_000;

/** The first line of the first sh block under the README's "## The command line". */
function firstCliExample(readme: string): string {
  const section = readme.split(/^## /m).find((s) => s.startsWith('The command line'));
  const block = /```sh\n([\s\S]*?)```/.exec(section ?? '')?.[1];
  const line = block?.split('\n').find((l) => l.trim() !== '');
  if (!line) throw new Error('README.md has no sh example under "## The command line"');
  return line.trim();
}

/** Every line of the first sh block under the README's "## The command line". */
function cliExamples(readme: string): string[] {
  const section = readme.split(/^## /m).find((s) => s.startsWith('The command line'));
  const block = /```sh\n([\s\S]*?)```/.exec(section ?? '')?.[1] ?? '';
  return block
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

/** The environment of a user's shell: none of the npm or jest variables this test runs under. */
function userEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!/^(npm_|JEST_|E2E_)/i.test(k) && k !== 'NODE_ENV' && k !== 'INIT_CWD') env[k] = v;
  }
  return { ...env, CI: 'true', OFFICE_ADDIN_USAGE_DATA_LEVEL: 'off' };
}

function sh(command: string, cwd: string): { status: number | null; output: string } {
  const r = spawnSync('sh', ['-c', command], {
    cwd,
    env: userEnv(),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, output: `${r.stdout}\n${r.stderr}`.slice(-6000) };
}

let parent = '';
let clone = '';

beforeAll(() => {
  parent = mkdtempSync(join(tmpdir(), 'tricolor-clone-'));
  clone = join(parent, 'tricolor');
  const head = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' });
  expect(head.status).toBe(0);
  const git = (args: string[], cwd: string) => {
    const r = spawnSync('git', args, { cwd, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  };
  git(['clone', '--quiet', '--no-checkout', ROOT, clone], parent);
  git(['checkout', '--quiet', head.stdout.trim()], clone);
});

afterAll(() => {
  if (parent) rmSync(parent, { recursive: true, force: true });
});

describe('a fresh clone with nothing beside it', () => {
  it(
    'installs with npm ci, which compiles the command line, and passes npm test',
    () => {
      expect(readdirSync(parent)).toEqual(['tricolor']);
      expect(existsSync(join(parent, 'shared'))).toBe(false);

      const install = sh('npm ci --no-audit --no-fund --prefer-offline', clone);
      expect([install.status, install.output]).toEqual([0, expect.any(String)]);
      expect(existsSync(join(clone, 'dist', 'cli', 'main.js'))).toBe(true);

      const test = sh('npm test', clone);
      expect([test.status, test.output]).toEqual([0, expect.any(String)]);
    },
    TIMEOUT,
  );

  it(
    "runs the README's first command-line example and writes the workbook and report it names",
    () => {
      const example = firstCliExample(readFileSync(join(clone, 'README.md'), 'utf8'));
      expect(example).toMatch(/^npx tricolor run samples\/projects\.xlsx /);
      const run = sh(example, clone);
      expect([run.status, run.output]).toEqual([0, expect.stringContaining('重点项目')]);
      const out = /--out (\S+)/.exec(example)?.[1] ?? '';
      expect(readFileSync(join(clone, out)).subarray(0, 2).toString()).toBe('PK');
      const report = JSON.parse(
        readFileSync(join(clone, /--report (\S+)/.exec(example)?.[1] ?? ''), 'utf8'),
      ) as { schemaVersion: number; sheets: { counts: unknown }[] };
      const expected = JSON.parse(
        readFileSync(join(clone, 'samples', 'expected.json'), 'utf8'),
      ) as Record<string, Record<string, { counts: unknown }>>;
      expect(report.schemaVersion).toBe(2);
      expect(report.sheets[0]?.counts).toEqual(expected['projects.xlsx']?.['2023-06-30']?.counts);
    },
    TIMEOUT,
  );

  it(
    "packs into a tarball that installs in an empty folder, where the README's examples run with the installed command",
    () => {
      const installDir = join(parent, 'office');
      const packed = sh(
        `mkdir -p ${installDir} && npm pack --silent --pack-destination ${installDir}`,
        clone,
      );
      expect([packed.status, packed.output]).toEqual([0, expect.any(String)]);
      const tarball = readdirSync(installDir).find((f) => f.endsWith('.tgz')) ?? '';
      const install = sh(
        `echo '{"name":"office","version":"1.0.0","private":true}' > package.json && npm install --no-audit --no-fund --prefer-offline ./${tarball}`,
        installDir,
      );
      expect([install.status, install.output]).toEqual([0, expect.any(String)]);
      // What staff get is the command, not the pane: no React, no development tools.
      expect(existsSync(join(installDir, 'node_modules', 'react'))).toBe(false);
      expect(existsSync(join(installDir, 'node_modules', 'ts-node'))).toBe(false);
      for (const example of cliExamples(readFileSync(join(clone, 'README.md'), 'utf8'))) {
        const line = example.replaceAll('samples/', 'node_modules/tricolor/samples/');
        const r = sh(line, installDir);
        expect([line, r.status, r.output]).toEqual([line, 0, expect.any(String)]);
      }
      expect(existsSync(join(installDir, 'projects.三色.xlsx'))).toBe(true);
      expect(existsSync(join(installDir, 'collect.json'))).toBe(true);
    },
    TIMEOUT,
  );
});
