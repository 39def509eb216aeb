import { promises as fsp } from 'fs';
import * as path from 'path';
import { defaultOutPath, sameFile, writeAtomic } from '../../src/cli/files';
import { tempDir } from './cliTestKit';

let dir: string;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

describe('writeAtomic', () => {
  it('writes the whole file and leaves nothing else in the folder', async () => {
    const file = path.join(dir, 'a.json');
    await writeAtomic(file, '{"ok":true}');
    expect(await fsp.readFile(file, 'utf8')).toBe('{"ok":true}');
    expect(await fsp.readdir(dir)).toEqual(['a.json']);
  });

  it('removes its temporary file when the final rename fails', async () => {
    const target = path.join(dir, 'taken');
    await fsp.mkdir(target);
    await fsp.writeFile(path.join(target, 'keep.txt'), 'x');
    await expect(writeAtomic(target, 'data')).rejects.toThrow();
    expect(await fsp.readdir(dir)).toEqual(['taken']);
  });
});

describe('defaultOutPath', () => {
  it('puts the tag before the extension and numbers it when the file exists', async () => {
    const input = path.join(dir, '计划表.xlsx');
    expect(await defaultOutPath(input, '三色')).toBe(path.join(dir, '计划表.三色.xlsx'));
    await fsp.writeFile(path.join(dir, '计划表.三色.xlsx'), '');
    await fsp.writeFile(path.join(dir, '计划表.三色 (2).xlsx'), '');
    expect(await defaultOutPath(input, '三色')).toBe(path.join(dir, '计划表.三色 (3).xlsx'));
  });
});

describe('sameFile', () => {
  it('sees through relative spellings, symbolic and hard links', async () => {
    const a = path.join(dir, 'a.xlsx');
    await fsp.writeFile(a, 'x');
    await fsp.symlink(a, path.join(dir, 'sym.xlsx'));
    await fsp.link(a, path.join(dir, 'hard.xlsx'));
    expect(await sameFile(a, path.join(dir, '.', 'a.xlsx'))).toBe(true);
    expect(await sameFile(a, path.join(dir, 'sym.xlsx'))).toBe(true);
    expect(await sameFile(a, path.join(dir, 'hard.xlsx'))).toBe(true);
    expect(await sameFile(a, path.join(dir, 'b.xlsx'))).toBe(false);
  });
});
