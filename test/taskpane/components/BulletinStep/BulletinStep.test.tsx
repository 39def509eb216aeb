/** @jest-environment jsdom */
import '../../setupDom';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { PortError } from '../../../../src/port/WorkbookPort';
import { gridOf } from '../../../support/gridOf';
import { FakeFilePort, FakePort, notesGrid } from '../../fakePort';
import { renderApp } from '../../renderApp';

/** Opens the step once the workbook is read and analysed (the run button is enabled). */
async function openBulletin(tab = '通报', run = '生成通报') {
  fireEvent.click(await screen.findByRole('tab', { name: tab }));
  await waitFor(() => expect(screen.getByRole('button', { name: run })).toBeEnabled());
}

async function writeBulletin(result = '截至 2023-06-30 的通报') {
  fireEvent.click(screen.getByRole('button', { name: '生成通报' }));
  return screen.findByRole('region', { name: result });
}

/** The sheet tabs' names (a Fluent tab also holds a hidden copy of its label, to reserve width). */
function sheetTabs(): (string | null | undefined)[] {
  return within(screen.getByRole('tablist', { name: '工作表' }))
    .getAllByRole('tab')
    .map((t) => t.querySelector('.fui-Tab__content')?.textContent);
}

function draft(): HTMLTextAreaElement {
  return screen.getByLabelText<HTMLTextAreaElement>('通报文字(草稿)');
}

/** A project table with investment, 建设性质 and start dates, read on 2023-06-30. */
function investmentGrid() {
  return gridOf('项目表', [
    [
      '序号',
      '项目名称',
      '建设性质',
      '年度计划投资(万元)',
      '1-6月完成投资(万元)',
      '实际开工时间',
      '计划节点',
      '是否完成',
      '责任单位',
    ],
    [1, '快速路', '新开工', 1000, 300, '2023-03-01', '2023-05-20', '否', '区交通运输局'],
    [2, '文化中心', '新开工', 2000, 1200, null, '2023-12-31', '否', '金城镇'],
    [3, '污水厂', '续建', 1000, 500, null, '2023-02-28', '否', '区水利局'],
  ]);
}

describe('BulletinStep', () => {
  it('writes the bulletin at the report date and shows its draft text and key figures', async () => {
    const port = new FakePort({ kind: 'office' });
    renderApp({ port });
    await openBulletin();
    expect(screen.getByLabelText('截至日期')).toHaveValue('2023-06-30');
    const result = await writeBulletin();
    const book = port.bulletins[0];
    expect(book?.reportDate).toBe('2023-06-30');
    expect(book?.sheets.map((s) => s.name)).toEqual(['通报2023-06-30', '滞后清单2023-06-30']);
    expect(draft().value).toBe(book?.text);
    expect(draft().value).toMatch(/^截至2023年6月30日/);
    expect(result).toHaveTextContent('已新增工作表:通报2023-06-30、滞后清单2023-06-30');
    const figures = within(result).getByRole('region', { name: '主要数据' });
    expect(figures).toHaveTextContent('纳入调度 5 项');
    const counts = within(figures)
      .getByRole('group', { name: '纳入调度 5 项' })
      .querySelectorAll('.fui-Badge');
    expect(Array.from(counts, (b) => b.textContent)).toEqual([
      '正常 1',
      '滞后 1',
      '严重滞后 1',
      '已完成 1',
      '无法判定 1',
    ]);
    const units = within(figures).getByRole('list', { name: '滞后较多的单位' });
    expect(Array.from(units.querySelectorAll('li'), (li) => li.textContent)).toEqual([
      '区水利局:严重滞后1项',
      '区交通运输局:滞后1项',
    ]);
    // A table without investment or 建设性质 columns reports neither.
    expect(figures).not.toHaveTextContent('序时进度');
    expect(figures).not.toHaveTextContent('开工率');
  });

  it('shows investment against 序时进度 and the start rate when the table has those columns', async () => {
    renderApp({ port: new FakePort({ kind: 'office', grids: [investmentGrid()] }) });
    await openBulletin();
    const figures = within(await writeBulletin()).getByRole('region', { name: '主要数据' });
    expect(figures).toHaveTextContent('投资完成情况已完成 2000 万元 / 年度计划 4000 万元');
    expect(figures).toHaveTextContent('完成率50.0%');
    // 2023-06-30 is day 181 of 365: 49.6% of the year has gone, 0.4 points less than is done.
    expect(figures).toHaveTextContent('序时进度49.6% · 超过序时进度 0.4 个百分点');
    expect(figures).toHaveTextContent('开工率50.0% · 新开工项目 2 个,已开工 1 个');
  });

  it('activates the bulletin sheet in Excel when the adapter can switch sheets', async () => {
    const port = new FakePort({ kind: 'office', canActivate: true });
    renderApp({ port });
    await openBulletin();
    await writeBulletin();
    await waitFor(() => expect(port.activated).toEqual(['通报2023-06-30']));
  });

  it('re-reads the sheets in Excel before writing the bulletin, and never reads a bulletin sheet', async () => {
    const port = new FakePort({ kind: 'office' });
    renderApp({ port });
    await openBulletin();
    const before = port.reads.length;
    await writeBulletin();
    expect(port.reads.length).toBe(before * 2);
    fireEvent.click(screen.getByRole('button', { name: '生成通报' }));
    await waitFor(() => expect(port.bulletins).toHaveLength(2));
    expect(port.reads.filter((n) => n.startsWith('通报'))).toEqual([]);
  });

  it('writes the bulletin for the date typed in its step, analysing the tables at that date', async () => {
    const port = new FakePort({ kind: 'office' });
    renderApp({ port });
    await openBulletin();
    fireEvent.change(screen.getByLabelText('截至日期'), { target: { value: '2023-12-31' } });
    await writeBulletin('截至 2023-12-31 的通报');
    expect(port.bulletins[0]?.reportDate).toBe('2023-12-31');
    expect(draft().value).toMatch(/^截至2023年12月31日/);
    // The paint step shares the date.
    fireEvent.click(screen.getByRole('tab', { name: '标注' }));
    expect(screen.getByLabelText('截至日期')).toHaveValue('2023-12-31');
  });

  it('copies the draft text to the clipboard', async () => {
    const writeText = jest.fn((_text: string) => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    try {
      renderApp({ port: new FakePort({ kind: 'office' }) });
      await openBulletin();
      await writeBulletin();
      fireEvent.click(screen.getByRole('button', { name: '复制' }));
      expect(await screen.findByText('已复制到剪贴板。')).toBeInTheDocument();
      expect(writeText).toHaveBeenCalledWith(draft().value);
    } finally {
      Reflect.deleteProperty(navigator, 'clipboard');
    }
  });

  it('selects the whole draft for Ctrl+C when the clipboard is refused', async () => {
    const writeText = jest.fn(() => Promise.reject(new DOMException('denied', 'NotAllowedError')));
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    try {
      renderApp({ port: new FakePort({ kind: 'office' }) });
      await openBulletin();
      await writeBulletin();
      fireEvent.click(screen.getByRole('button', { name: '复制' }));
      expect(await screen.findByText('已选中全文,请按 Ctrl+C 复制。')).toBeInTheDocument();
      const text = draft();
      expect(document.activeElement).toBe(text);
      expect([text.selectionStart, text.selectionEnd]).toEqual([0, text.value.length]);
    } finally {
      Reflect.deleteProperty(navigator, 'clipboard');
    }
  });

  it('selects the whole draft when the page has no clipboard API', async () => {
    renderApp({ port: new FakePort({ kind: 'office' }) });
    await openBulletin();
    await writeBulletin();
    fireEvent.click(screen.getByRole('button', { name: '复制' }));
    expect(await screen.findByText('已选中全文,请按 Ctrl+C 复制。')).toBeInTheDocument();
    expect(draft().selectionEnd).toBe(draft().value.length);
  });

  it('shows the new bulletin sheet as a grid in the browser, beside the plan tables', async () => {
    const port = new FakeFilePort();
    renderApp({ mode: 'file', filePorts: [port] });
    await screen.findByRole('grid', { name: '工作表“重点项目”' });
    await openBulletin();
    await writeBulletin();
    const grid = await screen.findByRole('grid', { name: '工作表“通报2023-06-30”' });
    expect(grid.querySelector('[data-cell="A1"]')).toHaveTextContent(
      '截至2023年6月30日重点项目推进情况',
    );
    const sheets = screen.getByRole('tablist', { name: '工作表' });
    expect(within(sheets).getByRole('tab', { name: '通报2023-06-30' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(sheetTabs()).toEqual(['重点项目', '填表说明', '通报2023-06-30', '滞后清单2023-06-30']);
    fireEvent.click(within(sheets).getByRole('tab', { name: '滞后清单2023-06-30' }));
    expect(
      await screen.findByRole('grid', { name: '工作表“滞后清单2023-06-30”' }),
    ).toBeInTheDocument();
  });

  it('replaces the shown bulletin sheets when the bulletin is written again for the same date', async () => {
    const port = new FakeFilePort();
    renderApp({ mode: 'file', filePorts: [port] });
    await screen.findByRole('grid');
    await openBulletin();
    await writeBulletin();
    fireEvent.click(screen.getByRole('button', { name: '生成通报' }));
    await waitFor(() => expect(port.bulletins).toHaveLength(2));
    await waitFor(() =>
      expect(screen.getByRole('button', { name: '生成通报' })).not.toBeDisabled(),
    );
    expect(sheetTabs()).toEqual(['重点项目', '填表说明', '通报2023-06-30', '滞后清单2023-06-30']);
  });

  it('offers no bulletin while no sheet holds a plan table', async () => {
    renderApp({ port: new FakePort({ kind: 'office', grids: [notesGrid()] }) });
    expect(await screen.findByText('未识别为计划表的工作表')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('tab', { name: '通报' }));
    expect(screen.getByRole('button', { name: '生成通报' })).toBeDisabled();
  });

  it('says why when the workbook refuses the bulletin, and shows no result', async () => {
    const port = new FakePort({ kind: 'office' });
    port.writeBulletin = () =>
      Promise.reject(
        new PortError('sheet_protected', '工作簿受保护,无法添加工作表。', undefined, {
          zh: '工作簿受保护,无法添加工作表。',
          en: 'In English.',
        }),
      );
    renderApp({ port });
    await openBulletin();
    fireEvent.click(screen.getByRole('button', { name: '生成通报' }));
    expect(await screen.findByText('工作簿受保护,无法添加工作表。')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: '截至 2023-06-30 的通报' })).toBeNull();
    expect(screen.getByRole('button', { name: '生成通报' })).not.toBeDisabled();
  });

  it('writes the bulletin and its figures in English when the pane is in English', async () => {
    const port = new FakePort({ kind: 'office' });
    renderApp({ port, lang: 'en' });
    await openBulletin('Bulletin', 'Write bulletin');
    fireEvent.click(screen.getByRole('button', { name: 'Write bulletin' }));
    const result = await screen.findByRole('region', { name: 'Bulletin as of 2023-06-30' });
    expect(port.bulletins[0]?.text).toMatch(/as of 30 June 2023/);
    expect(within(result).getByLabelText('Draft text')).toHaveValue(port.bulletins[0]?.text);
    expect(result).toHaveTextContent('5 items tracked');
    expect(result).toHaveTextContent('区水利局: Severely lagging 1');
  });
});
