/** @jest-environment jsdom */
import '../../setupDom';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { FakeFilePort, FakePort } from '../../fakePort';
import { renderApp } from '../../renderApp';
import { gridOf } from '../../../support/gridOf';

async function openCheck() {
  await screen.findByLabelText('工作表“重点项目”的“计划节点”列');
  fireEvent.click(screen.getByRole('tab', { name: '检查' }));
}

describe('CheckStep', () => {
  it('lists issues grouped and selects the cell when one is clicked', async () => {
    const port = new FakePort({ kind: 'office', canSelect: true });
    renderApp({ port });
    await openCheck();
    expect(screen.getByText('共 1 个问题')).toBeInTheDocument();
    const sheet = screen.getByRole('region', { name: '重点项目' });
    const group = within(sheet).getByRole('button', { name: /计划节点无法识别/ });
    expect(group).toHaveTextContent('错误');
    fireEvent.click(group);
    const item = await screen.findByTitle('定位到 C7');
    expect(item).toHaveTextContent('“待定”无法识别为日期');
    fireEvent.click(item);
    await waitFor(() => expect(port.selected).toEqual([{ sheet: '重点项目', address: 'C7' }]));
  });

  it('puts the most severe kinds of issue first on each sheet', async () => {
    const grid = gridOf('台账', [
      ['序号', '议定事项', '完成时限', '责任单位'],
      [1, '道路维修', '2023年13月', '区交通运输局'],
      [2, '管网改造', null, '区水利局'],
      [3, '河道整治', '待定', '区水利局'],
    ]);
    renderApp({ port: new FakePort({ kind: 'office', grids: [grid] }) });
    await screen.findByLabelText('工作表“台账”的“计划节点”列');
    fireEvent.click(screen.getByRole('tab', { name: '检查' }));
    const headers = within(screen.getByRole('region', { name: '台账' }))
      .getAllByRole('button')
      .map((b) => b.textContent ?? '');
    const severities = headers.map((h) =>
      h.startsWith('错误') ? 0 : h.startsWith('提醒') ? 1 : 2,
    );
    expect(severities).toEqual([...severities].sort((a, b) => a - b));
    expect(headers.some((h) => h.includes('计划节点为空'))).toBe(true);
    expect(headers.some((h) => h.includes('计划年度按截至日期理解'))).toBe(true);
  });

  it('scrolls the grid to the cell and outlines it in the browser', async () => {
    renderApp({ mode: 'file', filePorts: [new FakeFilePort()] });
    await openCheck();
    fireEvent.click(screen.getByRole('button', { name: /计划节点无法识别/ }));
    fireEvent.click(await screen.findByTitle('定位到 C7'));
    const grid = screen.getByRole('grid', { name: '工作表“重点项目”' });
    await waitFor(() =>
      expect(grid.querySelector('[aria-selected="true"]')).toHaveAttribute('data-cell', 'C7'),
    );
  });

  it('says so when there is nothing to fix', async () => {
    const clean = gridOf('重点项目', [
      ['2023年度重点项目推进计划表'],
      ['序号', '项目名称', '计划节点', '责任单位'],
      [1, '城市快速路项目', '2023年12月', '区交通运输局'],
    ]);
    renderApp({ port: new FakePort({ kind: 'office', grids: [clean] }) });
    await screen.findByLabelText('工作表“重点项目”的“计划节点”列');
    fireEvent.click(screen.getByRole('tab', { name: '检查' }));
    expect(screen.getByText('没有发现问题。')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: '重点项目' })).not.toBeInTheDocument();
  });

  it('rewords the issues when the language is switched', async () => {
    renderApp({ port: new FakePort({ kind: 'office' }) });
    await openCheck();
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    fireEvent.click(await screen.findByRole('button', { name: /Deadline not readable/ }));
    expect(await screen.findByTitle('Go to C7')).toHaveTextContent(
      '"待定" is not a date we can read',
    );
  });
});
