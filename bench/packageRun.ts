/**
 * The package adapter doing what `tricolor run` does to a file (open, read every sheet, analyse,
 * paint, save), as a process of its own so the bench can take its wall time and peak memory.
 * Usage: packageRun.ts <input.xlsx> <output.xlsx> <YYYY-MM-DD>
 */
import { promises as fsp } from 'fs';
import { PackageWorkbook } from '../src/adapters/xlsxPackage/PackageWorkbook';
import { analyzeWorkbook } from '../src/core/analyzeWorkbook';
import { dayNumber } from '../src/core/dates';
import { defaultRules } from '../src/core/rules';
import { paintSheets, readSheets } from '../src/session/workflow';

async function main(): Promise<void> {
  const [input, output, asOf] = process.argv.slice(2);
  if (input === undefined || output === undefined || asOf === undefined) throw new Error('usage');
  const [y, m, d] = asOf.split('-').map(Number);
  const book = await PackageWorkbook.open(await fsp.readFile(input));
  const { grids } = await readSheets(book);
  const analysis = analyzeWorkbook(grids, {
    asOf: dayNumber(y ?? 0, m ?? 0, d ?? 0),
    rules: defaultRules('zh'),
    lang: 'zh',
  });
  await paintSheets(book, analysis, 'zh');
  await fsp.writeFile(output, await book.save());
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
