import { analyzeWorkbook } from '../../../src/core/analyzeWorkbook';
import { dayNumber } from '../../../src/core/dates';
import { defaultRules } from '../../../src/core/rules';
import { groupIssues } from '../../../src/taskpane/lib/groupIssues';
import { gridOf } from '../../support/gridOf';

describe('groupIssues', () => {
  it('groups by sheet, then by code, errors before warnings before notes', () => {
    const grid = (name: string) =>
      gridOf(name, [
        ['序号', '议定事项', '完成时限', '责任单位'],
        [1, '道路维修', null, '区交通运输局'],
        [2, '管网改造', '待定', '区水利局'],
        [3, '河道整治', '某时', '区水利局'],
      ]);
    const analysis = analyzeWorkbook([grid('甲'), grid('乙')], {
      asOf: dayNumber(2023, 6, 30),
      rules: defaultRules(),
      lang: 'zh',
    });
    const groups = groupIssues(analysis);
    expect(groups.map((g) => [g.sheet, g.code, g.issues.length])).toEqual([
      ['甲', 'deadline_unreadable', 2],
      ['甲', 'deadline_missing', 1],
      ['甲', 'plan_year_assumed', 1],
      ['乙', 'deadline_unreadable', 2],
      ['乙', 'deadline_missing', 1],
      ['乙', 'plan_year_assumed', 1],
    ]);
    expect(groups[0]?.issues.map((i) => i.cell)).toEqual(['C3', 'C4']);
  });

  it('has nothing to group before a workbook is read', () => {
    expect(groupIssues(null)).toEqual([]);
  });
});
