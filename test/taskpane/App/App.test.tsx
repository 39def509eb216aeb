/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { screen } from '@testing-library/react';
import { renderApp } from '../renderApp';

describe('App', () => {
  it('reads the workbook in Excel and shows the table found on each sheet', async () => {
    renderApp({ mode: 'office' });
    expect(await screen.findByRole('heading', { name: '重点项目' })).toBeInTheDocument();
    expect(screen.getByText('表头:第2行')).toBeInTheDocument();
    expect(screen.getByText('数据 5 行')).toBeInTheDocument();
  });
});
