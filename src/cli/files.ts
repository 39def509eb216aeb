import { promises as fsp } from 'fs';
import * as path from 'path';

/** The file's real path, following links; for a file not yet written, its folder's real path. */
async function realPath(file: string): Promise<string> {
  try {
    return await fsp.realpath(file);
  } catch {
    try {
      return path.join(await fsp.realpath(path.dirname(file)), path.basename(file));
    } catch {
      return path.resolve(file);
    }
  }
}

/**
 * True when two paths name the same file: equal real paths, or (for files that exist) the same
 * device and inode, which also catches hard links and case-insensitive file systems.
 */
export async function sameFile(a: string, b: string): Promise<boolean> {
  if ((await realPath(a)) === (await realPath(b))) return true;
  try {
    const [sa, sb] = await Promise.all([fsp.stat(a), fsp.stat(b)]);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

/** True when anything (file, folder, link) is at the path. */
export async function exists(file: string): Promise<boolean> {
  try {
    await fsp.lstat(file);
    return true;
  } catch {
    return false;
  }
}

/**
 * The default output beside the input: "plan.三色.xlsx" ("plan.tricolor.xlsx" in English; a
 * plan.csv also gives plan.三色.xlsx), or
 * "plan.三色 (2).xlsx" and so on when that file exists, so no file is ever overwritten by default.
 */
export async function defaultOutPath(input: string, tag: string): Promise<string> {
  const dir = path.dirname(input);
  const stem = path.basename(input).replace(/\.(xlsx|xlsm|xls|csv)$/i, '');
  for (let n = 1; ; n++) {
    const candidate = path.join(dir, `${stem}.${tag}${n === 1 ? '' : ` (${n})`}.xlsx`);
    if (!(await exists(candidate))) return candidate;
  }
}

/**
 * Writes a file so that it is either complete or absent: a temporary file in the same folder,
 * renamed over the target, and removed if anything fails.
 */
export async function writeAtomic(file: string, data: Uint8Array | string): Promise<void> {
  const dir = path.dirname(file);
  const random = Math.random().toString(36).slice(2, 10);
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${random}.tmp`);
  try {
    await fsp.writeFile(temp, data, { flag: 'wx' });
    await fsp.rename(temp, file);
  } catch (e) {
    await fsp.rm(temp, { force: true }).catch(() => undefined);
    throw e;
  }
}

export async function isDirectory(dir: string): Promise<boolean> {
  try {
    return (await fsp.stat(dir)).isDirectory();
  } catch {
    return false;
  }
}
