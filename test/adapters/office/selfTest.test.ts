import { MINIMUM_CAPABILITIES } from '../../../src/adapters/office/capabilities';
import { OfficeWorkbook } from '../../../src/adapters/office/OfficeWorkbook';
import { STATE_SHEET } from '../../../src/core/ownSheets';
import { OfficeSelfTestHost } from '../../../src/adapters/office/selfTest';
import { SELF_TEST_SCENARIOS, runSelfTest } from '../../../src/session/selfTest';
import { RecordingExcel } from '../../fakes/recordingExcel';

/** A user's workbook: a painted-before plan sheet of their own, a selection, a setting. */
function usersExcel(): RecordingExcel {
  const excel = new RecordingExcel();
  const s = excel.addSheet('计划', [
    ['2024年计划'],
    ['序号', '项目名称', '责任单位', '计划节点'],
    [1, '甲', '区住建局', '2024年3月31日'],
  ]);
  s.setFill('A3:D3', '#FFF2CC');
  excel.addSheet('说明', [['备注']]);
  excel.activate('说明');
  excel.sheet('说明').selection = 'A1';
  excel.settings.set('tricolor.lastAsOf', '2024-05-31');
  excel.settings.set('someone.else', { keep: true });
  return excel;
}

/**
 * Everything a user could see, and the add-in's records as records: a record written back goes
 * below the used rows (recordStore.ts), so the hidden sheet's cells move while the records stay.
 */
async function state(excel: RecordingExcel): Promise<unknown> {
  return {
    sheets: excel.sheets.map((s) => ({
      name: s.name,
      snapshot: s.name === STATE_SHEET ? s.visibility : s.snapshot(),
    })),
    records: [...(await hostOver(excel).port.readRecords())],
    settings: [...excel.settings],
    active: excel.activeSheet?.name,
    selection: excel.selection,
  };
}

/** The same workbook once the add-in has kept records in it (its hidden sheet exists). */
async function withRecords(excel: RecordingExcel): Promise<RecordingExcel> {
  await hostOver(excel).port.writeRecords(new Map([['someKey', '{"v":1}']]));
  return excel;
}

function hostOver(excel: RecordingExcel): OfficeSelfTestHost {
  const caps = { ...MINIMUM_CAPABILITIES, mergedAreas: true };
  return new OfficeSelfTestHost(
    new OfficeWorkbook({ run: excel.run, capabilities: caps }),
    excel.run,
  );
}

describe('自检 in Excel', () => {
  it('passes every scenario against the recording fake and leaves the workbook as it was', async () => {
    const excel = usersExcel();
    const before = await state(excel);
    const report = await runSelfTest(hostOver(excel));
    expect(report.results.filter((r) => !r.ok)).toEqual([]);
    expect(report.results.map((r) => r.scenario)).toEqual([...SELF_TEST_SCENARIOS]);
    expect(report.restored).toBe(true);
    expect(await state(excel)).toEqual(before);
  });

  it('puts the add-in’s own records back as they were when it had some', async () => {
    const excel = await withRecords(usersExcel());
    const before = await state(excel);
    const report = await runSelfTest(hostOver(excel));
    expect(report.results.every((r) => r.ok)).toBe(true);
    expect(await state(excel)).toEqual(before);
  });

  it('paints an address list longer than one 4,000-character chunk on the long table', async () => {
    const excel = usersExcel();
    await runSelfTest(hostOver(excel));
    const fills = excel.stats.writes.filter(
      (w) => w.sheet === '_tricolor自检长表' && w.what === 'fill' && w.address.includes(','),
    );
    expect(Math.max(...fills.map((w) => w.address.length))).toBeGreaterThan(3_000);
    expect(fills.length).toBeGreaterThan(2);
  });

  it.each([
    ['without records of its own', false],
    ['with records of its own', true],
  ])(
    'reports a failure it meets at any sync (%s) and leaves the workbook as it was, or says it could not',
    async (_, records) => {
      const make = async (): Promise<RecordingExcel> => {
        const excel = usersExcel();
        return records ? withRecords(excel) : excel;
      };
      const whole = await make();
      whole.resetStats();
      // Where the putting back begins: the sheet listing just before the last removal of sheets.
      const host = hostOver(whole);
      const remove = host.removeSheets.bind(host);
      let cleanup = 0;
      host.removeSheets = (names) => {
        cleanup = whole.stats.syncs - 1;
        return remove(names);
      };
      await runSelfTest(host);
      const syncs = whole.stats.syncs;
      expect(syncs).toBeGreaterThan(20);
      const unrestored: number[] = [];
      for (let sync = 1; sync <= syncs; sync += 2) {
        const excel = await make();
        const before = await state(excel);
        excel.resetStats();
        excel.failAtSync(sync, 'GeneralException', { applied: 0.5 });
        const report = await runSelfTest(hostOver(excel));
        if (!report.restored) {
          // Only a failure while putting the workbook back can leave it changed, and it says so.
          expect(report.restoreDetail).not.toBe('');
          unrestored.push(sync);
          continue;
        }
        expect(report.results.some((r) => !r.ok)).toBe(true);
        expect(await state(excel)).toEqual(before);
      }
      // Every failure before the putting back left the workbook as it was.
      expect(unrestored.every((n) => n > cleanup)).toBe(true);
    },
    // A whole self-test for every other sync: seconds on a shared machine.
    30_000,
  );
});
