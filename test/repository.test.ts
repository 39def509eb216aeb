import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * A clone of the repository stands alone: no file names a folder beside it (the design notes and
 * samples used to live in a shared folder next to the checkout) or a path of the machine it was
 * written on.
 */

const ROOT = join(__dirname, '..');
/** Installed, built or generated: not part of the repository. */
const SKIP = new Set(['.git', 'node_modules', 'dist', 'test-output', 'coverage', '.tmp']);
const TEXT = /\.(ts|tsx|js|mjs|cjs|json|md|xml|html|yml|yaml|txt|sh)$|^run$|^\.[a-z]+rc$/;
const OUTSIDE = [
  { what: 'a folder beside the repository', pattern: /\.\.\/shared\b/ },
  { what: 'a machine path', pattern: /(^|[\s"'`(=])\/(work|home|root|Users|tmp)\/[\w.-]/m },
];

function* textFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    if (SKIP.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* textFiles(path);
    else if (TEXT.test(name) && path !== __filename && name !== 'package-lock.json') yield path;
  }
}

describe('the repository', () => {
  it('names no folder beside it and no machine path in any of its text files', () => {
    const found: string[] = [];
    for (const file of textFiles(ROOT)) {
      const text = readFileSync(file, 'utf8');
      for (const { what, pattern } of OUTSIDE) {
        const m = pattern.exec(text);
        if (m) found.push(`${relative(ROOT, file)}: ${what} (${m[0].trim()})`);
      }
    }
    expect(found).toEqual([]);
  });
});
