/** @jest-environment jsdom */
import '../setupDom';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { PortError } from '../../../src/port/WorkbookPort';
import { FakeFilePort, FakePort, projectsGrid } from '../fakePort';
import { renderApp } from '../renderApp';

const xlsx = (name: string) => new File([new Uint8Array([0x50, 0x4b, 3, 4])], name);

async function paint() {
  fireEvent.click(screen.getByRole('tab', { name: '标注' }));
  fireEvent.click(screen.getByRole('button', { name: '运行' }));
  await screen.findByRole('group', { name: '合计' });
}

describe('App in Excel', () => {
  it('reads the workbook in Excel and shows the table found on each sheet', async () => {
    renderApp({ mode: 'office' });
    expect(await screen.findByRole('group', { name: '重点项目' })).toHaveTextContent('表头:第2行');
    expect(screen.queryByRole('grid')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '下载' })).not.toBeInTheDocument();
  });

  it('reads the workbook again on request', async () => {
    const port = new FakePort({ kind: 'office' });
    renderApp({ port });
    await screen.findByRole('group', { name: '重点项目' });
    port.grids = [projectsGrid('新表')];
    fireEvent.click(screen.getByRole('button', { name: '重新读取工作簿' }));
    expect(await screen.findByRole('group', { name: '新表' })).toBeInTheDocument();
  });

  it('says why the workbook could not be read', async () => {
    const port = new FakePort({ kind: 'office' });
    port.listSheets = () =>
      Promise.reject(
        new PortError('api_not_supported', '当前版本的 Excel 不支持读取工作表。', undefined, {
          zh: '当前版本的 Excel 不支持读取工作表。',
          en: 'In English.',
        }),
      );
    renderApp({ port });
    expect(await screen.findByText('当前版本的 Excel 不支持读取工作表。')).toBeInTheDocument();
  });

  it('starts in English when Office is not in Chinese, and switches language on request', async () => {
    renderApp({ mode: 'office', lang: 'en' });
    expect(await screen.findByRole('tab', { name: 'Detect' })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Check' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
    fireEvent.click(screen.getByRole('button', { name: '中文' }));
    expect(await screen.findByRole('tab', { name: '识别' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('zh-CN');
  });
});

describe('App in the browser', () => {
  it('starts on the built-in sample and shows its sheets as a grid', async () => {
    const r = renderApp({ mode: 'file', filePorts: [new FakeFilePort()] });
    expect(await screen.findByRole('grid', { name: '工作表“重点项目”' })).toBeInTheDocument();
    expect(screen.getByText('当前文件:示例-重点项目.xlsx')).toBeInTheDocument();
    expect(r.services.opened).toEqual([{ bytes: 8, lang: 'zh' }]);
    fireEvent.click(screen.getByRole('tab', { name: '填表说明' }));
    expect(await screen.findByRole('grid', { name: '工作表“填表说明”' })).toBeInTheDocument();
  });

  it('paints the grid and downloads the painted workbook as <name>.三色.xlsx', async () => {
    const port = new FakeFilePort();
    const r = renderApp({ mode: 'file', filePorts: [port] });
    await screen.findByRole('grid');
    await paint();
    expect(document.querySelector('[data-cell="G2"]')).toHaveTextContent('三色状态');
    expect(document.querySelector('[data-cell="G3"]')).toHaveTextContent('滞后');
    expect(port.reads).toEqual(['重点项目', '填表说明']);
    fireEvent.click(screen.getByRole('button', { name: '下载' }));
    await waitFor(() => expect(r.services.downloads).toHaveLength(1));
    expect(r.services.downloads[0]?.name).toBe('示例-重点项目.三色.xlsx');
    expect(port.saves).toBe(1);
    expect(await screen.findByText('已下载:示例-重点项目.三色.xlsx')).toBeInTheDocument();
  });

  it('opens a file chosen with the picker, lets the sample go, and names the download after it', async () => {
    const sample = new FakeFilePort();
    const chosen = new FakeFilePort({ grids: [projectsGrid('计划表')] });
    const r = renderApp({ mode: 'file', filePorts: [sample, chosen] });
    await screen.findByRole('grid', { name: '工作表“重点项目”' });
    fireEvent.change(screen.getByTestId('file-input'), {
      target: { files: [xlsx('一季度.xlsx')] },
    });
    expect(await screen.findByRole('grid', { name: '工作表“计划表”' })).toBeInTheDocument();
    expect(screen.getByText('当前文件:一季度.xlsx')).toBeInTheDocument();
    expect(r.services.opened).toHaveLength(2);
    expect(sample.disposed).toBe(true);
    expect(chosen.disposed).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: '下载' }));
    await waitFor(() => expect(r.services.downloads[0]?.name).toBe('一季度.三色.xlsx'));
  });

  it('opens an .xlsx dropped on the page', async () => {
    const chosen = new FakeFilePort({ grids: [projectsGrid('拖入的表')] });
    renderApp({ mode: 'file', filePorts: [new FakeFilePort(), chosen] });
    await screen.findByRole('grid', { name: '工作表“重点项目”' });
    const page = screen.getByRole('grid').closest('[class]')?.parentElement
      ?.parentElement as HTMLElement;
    const dataTransfer = { types: ['Files'], files: [xlsx('拖入.xlsx')], dropEffect: 'none' };
    fireEvent.dragEnter(page, { dataTransfer });
    expect(await screen.findByText('松开鼠标即可打开该文件')).toBeInTheDocument();
    fireEvent.drop(page, { dataTransfer });
    expect(await screen.findByRole('grid', { name: '工作表“拖入的表”' })).toBeInTheDocument();
    expect(screen.queryByText('松开鼠标即可打开该文件')).not.toBeInTheDocument();
  });

  it('refuses a file that is not .xlsx and keeps the open workbook', async () => {
    const r = renderApp({ mode: 'file', filePorts: [new FakeFilePort()] });
    await screen.findByRole('grid', { name: '工作表“重点项目”' });
    fireEvent.change(screen.getByTestId('file-input'), { target: { files: [xlsx('旧表.xls')] } });
    expect(await screen.findByText(/“旧表.xls”不是 .xlsx 文件/)).toBeInTheDocument();
    expect(r.services.opened).toHaveLength(1);
    expect(screen.getByRole('grid', { name: '工作表“重点项目”' })).toBeInTheDocument();
  });

  it('says so when the file cannot be opened as a workbook', async () => {
    const broken = new PortError('unreadable_file', '文件已损坏,无法读取。', undefined, {
      zh: '文件已损坏,无法读取。',
      en: 'In English.',
    });
    renderApp({ mode: 'file', filePorts: [new FakeFilePort(), broken] });
    await screen.findByRole('grid', { name: '工作表“重点项目”' });
    fireEvent.change(screen.getByTestId('file-input'), { target: { files: [xlsx('坏.xlsx')] } });
    expect(await screen.findByText('文件已损坏,无法读取。')).toBeInTheDocument();
    expect(screen.getByText('当前文件:示例-重点项目.xlsx')).toBeInTheDocument();
  });

  it('renders in the dark theme when the system asks for it', async () => {
    renderApp({ mode: 'file', dark: true, filePorts: [new FakeFilePort()] });
    await screen.findByRole('grid');
    const provider = document.querySelector('.fui-FluentProvider') as HTMLElement;
    const rules = Array.from(document.styleSheets)
      .flatMap((s) => Array.from(s.cssRules))
      .map((r) => r.cssText)
      .join('\n');
    expect(provider.className).toMatch(/fui-FluentProvider/);
    // webDarkTheme's neutral background, not webLightTheme's white.
    expect(rules).toContain('--colorNeutralBackground1: #292929');
  });
});
