/** @jest-environment jsdom */
import '../../setupDom';
import { screen } from '@testing-library/react';
import { analyzeWorkbook } from '../../../../src/core/analyzeWorkbook';
import { dayNumber } from '../../../../src/core/dates';
import type { CellValue, SheetGrid } from '../../../../src/core/grid';
import { defaultRules } from '../../../../src/core/rules';
import { GridView, ROW_HEIGHT } from '../../../../src/taskpane/components/GridView/GridView';
import { gridOf } from '../../../support/gridOf';
import { projectsGrid } from '../../fakePort';
import { renderFluent } from '../../renderApp';

function tallGrid(rows: number): SheetGrid {
  const values: CellValue[][] = [['序号', '项目名称', '计划节点']];
  for (let i = 1; i < rows; i++) values.push([i, `项目${i}`, '2023年6月']);
  return { name: '大表', values, merges: [], origin: { row: 1, col: 1 } };
}

function paintedProjects() {
  const grid = projectsGrid();
  const analysis = analyzeWorkbook([grid], {
    asOf: dayNumber(2023, 6, 30),
    rules: defaultRules(),
    lang: 'zh',
  });
  const sheet = analysis.sheets[0];
  if (!sheet) throw new Error('the projects grid has a table');
  return { grid, plan: sheet.paint };
}

const cell = (address: string) => document.querySelector(`[data-cell="${address}"]`);

describe('GridView', () => {
  it('renders only the rows in view of a 100 000-row sheet', () => {
    const started = performance.now();
    renderFluent(<GridView grid={tallGrid(100_000)} label="大表" />);
    const grid = screen.getByRole('grid', { name: '大表' });
    expect(grid).toHaveAttribute('aria-rowcount', '100001');
    const rows = grid.querySelectorAll('[role=row]');
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length).toBeLessThan(60);
    expect(cell('B2')).toHaveTextContent('项目1');
    expect(cell('B99999')).toBeNull();
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("draws the painted status column and fills each data row in its status's colour", () => {
    const { grid, plan } = paintedProjects();
    renderFluent(<GridView grid={grid} plan={plan} label="重点项目" />);
    expect(cell('G2')).toHaveTextContent('三色状态');
    expect(cell('G3')).toHaveTextContent('滞后');
    expect(cell('G5')).toHaveTextContent('严重滞后');
    expect(cell('G6')).toHaveTextContent('已完成');
    expect(cell('B3')).toHaveStyle({ backgroundColor: '#FFEB9C' });
    expect(cell('F4')).toHaveStyle({ backgroundColor: '#C6EFCE' });
    expect(cell('B5')).toHaveStyle({ backgroundColor: '#FFC7CE' });
    // The header and the title are not data rows: no fill.
    expect((cell('B2') as HTMLElement).style.backgroundColor).toBe('');
  });

  it('shows the sheet without colours before it is painted', () => {
    const { grid } = paintedProjects();
    renderFluent(<GridView grid={grid} label="重点项目" />);
    expect(cell('B3')).toHaveTextContent('城市快速路项目');
    expect((cell('B3') as HTMLElement).style.backgroundColor).toBe('');
    expect(cell('G2')).toBeNull();
  });

  it('draws a merged title once across the columns it spans', () => {
    const { grid } = paintedProjects();
    renderFluent(<GridView grid={grid} label="重点项目" />);
    const title = cell('A1') as HTMLElement;
    expect(title).toHaveTextContent('2023年度重点项目推进计划表');
    expect(cell('B1')).toBeNull();
    expect(parseFloat(title.style.width)).toBeGreaterThan(
      parseFloat((cell('A3') as HTMLElement).style.width),
    );
  });

  it('draws a merge over several rows once, down across them, with its text wrapped', () => {
    const text = '截至2023年6月30日,纳入调度的重点项目22项,其中正常推进16项、滞后3项。';
    const grid = gridOf('通报', [['标题'], [text], [], [], ['二、总体情况']], {
      merges: ['A2:C4'],
    });
    renderFluent(<GridView grid={grid} label="通报" />);
    const merged = cell('A2') as HTMLElement;
    expect(merged).toHaveTextContent(text);
    expect(merged.style.height).toBe(`${3 * ROW_HEIGHT}px`);
    expect(cell('A3')).toHaveTextContent('');
    expect(cell('B2')).toBeNull();
    expect(cell('A5')).toHaveTextContent('二、总体情况');
    expect((cell('A1') as HTMLElement).style.height).toBe('');
  });

  it('outlines the cell an issue points at', () => {
    const { grid } = paintedProjects();
    renderFluent(<GridView grid={grid} focus={{ row: 6, col: 2, seq: 1 }} label="重点项目" />);
    const selected = screen.getByRole('gridcell', { selected: true });
    expect(selected).toHaveAttribute('data-cell', 'C7');
    expect(selected).toHaveTextContent('待定');
  });
});
