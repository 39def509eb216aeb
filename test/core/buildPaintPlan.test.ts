import { analyzeWorkbook } from '../../src/core/analyzeWorkbook';
import { dayNumber } from '../../src/core/dates';
import { defaultRules } from '../../src/core/rules';
import { gridOf } from '../support/gridOf';

const analyze = (rows: (string | number | null)[][]) => {
  const g = gridOf('s', [['2023年计划表'], ['项目名称', '责任单位', '计划节点'], ...rows]);
  const a = analyzeWorkbook([g], {
    asOf: dayNumber(2023, 6, 30),
    rules: defaultRules(),
    lang: 'zh',
  });
  const sheet = a.sheets[0];
  if (!sheet) throw new Error('no table');
  return sheet.paint;
};

describe('paint plan', () => {
  it('groups contiguous rows of one status into runs, broken by section rows and other statuses', () => {
    const plan = analyze([
      ['甲', 'A', '12月底'], // row 2 normal
      ['乙', 'A', '12月底'], // row 3 normal
      ['一、民生项目'], //      row 4 section
      ['丙', 'A', '12月底'], // row 5 normal
      ['丁', 'A', '1月底'], //  row 6 severe
      ['戊', 'A', '12月底'], // row 7 normal
    ]);
    expect(plan.fills).toEqual([
      { status: 'normal', color: 'C6EFCE', runs: [2, 3, 5, 5, 7, 7] },
      { status: 'severe', color: 'FFC7CE', runs: [6, 6] },
    ]);
    expect(Array.from(plan.codes)).toEqual([1, 1, 0, 1, 3, 1]);
    expect(plan.labels).toEqual(['', '正常', '滞后', '严重滞后', '已完成', '无法判定']);
  });

  it('puts a new status column right after the table and spans the fills over it', () => {
    const plan = analyze([['甲', 'A', '12月底']]);
    expect(plan).toMatchObject({
      statusColumn: 3,
      statusColumnExists: false,
      left: 0,
      right: 3,
      header: '三色状态',
    });
    expect(plan).toMatchObject({ headerTop: 1, headerBottom: 1, firstRow: 2, lastRow: 2 });
  });
});

describe('a table with no free column left', () => {
  it('skips the sheet with a sentence instead of placing the status column past XFD', () => {
    const header = ['项目名称', '责任单位', '计划节点'];
    const filler = Array.from({ length: 16_384 - header.length }, (_, i) => `备用${i}`);
    const g = gridOf('满表', [
      [...header, ...filler],
      ['甲', 'A', '6月底'],
    ]);
    const a = analyzeWorkbook([g], {
      asOf: dayNumber(2023, 6, 30),
      rules: defaultRules(),
      lang: 'zh',
    });
    expect(a.sheets).toEqual([]);
    expect(a.skipped).toMatchObject([
      {
        name: '满表',
        reason: 'no_room',
        issues: [{ code: 'status_column_no_room', severity: 'error' }],
      },
    ]);
    expect(a.skipped[0]?.issues[0]?.message).toContain('XFD');
  });
});
