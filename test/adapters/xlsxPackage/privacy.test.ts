import { promises as fsp } from 'fs';
import fc from 'fast-check';
import { PackageWorkbook } from '../../../src/adapters/xlsxPackage/PackageWorkbook';
import { analyzeWorkbook } from '../../../src/core/analyzeWorkbook';
import { buildBulletin } from '../../../src/core/bulletin/buildBulletin';
import { dayNumber, formatIsoDay, type DayNumber } from '../../../src/core/dates';
import type { SheetGrid } from '../../../src/core/grid';
import { isOwnSheet } from '../../../src/core/ownSheets';
import { resolveRules, type RuleInput, type RuleSet } from '../../../src/core/rules';
import type { WorkbookSettings } from '../../../src/port/WorkbookPort';
import { bytesOfWorkbook, workbookOf } from '../../fixtures/bad/writeWorkbook';
import { asOfArb, planTable } from '../../support/genPlanTable';
import {
  PEOPLE,
  leaks,
  stateRowsStrings,
  userStrings,
  withPeople,
  xlsxStateStrings,
} from '../../support/storedState';
import { SAMPLE } from '../../support/samples';

/**
 * After painting, adding the bulletin and saving settings through the xlsx adapter, the very
 * hidden `_tricolor` sheet holds rules, column letters, dates, colours and fill records: no string
 * of any user cell (project names, units, leaders such as 陈静 and 王芳, problems), anywhere in it.
 */

const RUNS = Number(process.env.FC_RUNS ?? 30);

/** Rules a user chose in the task pane: labels of their own, and a header. */
const CHOSEN: RuleInput = {
  preset: 'node-lag',
  lagMonths: 2,
  labels: { lagging: '进度滞后' },
  statusHeader: '督办状态',
};

function rules(): RuleSet {
  const r = resolveRules(CHOSEN, 'zh');
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.value;
}

/** Paints every table, writes the bulletin and saves settings, as one session of the add-in would. */
async function fullSession(
  bytes: Uint8Array,
  asOf: DayNumber,
): Promise<{ grids: SheetGrid[]; saved: Uint8Array; painted: number }> {
  const book = await PackageWorkbook.open(bytes);
  const grids: SheetGrid[] = [];
  for (const s of await book.listSheets()) {
    if (!isOwnSheet(s.name)) grids.push(await book.readSheet(s.name));
  }
  const analysis = analyzeWorkbook(grids, { asOf, rules: rules(), lang: 'zh' });
  for (const s of analysis.sheets) await book.applyPaint(s.paint);
  if (analysis.sheets.length > 0) {
    await book.writeBulletin(buildBulletin(analysis.sheets, asOf, { lang: 'zh', rules: rules() }));
  }
  const settings: WorkbookSettings = {
    rules: CHOSEN,
    overrides: Object.fromEntries(
      analysis.sheets.map((s) => [s.sheet, { leader: 'M', note: null }]),
    ),
    lastAsOf: formatIsoDay(asOf),
  };
  await book.saveSettings(settings);
  return { grids, saved: await book.save(), painted: analysis.sheets.length };
}

describe('what the xlsx adapter stores about itself in a workbook', () => {
  it('holds no user cell text and no person’s name after painting the sample, writing its bulletin and saving settings', async () => {
    const input = new Uint8Array(await fsp.readFile(SAMPLE));
    const { grids, saved, painted } = await fullSession(input, dayNumber(2023, 6, 30));
    expect(painted).toBe(1);
    const stored = await xlsxStateStrings(saved);
    // The state was read: paint record, bulletin list and settings, with the chosen rules.
    expect(stored).toEqual(
      expect.arrayContaining(['paint:重点项目', 'bulletins', 'settings', '进度滞后', '督办状态']),
    );
    const user = userStrings(grids, rules());
    // What is looked for: the people, the units, the problems, the project names.
    expect(user).toEqual(
      expect.arrayContaining(['陈静', '王芳', '区发改局', '资金缺口较大', '智能装备制造项目(1)']),
    );
    expect(leaks(user, stored)).toEqual([]);
  });

  it('holds no user cell text and no person’s name for generated plan tables with leaders and problems', async () => {
    await fc.assert(
      fc.asyncProperty(planTable({ maxRows: 12 }), asOfArb, async (t, asOf) => {
        const grid = withPeople(t);
        const { grids, saved, painted } = await fullSession(
          await bytesOfWorkbook(workbookOf(grid)),
          asOf,
        );
        fc.pre(painted === 1 && t.dataRows.length > 0);
        const user = userStrings(grids, rules());
        expect(user).toEqual(
          expect.arrayContaining(PEOPLE.slice(0, Math.min(t.dataRows.length, 6))),
        );
        expect(leaks(user, await xlsxStateStrings(saved))).toEqual([]);
      }),
      { numRuns: RUNS, seed: 5_000_005 },
    );
  }, 120_000);

  it('would report a user string stored anywhere in a record, in a value or a key', () => {
    const stored = stateRowsStrings([
      ['note', 1],
      [
        'paint:重点项目',
        '{"status":{"header":"三色状态"},"x":{"王芳":',
        '1},"y":["资金缺口较大"]}',
      ],
    ]);
    expect(leaks(['王芳', '资金缺口较大', '陈静'], stored)).toEqual([
      '"王芳" in "王芳"',
      '"资金缺口较大" in "资金缺口较大"',
    ]);
  });
});
