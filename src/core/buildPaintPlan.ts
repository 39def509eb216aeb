import type { SheetGrid } from './grid';
import { a1, cellAt, excelColumn } from './grid';
import type { Issue, Lang } from './issue';
import { makeIssue } from './messages';
import type { FillRuns, PaintPlan, StatusCode } from './paintPlan';
import type { RuleSet } from './rules';
import { STATUSES, type RowStatus, type Status } from './status';
import type { TableLayout } from './tableLayout';
import { xmlSafeText } from './xmlSafeText';

/** Excel's last column, XFD. */
const MAX_COLUMNS = 16_384;

const CODE: Record<Status, StatusCode> = { normal: 1, lagging: 2, severe: 3, done: 4, unknown: 5 };

function columnIsEmpty(grid: SheetGrid, c: number, top: number, bottom: number): boolean {
  for (let r = top; r <= bottom; r++) {
    const v = cellAt(grid, r, c);
    if (v !== null && !(typeof v === 'string' && v.trim() === '')) return false;
  }
  for (const m of grid.merges) {
    if (m.left <= c && m.right >= c && m.bottom >= top && m.top <= bottom) return false;
  }
  return true;
}

/**
 * Plans the status column and the fills for one sheet. The status column is the one this add-in
 * wrote before, else the first column after the table that holds nothing of the user's.
 */
export function buildPaintPlan(
  grid: SheetGrid,
  layout: TableLayout,
  statuses: readonly RowStatus[],
  rules: RuleSet,
  lang: Lang,
): { plan: PaintPlan; issues: Issue[] } | { plan: null; issues: Issue[] } {
  const issues: Issue[] = [];
  const top = layout.headerTop;
  const firstRow = layout.headerBottom + 1;
  const lastRow = Math.max(layout.lastRow, layout.headerBottom);
  let statusColumn = layout.statusColumn;
  const exists = statusColumn !== null;
  if (statusColumn === null) {
    let c = layout.right + 1;
    const last = MAX_COLUMNS - grid.origin.col; // grid index of XFD
    while (c <= last && !columnIsEmpty(grid, c, top, lastRow)) c++;
    if (c > last) {
      return { plan: null, issues: [makeIssue(lang, 'status_column_no_room', grid.name, '')] };
    }
    if (c !== layout.right + 1) {
      issues.push(
        makeIssue(lang, 'status_column_conflict', grid.name, a1(grid, top, layout.right + 1), {
          other: excelColumn(grid, c),
        }),
      );
    }
    statusColumn = c;
  }

  const codes = new Uint8Array(lastRow - firstRow + 1);
  const runs: Record<Status, number[]> = {
    normal: [],
    lagging: [],
    severe: [],
    done: [],
    unknown: [],
  };
  let runStatus: Status | null = null;
  let runStart = -1;
  let prev = -2;
  const close = (): void => {
    if (runStatus !== null) runs[runStatus].push(runStart, prev);
  };
  for (const s of statuses) {
    codes[s.row - firstRow] = CODE[s.status];
    if (s.status !== runStatus || s.row !== prev + 1) {
      close();
      runStatus = s.status;
      runStart = s.row;
    }
    prev = s.row;
  }
  close();

  const fills: FillRuns[] = STATUSES.filter((s) => runs[s].length > 0).map((s) => ({
    status: s,
    color: rules.colors[s],
    runs: runs[s],
  }));

  return {
    issues,
    plan: {
      sheet: grid.name,
      origin: grid.origin,
      statusColumn,
      statusColumnExists: exists,
      headerTop: layout.headerTop,
      headerBottom: layout.headerBottom,
      header: xmlSafeText(rules.statusHeader),
      left: layout.left,
      right: Math.max(layout.right, statusColumn),
      firstRow,
      lastRow,
      codes,
      labels: ['', ...STATUSES.map((s) => xmlSafeText(rules.labels[s]))],
      fills,
      // Found when the plan is painted or cleared (identifiedPlan): analysing needs none.
      keys: [],
    },
  };
}
