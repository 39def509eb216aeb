import { promises as fsp } from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { PackageWorkbook } from '../../src/adapters/xlsxPackage/PackageWorkbook';
import { main } from '../../src/cli/main';
import { formatIsoDay } from '../../src/core/dates';
import type { SheetGrid } from '../../src/core/grid';
import { isOwnSheet } from '../../src/core/ownSheets';
import { resolveRules, type RuleInput, type RuleSet } from '../../src/core/rules';
import { bytesOfWorkbook, workbookOf } from '../fixtures/bad/writeWorkbook';
import { asOfArb, planTable } from '../support/genPlanTable';
import { PEOPLE, leaks, userStrings, withPeople, xlsxStateStrings } from '../support/storedState';
import { captureIo, SAMPLE, tempDir } from './cliTestKit';

/**
 * A full `tricolor run` (paint, bulletin, and the settings a user saved in the workbook, which the
 * run uses and keeps) leaves in the output's very hidden `_tricolor` sheet no string of any user
 * cell (names, units, leaders such as 陈静 and 王芳, problems): only rules, column letters, dates,
 * colours and fill records.
 */

/** The settings saved in the workbook by the add-in before this run: the run uses these rules. */
const SAVED_RULES: RuleInput = {
  preset: 'node-lag',
  lagMonths: 2,
  labels: { lagging: '进度滞后' },
  statusHeader: '督办状态',
};

function savedRules(): RuleSet {
  const r = resolveRules(SAVED_RULES, 'zh');
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.value;
}

/** The input with settings saved in it (rules, a column override, a last report date). */
async function withSettings(bytes: Uint8Array, sheet: string): Promise<Uint8Array> {
  const book = await PackageWorkbook.open(bytes);
  await book.saveSettings({
    rules: SAVED_RULES,
    overrides: { [sheet]: { leader: 'M', note: null } },
    lastAsOf: '2023-05-31',
  });
  return book.save();
}

async function userGrids(bytes: Uint8Array): Promise<SheetGrid[]> {
  const book = await PackageWorkbook.open(bytes);
  const grids: SheetGrid[] = [];
  for (const s of await book.listSheets()) {
    if (!isOwnSheet(s.name)) grids.push(await book.readSheet(s.name));
  }
  return grids;
}

/** Runs `tricolor run` on the bytes in a fresh folder; returns the exit code and the output. */
async function runOn(bytes: Uint8Array, asOf: string): Promise<{ code: number; out: Uint8Array }> {
  const dir = await tempDir();
  try {
    await fsp.writeFile(path.join(dir, 'plan.xlsx'), bytes);
    const io = captureIo(dir);
    const code = await main(['run', 'plan.xlsx', '--as-of', asOf, '--out', 'out.xlsx'], io);
    const out =
      code === 0
        ? new Uint8Array(await fsp.readFile(path.join(dir, 'out.xlsx')))
        : new Uint8Array();
    return { code, out };
  } finally {
    await fsp.rm(dir, { recursive: true, force: true });
  }
}

describe('what tricolor run leaves in the output workbook about itself', () => {
  it('holds no user cell text and no person’s name after a full run on the sample with saved settings', async () => {
    const input = await withSettings(new Uint8Array(await fsp.readFile(SAMPLE)), '重点项目');
    const { code, out } = await runOn(input, '2023-06-30');
    expect(code).toBe(0);
    const stored = await xlsxStateStrings(out);
    // The paint record, the bulletin list and the settings the run used are all there.
    expect(stored).toEqual(
      expect.arrayContaining([
        'paint:重点项目',
        'history:重点项目',
        'bulletins',
        'settings',
        '进度滞后',
        '督办状态',
        '2023-06-30',
      ]),
    );
    const user = userStrings(await userGrids(input), savedRules());
    expect(user).toEqual(
      expect.arrayContaining([
        '陈静',
        '王芳',
        '杨帆',
        '区交通运输局',
        '资金缺口较大',
        '城市快速路项目(2)',
      ]),
    );
    expect(leaks(user, stored)).toEqual([]);
  }, 60_000);

  it('holds no user cell text and no person’s name after full runs on generated plan tables with leaders and problems', async () => {
    await fc.assert(
      fc.asyncProperty(planTable({ maxRows: 12 }), asOfArb, async (t, asOf) => {
        const grid = withPeople(t);
        const input = await withSettings(await bytesOfWorkbook(workbookOf(grid)), grid.name);
        const { code, out } = await runOn(input, formatIsoDay(asOf));
        // Exit 3 (no table found) writes nothing: nothing to look at.
        fc.pre(code === 0 && t.dataRows.length > 0);
        const stored = await xlsxStateStrings(out);
        expect(stored).toContain(`paint:${grid.name}`);
        expect(stored).toContain(`history:${grid.name}`);
        const user = userStrings(await userGrids(input), savedRules());
        expect(user).toEqual(
          expect.arrayContaining(PEOPLE.slice(0, Math.min(t.dataRows.length, 6))),
        );
        expect(leaks(user, stored)).toEqual([]);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 15), seed: 5_000_007 },
    );
  }, 120_000);

  it('keeps in the history of three report dates only dates, row keys and status letters', async () => {
    const input = new Uint8Array(await fsp.readFile(SAMPLE));
    let bytes: Uint8Array = input;
    for (const asOf of ['2023-06-30', '2023-07-31', '2023-10-15']) {
      const { code, out } = await runOn(bytes, asOf);
      expect(code).toBe(0);
      bytes = out;
    }
    const records = await (await PackageWorkbook.open(bytes)).readRecords();
    const history = records.get('history:重点项目') ?? '';
    expect(JSON.parse(history)).toMatchObject({
      v: 1,
      dates: ['2023-06-30', '2023-07-31', '2023-10-15'],
    });
    // Nothing but the format's own words, ISO dates, base-36 keys and one letter per date.
    expect(history).toMatch(
      /^\{"v":1,"dates":\["[\d-]+"(,"[\d-]+")*\],"rows":\{("[0-9a-z]+":"[nlsdu.]{3}",?)+\}\}$/,
    );
    const user = userStrings(await userGrids(input), savedRules());
    expect(leaks(user, await xlsxStateStrings(bytes))).toEqual([]);
  }, 60_000);
});
