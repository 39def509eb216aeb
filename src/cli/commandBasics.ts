import { readFileSync } from 'fs';
import * as path from 'path';

/*
 * What every command and `--version` need, kept apart from the commands themselves so that
 * `tricolor --version` and `--help` answer without loading the engine, ExcelJS or the documents.
 */

export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  readonly cwd: string;
  readonly now: () => Date;
}

export const EXIT = { ok: 0, failed: 1, usage: 2, noTable: 3 } as const;

/** The version in package.json. */
export function toolVersion(): string {
  try {
    // Both src/cli and dist/cli sit two folders below package.json.
    const file = path.join(__dirname, '..', '..', 'package.json');
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}
