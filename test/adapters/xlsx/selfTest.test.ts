import { XlsxSelfTestHost } from '../../../src/adapters/xlsx/selfTest';
import { SELF_TEST_SCENARIOS, runSelfTest } from '../../../src/session/selfTest';

describe('自检 in the page', () => {
  it('runs every scenario against a workbook it generates and gives that workbook back', async () => {
    const host = await XlsxSelfTestHost.create('zh');
    const before = await host.port.listSheets();
    const report = await runSelfTest(host, 'zh');
    expect(report.results.map((r) => r.scenario)).toEqual([...SELF_TEST_SCENARIOS]);
    expect(report.restored).toBe(true);
    expect(await host.port.listSheets()).toEqual(before);
    // What the self-test found in the xlsx adapter, kept visible until it is fixed: a sheet painted,
    // saved and opened again, then repainted and cleared, gets the user's own fill of one row on
    // another row too (the conformance suite reopens through a fresh model and does not see it).
    expect(report.results.filter((r) => !r.ok).map((r) => r.scenario)).toEqual(['clear']);
    expect(report.results.find((r) => r.scenario === 'clear')?.detail).toBe(
      'fills after clear #DDEBF7,,,#DDEBF7,',
    );
  }, 30_000);
});
