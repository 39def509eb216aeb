import { execFile } from 'child_process';
import { promises as fsp } from 'fs';
import * as path from 'path';
import { promisify } from 'util';
import { SAMPLE, tempDir } from './cliTestKit';

const run = promisify(execFile);

describe('the tricolor command as a process', () => {
  it('runs from bin/tricolor.js, writes the workbook and exits 0', async () => {
    const dir = await tempDir();
    try {
      const out = path.join(dir, 'out.xlsx');
      const bin = path.resolve(process.cwd(), 'bin/tricolor.js');
      // Run from another folder: the launcher must find its own tsconfig.
      const { stdout, stderr } = await run(
        process.execPath,
        [bin, 'run', SAMPLE, '--as-of', '2023-06-30', '--out', out],
        { cwd: dir },
      );
      expect(stderr).toBe('');
      expect(stdout).toContain('重点项目:22 行');
      expect((await fsp.readFile(out)).subarray(0, 2).toString()).toBe('PK');
    } finally {
      await fsp.rm(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('exits 2 with one sentence and no stack trace for a file that is not a workbook', async () => {
    const dir = await tempDir();
    try {
      const input = path.join(dir, 'x.xlsx');
      await fsp.writeFile(input, 'not a workbook');
      const bin = path.resolve(process.cwd(), 'bin/tricolor.js');
      const failure = await run(process.execPath, [bin, 'run', input], { cwd: dir }).then(
        () => null,
        (e: { code: number; stderr: string }) => e,
      );
      expect(failure?.code).toBe(2);
      expect(failure?.stderr).toBe('这个文件不是 Excel 工作簿(.xlsx),无法读取。\n');
    } finally {
      await fsp.rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
