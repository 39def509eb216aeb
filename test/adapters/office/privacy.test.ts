import { promises as fsp } from 'fs';
import fc from 'fast-check';
import { MINIMUM_CAPABILITIES } from '../../../src/adapters/office/capabilities';
import { OfficeWorkbook } from '../../../src/adapters/office/OfficeWorkbook';
import { PackageWorkbook } from '../../../src/adapters/xlsxPackage/PackageWorkbook';
import { analyzeWorkbook } from '../../../src/core/analyzeWorkbook';
import { buildBulletin } from '../../../src/core/bulletin/buildBulletin';
import { dayNumber, formatIsoDay, type DayNumber } from '../../../src/core/dates';
import { a1, type SheetGrid } from '../../../src/core/grid';
import { isOwnSheet, STATE_SHEET } from '../../../src/core/ownSheets';
import { resolveRules, type RuleInput, type RuleSet } from '../../../src/core/rules';
import { readHistories, recordHistories } from '../../../src/session/history';
import { RecordingExcel } from '../../fakes/recordingExcel';
import { asOfArb, planTable } from '../../support/genPlanTable';
import {
  PEOPLE,
  fakeStateStrings,
  leaks,
  stringsIn,
  userStrings,
  withPeople,
} from '../../support/storedState';
import { SAMPLE } from '../../support/samples';

/**
 * After painting, adding the bulletin and saving settings through the Office adapter (in the
 * recording Excel fake), what it keeps in the workbook (the workbook settings and its very hidden
 * `_tricolor` sheet) holds no string of any user cell and no person's name.
 */

const RUNS = Number(process.env.FC_RUNS ?? 30);

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

function port(excel: RecordingExcel): OfficeWorkbook {
  return new OfficeWorkbook({ run: excel.run, capabilities: MINIMUM_CAPABILITIES });
}

/** A fake workbook holding the grids as a user's sheets: values, number formats, merges. */
function fakeOf(grids: readonly SheetGrid[]): RecordingExcel {
  const excel = new RecordingExcel();
  for (const g of grids) {
    const sheet = excel.addSheet(g.name);
    g.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null) sheet.setValues(a1(g, r, c), [[v]]);
      }),
    );
    g.numberFormats?.forEach((row, r) =>
      row?.forEach((fmt, c) => {
        if (fmt) sheet.setNumberFormat(a1(g, r, c), fmt);
      }),
    );
    for (const m of g.merges) sheet.merge(`${a1(g, m.top, m.left)}:${a1(g, m.bottom, m.right)}`);
  }
  return excel;
}

/** One session: read every sheet, paint, record the history, write the bulletin, save settings. */
async function fullSession(
  excel: RecordingExcel,
  asOf: DayNumber,
): Promise<{ grids: SheetGrid[]; stored: string[]; painted: number }> {
  const wb = port(excel);
  const grids: SheetGrid[] = [];
  for (const s of await wb.listSheets()) {
    if (!isOwnSheet(s.name)) grids.push(await wb.readSheet(s.name));
  }
  const analysis = analyzeWorkbook(grids, { asOf, rules: rules(), lang: 'zh' });
  for (const s of analysis.sheets) await wb.applyPaint(s.paint);
  const names = analysis.sheets.map((s) => s.sheet);
  await recordHistories(wb, analysis, await readHistories(wb, names), names);
  if (analysis.sheets.length > 0) {
    await wb.writeBulletin(buildBulletin(analysis.sheets, asOf, { lang: 'zh', rules: rules() }));
  }
  await wb.saveSettings({
    rules: CHOSEN,
    overrides: Object.fromEntries(
      analysis.sheets.map((s) => [s.sheet, { leader: 'M', note: null }]),
    ),
    lastAsOf: formatIsoDay(asOf),
  });
  const stored = [...excel.settings].flatMap(([k, v]) => [k, ...stringsIn(v)]);
  const stateSheet = excel.findSheet(STATE_SHEET);
  if (stateSheet) {
    expect(stateSheet.visibility).toBe('VeryHidden');
    stored.push(...fakeStateStrings(stateSheet));
  }
  return { grids, stored, painted: analysis.sheets.length };
}

describe('what the Office adapter stores about itself in a workbook', () => {
  it('holds no user cell text and no person’s name in settings or its state sheet after painting the sample, writing its bulletin and saving settings', async () => {
    const sample = await PackageWorkbook.open(new Uint8Array(await fsp.readFile(SAMPLE)));
    const grids: SheetGrid[] = [];
    for (const s of await sample.listSheets()) grids.push(await sample.readSheet(s.name));
    const {
      grids: read,
      stored,
      painted,
    } = await fullSession(fakeOf(grids), dayNumber(2023, 6, 30));
    expect(painted).toBe(1);
    // The stored state was read: the paint record, the bulletin list and the settings (on the
    // hidden sheet, mirrored in Workbook.settings).
    expect(stored).toEqual(
      expect.arrayContaining([
        'paint:重点项目',
        'bulletins',
        'settings',
        'tricolor.rules',
        '进度滞后',
        '督办状态',
      ]),
    );
    const user = userStrings(read, rules());
    expect(user).toEqual(
      expect.arrayContaining(['陈静', '王芳', '区发改局', '资金缺口较大', '智能装备制造项目(1)']),
    );
    expect(leaks(user, stored)).toEqual([]);
  });

  it('holds no user cell text and no person’s name for generated plan tables with leaders and problems', async () => {
    await fc.assert(
      fc.asyncProperty(planTable({ maxRows: 12 }), asOfArb, async (t, asOf) => {
        const { grids, stored, painted } = await fullSession(fakeOf([withPeople(t)]), asOf);
        fc.pre(painted === 1 && t.dataRows.length > 0);
        expect(stored).toContain(`paint:${t.grid.name}`);
        expect(stored).toContain(`history:${t.grid.name}`);
        const user = userStrings(grids, rules());
        expect(user).toEqual(
          expect.arrayContaining(PEOPLE.slice(0, Math.min(t.dataRows.length, 6))),
        );
        expect(leaks(user, stored)).toEqual([]);
      }),
      { numRuns: RUNS, seed: 5_000_006 },
    );
  }, 120_000);
});
