import { promises as fsp } from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { CliIo } from '../../src/cli/main';

import { SAMPLE } from '../support/samples';

export { SAMPLE, SAMPLES } from '../support/samples';

export interface Captured extends CliIo {
  out(): string;
  err(): string;
}

/** An io for main(): output captured, the given folder as cwd, and a fixed clock. */
export function captureIo(cwd: string, now = new Date(2023, 5, 30, 10, 0)): Captured {
  let out = '';
  let err = '';
  return {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    cwd,
    now: () => now,
    out: () => out,
    err: () => err,
  };
}

export async function tempDir(): Promise<string> {
  return fsp.mkdtemp(path.join(os.tmpdir(), 'tricolor-cli-'));
}

/** A copy of the sample in its own folder, so runs can write beside it. */
export async function sampleCopy(dir: string, name = 'projects.xlsx'): Promise<string> {
  const file = path.join(dir, name);
  await fsp.copyFile(SAMPLE, file);
  return file;
}

export async function readJson(file: string): Promise<unknown> {
  return JSON.parse(await fsp.readFile(file, 'utf8')) as unknown;
}
