import { Caption1, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { parseA1, type SheetGrid } from '../../../core/grid';
import type { PaintPlan } from '../../../core/paintPlan';
import type { CellFocus } from '../../hooks/useWorkbookSession';
import { useSheetSelection } from '../../hooks/useSheetSelection';
import { useLang } from '../../i18n/LangContext';
import { GridView } from '../GridView/GridView';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    minHeight: 0,
    height: '100%',
  },
  grid: { flexGrow: 1, minHeight: 0 },
  tabs: { overflowX: 'auto', flexShrink: 0 },
});

export interface SheetViewerProps {
  readonly grids: readonly SheetGrid[];
  readonly painted: Readonly<Record<string, PaintPlan>>;
  readonly focus: CellFocus | null;
}

/** File mode's picture of the workbook: one tab per sheet, the chosen sheet as a coloured grid. */
export function SheetViewer({ grids, painted, focus }: SheetViewerProps) {
  const styles = useStyles();
  const { t } = useLang();
  const [selected, select] = useSheetSelection(grids, focus);
  const grid = grids.find((g) => g.name === selected);
  if (grid === undefined) return <Caption1>{t.grid.noSheet}</Caption1>;
  let target: { row: number; col: number; seq: number } | null = null;
  if (focus !== null && focus.sheet === grid.name) {
    const p = parseA1(focus.cell);
    if (p) target = { row: p.row - grid.origin.row, col: p.col - grid.origin.col, seq: focus.seq };
  }
  return (
    <div className={styles.root}>
      <TabList
        className={styles.tabs}
        size="small"
        selectedValue={grid.name}
        onTabSelect={(_, d) => select(String(d.value))}
        aria-label={t.grid.sheetsLabel}
      >
        {grids.map((g) => (
          <Tab key={g.name} value={g.name}>
            {g.name}
          </Tab>
        ))}
      </TabList>
      <div className={styles.grid}>
        <GridView
          key={grid.name}
          grid={grid}
          plan={painted[grid.name]}
          focus={target}
          label={t.grid.label(grid.name)}
        />
      </div>
    </div>
  );
}
