import { analyzeWorkbook } from '../../../src/core/analyzeWorkbook';
import { bulletinSubject } from '../../../src/core/bulletin/subject';
import { dayNumber } from '../../../src/core/dates';
import type { CellValue } from '../../../src/core/grid';
import { defaultRules } from '../../../src/core/rules';
import { gridOf } from '../../support/gridOf';

function subjectOf(rows: CellValue[][]) {
  const analysis = analyzeWorkbook([gridOf('表', rows)], {
    asOf: dayNumber(2023, 6, 30),
    rules: defaultRules(),
    lang: 'zh',
  });
  if (analysis.sheets.length !== 1) throw new Error('the fixture holds no plan table');
  return bulletinSubject(analysis.sheets);
}

describe('what a bulletin calls the rows', () => {
  it.each<[string, CellValue[][], string]>([
    [
      'a project title without investment',
      [['2023年重点项目推进表'], ['序号', '工作内容', '计划节点'], [1, '甲', '年底']],
      'projects',
    ],
    [
      'a 项目名称 header without a title',
      [
        ['序号', '项目名称', '计划节点'],
        [1, '甲', '年底'],
      ],
      'projects',
    ],
    [
      'a meeting ledger',
      [['协调例会议定事项台账'], ['序号', '议定事项', '计划节点'], [1, '甲', '年底']],
      'items',
    ],
    [
      'an 议定事项 header',
      [
        ['序号', '议定事项', '办结时限'],
        [1, '甲', '年底'],
      ],
      'items',
    ],
    [
      'a task list',
      [['2023年重点工作任务清单'], ['序号', '工作任务', '完成时限'], [1, '甲', '年底']],
      'tasks',
    ],
    [
      'a task header with investment',
      [
        ['序号', '任务名称', '年度计划投资', '完成投资', '完成时限'],
        [1, '甲', 1, 1, '年底'],
      ],
      'projects',
    ],
    [
      'neither',
      [
        ['序号', '事项名称', '完成时限'],
        [1, '甲', '年底'],
      ],
      'tasks',
    ],
  ])('follows %s', (_, rows, expected) => {
    expect(subjectOf(rows)).toBe(expected);
  });
});
