import { detectTable } from '../../src/core/detectTable';
import type { CellValue } from '../../src/core/grid';
import { gridOf } from '../support/gridOf';

function detect(rows: CellValue[][], merges: string[]) {
  const r = detectTable(gridOf('表', rows, { merges }), { lang: 'zh', statusHeader: '三色状态' });
  if (!r.ok) throw new Error('no table');
  return r.layout;
}

const title = ['2023年度重点项目推进计划表'];

describe('a three-level merged header', () => {
  it.each<[string, CellValue[][], string[], number, string | null]>([
    [
      'a group caption over a two-level investment header',
      [
        title,
        [null, null, '投资情况（万元）', null, null],
        ['序号', '项目名称', '年度计划投资', '1-6月完成投资', null],
        [null, null, null, '金额', '占比'],
        [1, '甲', 100, 50, 0.5],
      ],
      ['A1:E1', 'C2:E2', 'A3:A4', 'B3:B4', 'C3:C4', 'D3:E3'],
      1,
      '万元',
    ],
    [
      'a group caption over children without vertical merges',
      [
        [null, null, '投资（亿元）', null, null, null],
        ['序号', '项目名称', '年度计划投资', '1-9月完成投资', null, '计划节点'],
        [null, null, null, '金额', '占比', null],
        [1, '甲', 100, 50, 0.5, '年底'],
      ],
      ['C1:E1', 'D2:E2'],
      0,
      '亿元',
    ],
    [
      'two group captions, one naming a field (时间节点)',
      [
        title,
        [null, null, '投资情况（万元）', null, '时间节点', null],
        ['序号', '项目名称', '年度计划投资', '累计完成投资', '计划', '实际'],
        [1, '甲', 100, 50, '6月底', '2023年6月'],
      ],
      ['A1:F1', 'C2:D2', 'E2:F2'],
      1,
      '万元',
    ],
  ])('keeps its top row: %s', (_, rows, merges, top, unit) => {
    const layout = detect(rows, merges);
    expect(layout.headerTop).toBe(top);
    expect(layout.amountUnit).toBe(unit);
    expect(layout.fields.planInvest).toBe(2);
    expect(layout.fields.doneInvest).toBe(3);
  });

  it('reads 时间节点 over 计划 | 实际 as the deadline and the done date', () => {
    const layout = detect(
      [
        ['序号', '项目名称', '时间节点', null],
        [null, null, '计划', '实际'],
        [1, '甲', '6月底', '2023年6月'],
      ],
      ['A1:A2', 'B1:B2', 'C1:D1'],
    );
    expect(layout.fields.deadline).toBe(2);
    expect(layout.fields.doneDate).toBe(3);
  });

  it.each<[string, CellValue[][], string[]]>([
    [
      'a title merged across the whole header',
      [['重点项目推进表'], ['序号', '项目名称', '计划节点'], [1, '甲', '年底']],
      ['A1:C1'],
    ],
    [
      'a title merged over the name column but not the status column of an earlier run',
      [
        ['XX区重点项目推进计划表', null],
        ['项目名称', '计划节点', '三色状态'],
        ['甲', '年底', '正常'],
      ],
      ['A1:B1'],
    ],
    [
      'a caption line naming a year',
      [
        [null, '2023年投资', null],
        ['项目名称', '年度计划投资', '完成投资'],
        ['甲', 1, 1],
      ],
      ['B1:C1'],
    ],
  ])('does not take %s for a group row', (_, rows, merges) => {
    expect(detect(rows, merges).headerTop).toBe(1);
  });
});
