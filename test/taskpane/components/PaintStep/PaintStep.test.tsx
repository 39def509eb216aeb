/** @jest-environment jsdom */
import '../../setupDom';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { PortError } from '../../../../src/port/WorkbookPort';
import type { PaintPlan } from '../../../../src/core/paintPlan';
import type { ApplyReport, Progress } from '../../../../src/port/WorkbookPort';
import { FakePort, projectsGrid } from '../../fakePort';
import { renderApp } from '../../renderApp';
import { chooseOption } from '../../chooseOption';

async function openPaint() {
  await screen.findByLabelText('工作表“重点项目”的“计划节点”列');
  fireEvent.click(screen.getByRole('tab', { name: '标注' }));
}

function run() {
  fireEvent.click(screen.getByRole('button', { name: '运行' }));
}

function counts(): string[] {
  const group = screen.getByRole('group', { name: '合计' });
  return within(group)
    .getAllByText(/./)
    .map((b) => b.textContent ?? '');
}

describe('PaintStep', () => {
  it('paints and shows the counts as badges', async () => {
    const port = new FakePort({ kind: 'office' });
    renderApp({ port });
    await openPaint();
    expect(screen.getByLabelText('截至日期')).toHaveValue('2023-06-30');
    run();
    await screen.findByRole('region', { name: '截至 2023-06-30 的标注结果' });
    expect(counts()).toEqual(['正常 1', '滞后 1', '严重滞后 1', '已完成 1', '无法判定 1']);
    expect(port.painted).toHaveLength(1);
    expect(port.painted[0]?.sheet).toBe('重点项目');
    expect(Array.from(port.painted[0]?.codes ?? [])).toEqual([2, 1, 3, 4, 5]);
    expect(port.savedSettings.at(-1)).toMatchObject({
      lastAsOf: '2023-06-30',
      rules: { preset: 'node-lag', palette: 'ryg' },
    });
  });

  it('re-reads the sheets in Excel before painting, since the user may have edited them', async () => {
    const port = new FakePort({ kind: 'office' });
    port.grids.push(projectsGrid('通报2023-06-30'));
    renderApp({ port });
    await openPaint();
    const readsBefore = port.reads.length;
    run();
    await screen.findByRole('group', { name: '合计' });
    expect(port.reads.length).toBe(readsBefore * 2);
    // A bulletin sheet the add-in made is never read as a plan table.
    expect(port.reads).not.toContain('通报2023-06-30');
  });

  it('clears the chart', async () => {
    const port = new FakePort({ kind: 'office' });
    renderApp({ port });
    await openPaint();
    run();
    await screen.findByRole('group', { name: '合计' });
    fireEvent.click(screen.getByRole('button', { name: '清除标注' }));
    expect(await screen.findByText('已清除标注,恢复了原有的填充色。')).toBeInTheDocument();
    expect(port.cleared).toEqual(['重点项目']);
    expect(screen.queryByRole('group', { name: '合计' })).not.toBeInTheDocument();
  });

  it('uses the report date and thresholds the user sets', async () => {
    renderApp({ port: new FakePort({ kind: 'office' }) });
    await openPaint();
    fireEvent.change(screen.getByLabelText('超过计划节点几个月为“严重滞后”'), {
      target: { value: '1' },
    });
    run();
    await screen.findByRole('group', { name: '合计' });
    expect(counts()).toEqual(['正常 1', '滞后 0', '严重滞后 2', '已完成 1', '无法判定 1']);

    fireEvent.change(screen.getByLabelText('截至日期'), { target: { value: '2023-01-15' } });
    run();
    await screen.findByRole('region', { name: '截至 2023-01-15 的标注结果' });
    expect(counts()).toEqual(['正常 3', '滞后 0', '严重滞后 0', '已完成 1', '无法判定 1']);
  });

  it('refuses to run with severe months below lag months, and says why', async () => {
    renderApp({ port: new FakePort({ kind: 'office' }) });
    await openPaint();
    fireEvent.change(screen.getByLabelText('超过计划节点几个月为“严重滞后”'), {
      target: { value: '0' },
    });
    expect(screen.getByText(/规则设置有误/)).toHaveTextContent(
      '“severeMonths”(0)不能小于“lagMonths”(1)。',
    );
    expect(screen.getByRole('button', { name: '运行' })).toBeDisabled();
  });

  it('refuses to run without a valid report date', async () => {
    renderApp({ port: new FakePort({ kind: 'office' }) });
    await openPaint();
    fireEvent.change(screen.getByLabelText('截至日期'), { target: { value: '' } });
    expect(screen.getByText('请选择一个有效日期。')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '运行' })).toBeDisabled();
  });

  it('shows the thresholds of the chosen preset', async () => {
    renderApp({ port: new FakePort({ kind: 'office' }) });
    await openPaint();
    await chooseOption(
      screen.getByRole('combobox', { name: '判定规则' }),
      '临期预警(将到期黄、逾期红)',
    );
    expect(await screen.findByLabelText('距计划节点几天内为“即将到期”')).toHaveValue(3);
    expect(screen.queryByLabelText('超过计划节点几个月为“滞后”')).not.toBeInTheDocument();
    run();
    await screen.findByRole('group', { name: '合计' });
    expect(counts()).toEqual(['正常 1', '即将到期 0', '已逾期 2', '已完成 1', '无法判定 1']);
  });

  it('paints with the red/yellow/blue palette and the labels the user typed', async () => {
    const port = new FakePort({ kind: 'office' });
    renderApp({ port });
    await openPaint();
    fireEvent.click(screen.getByRole('radio', { name: '红黄蓝' }));
    fireEvent.click(screen.getByRole('button', { name: '状态名称' }));
    fireEvent.change(await screen.findByLabelText('“正常”显示为'), {
      target: { value: '按期推进' },
    });
    run();
    await screen.findByRole('group', { name: '合计' });
    const plan = port.painted[0] as PaintPlan;
    expect(plan.labels[1]).toBe('按期推进');
    expect(plan.fills.find((f) => f.status === 'normal')?.color).toBe('BDD7EE');
    expect(counts()[0]).toBe('按期推进 1');
    expect(port.savedSettings.at(-1)?.rules).toMatchObject({
      palette: 'ryb',
      labels: { normal: '按期推进' },
    });
  });

  it('shows a progress bar while a long sheet is painted', async () => {
    let finish: () => void = () => undefined;
    const port = new FakePort({ kind: 'office' });
    port.applyPaint = (plan: PaintPlan, onProgress?: Progress): Promise<ApplyReport> =>
      new Promise((resolve) => {
        onProgress?.(1, 2);
        finish = () =>
          resolve({ sheet: plan.sheet, statusHeaderCell: 'G2', rowsPainted: 5, uncertainRows: [] });
      });
    renderApp({ port });
    await openPaint();
    run();
    // The bar shows 0 until the adapter's first report arrives.
    await waitFor(() =>
      expect(screen.getByRole('progressbar', { name: '正在标注' })).toHaveAttribute(
        'aria-valuenow',
        '0.5',
      ),
    );
    expect(screen.getByRole('button', { name: '正在运行…' })).toBeDisabled();
    finish();
    await screen.findByRole('group', { name: '合计' });
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  });

  it('says in words why painting failed', async () => {
    const port = new FakePort({
      kind: 'office',
      paintError: new PortError('sheet_protected', '工作表“重点项目”受保护,无法写入。', undefined, {
        zh: '工作表“重点项目”受保护,无法写入。',
        en: 'In English.',
      }),
    });
    renderApp({ port });
    await openPaint();
    run();
    expect(await screen.findByText('工作表“重点项目”受保护,无法写入。')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '运行' })).toBeEnabled();
  });

  it('starts from the rules the workbook remembers', async () => {
    renderApp({
      port: new FakePort({
        kind: 'office',
        settings: { rules: { preset: 'node-lag', lagMonths: 2, severeMonths: 4, palette: 'ryb' } },
      }),
    });
    await openPaint();
    expect(screen.getByLabelText('超过计划节点几个月为“滞后”')).toHaveValue(2);
    expect(screen.getByLabelText('超过计划节点几个月为“严重滞后”')).toHaveValue(4);
    expect(screen.getByRole('radio', { name: '红黄蓝' })).toBeChecked();
  });
});
