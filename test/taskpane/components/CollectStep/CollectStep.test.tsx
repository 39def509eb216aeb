/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import '../../setupDom';
import { readFileSync } from 'fs';
import * as path from 'path';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { MINIMUM_CAPABILITIES } from '../../../../src/adapters/office/capabilities';
import { OfficeWorkbook } from '../../../../src/adapters/office/OfficeWorkbook';
import { PackageWorkbook } from '../../../../src/adapters/xlsxPackage/PackageWorkbook';
import { sampleInExcel } from '../../../support/sampleInExcel';
import { renderApp } from '../../renderApp';

const RETURNS = path.resolve(__dirname, '../../../fixtures/collect');
const FILES = [
  '01-区发改局-已排序.xlsx',
  '03-区水利局-加了一行.xlsx',
  '04-区农业农村局.xlsx',
  '05-区农业农村局-更正.xlsx',
  '21-空文件.xlsx',
];

describe('the 汇总 step in Excel (the recording fake)', () => {
  it('lists what the picked returns change and leave alone, goes to a cell, applies, and undoes', async () => {
    const excel = await sampleInExcel();
    const port = new OfficeWorkbook({
      run: excel.run,
      capabilities: { ...MINIMUM_CAPABILITIES, mergedAreas: true },
    });
    // What openXlsx gives for each picked return, in turn: the empty file fails as it would.
    const filePorts = await Promise.all(
      FILES.map((f) =>
        PackageWorkbook.open(readFileSync(path.join(RETURNS, f))).catch((e: unknown) =>
          e instanceof Error ? e : new Error(String(e)),
        ),
      ),
    );
    renderApp({ mode: 'office', port, filePorts });
    await screen.findByRole('group', { name: '重点项目' });
    fireEvent.click(screen.getByRole('tab', { name: '汇总' }));
    const files = FILES.map((f) => new File([readFileSync(path.join(RETURNS, f))], f));
    fireEvent.change(screen.getByTestId('collect-files'), { target: { files } });
    expect(await screen.findByText('正在读取报送表…')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText('正在读取报送表…')).toBeNull(), {
      timeout: 20_000,
    });

    expect(
      await screen.findByText('5 个文件:将写入 11 个单元格,冲突 3 处', {}, { timeout: 20_000 }),
    ).toBeInTheDocument();
    expect(screen.getByText(/“21-空文件.xlsx”无法读取/)).toBeInTheDocument();
    expect(screen.getByText(/不在总表中/)).toBeInTheDocument();
    expect(screen.getByText(/填得不一样/)).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'I20' }));
    await waitFor(() => expect(excel.selection).toEqual({ sheet: '重点项目', address: 'I20' }));

    fireEvent.click(screen.getByRole('button', { name: '应用' }));
    expect(await screen.findByText(/已写入,并加上“汇总记录2023-06-30”工作表/)).toBeInTheDocument();
    expect(excel.sheet('重点项目').value('I20')).toBe('完成主体工程');

    fireEvent.click(screen.getByRole('button', { name: '撤销汇总' }));
    expect(await screen.findByText('已恢复 11 个单元格的原值。')).toBeInTheDocument();
    expect(excel.sheet('重点项目').value('I20')).toBe('前期手续办理中');
  }, 60_000);

  it('takes returns dropped on the step as returns, leaving the open workbook as it is', async () => {
    const excel = await sampleInExcel();
    const port = new OfficeWorkbook({
      run: excel.run,
      capabilities: { ...MINIMUM_CAPABILITIES, mergedAreas: true },
    });
    const name = '03-区水利局-加了一行.xlsx';
    const filePorts = [await PackageWorkbook.open(readFileSync(path.join(RETURNS, name)))];
    const rendered = renderApp({ mode: 'office', port, filePorts });
    await screen.findByRole('group', { name: '重点项目' });
    fireEvent.click(screen.getByRole('tab', { name: '汇总' }));
    const file = new File([readFileSync(path.join(RETURNS, name))], name);
    fireEvent.drop(screen.getByText(/选择各单位报回的报送表/), { dataTransfer: { files: [file] } });
    expect(await screen.findByText('1 个文件:将写入 2 个单元格,冲突 1 处')).toBeInTheDocument();
    expect(rendered.services.opened).toHaveLength(1);
  }, 60_000);
});
