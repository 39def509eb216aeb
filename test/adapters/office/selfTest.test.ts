import { MINIMUM_CAPABILITIES } from '../../../src/adapters/office/capabilities';
import { OfficeWorkbook } from '../../../src/adapters/office/OfficeWorkbook';
import { OfficeSelfTestHost } from '../../../src/adapters/office/selfTest';
import { STATE_SHEET } from '../../../src/core/ownSheets';
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

function state(excel: RecordingExcel): unknown {
  return {
    sheets: excel.sheets.map((s) => ({ name: s.name, snapshot: s.snapshot() })),
    settings: [...excel.settings],
    active: excel.activeSheet?.name,
    selection: excel.selection,
  };
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
    const before = state(excel);
    const report = await runSelfTest(hostOver(excel));
    expect(report.results.filter((r) => !r.ok)).toEqual([]);
    expect(report.results.map((r) => r.scenario)).toEqual([...SELF_TEST_SCENARIOS]);
    expect(report.restored).toBe(true);
    // The add-in's hidden sheet may now exist, empty of records: nothing else of the run stays.
    const after = state(excel) as { sheets: { name: string }[] };
    after.sheets = after.sheets.filter((s) => s.name !== STATE_SHEET);
    expect(after).toEqual(before);
  });

  it('reports a failure it meets and still leaves the workbook as it was', async () => {
    for (const sync of [12, 30]) {
      const excel = usersExcel();
      const before = state(excel);
      excel.resetStats();
      excel.failAtSync(sync, 'GeneralException', { applied: 0.5 });
      const report = await runSelfTest(hostOver(excel));
      expect(report.results.some((r) => !r.ok)).toBe(true);
      expect(report.restored).toBe(true);
      const after = state(excel) as { sheets: { name: string }[] };
      after.sheets = after.sheets.filter((s) => s.name !== STATE_SHEET);
      expect(after).toEqual(before);
    }
  });
});
