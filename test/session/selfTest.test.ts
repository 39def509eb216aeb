import { stringsFor } from '../../src/taskpane/i18n/strings';
import {
  SELF_TEST_SCENARIOS,
  selfTestLongTable,
  selfTestText,
  type SelfTestReport,
} from '../../src/session/selfTest';

describe('the self-test’s scenarios and report', () => {
  it('builds a long table whose merge straddles rows 256 and 257, past one reading slice', () => {
    const { rows, merges } = selfTestLongTable();
    expect(rows.length).toBeGreaterThan(256);
    expect(merges).toEqual(['C256:C257']);
  });

  it('words the report one line a scenario, with the environment and what failed', () => {
    const report: SelfTestReport = {
      results: SELF_TEST_SCENARIOS.map((scenario) => ({
        scenario,
        ok: scenario !== 'pageLayout',
        detail: scenario === 'pageLayout' ? 'verticalFitToPages read back as 1' : '',
      })),
      restored: false,
      restoreDetail: 'AccessDenied',
    };
    const words = stringsFor('zh').selfTest;
    const text = selfTestText(
      report,
      { host: 'Excel', platform: 'PC', version: '16.0.17928', apiSets: ['1.1', '1.2'] },
      words.scenarios,
      words,
    );
    const lines = text.split('\n');
    expect(lines[1]).toBe('host: Excel; platform: PC; version: 16.0.17928');
    expect(lines[2]).toBe('ExcelApi: 1.1, 1.2');
    expect(lines).toContain('通过 读取');
    expect(lines).toContain(
      '未通过 通报页面设置(verticalFitToPages 为 0): verticalFitToPages read back as 1',
    );
    expect(lines[lines.length - 1]).toBe('未能完全恢复工作簿,请检查: AccessDenied');
    expect(lines).toHaveLength(3 + SELF_TEST_SCENARIOS.length + 1);
  });

  it('names every scenario in both languages', () => {
    for (const lang of ['zh', 'en'] as const) {
      const names = stringsFor(lang).selfTest.scenarios;
      expect(SELF_TEST_SCENARIOS.every((s) => names[s].length > 0)).toBe(true);
    }
  });
});
