import { dayNumber } from '../../src/core/dates';
import { defaultRules } from '../../src/core/rules';
import { PortError } from '../../src/port/WorkbookPort';
import { WorkbookSession, type SessionView } from '../../src/session/WorkbookSession';
import { openIn, type BookModel, type CellModel } from '../support/bookModel';
import { FakePort } from '../taskpane/fakePort';

/** The pane's session as plain TypeScript: the view it publishes and the actions on it. */
const today = '2023-06-30';

async function opened(port: ConstructorParameters<typeof FakePort>[0] = {}) {
  const session = new WorkbookSession({ lang: 'zh', today });
  const fake = new FakePort(port);
  const views: SessionView[] = [];
  session.subscribe(() => views.push(session.getView()));
  await session.open(fake);
  return { session, fake, views };
}

const rules = defaultRules('zh');
const request = { asOf: dayNumber(2023, 6, 30), rules, ruleInput: { preset: 'node-lag' as const } };

describe('WorkbookSession', () => {
  it('reads and analyses the workbook it is given, showing progress, and ends ready and idle', async () => {
    const { session, views } = await opened();
    const view = session.getView();
    expect(view.state).toBe('ready');
    expect(view.busy).toBe(false);
    expect(view.analysis?.sheets.map((s) => s.sheet)).toEqual(['重点项目']);
    expect(views.some((v) => v.progress?.phase === 'read')).toBe(true);
    expect(views.some((v) => v.progress?.phase === 'analyze')).toBe(true);
  });

  it('paints every table and remembers the rules and the date in the workbook', async () => {
    const { session, fake } = await opened();
    await session.paint(request);
    expect(fake.painted.map((p) => p.sheet)).toEqual(['重点项目']);
    // The plan goes out with each row's key, so the record can follow the rows.
    expect(fake.painted[0]?.keys.some((k) => k !== '')).toBe(true);
    expect(fake.savedSettings.at(-1)).toEqual({
      rules: { preset: 'node-lag' },
      lastAsOf: '2023-06-30',
    });
    expect(session.getView().lastPaint?.sheets.map((s) => s.sheet)).toEqual(['重点项目']);
  });

  it('leaves a protected sheet as it is and says so, as the command line does', async () => {
    const words = { zh: '工作表“重点项目”受保护。', en: 'Sheet "重点项目" is protected.' };
    const { session } = await opened({
      paintError: new PortError('sheet_protected', words.zh, undefined, words),
    });
    await session.paint(request);
    const notice = session.getView().notice;
    expect(notice).toMatchObject({ intent: 'warning', kind: 'partly' });
    expect(notice?.kind === 'partly' ? notice.skipped.map((e) => e.message) : []).toEqual([
      words.zh,
    ]);
    expect(session.getView().lastPaint?.sheets).toEqual([]);
  });

  it('turns any other failure into an error notice and is ready for the next action', async () => {
    const { session } = await opened({ paintError: new Error('boom') });
    await session.paint(request);
    expect(session.getView().notice).toMatchObject({ intent: 'error', kind: 'error' });
    expect(session.getView().busy).toBe(false);
  });

  it('clears every sheet it painted, on its rows as they are now, and says so', async () => {
    const { session, fake } = await opened({ kind: 'office' });
    await session.paint(request);
    await session.clear();
    expect(fake.cleared).toEqual(['重点项目']);
    expect(session.getView().notice).toEqual({ intent: 'success', kind: 'cleared' });
    expect(session.getView().painted).toEqual({});
  });

  it('reads a file’s bulletin sheets back to show them, and points at the first one', async () => {
    const { session } = await opened();
    await session.bulletin({ asOf: dayNumber(2023, 6, 30), rules });
    const view = session.getView();
    expect(view.lastBulletin?.sheets).toEqual(['通报2023-06-30', '滞后清单2023-06-30']);
    expect(view.bulletinGrids.map((g) => g.name)).toEqual(view.lastBulletin?.sheets);
    expect(view.focus).toMatchObject({ sheet: '通报2023-06-30' });
  });

  it('runs one action at a time: a second one while the first works is ignored', async () => {
    const { session, fake } = await opened();
    await Promise.all([session.paint(request), session.paint(request)]);
    expect(fake.painted).toHaveLength(1);
  });

  it('remembers the document settings in the workbook', async () => {
    const { session, fake } = await opened();
    const documents = { issuer: '区重点办' };
    await expect(session.saveDocuments(documents as never)).resolves.toBe(true);
    expect(fake.savedSettings.at(-1)).toMatchObject({ documents });
  });

  it('works the same over a real adapter: painted, then cleared back to the user’s workbook', async () => {
    const c = (value: string | number | null, fill: string | null = null): CellModel => ({
      value,
      fill,
    });
    const book: BookModel = [
      {
        name: '重点项目',
        visibility: 'visible',
        rows: [
          ['序号', '项目名称', '责任单位', '计划节点'].map((v) => c(v)),
          [1, '项目1', '区住建局', '6月底'].map((v) => c(v, '#DDEBF7')),
          [2, '项目2', '区发改局', '三季度'].map((v) => c(v)),
        ],
      },
    ];
    const host = await openIn('package', book);
    const session = new WorkbookSession({ lang: 'zh', today });
    await session.open(host.port);
    await session.paint(request);
    await session.clear();
    const cleared = (await host.save()).filter((s) => s.name === '重点项目');
    expect(cleared).toEqual(book);
  });
});
