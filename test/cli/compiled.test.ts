import { execFile } from 'child_process';
import { promises as fsp } from 'fs';
import * as path from 'path';
import { promisify } from 'util';
import { SAMPLE, tempDir } from './cliTestKit';

const run = promisify(execFile);
const ROOT = process.cwd();

/**
 * `npm run build:cli` as it is configured (tsconfig.cli.json; npm ci's prepare script and npm test
 * run it), emitted into test-output/ rather than dist/ so that this test does not replace the copy
 * bin/tricolor.js runs while other tests use it: the compiled command must run on its own, with
 * node and the installed packages only.
 */
describe('the compiled command line', () => {
  it('compiles with tsconfig.cli.json and runs with node alone', async () => {
    const build = path.join(ROOT, 'test-output', `cli-build-${process.pid}`);
    const dir = await tempDir();
    try {
      const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
      await run(process.execPath, [tsc, '-p', 'tsconfig.cli.json', '--outDir', build], {
        cwd: ROOT,
      });
      const main = path.join(build, 'cli', 'main.js');
      const out = path.join(dir, 'out.xlsx');
      const { stdout, stderr } = await run(
        process.execPath,
        [main, 'run', SAMPLE, '--as-of', '2023-06-30', '--out', out],
        { cwd: dir },
      );
      expect(stderr).toBe('');
      expect(stdout).toContain('重点项目:22 行');
      expect((await fsp.readFile(out)).subarray(0, 2).toString()).toBe('PK');
    } finally {
      await fsp.rm(build, { recursive: true, force: true });
      await fsp.rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
