import { buildBulletin } from '../../../src/core/bulletin/buildBulletin';
import type { BulletinBook } from '../../../src/core/bulletinBook';
import { isOwnSheet } from '../../../src/core/ownSheets';
import { defaultRules, resolveRules } from '../../../src/core/rules';
import { cellAt, sheetNamed, shown } from './cells';
import { projectsSheet, tasksSheet } from './fixtures';
import { day, sheetOf } from './sheetOf';

const rules = defaultRules();
const june = day('2023-06-30');

function projectsBook(): BulletinBook {
  return buildBulletin([projectsSheet()], june, { lang: 'zh', rules });
}

describe('buildBulletin sheets', () => {
  it('names its sheets with the report date, within Excel’s rules, as sheets of its own', () => {
    const zh = projectsBook();
    const en = buildBulletin([projectsSheet('en')], june, {
      lang: 'en',
      rules: defaultRules('en'),
    });
    const names = [...zh.sheets, ...en.sheets].map((s) => s.name);
    expect(names).toEqual([
      '通报2023-06-30',
      '滞后清单2023-06-30',
      'Bulletin 2023-06-30',
      'Lagging 2023-06-30',
    ]);
    for (const name of names) {
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[[\]:*?/\\]/);
      expect(isOwnSheet(name)).toBe(true);
    }
    expect(zh.reportDate).toBe('2023-06-30');
  });

  it('writes names, units and problems that start with "=" as the same string values', () => {
    const sheet = sheetOf(
      '项目',
      [{ name: '=1+1', unit: '=区局', deadline: '2023-01-31', status: 'severe', problem: '=A1' }],
      { fields: ['name', 'unit', 'deadline', 'problem'], asOf: '2023-06-30', planYear: 2023 },
    );
    const book = buildBulletin([sheet], june, { lang: 'zh', rules });
    const list = sheetNamed(book.sheets, '滞后清单2023-06-30');
    expect([1, 2, 6].map((c) => cellAt(list, 2, c)?.value)).toEqual(['=1+1', '=区局', '=A1']);
    const summary = sheetNamed(book.sheets, '通报2023-06-30');
    // In the unit table, and among the units criticised for a severe item: a string both times.
    expect(summary.cells.filter((c) => c.value === '=区局')).toHaveLength(2);
    expect(summary.cells.filter((c) => c.value === '=区局').map((c) => c.style)).toEqual([
      'text',
      'text',
    ]);
  });

  it('prints on A4 landscape fitted to the width, repeating the list’s header row', () => {
    const [summary, list] = projectsBook().sheets;
    expect(summary?.print).toEqual({ orientation: 'landscape', paperSize: 'A4', fitToWidth: true });
    expect(list?.print).toMatchObject({
      orientation: 'landscape',
      paperSize: 'A4',
      fitToWidth: true,
    });
    const repeat = list?.print.repeatRows;
    expect(repeat).toEqual({ top: 1, bottom: 1 });
    const header = list?.cells.filter((c) => c.row === repeat?.top).map((c) => c.value);
    expect(header).toEqual([
      '序号',
      '项目名称',
      '责任单位',
      '计划节点',
      '滞后月数',
      '状态',
      '存在问题',
    ]);
  });

  it('gives every column a width and merges the title across all of them', () => {
    for (const sheet of projectsBook().sheets) {
      const widest = Math.max(...sheet.cells.map((c) => c.col));
      expect(sheet.columnWidths).toHaveLength(widest + 1);
      expect(sheet.merges).toContainEqual({ top: 0, left: 0, bottom: 0, right: widest });
      expect(sheet.styles[cellAt(sheet, 0, 0)?.style ?? '']).toMatchObject({ bold: true });
    }
  });

  it('defines every style its cells name', () => {
    for (const sheet of projectsBook().sheets) {
      for (const c of sheet.cells)
        if (c.style !== undefined) expect(sheet.styles[c.style]).toBeDefined();
    }
  });

  it('charts status counts by unit from the cells of the unit table', () => {
    const book = projectsBook();
    const summary = sheetNamed(book.sheets, '通报2023-06-30');
    const chart = summary.chart;
    if (!chart) throw new Error('no chart');
    const { top, bottom, left } = chart.categories;
    const units = [];
    for (let r = top; r <= bottom; r++) units.push(cellAt(summary, r, left)?.value);
    expect(units).toEqual([
      '区水利局',
      '区交通局',
      '区商务局',
      '(未填写单位)',
      '区住建局',
      '区发改局',
    ]);
    const severe = chart.series.find((s) => s.name === '严重滞后');
    expect(severe?.color).toBe(rules.colors.severe);
    expect(cellAt(summary, severe?.range.top ?? -1, severe?.range.left ?? -1)?.value).toBe(1);
  });

  it('colours status cells with the rule set’s palette', () => {
    const custom = resolveRules({ colors: { severe: 'FF0000' } });
    if (!custom.ok) throw new Error(custom.errors.join());
    const book = buildBulletin([projectsSheet()], june, { lang: 'zh', rules: custom.value });
    const list = sheetNamed(book.sheets, '滞后清单2023-06-30');
    const status = cellAt(list, 2, 5);
    expect(status?.value).toBe('严重滞后');
    expect(list.styles[status?.style ?? '']?.fill).toBe('FF0000');
  });

  it('leaves out the investment, start and category blocks a task list has no columns for', () => {
    const sheet = sheetOf(
      '任务',
      [{ name: '甲', unit: '甲局', deadline: '2023-12-31', status: 'normal' }],
      {
        fields: ['name', 'unit', 'deadline'],
        asOf: '2023-06-30',
        planYear: 2023,
      },
    );
    const summary = sheetNamed(
      buildBulletin([sheet], june, { lang: 'zh', rules }).sheets,
      '通报2023-06-30',
    );
    const headings = summary.cells.filter((c) => c.style === 'heading').map((c) => c.value);
    expect(headings).toEqual([
      '一、通报文字（草稿）',
      '二、总体情况',
      '三、各责任单位推进情况',
      '四、表扬与批评',
    ]);
    expect(summary.cells.some((c) => typeof c.value === 'string' && c.value.includes('投资'))).toBe(
      false,
    );
  });

  it('keeps the category block for categories from section rows', () => {
    const summary = sheetNamed(
      buildBulletin([tasksSheet()], day('2023-09-30'), { lang: 'zh', rules }).sheets,
      '通报2023-09-30',
    );
    expect(summary.cells.some((c) => c.value === '四、各类别推进情况')).toBe(true);
    expect(summary.cells.some((c) => c.value === '民生保障')).toBe(true);
  });

  it('says nothing is lagging on an empty list, and takes the user’s title', () => {
    const sheet = sheetOf(
      '任务',
      [{ name: '甲', unit: '甲局', deadline: '2023-12-31', status: 'normal' }],
      {
        fields: ['name', 'unit', 'deadline'],
        asOf: '2023-06-30',
        planYear: 2023,
      },
    );
    const book = buildBulletin([sheet], june, { lang: 'zh', rules, title: '=二季度通报' });
    const list = sheetNamed(book.sheets, '滞后清单2023-06-30');
    expect(cellAt(list, 2, 0)?.value).toBe('无滞后事项');
    expect(cellAt(sheetNamed(book.sheets, '通报2023-06-30'), 0, 0)?.value).toBe('=二季度通报');
  });

  it('puts the draft text in one merged, wrapped cell tall enough to read', () => {
    const book = projectsBook();
    const summary = sheetNamed(book.sheets, '通报2023-06-30');
    const cell = summary.cells.find((c) => c.value === book.text);
    expect(cell).toBeDefined();
    expect(summary.styles[cell?.style ?? '']).toMatchObject({ wrap: true });
    const merge = summary.merges.find((m) => m.top === cell?.row && m.left === cell?.col);
    expect(merge?.right).toBe(summary.columnWidths.length - 1);
    expect((merge?.bottom ?? 0) - (merge?.top ?? 0) + 1).toBeGreaterThanOrEqual(3);
  });

  it('formats shares as percentages with one decimal', () => {
    const summary = sheetNamed(projectsBook().sheets, '通报2023-06-30');
    const shareRow = summary.cells.find((c) => c.value === '占比')?.row ?? -1;
    expect([2, 3, 5].map((c) => shown(summary, cellAt(summary, shareRow, c)))).toEqual([
      '100.0%',
      '22.2%',
      '33.3%',
    ]);
  });
});
