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

  it('lists every data row, by Excel row number, with its status, and nothing else', () => {
    const [sheet] = buildReport(analysis([gridOf('重点项目', rows)])).sheets;
    expect(sheet?.rows.map((r) => [r.row, r.status])).toEqual([
      [4, 'severe'],
      [5, 'normal'],
      [6, 'done'],
      [8, 'lagging'],
      [9, 'unknown'],
    ]);
    expect(sheet?.rows[0]).toEqual({
      row: 4,
      key: expect.stringMatching(/^[0-9a-z]+$/) as unknown,
      status: 'severe',
      previousStatus: null,
      change: null,
      periodsBehind: 1,
      deadline: '2023-02-28',
      overdueDays: 122,
      overdueMonths: 4,
      unit: '区发改局',
      category: '产业项目',
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
    expect(sheet?.rows.map((r) => r.row)).toEqual([6, 7, 8, 10, 11]);
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

  it('lets later summary sections through the schema, checks the known ones, and rejects a row that is not a row number', () => {
    const report = buildReport(analysis([gridOf('重点项目', rows)]));
    const [sheet] = report.sheets;
    if (!sheet) throw new Error('no sheet');
    const withSummary = (summary: Record<string, unknown>) => ({
      ...report,
      sheets: [{ ...sheet, summary: { ...sheet.summary, ...summary } }],
    });
    expect(ReportSchema.safeParse(withSummary({ milestones: [{ due: 1 }] })).success).toBe(true);
    expect(ReportSchema.safeParse(withSummary({ investment: { plan: 1 } })).success).toBe(false);
    expect(
      ReportSchema.safeParse(withSummary({ starts: { planned: 2, started: 1, rate: 50 } })).success,
    ).toBe(false);
    expect(ReportSchema.safeParse(withSummary({ text: null })).success).toBe(false);
    const first = sheet.rows[0];
    const bad = { ...report, sheets: [{ ...sheet, rows: [{ ...first, row: 'H9' }] }] };
    expect(ReportSchema.safeParse(bad).success).toBe(false);
    const v1 = { ...report, sheets: [{ ...sheet, rows: { '4': 'severe' } }] };
    expect(ReportSchema.safeParse(v1).success).toBe(false);
  });

  it('lists the lagging and severe rows with what a bulletin prints of them, severe first', () => {
    const [sheet] = buildReport(analysis([gridOf('重点项目', rows)])).sheets;
    expect(sheet?.summary.lagging).toEqual([
      {
        name: '智能装备制造项目',
        unit: '区发改局',
        deadline: '2023-02-28',
        deadlineText: '2023年2月',
        overdueDays: 122,
        overdueMonths: 4,
        status: 'severe',
        problem: null,
        sheet: '重点项目',
        excelRow: 4,
      },
      {
        name: '中学新建项目',
        unit: '区交通运输局',
        deadline: '2023-03-31',
        deadlineText: '一季度',
        overdueDays: 91,
        overdueMonths: 3,
        status: 'lagging',
        problem: null,
        sheet: '重点项目',
        excelRow: 8,
      },
    ]);
  });

  it('leaves out investment and starts for a table without their columns, rather than report zeros', () => {
    const [sheet] = buildReport(analysis([gridOf('重点项目', rows)])).sheets;
    expect(Object.keys(sheet?.summary ?? {})).toEqual([
      'byUnit',
      'byCategory',
      'lagging',
      'recognition',
      'text',
    ]);
  });

  it('gives investment against 序时进度 and the start rate for a table with those columns', () => {
    const projects: CellValue[][] = [
      [
        '序号',
        '项目名称',
        '建设性质',
        '年度计划投资(亿元)',
        '1-6月完成投资(亿元)',
        '实际开工时间',
        '计划节点',
      ],
      [1, '甲项目', '新开工', 10.5, 4.2, '2023-03-01', '12月底'],
      [2, '乙项目', '新开工', 20, 9.8, null, '12月底'],
      [3, '丙项目', '续建', 4, 1, null, '12月底'],
    ];
    const [sheet] = buildReport(analysis([gridOf('项目', projects)])).sheets;
    expect(sheet?.summary.investment).toEqual({
      plan: 34.5,
      done: 15,
      rate: 15 / 34.5,
      expectedRate: 181 / 365,
      periodEnd: '2023-06-30',
      unitLabel: '亿元',
    });
    expect(sheet?.summary.starts).toEqual({ planned: 2, started: 1, rate: 0.5 });
    expect(sheet?.summary.text).toContain('年度计划投资34.5亿元，1-6月完成投资15亿元，完成率43.5%');
  });

  it('summarises each sheet from its own rows alone', () => {
    const other: CellValue[][] = [
      ['序号', '工作任务', '完成时限', '责任单位'],
      [1, '编制规划', '12月底', '区自然资源局'],
    ];
    const report = buildReport(analysis([gridOf('重点项目', rows), gridOf('重点任务', other)]));
    const [projects, more] = report.sheets;
    expect(projects?.summary.text).toContain(
      '纳入调度的重点项目5项，其中正常推进1项、滞后1项、严重滞后1项',
    );
    expect(more?.summary.text).toContain(
      '纳入调度的重点任务1项，其中正常推进1项、滞后0项、严重滞后0项',
    );
    expect(report.sheets[1]?.summary.lagging).toEqual([]);
  });

  it('writes the draft text in the language given, and says which it is', () => {
    const zh = buildReport(analysis([gridOf('重点项目', rows)]));
    expect(zh).not.toHaveProperty('lang');
    expect(zh.sheets[0]?.summary.text).toMatch(/^截至2023年6月30日/);
    const en = buildReport(analysis([gridOf('重点项目', rows)]), { lang: 'en' });
    expect(en.lang).toBe('en');
    expect(en.sheets[0]?.summary.text).toMatch(/^Key projects tracked as of 30 June 2023: 5 /);
    expect(ReportSchema.parse(en)).toEqual(en);
  });

  it('accepts the example in docs/report-format.md, so the documentation matches the schema', () => {
    const doc = readFileSync(path.resolve(__dirname, '../../docs/report-format.md'), 'utf8');
    const example = /```json\n([\s\S]*?)\n```/.exec(doc)?.[1];
    expect(example).toBeDefined();
    expect(ReportSchema.safeParse(JSON.parse(example ?? '')).success).toBe(true);
  });
});
