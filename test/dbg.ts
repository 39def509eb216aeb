import { readFileSync, writeFileSync } from 'fs';
import { PackageWorkbook } from '../src/adapters/xlsxPackage/PackageWorkbook';
import { analyzeWorkbook } from '../src/core/analyzeWorkbook';
import { dayNumber } from '../src/core/dates';
import { defaultRules } from '../src/core/rules';
import { paintSheets, readSheets, clearSheets } from '../src/session/workflow';
void (async () => {
  for (const f of ['openpyxl-features.xlsx', 'openpyxl-features-vba.xlsm', 'libreoffice-features.xlsx']) {
    const book = await PackageWorkbook.open(readFileSync(`test/fixtures/corpus/${f}`));
    const { grids } = await readSheets(book);
    const a = analyzeWorkbook(grids, { asOf: dayNumber(2023, 6, 30), rules: defaultRules('zh'), lang: 'zh' });
    console.log(f, a.sheets.map((s) => [s.sheet, s.statuses.length]), book.unsupportedParts());
    const out = await paintSheets(book, a, 'zh');
    console.log(out.painted.map((p) => p.report));
    const bytes = await book.save();
    writeFileSync(`/tmp/painted-${f}`, bytes);
    const again = await PackageWorkbook.open(bytes);
    const g2 = (await readSheets(again)).grids;
    const a2 = analyzeWorkbook(g2, { asOf: dayNumber(2023, 6, 30), rules: defaultRules('zh'), lang: 'zh' });
    const c = await clearSheets(again, a2, await again.paintedSheets(), 'zh');
    console.log(c.cleared);
    writeFileSync(`/tmp/cleared-${f}`, await again.save());
  }
})();
