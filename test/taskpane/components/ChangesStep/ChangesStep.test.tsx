/** @jest-environment jsdom */
import '../../setupDom';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { FakePort } from '../../fakePort';
import { renderApp } from '../../renderApp';

async function paintAt(day: string) {
  fireEvent.click(screen.getByRole('tab', { name: '标注' }));
  fireEvent.change(screen.getByLabelText('截至日期'), { target: { value: day } });
  fireEvent.click(screen.getByRole('button', { name: '运行' }));
  await screen.findByRole('region', { name: new RegExp(day) });
}

describe('ChangesStep', () => {
  it('lists what changed since the previous 标注 and selects a row’s cell in Excel', async () => {
    const port = new FakePort({ kind: 'office', canSelect: true });
    renderApp({ port });
    await screen.findByLabelText('工作表“重点项目”的“计划节点”列');
    fireEvent.click(screen.getByRole('tab', { name: '变化' }));
    expect(screen.getByText('标注后,这里列出与上期相比状态有变化的事项。')).toBeInTheDocument();

    await paintAt('2023-06-30');
    fireEvent.click(screen.getByRole('tab', { name: '变化' }));
    expect(screen.getByText(/这是第一次标注/)).toBeInTheDocument();

    await paintAt('2023-08-31');
    fireEvent.click(screen.getByRole('tab', { name: '变化' }));
    expect(screen.getByText('与上期(2023-06-30)相比,截至2023-08-31:')).toBeInTheDocument();
    const list = screen.getByRole('list', { name: '变化' });
    const items = within(list).getAllByRole('button');
    expect(items.map((b) => b.getAttribute('title'))).toEqual(['转到 B3']);
    expect(items[0]).toHaveTextContent('由黄转红');
    expect(items[0]).toHaveTextContent('城市快速路项目');
    expect(items[0]).toHaveTextContent('连续2期');
    fireEvent.click(items[0] as HTMLElement);
    await waitFor(() => expect(port.selected).toEqual([{ sheet: '重点项目', address: 'B3' }]));

    fireEvent.click(screen.getByRole('button', { name: '清除历史记录' }));
    await waitFor(() => expect(screen.queryByRole('list', { name: '变化' })).toBeNull());
  });
});
