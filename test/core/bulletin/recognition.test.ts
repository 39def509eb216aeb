import { analyzeWorkbook } from '../../../src/core/analyzeWorkbook';
import { buildBulletin } from '../../../src/core/bulletin/buildBulletin';
import { dayNumber } from '../../../src/core/dates';
import { ReportSchema, buildReport } from '../../../src/core/report';
import { resolveRules, type RuleInput } from '../../../src/core/rules';
import { gridOf } from '../../support/gridOf';

const JUNE = dayNumber(2023, 6, 30);

const grid = gridOf('重点项目', [
  ['2023年重点项目推进表', null, null, null, null, null],
  ['序号', '项目名称', '责任单位', '计划节点', '是否完成', '实际完成时间'],
  [1, 'A项目', '区发改局', '2023年6月30日', '是', '2023年5月20日'], // done ahead
  [2, 'B项目', '区发改局', '2023年3月31日', '是', '2023年4月10日'], // done late
  [3, 'C项目', '区住建局', '2023年1月31日', '否', null], // severe
  [4, 'D项目', '区住建局', '2023年5月20日', '否', null], // lagging
  [5, 'E项目', '区交通局', '2023年9月30日', '否', null], // normal
]);

function rulesWith(input: RuleInput) {
  const r = resolveRules(input, 'zh');
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.value;
}

describe('表扬, 批评 and 考核', () => {
  it('praises items done before their node and units with nothing behind, and criticises units with severe items', () => {
    const rules = rulesWith({});
    const analysis = analyzeWorkbook([grid], { asOf: JUNE, rules, lang: 'zh' });
    const report = ReportSchema.parse(buildReport(analysis));
    const summary = report.sheets[0]?.summary;
    expect(summary?.recognition).toEqual({
      ahead: [{ row: 3, unit: '区发改局', doneDate: '2023-05-20', deadline: '2023-06-30' }],
      praisedUnits: ['区发改局', '区交通局'],
      criticizedUnits: [{ unit: '区住建局', severe: 1, longBehind: 0 }],
    });
    // Off by default: no 考核 table.
    expect(summary).not.toHaveProperty('assessment');
    const book = buildBulletin(analysis.sheets, JUNE, { lang: 'zh', rules });
    const texts = book.sheets[0]?.cells.map((c) => c.value) ?? [];
    expect(texts).toEqual(
      expect.arrayContaining(['通报表扬：提前完成的事项', 'A项目', '批评通报（约谈）']),
    );
    expect(texts).not.toContain('目标责任制考核');
  });

  it('ranks units by the points the rules set, in the report and the bulletin sheet', () => {
    const rules = rulesWith({ assessment: { lagging: -1, severe: -2.5, ahead: 0.5 } });
    const analysis = analyzeWorkbook([grid], { asOf: JUNE, rules, lang: 'zh' });
    const report = ReportSchema.parse(buildReport(analysis));
    expect(report.rules.assessment).toEqual({ lagging: -1, severe: -2.5, ahead: 0.5 });
    expect(report.sheets[0]?.summary.assessment).toEqual([
      { unit: '区发改局', ahead: 1, lagging: 0, severe: 0, points: 0.5 },
      { unit: '区交通局', ahead: 0, lagging: 0, severe: 0, points: 0 },
      { unit: '区住建局', ahead: 0, lagging: 1, severe: 1, points: -3.5 },
    ]);
    const sheet = buildBulletin(analysis.sheets, JUNE, { lang: 'zh', rules }).sheets[0];
    const cells = sheet?.cells ?? [];
    const title = cells.find((c) => c.value === '目标责任制考核');
    expect(title).toBeDefined();
    const header = (title?.row ?? 0) + 1;
    const row = (r: number) =>
      cells
        .filter((c) => c.row === r)
        .sort((a, b) => a.col - b.col)
        .map((c) => c.value);
    expect(row(header)).toEqual([
      '序号',
      '责任单位',
      '提前完成（项）',
      '滞后（项）',
      '严重滞后（项）',
      '得分',
    ]);
    expect(row(header + 3)).toEqual([3, '区住建局', 0, 1, 1, -3.5]);
  });
});
