/** @jest-environment jsdom */
import '../../setupDom';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { FakePort, notesGrid, projectsGrid } from '../../fakePort';
import { renderApp } from '../../renderApp';
import { chooseOption } from '../../chooseOption';

const deadlineOf = (sheet: string) => `工作表“${sheet}”的“计划节点”列`;

describe('DetectStep', () => {
  it('shows where the header is and which column holds each field', async () => {
    renderApp({ port: new FakePort({ kind: 'office' }) });
    const card = await screen.findByRole('group', { name: '重点项目' });
    expect(within(card).getByText('表头:第2行')).toBeInTheDocument();
    expect(within(card).getByText('列:A–F')).toBeInTheDocument();
    expect(within(card).getByText('数据 5 行')).toBeInTheDocument();
    expect(within(card).getByText('计划年度 2023')).toBeInTheDocument();
    expect(screen.getByLabelText(deadlineOf('重点项目'))).toHaveTextContent('C · 计划节点');
    expect(screen.getByLabelText('工作表“重点项目”的“责任单位”列')).toHaveTextContent(
      'E · 责任单位',
    );
  });

  it('shows the column mapping and re-runs when a mapping is changed', async () => {
    const port = new FakePort({ kind: 'office' });
    renderApp({ port });
    const deadline = await screen.findByLabelText(deadlineOf('重点项目'));
    await chooseOption(deadline, 'F · 备注');

    await waitFor(() =>
      expect(screen.getByLabelText(deadlineOf('重点项目'))).toHaveTextContent('F · 备注'),
    );
    expect(screen.getByText('已手动指定')).toBeInTheDocument();
    expect(port.savedSettings.at(-1)?.overrides).toEqual({ 重点项目: { deadline: 'F' } });
    // The re-run reads deadlines from 备注: four rows now have none.
    fireEvent.click(screen.getByRole('tab', { name: '检查' }));
    expect(await screen.findByText('计划节点为空')).toBeInTheDocument();
  });

  it('maps a field to no column and back to automatic detection', async () => {
    const port = new FakePort({ kind: 'office' });
    renderApp({ port });
    const unitBox = () => screen.getByLabelText('工作表“重点项目”的“责任单位”列');
    const unit = await screen.findByLabelText('工作表“重点项目”的“责任单位”列');
    await chooseOption(unit, '(无此列)');
    await waitFor(() => expect(unitBox()).toHaveTextContent('(无此列)'));
    expect(port.savedSettings.at(-1)?.overrides).toEqual({ 重点项目: { unit: null } });

    fireEvent.click(screen.getByRole('button', { name: '恢复自动识别' }));
    await waitFor(() => expect(unitBox()).toHaveTextContent('E · 责任单位'));
    expect(port.savedSettings.at(-1)?.overrides).toEqual({});
  });

  it('names the sheets it skipped and why', async () => {
    renderApp({ port: new FakePort({ kind: 'office', grids: [projectsGrid(), notesGrid()] }) });
    const skipped = await screen.findByRole('region', { name: '未识别为计划表的工作表' });
    expect(skipped).toHaveTextContent('工作表“填表说明”中没有找到计划表');
  });

  it('starts from the column choices the workbook remembers', async () => {
    const port = new FakePort({
      kind: 'office',
      settings: { overrides: { 重点项目: { deadline: 'F' } } },
    });
    renderApp({ port });
    expect(await screen.findByLabelText(deadlineOf('重点项目'))).toHaveTextContent('F · 备注');
  });
});
