import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, type CSSProperties, type ReactNode } from 'react';
import {
  cellAt,
  columnLetters,
  formatAt,
  type CellRange,
  type SheetGrid,
} from '../../../core/grid';
import type { PaintPlan } from '../../../core/paintPlan';
import { STATUSES } from '../../../core/status';
import { useGridWindow } from '../../hooks/useGridWindow';
import { formatCell } from '../../lib/formatCell';
import { columnWidths, gridExtent, mergesByRow } from '../../lib/gridLayout';

export const ROW_HEIGHT = 24;
const HEADER_HEIGHT = 24;
const ROW_HEADER_WIDTH = 48;

const useStyles = makeStyles({
  scroller: {
    position: 'relative',
    overflow: 'auto',
    height: '100%',
    minHeight: '240px',
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    fontSize: tokens.fontSizeBase200,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  header: {
    position: 'sticky',
    top: 0,
    zIndex: 3,
    display: 'flex',
    height: `${HEADER_HEIGHT}px`,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  body: { position: 'relative' },
  row: { position: 'absolute', left: 0, display: 'flex', height: `${ROW_HEIGHT}px` },
  cell: {
    flexShrink: 0,
    boxSizing: 'border-box',
    height: '100%',
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
    lineHeight: `${ROW_HEIGHT - 1}px`,
    overflow: 'hidden',
    whiteSpace: 'nowrap',
    textOverflow: 'ellipsis',
    color: tokens.colorNeutralForeground1,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  number: { textAlign: 'right' },
  filled: {
    // Palette fills are light in both themes: keep their text dark.
    color: tokens.colorNeutralForeground1Static,
  },
  headCell: {
    textAlign: 'center',
    color: tokens.colorNeutralForeground3,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  rowHead: {
    position: 'sticky',
    left: 0,
    zIndex: 2,
    textAlign: 'right',
    color: tokens.colorNeutralForeground3,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  // A merge over several rows: its first row's cell is drawn down over the rows below, above them
  // (they come later in the page) and below the sticky row and column headers.
  tall: {
    position: 'relative',
    zIndex: 1,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    lineHeight: tokens.lineHeightBase200,
    paddingTop: '3px',
    backgroundColor: tokens.colorNeutralBackground1,
  },
  focused: {
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    outlineOffset: `-${tokens.strokeWidthThick}`,
    fontWeight: tokens.fontWeightSemibold,
  },
});

export interface GridViewProps {
  readonly grid: SheetGrid;
  /** The plan the sheet was painted with: its status column and fills are drawn over the cells. */
  readonly plan?: PaintPlan | undefined;
  /** Grid indices of the cell to scroll to and outline. */
  readonly focus?: { readonly row: number; readonly col: number; readonly seq: number } | null;
  readonly label: string;
}

/** The sheet as a grid with the chart's colours; only the rows in view are in the DOM. */
export function GridView({ grid, plan, focus, label }: GridViewProps) {
  const styles = useStyles();
  const { rows, columns } = gridExtent(grid, plan);
  const widths = useMemo(() => columnWidths(grid, columns), [grid, columns]);
  const lefts = useMemo(() => {
    const out: number[] = [];
    let x = 0;
    for (const w of widths) {
      out.push(x);
      x += w;
    }
    out.push(x);
    return out;
  }, [widths]);
  const totalWidth = ROW_HEADER_WIDTH + (lefts[lefts.length - 1] ?? 0);
  const merges = useMemo(() => mergesByRow(grid.merges), [grid]);
  const fillByCode = useMemo(() => {
    const byCode: (string | undefined)[] = [];
    for (const f of plan?.fills ?? []) byCode[STATUSES.indexOf(f.status) + 1] = f.color;
    return byCode;
  }, [plan]);
  const win = useGridWindow(rows, ROW_HEIGHT);

  const focusRow = focus?.row;
  const focusCol = focus?.col;
  const focusSeq = focus?.seq;
  const { scrollerRef, viewportHeight } = win;
  useEffect(() => {
    const el = scrollerRef.current;
    if (!el || focusRow === undefined || focusCol === undefined) return;
    el.scrollTop = Math.max(0, focusRow * ROW_HEIGHT - viewportHeight / 2);
    el.scrollLeft = Math.max(0, (lefts[focusCol] ?? 0) - ROW_HEADER_WIDTH);
    // The scroll event will move the window; some browsers skip it for programmatic scrolls.
    el.dispatchEvent(new Event('scroll'));
  }, [focusRow, focusCol, focusSeq, lefts, scrollerRef, viewportHeight]);

  const textAt = (r: number, c: number): string => {
    if (plan && c === plan.statusColumn) {
      if (r === plan.headerTop) return plan.header;
      if (r > plan.headerTop && r <= plan.headerBottom) return '';
      if (r >= plan.firstRow && r <= plan.lastRow) {
        return plan.labels[plan.codes[r - plan.firstRow] ?? 0] ?? '';
      }
    }
    return formatCell(cellAt(grid, r, c), formatAt(grid, r, c), grid.date1904 === true);
  };

  const fillAt = (r: number, c: number): string | undefined => {
    if (!plan || r < plan.firstRow || r > plan.lastRow || c < plan.left || c > plan.right)
      return undefined;
    return fillByCode[plan.codes[r - plan.firstRow] ?? 0];
  };

  const renderRow = (r: number): ReactNode => {
    const cells: ReactNode[] = [
      <div
        key="h"
        role="rowheader"
        className={mergeClasses(styles.cell, styles.rowHead)}
        style={{ width: ROW_HEADER_WIDTH }}
      >
        {grid.origin.row + r}
      </div>,
    ];
    const crossing = merges.get(r);
    for (let c = 0; c < columns; c++) {
      let span: CellRange | undefined;
      if (crossing) {
        const m = crossing.find((x) => x.left <= c && c <= x.right);
        if (m && m.left !== c) continue; // drawn by the merge's first column
        span = m;
      }
      const right = span ? Math.min(span.right, columns - 1) : c;
      const width = (lefts[right + 1] ?? 0) - (lefts[c] ?? 0);
      const isTop = !span || span.top === r;
      const text = isTop ? textAt(r, c) : '';
      const fill = fillAt(r, c);
      const value = cellAt(grid, r, c);
      const isFocused =
        focusRow === r && focusCol !== undefined && focusCol >= c && focusCol <= right;
      const tall = span !== undefined && isTop && span.bottom > span.top;
      const style: CSSProperties = { width };
      if (tall && span) style.height = (Math.min(span.bottom, rows - 1) - r + 1) * ROW_HEIGHT;
      if (fill) style.backgroundColor = `#${fill}`;
      cells.push(
        <div
          key={c}
          role="gridcell"
          aria-colindex={c + 2}
          aria-selected={isFocused || undefined}
          title={text.length > 8 ? text : undefined}
          className={mergeClasses(
            styles.cell,
            typeof value === 'number' && styles.number,
            tall && styles.tall,
            fill !== undefined && styles.filled,
            isFocused && styles.focused,
          )}
          data-cell={columnLetters(grid.origin.col + c) + String(grid.origin.row + r)}
          style={style}
        >
          {text}
        </div>,
      );
    }
    return (
      <div
        key={r}
        role="row"
        aria-rowindex={r + 2}
        className={styles.row}
        style={{ top: r * ROW_HEIGHT, width: totalWidth }}
      >
        {cells}
      </div>
    );
  };

  const visible: ReactNode[] = [];
  // A merge that starts above the window is drawn from its first row, which is kept for it.
  const above = new Set<number>();
  for (const m of merges.get(win.first) ?? []) if (m.top < win.first) above.add(m.top);
  for (const r of [...above].sort((a, b) => a - b)) visible.push(renderRow(r));
  for (let r = win.first; r <= win.last; r++) visible.push(renderRow(r));

  return (
    <div
      ref={win.scrollerRef}
      className={styles.scroller}
      onScroll={win.onScroll}
      role="grid"
      aria-label={label}
      aria-rowcount={rows + 1}
      aria-colcount={columns + 1}
      tabIndex={0}
    >
      <div className={styles.header} role="row" aria-rowindex={1} style={{ width: totalWidth }}>
        <div
          className={mergeClasses(styles.cell, styles.headCell, styles.rowHead)}
          style={{ width: ROW_HEADER_WIDTH }}
          role="columnheader"
        />
        {widths.map((w, c) => (
          <div
            key={c}
            role="columnheader"
            className={mergeClasses(styles.cell, styles.headCell)}
            style={{ width: w }}
          >
            {columnLetters(grid.origin.col + c)}
          </div>
        ))}
      </div>
      <div className={styles.body} style={{ height: rows * ROW_HEIGHT, width: totalWidth }}>
        {visible}
      </div>
    </div>
  );
}
