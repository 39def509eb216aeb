import { analyzeWorkbook } from '../../src/core/analyzeWorkbook';
import type { AnalyzeOptions, SheetAnalysis } from '../../src/core/analysis';
import { dayNumber } from '../../src/core/dates';
import { excelColumn } from '../../src/core/grid';
import type { Lang } from '../../src/core/issue';
import { defaultRules } from '../../src/core/rules';
import {
  asOfOf,
  expectedOutcome,
  gridFixtureFiles,
  gridFrom,
  issueList,
  loadGridFixture as load,
  type BadGrid,
} from '../fixtures/bad/corpus';
import { gridOf } from '../support/gridOf';

/**
 * The bad-input corpus at grid level (test/fixtures/bad/grids, see corpus.ts): every fixture must
 * give exactly its listed data rows, statuses and issues (code and cell), nothing more; error.*
 * fixtures must be skipped and named.
 */
const files = gridFixtureFiles();

function run(g: BadGrid, lang: Lang = 'zh') {
  return analyzeWorkbook([gridFrom(g)], { asOf: asOfOf(g), rules: defaultRules(lang), lang });
}

describe('bad-input grid corpus', () => {
  it('holds sheets that are no plan table and tables with every kind of bad cell', () => {
    expect(files.filter((f) => f.startsWith('error.')).length).toBeGreaterThanOrEqual(7);
    expect(files.filter((f) => !f.startsWith('error.')).length).toBeGreaterThanOrEqual(30);
  });

  it('gives each fixture a description and an exact list of issues', () => {
    for (const f of files) {
      const g = load(f);
      expect([f, typeof g.description, Array.isArray(g.expect.issues)]).toEqual([
        f,
        'string',
        true,
      ]);
    }
  });

  describe.each(files.filter((f) => f.startsWith('error.')))('%s', (file) => {
    const g = load(file);

    it('is skipped with exactly the expected issues, naming the sheet', () => {
      const result = run(g);
      expect(result.sheets).toEqual([]);
      expect(result.skipped.map((s) => [s.name, s.reason])).toEqual([
        [g.sheet.name, g.expect.skipped],
      ]);
      const issues = result.skipped[0]?.issues ?? [];
      expect(issueList(issues)).toEqual(expectedOutcome(g).issues);
      for (const i of issues) expect(i.message).toContain(g.sheet.name);
    });
  });

  describe.each(files.filter((f) => !f.startsWith('error.')))('%s', (file) => {
    const g = load(file);
    const result = run(g);
    const sheet = result.sheets[0] as SheetAnalysis;
    const row = (r: number): string => String(sheet.origin.row + r);
    const expectedIssues = expectedOutcome(g).issues;

    it('is read as a table', () => {
      expect(result.skipped).toEqual([]);
      expect(result.sheets).toHaveLength(1);
    });

    it('finds exactly the expected header and data rows', () => {
      const l = sheet.layout;
      if (g.expect.headerRows)
        expect([row(l.headerTop), row(l.headerBottom)].map(Number)).toEqual(g.expect.headerRows);
      if (g.expect.dataRows)
        expect(l.dataRows.map((r) => Number(row(r)))).toEqual(g.expect.dataRows);
    });

    if (g.expect.fields) {
      it('maps each header to its field', () => {
        const fields = Object.fromEntries(
          Object.entries(sheet.layout.fields).map(([k, c]) => [k, excelColumn(sheet, c)]),
        );
        expect(fields).toEqual(g.expect.fields);
      });
    }

    it('classifies every data row exactly once with its expected status, and no other row', () => {
      expect(Object.fromEntries(sheet.statuses.map((s) => [row(s.row), s.status]))).toEqual(
        g.expect.rows,
      );
      expect(sheet.statuses.map((s) => s.row)).toEqual(sheet.layout.dataRows);
      const painted = [...sheet.paint.codes].flatMap((code, i) =>
        code === 0 ? [] : [row(sheet.paint.firstRow + i)],
      );
      expect(painted).toEqual(Object.keys(g.expect.rows ?? {}));
    });

    if (g.expect.units) {
      it('reads the first-listed unit of each row', () => {
        expect(Object.fromEntries(sheet.rows.map((r) => [row(r.row), r.unit]))).toEqual(
          g.expect.units,
        );
      });
    }

    if (g.expect.categories) {
      it('takes each row’s category from the section row above it', () => {
        expect(Object.fromEntries(sheet.rows.map((r) => [row(r.row), r.category]))).toEqual(
          g.expect.categories,
        );
      });
    }

    if (g.expect.statusColumn) {
      it('puts the status column where nothing of the user’s is', () => {
        expect(excelColumn(sheet, sheet.paint.statusColumn)).toBe(g.expect.statusColumn);
      });
    }

    it('reports exactly the expected issues at the expected cells, naming sheet and cell', () => {
      expect(issueList(sheet.issues)).toEqual(expectedIssues);
      for (const issue of sheet.issues) {
        expect(issue.message).toContain(g.sheet.name);
        if (issue.cell !== '') expect(issue.message).toContain(issue.cell);
      }
    });

    it('reports the same issues at the same cells in English', () => {
      const en = run(g, 'en').sheets[0];
      expect(issueList(en?.issues ?? [])).toEqual(expectedIssues);
    });
  });
});

const asOf = dayNumber(2023, 6, 30);
const options: AnalyzeOptions = { asOf, rules: defaultRules(), lang: 'zh' };
const TITLE = '2023年度XX区重点项目推进计划表';
const HEADER = ['序号', '项目名称', '责任单位', '计划节点'];

describe('workbooks with nothing to read', () => {
  it('gives an empty workbook no sheets and no skipped sheets', () => {
    expect(analyzeWorkbook([], options)).toEqual({
      asOf,
      rules: options.rules,
      sheets: [],
      skipped: [],
    });
  });

  it('skips and names every sheet of a workbook of blank sheets', () => {
    const grids = ['Sheet1', 'Sheet2', 'Sheet3'].map((n) => gridOf(n, []));
    const result = analyzeWorkbook(grids, options);
    expect(result.sheets).toEqual([]);
    expect(result.skipped.map((s) => [s.name, s.issues.map((i) => [i.code, i.cell])])).toEqual([
      ['Sheet1', [['no_table', '']]],
      ['Sheet2', [['no_table', '']]],
      ['Sheet3', [['no_table', '']]],
    ]);
  });

  it('never reads the sheets it made itself, even when they hold a table', () => {
    const table = [[TITLE], HEADER, [1, '甲', '区发改局', '3月底']];
    const grids = [
      '_tricolor',
      '通报2023-06-30',
      '滞后清单2023-06-30 (2)',
      'Bulletin 2023-06-30',
    ].map((n) => gridOf(n, table));
    expect(analyzeWorkbook(grids, options)).toMatchObject({ sheets: [], skipped: [] });
  });

  it('reads a user sheet that only looks like a bulletin name', () => {
    const grid = gridOf('通报2023年', [[TITLE], HEADER, [1, '甲', '区发改局', '3月底']]);
    expect(analyzeWorkbook([grid], options).sheets.map((s) => s.sheet)).toEqual(['通报2023年']);
  });
});

describe('cells at Excel’s 32,767-character limit', () => {
  const long = (ch: string): string => ch.repeat(32767);

  it('reads a 32,767-character name in full and classifies its row', () => {
    const grid = gridOf('长文本', [[TITLE], HEADER, [1, long('甲'), '区发改局', '3月底']]);
    const sheet = analyzeWorkbook([grid], options).sheets[0];
    expect(sheet?.rows[0]?.name).toHaveLength(32767);
    expect(sheet?.statuses.map((s) => s.status)).toEqual(['lagging']);
    expect(sheet?.issues).toEqual([]);
  });

  it('reads the first unit of a 32,767-character unit cell', () => {
    const unit = `区发改局、${'区财政局、'.repeat(6552)}`.slice(0, 32767);
    const grid = gridOf('长文本', [[TITLE], HEADER, [1, '甲', unit, '3月底']]);
    expect(analyzeWorkbook([grid], options).sheets[0]?.rows[0]?.unit).toBe('区发改局');
  });

  it('names a 32,767-character deadline as unreadable in a message short enough to read', () => {
    const grid = gridOf('长文本', [[TITLE], HEADER, [1, '甲', '区发改局', long('6')]]);
    const sheet = analyzeWorkbook([grid], options).sheets[0];
    expect(sheet?.statuses.map((s) => s.status)).toEqual(['unknown']);
    expect(sheet?.issues.map((i) => [i.code, i.cell])).toEqual([['deadline_unreadable', 'D3']]);
    expect(sheet?.issues[0]?.message.length).toBeLessThan(300);
    expect(sheet?.issues[0]?.message).toContain('666');
  });

  it('keeps every message short for long completion dates, numbers and reported statuses', () => {
    const grid = gridOf('长文本', [
      [TITLE],
      ['项目名称', '计划节点', '实际完成时间', '年度计划投资', '推进状态'],
      ['甲', '12月底', long('7'), long('8'), `滞后${long('慢')}`.slice(0, 32767)],
    ]);
    const sheet = analyzeWorkbook([grid], options).sheets[0];
    expect(issueList(sheet?.issues ?? [])).toEqual([
      ['done_date_unreadable', 'C3'],
      ['number_unreadable', 'D3'],
      ['status_disagrees', 'E3'],
    ]);
    for (const issue of sheet?.issues ?? []) expect(issue.message.length).toBeLessThan(300);
  });

  it('does not read a 32,767-digit progress as 100% done', () => {
    const grid = gridOf('长文本', [
      [TITLE],
      [...HEADER, '完成进度'],
      [1, '甲', '区发改局', '3月底', `${long('9')}%`.slice(-32767)],
    ]);
    const sheet = analyzeWorkbook([grid], options).sheets[0];
    expect(sheet?.rows[0]?.progress).toBeNull();
    expect(sheet?.statuses.map((s) => s.status)).toEqual(['lagging']);
  });

  it('does not read a 32,767-character header cell as a column name', () => {
    const grid = gridOf('长文本', [
      [TITLE],
      [...HEADER, `备注${long('注')}`.slice(0, 32767)],
      [1, '甲', '区发改局', '3月底', 'x'],
    ]);
    const sheet = analyzeWorkbook([grid], options).sheets[0];
    expect(sheet?.layout.fields).toEqual({ seq: 0, name: 1, unit: 2, deadline: 3 });
  });

  it('reads a 32,767-character note row as a note and a long section caption as a section', () => {
    const grid = gridOf('长文本', [
      [TITLE],
      HEADER,
      [`一、${long('产')}`.slice(0, 32767)],
      [1, '甲', '区发改局', '3月底'],
      [`注:${long('说')}`.slice(0, 32767)],
    ]);
    const sheet = analyzeWorkbook([grid], options).sheets[0];
    expect(sheet?.layout.kinds).toEqual(['section', 'data', 'note']);
    expect(sheet?.statuses.map((s) => s.row)).toEqual([3]);
  });
});
