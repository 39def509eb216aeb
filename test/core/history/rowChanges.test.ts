import { analyzeWorkbook } from '../../../src/core/analyzeWorkbook';
import { dayNumber, type DayNumber } from '../../../src/core/dates';
import type { CellValue } from '../../../src/core/grid';
import { summarizeChanges } from '../../../src/core/history/changesSummary';
import { changeOf, rowKeys, sheetChanges } from '../../../src/core/history/rowChanges';
import {
  EMPTY_HISTORY,
  parseHistory,
  recordPeriod,
  serializeHistory,
  type StatusHistory,
} from '../../../src/core/history/statusHistory';
import { defaultRules } from '../../../src/core/rules';
import { gridOf } from '../../support/gridOf';

const HEADER: CellValue[] = ['序号', '项目名称', '责任单位', '计划节点', '是否完成'];
type Row = [string, string, string, string];

function analyse(rows: readonly Row[], asOf: DayNumber) {
  const grid = gridOf('重点项目', [
    ['2023年重点项目推进表', null, null, null, null],
    HEADER,
    ...rows.map((r, i) => [i + 1, ...r]),
  ]);
  const sheet = analyzeWorkbook([grid], { asOf, rules: defaultRules(), lang: 'zh' }).sheets[0];
  if (sheet === undefined) throw new Error('no table');
  return sheet;
}

function record(h: StatusHistory, rows: readonly Row[], asOf: DayNumber): StatusHistory {
  const s = analyse(rows, asOf);
  return recordPeriod(
    h,
    asOf,
    rowKeys(s),
    s.statuses.map((st) => st.status),
  );
}

const JUN = dayNumber(2023, 6, 30);
const JUL = dayNumber(2023, 7, 31);
const AUG = dayNumber(2023, 8, 31);
const SEP = dayNumber(2023, 9, 30);

describe('changeOf', () => {
  it.each([
    ['normal', 'lagging', 'newlyBehind'],
    ['done', 'severe', 'newlyBehind'],
    ['lagging', 'severe', 'turnedRed'],
    ['severe', 'lagging', 'improved'],
    ['lagging', 'normal', 'improved'],
    ['lagging', 'done', 'completed'],
    ['normal', 'done', 'completed'],
    ['normal', 'normal', 'unchanged'],
    ['severe', 'severe', 'unchanged'],
  ] as const)('from %s to %s is %s', (from, to, change) => {
    expect(changeOf(from, to)).toBe(change);
  });
});

describe('the status history', () => {
  it('keeps a repaint at the same date as one entry, the latest', () => {
    const rows: Row[] = [['A项目', '区发改局', '2023年5月31日', '否']];
    let h = record(EMPTY_HISTORY, rows, JUN);
    h = record(h, [['A项目', '区发改局', '2023年5月31日', '是']], JUN);
    expect(h.dates).toEqual(['2023-06-30']);
    expect(Object.values(h.rows)).toEqual(['d']);
  });

  it('keeps at most 24 report dates, dropping the oldest', () => {
    let h = EMPTY_HISTORY;
    for (let m = 1; m <= 30; m++) {
      h = record(
        h,
        [['A项目', '区发改局', '年底', '否']],
        dayNumber(2022 + Math.floor((m - 1) / 12), ((m - 1) % 12) + 1, 1),
      );
    }
    expect(h.dates).toHaveLength(24);
    expect(h.dates[0]).toBe('2022-07-01');
  });

  it('reads back what it stored, and reads a damaged or unknown record as no history', () => {
    const h = record(EMPTY_HISTORY, [['A项目', '区发改局', '年底', '否']], JUN);
    expect(parseHistory(serializeHistory(h))).toEqual(h);
    expect(parseHistory('{"v":2,"dates":[],"rows":{}}')).toEqual(EMPTY_HISTORY);
    expect(parseHistory('not json')).toEqual(EMPTY_HISTORY);
    expect(parseHistory('{"v":1,"dates":["2023-06-30"],"rows":{"abc":"nl"}}')).toEqual(
      EMPTY_HISTORY,
    );
  });

  it('holds no cell text: only dates, hashed keys and status codes', () => {
    const h = record(EMPTY_HISTORY, [['智能装备制造项目', '区发改局', '2023年5月31日', '否']], JUN);
    const text = serializeHistory(h);
    expect(text).not.toMatch(/智能|区发改局|5月/);
    expect(text).toMatch(/^\{"v":1,"dates":\["2023-06-30"\],"rows":\{"[0-9a-z]+":"[nlsdu]"\}\}$/);
  });
});

describe('sheetChanges', () => {
  it('has no previous period at the first report date', () => {
    const rows: Row[] = [['A项目', '区发改局', '2023年5月20日', '否']];
    const h = record(EMPTY_HISTORY, rows, JUN);
    const c = sheetChanges(analyse(rows, JUN), h, JUN);
    expect(c.previousAsOf).toBeNull();
    expect(c.rows).toEqual([{ previousStatus: null, change: null, periodsBehind: 1 }]);
  });

  it('follows rows inserted, deleted and re-sorted, and counts removed ones', () => {
    const june: Row[] = [
      ['A项目', '区发改局', '2023年6月30日', '否'],
      ['B项目', '区住建局', '2023年5月20日', '否'],
      ['C项目', '区住建局', '2023年2月10日', '否'],
      ['D项目', '区交通局', '2023年5月15日', '否'],
      ['E项目', '区水务局', '2023年4月30日', '否'],
    ];
    const h = record(EMPTY_HISTORY, june, JUN);
    const prev = analyse(june, JUN).statuses.map((s) => s.status);
    expect(prev).toEqual(['normal', 'lagging', 'severe', 'lagging', 'lagging']);
    // Sorted by unit, E deleted, F inserted: A is now behind, B further behind, D done.
    const september: Row[] = [
      ['F项目', '区发改局', '年底', '否'],
      ['A项目', '区发改局', '2023年6月30日', '否'],
      ['D项目', '区交通局', '2023年5月15日', '是'],
      ['B项目', '区住建局', '2023年5月20日', '否'],
      ['C项目', '区住建局', '2023年2月10日', '否'],
    ];
    const now = analyse(september, SEP);
    expect(now.statuses.map((s) => s.status)).toEqual([
      'normal',
      'lagging',
      'done',
      'severe',
      'severe',
    ]);
    const c = sheetChanges(now, record(h, september, SEP), SEP);
    expect(c.previousAsOf).toBe('2023-06-30');
    expect(c.rows).toEqual([
      { previousStatus: null, change: 'added', periodsBehind: 0 },
      { previousStatus: 'normal', change: 'newlyBehind', periodsBehind: 1 },
      { previousStatus: 'lagging', change: 'completed', periodsBehind: 0 },
      { previousStatus: 'lagging', change: 'turnedRed', periodsBehind: 2 },
      { previousStatus: 'severe', change: 'unchanged', periodsBehind: 2 },
    ]);
    expect(c.removed).toBe(1);

    const summary = summarizeChanges([now], [c], 2);
    expect(summary).toMatchObject({
      previousAsOf: '2023-06-30',
      newlyBehind: 1,
      turnedRed: 1,
      improved: 0,
      completed: 1,
      added: 1,
      removed: 1,
      behindPeriods: 2,
    });
    expect(summary?.turnedRedItems.map((i) => [i.name, i.excelRow])).toEqual([['B项目', 6]]);
    expect(summary?.longBehind.map((i) => i.name)).toEqual(['B项目', 'C项目']);
    // 区发改局: A fell behind (0 → 1); 区住建局 stayed at 2; 区交通局 went from 1 to 0.
    expect(summary?.unitsRising).toEqual([{ unit: '区发改局', previous: 0, current: 1 }]);
  });

  it('counts consecutive periods across report dates, and starts again after a recovery', () => {
    const late: Row[] = [['A项目', '区发改局', '2023年5月20日', '否']];
    const doneThen: Row[] = [['A项目', '区发改局', '2023年5月20日', '是']];
    let h = record(EMPTY_HISTORY, late, JUN);
    h = record(h, late, JUL);
    h = record(h, late, AUG);
    expect(sheetChanges(analyse(late, AUG), h, AUG).rows[0]?.periodsBehind).toBe(3);
    // Reported done in September, then (a mistake corrected) not done in October.
    h = record(h, doneThen, SEP);
    expect(sheetChanges(analyse(doneThen, SEP), h, SEP).rows[0]).toEqual({
      previousStatus: 'severe',
      change: 'completed',
      periodsBehind: 0,
    });
    const OCT = dayNumber(2023, 10, 31);
    h = record(h, late, OCT);
    expect(sheetChanges(analyse(late, OCT), h, OCT).rows[0]).toMatchObject({
      previousStatus: 'done',
      change: 'newlyBehind',
      periodsBehind: 1,
    });
  });

  it('does not guess for rows that share a name and unit', () => {
    const twins: Row[] = [
      ['A项目', '区发改局', '2023年5月20日', '否'],
      ['A项目', '区发改局', '年底', '否'],
    ];
    const h = record(EMPTY_HISTORY, twins, JUN);
    expect(h.rows).toEqual({});
    const c = sheetChanges(analyse(twins, SEP), record(h, twins, SEP), SEP);
    expect(c.rows.map((r) => r.change)).toEqual(['uncertain', 'uncertain']);
    expect(c.rows.map((r) => r.previousStatus)).toEqual([null, null]);
  });
});
