/**
 * The package adapter doing what `tricolor run` does to a file (open, read every sheet, analyse,
 * paint, save), compiled with the command line (tsconfig.cli.json) so the bench times it as plain
 * JavaScript, without ts-node's seconds of start-up. It stands in for `tricolor run` until the
 * command line uses the package adapter itself.
 * Usage: node dist/cli/packageRun.js <input.xlsx> <output.xlsx> <YYYY-MM-DD> [--phases]
 * --phases prints each phase's wall time and the heap after it to stderr.
 */
import { promises as fsp } from 'fs';
import { nodeDeflateCodec } from '../adapters/xlsxPackage/nodeDeflateCodec';
import { PackageWorkbook } from '../adapters/xlsxPackage/PackageWorkbook';
import { analyzeWorkbook } from '../core/analyzeWorkbook';
import { dayNumber } from '../core/dates';
import { defaultRules } from '../core/rules';
import { paintSheets, readSheets } from '../session/workflow';

async function main(argv: readonly string[]): Promise<void> {
  const [input, output, asOf] = argv;
  if (input === undefined || output === undefined || asOf === undefined)
    throw new Error('usage: packageRun <input.xlsx> <output.xlsx> <YYYY-MM-DD> [--phases]');
  const phases = argv.includes('--phases');
  let last = performance.now();
  const phase = (name: string): void => {
    if (!phases) return;
    const now = performance.now();
    const m = process.memoryUsage();
    const mib = (n: number): string => (n / 1048576).toFixed(0);
    process.stderr.write(
      `${name.padEnd(8)} ${(now - last).toFixed(0).padStart(6)} ms  heap ${mib(m.heapUsed)} MiB, ` +
        `external+buffers ${mib(m.external + m.arrayBuffers)} MiB, rss ${mib(m.rss)} MiB\n`,
    );
    last = now;
  };
  phase('start');
  const [y, m, d] = asOf.split('-').map(Number);
  const bytes = await fsp.readFile(input);
  const book = await PackageWorkbook.open(bytes, 'zh', nodeDeflateCodec);
  phase('open');
  const { grids } = await readSheets(book);
  phase('read');
  const analysis = analyzeWorkbook(grids, {
    asOf: dayNumber(y ?? 0, m ?? 0, d ?? 0),
    rules: defaultRules('zh'),
    lang: 'zh',
  });
  phase('analyse');
  await paintSheets(book, analysis, 'zh');
  phase('paint');
  const out = await book.save();
  phase('save');
  await fsp.writeFile(output, out);
  phase('write');
}

main(process.argv.slice(2)).catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
