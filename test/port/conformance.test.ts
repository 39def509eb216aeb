import { dayNumber } from '../../src/core/dates';
import { STATE_SHEET } from '../../src/core/ownSheets';
import { defaultRules, resolveRules, type RuleSet } from '../../src/core/rules';
import { STATUSES } from '../../src/core/status';
import { SETTINGS_KEY } from '../../src/core/workbookRecord/recordKeys';
import {
  analyze,
  clearSheets,
  paintSheets,
  readSheets,
  writeBulletin,
} from '../../src/session/workflow';
import {
  cellAt,
  deleteRow,
  insertRow,
  openIn,
  sortRows,
  type BookModel,
  type CellModel,
  type HostKind,
  type SheetModel,
} from '../support/bookModel';

/**
 * The port contract, held to every adapter the same way: the Office adapter over the recording
 * fake of Excel, the package (.xlsx) adapter, and the page's worker port. Each scenario runs in each host,
 * and the ones about passing a workbook on run across every pair of them.
 */
const HOSTS: readonly HostKind[] = ['package', 'office', 'worker'];
const PAIRS = HOSTS.flatMap((a) => HOSTS.map((b) => [a, b] as const));
const SHEET = '重点项目';
const BLUE = '#DDEBF7';
const ASOF = dayNumber(2023, 6, 30);
const rules = defaultRules('zh');

const c = (value: string | number | null, fill: string | null = null): CellModel => ({
  value,
  fill,
});

/** A plan table: 项目3 is the user's blue row; leaders' names stand in a column of their own. */
function table(): BookModel {
  const rows: CellModel[][] = [
    [c('2023年度重点项目推进计划表')],
    ['序号', '项目名称', '责任单位', '计划节点', '分管领导'].map((v) => c(v)),
  ];
  const units = ['区住建局', '区发改局', '区水务局', '区发改局'];
  const deadlines = ['2023年3月31日', '6月底', '2023年5月31日', '年底'];
  const leaders = ['王芳', '陈静', '杨帆', '李强'];
  for (let i = 1; i <= 4; i++) {
    const fill = i === 3 ? BLUE : null;
    rows.push(
      [i, `项目${i}`, units[i - 1] ?? '', deadlines[i - 1] ?? '', leaders[i - 1] ?? ''].map((v) =>
        c(v, fill),
      ),
    );
  }
  return [
    { name: SHEET, visibility: 'visible', rows },
    { name: '说明', visibility: 'visible', rows: [[c('每月28日前报送。')]] },
  ];
}

function sheet(book: BookModel, name = SHEET): SheetModel {
  const s = book.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

async function paint(kind: HostKind, book: BookModel, with_: RuleSet = rules): Promise<BookModel> {
  const host = await openIn(kind, book);
  const { grids } = await readSheets(host.port);
  const analysis = await analyze(grids, { asOf: ASOF, rules: with_, lang: 'zh' });
  const out = await paintSheets(host.port, analysis, 'zh');
  expect(out.painted.map((p) => p.sheet.sheet)).toEqual([SHEET]);
  return host.save();
}

async function clear(kind: HostKind, book: BookModel): Promise<BookModel> {
  const host = await openIn(kind, book);
  const { grids } = await readSheets(host.port);
  const analysis = await analyze(grids, { asOf: ASOF, rules, lang: 'zh' });
  await clearSheets(host.port, analysis, [], 'zh');
  return host.save();
}

const userSheets = (book: BookModel): BookModel => book.filter((s) => s.name !== STATE_SHEET);
const colorOf = (status: (typeof STATUSES)[number]): string =>
  `#${rules.colors[status].toUpperCase()}`;

describe.each(HOSTS)('the %s port', (kind) => {
  it('reads every value of the sheets as they are', async () => {
    const host = await openIn(kind, table());
    const { grids } = await readSheets(host.port);
    expect(grids.map((g) => g.name)).toEqual([SHEET, '说明']);
    const grid = grids[0];
    expect(grid?.values[2]).toEqual([1, '项目1', '区住建局', '2023年3月31日', '王芳']);
  });

  it('paints the status column and each data row’s colour, and changes no user value', async () => {
    const painted = await paint(kind, table());
    const s = sheet(painted);
    expect(cellAt(s, 2, 6).value).toBe(rules.statusHeader);
    // 3月31日 is three months behind at 6月30日: lagging, not yet severe; 5月31日 is one month: normal.
    const expected = ['lagging', 'normal', 'normal', 'normal'] as const;
    expected.forEach((status, i) => {
      expect(cellAt(s, 3 + i, 6).value).toBe(rules.labels[status]);
      for (let col = 1; col <= 6; col++) expect(cellAt(s, 3 + i, col).fill).toBe(colorOf(status));
    });
    for (let r = 1; r <= 6; r++) {
      for (let col = 1; col <= 5; col++) {
        expect(cellAt(s, r, col).value).toBe(cellAt(sheet(table()), r, col).value);
      }
    }
    expect(sheet(painted, '说明')).toEqual(sheet(table(), '说明'));
  });

  it('gives the user’s workbook back when cleared, fills included, keeping nothing of the paint', async () => {
    const cleared = await clear(kind, await paint(kind, table()));
    expect(userSheets(cleared)).toEqual(table());
  });

  it('repaints after rows were inserted, deleted and sorted, and clears to the user’s fills on the rows they moved with', async () => {
    const painted = await paint(kind, table());
    let s = sheet(painted);
    s = insertRow(s, 4);
    s = deleteRow(s, 3);
    s = sortRows(s, 3, 6, 3);
    const edited = painted.map((x) => (x.name === SHEET ? s : x));
    const repainted = sheet(await paint(kind, edited));
    for (let r = 3; r <= 6; r++) {
      const label = cellAt(repainted, r, 6).value;
      if (cellAt(repainted, r, 2).value === null) continue;
      const status = STATUSES.find((st) => rules.labels[st] === label);
      expect(status).toBeDefined();
      if (status !== undefined) expect(cellAt(repainted, r, 1).fill).toBe(colorOf(status));
    }
    const cleared = sheet(await clear(kind, await paint(kind, edited)));
    for (let r = 3; r <= 6; r++) {
      const fill = cellAt(s, r, 2).value === '项目3' ? BLUE : null;
      for (let col = 1; col <= 5; col++) expect(cellAt(cleared, r, col).fill).toBe(fill);
      expect(cellAt(cleared, r, 6)).toEqual({ value: null, fill: null });
    }
  });

  it('names the bulletin sheets of a re-run for the same date as the first run did, keeping a user’s sheet of that name', async () => {
    const book: BookModel = [
      ...table(),
      { name: '通报2023-06-30', visibility: 'visible', rows: [[c('我的笔记')]] },
    ];
    const host = await openIn(kind, book);
    const { grids } = await readSheets(host.port);
    const analysis = await analyze(grids, { asOf: ASOF, rules, lang: 'zh' });
    const first = await writeBulletin(host.port, analysis, ASOF, rules, 'zh');
    const again = await writeBulletin(host.port, analysis, ASOF, rules, 'zh');
    expect(again.sheets).toEqual(first.sheets);
    expect(first.sheets).toEqual(['通报2023-06-30 (2)', '滞后清单2023-06-30']);
    const saved = await host.save();
    expect(sheet(saved, '通报2023-06-30')).toEqual(sheet(book, '通报2023-06-30'));
  });

  it('keeps its records: what is written is read back, and other records are left alone', async () => {
    const host = await openIn(kind, table());
    await host.port.writeRecords(
      new Map([
        ['a', 'x'.repeat(700)],
        ['b', '乙'],
      ]),
    );
    await host.port.writeRecords(
      new Map([
        ['a', undefined],
        ['c', '{"v":1}'],
      ]),
    );
    const records = await host.port.readRecords();
    expect([...records].filter(([k]) => k !== SETTINGS_KEY)).toEqual([
      ['b', '乙'],
      ['c', '{"v":1}'],
    ]);
  });

  it('stores rules, columns and dates in its settings, and no cell text or person’s name anywhere', async () => {
    const custom = resolveRules(
      { statusHeader: '督办状态', labels: { lagging: '进度滞后' } },
      'zh',
    );
    if (!custom.ok) throw new Error('rules');
    const painted = await paint(kind, table(), custom.value);
    const host = await openIn(kind, painted);
    await host.port.saveSettings({
      rules: { statusHeader: '督办状态', labels: { lagging: '进度滞后' } },
      lastAsOf: '2023-06-30',
    });
    const records = [...(await host.port.readRecords()).values()].join('\n');
    for (const text of ['项目1', '区住建局', '王芳', '陈静', '2023年3月31日', '每月28日前报送。']) {
      expect(records).not.toContain(text);
    }
    expect(records).toContain('督办状态');
  });
});

describe.each(PAIRS)('a workbook painted by the %s port and then opened by the %s port', (a, b) => {
  it('keeps the settings saved by the first', async () => {
    const first = await openIn(a, table());
    await first.port.saveSettings({ lastAsOf: '2023-06-30', rules: { preset: 'due-soon' } });
    const second = await openIn(b, await first.save());
    expect(await second.port.loadSettings()).toEqual({
      lastAsOf: '2023-06-30',
      rules: { preset: 'due-soon' },
    });
  });

  it('is repainted in the second with one status column and cleared back in the first', async () => {
    const custom = resolveRules({ statusHeader: '督办状态' }, 'zh');
    if (!custom.ok) throw new Error('rules');
    const host = await openIn(a, await paint(a, table(), custom.value));
    await host.port.saveSettings({ rules: { statusHeader: '督办状态' } });
    const painted = await host.save();
    // The second host finds the custom header through the settings the first saved.
    const second = await openIn(b, painted);
    const saved = await second.port.loadSettings();
    const withSaved = resolveRules(saved.rules ?? {}, 'zh');
    if (!withSaved.ok) throw new Error('rules');
    const repainted = await paint(b, painted, withSaved.value);
    const header = sheet(repainted).rows[1]?.map((x) => x.value) ?? [];
    expect(header.filter((v) => v === '督办状态')).toHaveLength(1);
    const cleared = await clear(a, repainted);
    expect(sheet(cleared)).toEqual(sheet(table()));
  });
});
