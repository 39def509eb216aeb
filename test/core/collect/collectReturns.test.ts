import { analyzeSheet } from '../../../src/core/analyzeWorkbook';
import {
  collectReturns,
  type ReadTable,
  type ReturnFile,
} from '../../../src/core/collect/collectReturns';
import { DEFAULT_FILL_FIELDS } from '../../../src/core/collect/fillFields';
import { ROW_KEY_HEADER, rowKeyCell } from '../../../src/core/collect/rowKeyColumn';
import { dayNumber } from '../../../src/core/dates';
import type { CellValue, SheetGrid } from '../../../src/core/grid';
import { defaultRules } from '../../../src/core/rules';
import { hashText, rowFingerprint } from '../../../src/core/workbookRecord/rowIdentity';

function table(name: string, values: CellValue[][]): ReadTable {
  const grid: SheetGrid = { name, values, merges: [], origin: { row: 1, col: 1 } };
  const out = analyzeSheet(grid, {
    asOf: dayNumber(2023, 6, 30),
    rules: defaultRules(),
    lang: 'zh',
  });
  if (out.kind !== 'table') throw new Error(`no table in ${name}`);
  return { grid, analysis: out.analysis };
}

const MASTER = table('计划', [
  ['2023年度重点项目推进计划表'],
  ['序号', '项目名称', '责任单位', '计划节点', '形象进度', '存在问题'],
  [1, '甲项目', '区发改局', '6月底', '前期', null],
  [2, '乙项目', '区发改局', '9月底', null, null],
  [3, '丙项目', '区水利局', '年底', '施工', null],
  [4, '丙项目', '区住建局', '年底', null, null],
]);

const collect = (...returns: ReturnFile[]) =>
  collectReturns(MASTER, returns, { lang: 'zh', fillFields: DEFAULT_FILL_FIELDS });
const file = (name: string, values: CellValue[][]): ReturnFile => ({
  file: name,
  tables: [table(name, values)],
});

describe('collectReturns', () => {
  it('matches a row by 序号 and name when a name is on two master rows', () => {
    const r = collect(
      file('a.xlsx', [
        ['序号', '项目名称', '责任单位', '计划节点', '形象进度'],
        [4, '丙项目', '区住建局', '年底', '开工'],
      ]),
    );
    expect(r.changes.map((c) => [c.cell, c.new])).toEqual([['E6', '开工']]);
    expect(r.conflicts).toEqual([]);
  });

  it('calls a row ambiguous when neither its key nor its 序号 and name single out a master row', () => {
    const r = collect(
      file('a.xlsx', [
        ['项目名称', '责任单位', '形象进度'],
        ['甲项目', '区发改局', '前期'],
        ['丙项目', '区财政局', '完工'],
      ]),
    );
    expect(r.changes).toEqual([]);
    expect(r.conflicts).toMatchObject([{ code: 'ambiguous_row', file: 'a.xlsx', cell: 'A3' }]);
  });

  it('matches a row by its name and unit when neither 序号 nor a key is given', () => {
    const r = collect(
      file('a.xlsx', [
        ['项目名称', '责任单位', '形象进度'],
        ['丙项目', '区水利局', '完工'],
      ]),
    );
    expect(r.changes.map((c) => [c.cell, c.new])).toEqual([['E5', '完工']]);
  });

  it('says a file none of whose rows is in the master is not a return of this table', () => {
    const r = collect(
      file('t.xlsx', [
        ['工作任务', '牵头单位', '完成时限'],
        ['优化营商环境', '区政务服务局', '6月底'],
      ]),
    );
    expect(r.conflicts).toMatchObject([{ code: 'not_this_table', file: 't.xlsx', cell: null }]);
  });

  it('matches by the identity key whatever 序号 and order the return has', () => {
    const key = hashText(rowFingerprint(MASTER.analysis.rows[1]!));
    const r = collect(
      file('a.xlsx', [
        ['序号', '项目名称', '责任单位', '计划节点', '形象进度', ROW_KEY_HEADER],
        [9, '乙项目', '区发改局', '9月底', '过半', rowKeyCell(key)],
      ]),
    );
    expect(r.changes.map((c) => [c.cell, c.old, c.new])).toEqual([['E4', '', '过半']]);
  });

  it('reads a return with traditional-character headers in another column order', () => {
    const r = collect(
      file('b.xlsx', [
        ['形象進度', '項目名稱', '責任單位', '序號'],
        ['完工', '甲项目', '区发改局', 1],
      ]),
    );
    expect(r.changes.map((c) => [c.cell, c.old, c.new])).toEqual([['E3', '前期', '完工']]);
  });

  it('leaves a changed deadline as the master has it, as a conflict, and still takes the row’s progress', () => {
    const r = collect(
      file('a.xlsx', [
        ['序号', '项目名称', '责任单位', '计划节点', '形象进度'],
        [1, '甲项目', '区发改局', '12月底', '完工'],
      ]),
    );
    expect(r.conflicts).toMatchObject([{ code: 'protected_changed', cell: 'D3' }]);
    expect(r.conflicts[0]!.message).toContain('计划节点');
    expect(r.changes.map((c) => c.cell)).toEqual(['E3']);
  });

  it('names the units whose rows no return answered for', () => {
    const r = collect(
      file('a.xlsx', [
        ['序号', '项目名称', '责任单位', '形象进度'],
        [1, '甲项目', '区发改局', '前期'],
      ]),
    );
    expect(r.changes).toEqual([]);
    expect(r.notReturned).toEqual(['区水利局', '区住建局']);
  });

  it('says a file with no plan table is not collected', () => {
    expect(collect({ file: 'x.xlsx', tables: [] }).conflicts).toMatchObject([
      { code: 'no_table', file: 'x.xlsx', cell: null },
    ]);
  });

  it('speaks English when asked', () => {
    const r = collectReturns(MASTER, [{ file: 'x.xlsx', tables: [] }], {
      lang: 'en',
      fillFields: DEFAULT_FILL_FIELDS,
    });
    expect(r.conflicts[0]!.message).toBe(
      'No plan table was found in "x.xlsx"; it was not collected.',
    );
  });
});
