import { dayNumber } from '../../src/core/dates';
import { defaultRules } from '../../src/core/rules';
import { WorkbookSession } from '../../src/session/WorkbookSession';
import {
  deleteRow,
  insertRow,
  openIn,
  setCells,
  sortRows,
  type BookModel,
  type CellModel,
  type HostKind,
  type SheetModel,
} from '../support/bookModel';

/**
 * The pane's month over month: 标注 at 30 June in one host, the table edited as staff edit it, 标注
 * at 30 September in another host; the 变化 view lists exactly the rows that changed, each with
 * the cell it selects, and the bulletin sheet has its 与上期相比 section.
 */
const SHEET = '重点项目';
const rules = defaultRules('zh');
const cell = (value: string | number | null): CellModel => ({ value, fill: null });

const JUNE: readonly (readonly string[])[] = [
  ['A项目', '区发改局', '2023年6月30日', '否'],
  ['B项目', '区住建局', '2023年5月20日', '否'],
  ['C项目', '区住建局', '2023年2月10日', '否'],
  ['D项目', '区交通局', '2023年5月15日', '否'],
  ['E项目', '区水务局', '2023年4月30日', '否'],
];

function plan(): SheetModel {
  return {
    name: SHEET,
    visibility: 'visible',
    rows: [
      [cell('2023年重点项目推进表')],
      ['序号', '项目名称', '责任单位', '计划节点', '是否完成'].map(cell),
      ...JUNE.map((r, i) => [cell(i + 1), ...r.map(cell)]),
    ],
  };
}

function rowOf(s: SheetModel, name: string): number {
  return s.rows.findIndex((r) => r[1]?.value === name) + 1;
}

function edited(s0: SheetModel): SheetModel {
  let s = deleteRow(s0, rowOf(s0, 'E项目'));
  s = insertRow(s, 4);
  s = setCells(s, 4, {
    1: cell(6),
    2: cell('F项目'),
    3: cell('区发改局'),
    4: cell('年底'),
    5: cell('否'),
  });
  s = sortRows(s, 3, s.rows.length, 3);
  return setCells(s, rowOf(s, 'D项目'), { 5: cell('是') });
}

async function paintIn(kind: HostKind, book: BookModel, asOf: number) {
  const host = await openIn(kind, book);
  const session = new WorkbookSession({ lang: 'zh', today: '2023-06-30' });
  await session.open(host.port);
  await session.paint({ asOf, rules, ruleInput: {} });
  return { host, session };
}

describe.each([
  ['office', 'worker'],
  ['worker', 'office'],
] as const)('标注 in %s, then in %s at the next report date', (first, second) => {
  it('lists every changed row in the 变化 view, with the cell it selects, and writes 与上期相比 in the bulletin', async () => {
    const june = await paintIn(first, [plan()], dayNumber(2023, 6, 30));
    expect(june.session.getView().changes).toMatchObject({ previousAsOf: null, rows: [] });
    const junBook = await june.host.save();
    const sepBook = junBook.map((s) => (s.name === SHEET ? edited(s) : s));
    const sepSheet = sepBook.find((s) => s.name === SHEET) as SheetModel;
    const sep = await paintIn(second, sepBook, dayNumber(2023, 9, 30));

    const changes = sep.session.getView().changes;
    expect(changes?.previousAsOf).toBe('2023-06-30');
    expect(
      changes?.rows.map((r) => [r.change, r.name, r.cell, r.previousStatus, r.status]),
    ).toEqual([
      ['turnedRed', 'B项目', `B${rowOf(sepSheet, 'B项目')}`, 'lagging', 'severe'],
      ['newlyBehind', 'A项目', `B${rowOf(sepSheet, 'A项目')}`, 'normal', 'lagging'],
      ['completed', 'D项目', `B${rowOf(sepSheet, 'D项目')}`, 'lagging', 'done'],
      ['added', 'F项目', `B${rowOf(sepSheet, 'F项目')}`, null, 'normal'],
    ]);
    expect(changes?.summary).toMatchObject({
      removed: 1,
      longBehind: [{ name: 'B项目' }, { name: 'C项目' }],
    });

    await sep.session.bulletin({ asOf: dayNumber(2023, 9, 30), rules });
    expect(sep.session.getView().lastBulletin?.text).toContain(
      '与上期（2023年6月30日）相比，新增滞后1项，由黄转红1项，新完成1项，新纳入1项，不再列入1项；连续2期以上滞后的有2项。',
    );
    const saved = await sep.host.save();
    const bulletinSheet = saved.find((s) => s.name === '通报2023-09-30');
    const texts = (bulletinSheet?.rows ?? []).flat().map((c) => String(c?.value ?? ''));
    expect(texts.filter((t) => t.includes('与上期相比')).map((t) => t.slice(0, 12))).toEqual([
      '三、与上期相比（上期：2',
    ]);

    // Forgetting the history: the next 标注 has nothing to compare with.
    await sep.session.clearHistory();
    await sep.session.paint({ asOf: dayNumber(2023, 10, 31), rules, ruleInput: {} });
    expect(sep.session.getView().changes?.previousAsOf).toBeNull();
  }, 60_000);
});
