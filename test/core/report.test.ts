import { readFileSync } from 'fs';
import * as path from 'path';
import { analyzeWorkbook } from '../../src/core/analyzeWorkbook';
import { parseIsoDay } from '../../src/core/dates';
import type { CellValue, SheetGrid } from '../../src/core/grid';
import { buildReport, REPORT_SCHEMA_VERSION, ReportSchema } from '../../src/core/report';
import { defaultRules } from '../../src/core/rules';
import { gridOf } from '../support/gridOf';

const rows: CellValue[][] = [
  ['2023年度重点项目推进计划表', null, null, null, null],
  ['序号', '项目名称', '计划节点', '是否完成', '责任单位'],
  ['一、产业项目', null, null, null, null],
  [1, '智能装备制造项目', '2023年2月', '否', '区发改局'],
  [2, '城市快速路项目', '9月底', '否', '区发改局'],
  [3, '冷链物流园项目', '2023年5月', '是', '区交通运输局'],
  ['二、民生项目', null, null, null, null],
  [4, '中学新建项目', '一季度', '否', '区交通运输局'],
  [5, '人民医院门诊楼项目', '待定', '否', '区卫生健康局'],
  [null, '合计', null, null, null],
];

function analysis(grids: SheetGrid[]) {
  const asOf = parseIsoDay('2023-06-30');
  if (asOf === null) throw new Error('bad date');
  return analyzeWorkbook(grids, { asOf, rules: defaultRules(), lang: 'zh' });
}

describe('buildReport', () => {
  it('gives a report the schema accepts, with version, date, rules and skipped sheets', () => {
    const a = analysis([
      gridOf('重点项目', rows),
      gridOf('填表说明', [['1. 计划节点请填写具体日期。']]),
    ]);
    const report = buildReport(a, {
      input: 'projects.xlsx',
      generatedAt: '2023-07-01T09:00:00.000Z',
    });
    expect(ReportSchema.parse(report)).toEqual(report);
    expect(report).toMatchObject({
      schemaVersion: REPORT_SCHEMA_VERSION,
      asOf: '2023-06-30',
      input: 'projects.xlsx',
      generatedAt: '2023-07-01T09:00:00.000Z',
      rules: { preset: 'node-lag', lagMonths: 1, severeMonths: 3, statusHeader: '三色状态' },
      skippedSheets: [{ name: '填表说明', reason: 'no_table' }],
    });
    expect(report).not.toHaveProperty('tool');
  });

  it('maps every data row, by Excel row number, to its status, and nothing else', () => {
    const [sheet] = buildReport(analysis([gridOf('重点项目', rows)])).sheets;
    expect(sheet?.rows).toEqual({
      '4': 'severe',
      '5': 'normal',
      '6': 'done',
      '8': 'lagging',
      '9': 'unknown',
    });
    expect(sheet?.counts).toEqual({ normal: 1, lagging: 1, severe: 1, done: 1, unknown: 1 });
  });

  it('names rows and columns as Excel does, wherever the grid starts', () => {
    const grid = { ...gridOf('重点项目', rows), origin: { row: 3, col: 2 } };
    const [sheet] = buildReport(analysis([grid])).sheets;
    expect(sheet?.table).toEqual({
      headerRows: [4, 4],
      firstDataRow: 6,
      lastDataRow: 11,
      statusColumn: 'G',
      columns: { seq: 'B', name: 'C', unit: 'F', deadline: 'D', done: 'E' },
    });
    expect(Object.keys(sheet?.rows ?? {})).toEqual(['6', '7', '8', '10', '11']);
    expect(sheet?.issues).toContainEqual(
      expect.objectContaining({ cell: 'D11', severity: 'error', code: 'deadline_unreadable' }),
    );
  });

  it('summarises by first-listed unit and by category, in order of first appearance', () => {
    const [sheet] = buildReport(analysis([gridOf('重点项目', rows)])).sheets;
    expect(sheet?.summary.byUnit).toEqual([
      { unit: '区发改局', total: 2, normal: 1, lagging: 0, severe: 1, done: 0, unknown: 0 },
      { unit: '区交通运输局', total: 2, normal: 0, lagging: 1, severe: 0, done: 1, unknown: 0 },
      { unit: '区卫生健康局', total: 1, normal: 0, lagging: 0, severe: 0, done: 0, unknown: 1 },
    ]);
    expect(sheet?.summary.byCategory.map((g) => [g.category, g.total])).toEqual([
      ['产业项目', 3],
      ['民生项目', 2],
    ]);
  });

  it('lets later summary sections through the schema, and rejects a row that is not a row number', () => {
    const report = buildReport(analysis([gridOf('重点项目', rows)]));
    const [sheet] = report.sheets;
    if (!sheet) throw new Error('no sheet');
    const extended = {
      ...report,
      sheets: [{ ...sheet, summary: { ...sheet.summary, investment: { plan: 1 } } }],
    };
    expect(ReportSchema.safeParse(extended).success).toBe(true);
    const bad = { ...report, sheets: [{ ...sheet, rows: { ...sheet.rows, H9: 'normal' } }] };
    expect(ReportSchema.safeParse(bad).success).toBe(false);
  });

  it('accepts the example in docs/report-format.md, so the documentation matches the schema', () => {
    const doc = readFileSync(path.resolve(__dirname, '../../docs/report-format.md'), 'utf8');
    const example = /```json\n([\s\S]*?)\n```/.exec(doc)?.[1];
    expect(example).toBeDefined();
    expect(ReportSchema.safeParse(JSON.parse(example ?? '')).success).toBe(true);
  });
});
