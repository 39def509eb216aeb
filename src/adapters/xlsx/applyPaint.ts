import { ValueType, type Cell, type Fill, type Workbook, type Worksheet } from 'exceljs';
import type { Lang } from '../../core/issue';
import { xmlSafeText } from '../../core/xmlSafeText';
import type { PaintPlan } from '../../core/paintPlan';
import type { ApplyReport, Progress } from '../../port/WorkbookPort';
import { CellMap, decodeCellMap, rangeRef } from './cellKeys';
import { FillSetter, solidFill, StyleInterner, type CellStyle } from './cellStyle';
import { findWritableSheet } from './findSheet';
import { loadPaintState, paintKey, saveValues, ValueList, type PaintState } from './paintState';
import type { StateStore } from './stateSheet';

/** The parts of the neighbouring cell's style the status column copies, so it looks like the table. */
const COPIED: readonly (keyof CellStyle)[] = ['font', 'border', 'alignment', 'fill'];

function overlapsAnyMerge(
  ws: Worksheet,
  top: number,
  left: number,
  bottom: number,
  right: number,
): boolean {
  const index =
    (
      ws as unknown as {
        _merges?: Record<
          string,
          { top: number; left: number; bottom: number; right: number } | undefined
        >;
      }
    )._merges ?? {};
  return Object.values(index).some(
    (m) =>
      m !== undefined && m.top <= bottom && m.bottom >= top && m.left <= right && m.right >= left,
  );
}

/**
 * Indices in a ValueList of what `pick` takes from cell styles, remembered per style object:
 * ExcelJS gives every cell read with the same style the same object, so a table of 50,000 rows
 * has a handful of them, and a JSON.stringify per cell would be most of the work.
 */
class IdentityIndex {
  private readonly known = new WeakMap<object, number>();

  constructor(
    private readonly list: ValueList,
    private readonly pick: (style: CellStyle | undefined) => unknown,
  ) {}

  of(style: Partial<CellStyle> | undefined): number {
    if (style === undefined || style === null) return this.list.add(this.pick(undefined));
    let i = this.known.get(style);
    if (i === undefined) {
      i = this.list.add(this.pick(style));
      this.known.set(style, i);
    }
    return i;
  }
}

/** Values written to a merged slave cell land on its master in ExcelJS, so slaves are skipped. */
export function isMergedSlave(cell: Cell): boolean {
  return cell.type === ValueType.Merge;
}

/**
 * Paints one sheet as planned: the status column (header, merged down over a two-row header, and
 * a label per row) and a solid fill per data row over the table's columns. Before anything is
 * changed, the fills of cells painted for the first time and the styles of the status column's
 * cells are saved in `_tricolor`; cells saved by an earlier run keep their first saved value, so
 * our own paint is never taken for the user's. Cells painted before but not in this plan get their
 * saved fill back. Nothing else in the workbook changes.
 */
export function applyPaint(
  workbook: Workbook,
  store: StateStore,
  planned: PaintPlan,
  lang: Lang,
  onProgress?: Progress,
): ApplyReport {
  // The texts as the saved file will hold them: a character XML cannot keep would vanish on save,
  // and the record of what was written would no longer match the column it must find again.
  const plan: PaintPlan = {
    ...planned,
    header: xmlSafeText(planned.header),
    labels: planned.labels.map(xmlSafeText),
  };
  const ws = findWritableSheet(workbook, plan.sheet, lang);
  const r0 = plan.origin.row;
  const c0 = plan.origin.col;
  const col = c0 + plan.statusColumn;
  const headerTop = r0 + plan.headerTop;
  const headerBottom = r0 + plan.headerBottom;
  const firstRow = r0 + plan.firstRow;
  const lastRow = r0 + plan.lastRow;
  const left = c0 + plan.left;
  const right = c0 + plan.right;

  const saved: PaintState | null = loadPaintState(store, ws);
  const fillValues = new ValueList(saved?.fills.values);
  const fills = saved ? decodeCellMap(saved.fills.cells) : new CellMap();
  const styleValues = new ValueList(saved?.status.styles.values);
  const styles = saved ? decodeCellMap(saved.status.styles.cells) : new CellMap();
  let merge = saved?.status.merge ?? null;

  // Which rows are painted, by Excel row from `low` (the runs lie within the body), and the
  // painted rows in plan order.
  let low = firstRow;
  let high = lastRow;
  for (const f of plan.fills) {
    for (const r of f.runs) {
      low = Math.min(low, r0 + r);
      high = Math.max(high, r0 + r);
    }
  }
  const isPainted = new Uint8Array(Math.max(0, high - low + 1));
  const paintedRows: number[] = [];
  for (const f of plan.fills) {
    for (let j = 0; j + 1 < f.runs.length; j += 2) {
      for (let r = r0 + (f.runs[j] as number); r <= r0 + (f.runs[j + 1] as number); r++) {
        if (isPainted[r - low] === 1) continue;
        isPainted[r - low] = 1;
        paintedRows.push(r);
      }
    }
  }
  const painted = (row: number, c: number): boolean =>
    c >= left && c <= right && row >= low && row <= high && isPainted[row - low] === 1;
  const inStatus = (row: number, c: number): boolean =>
    c === col && row >= headerTop && row <= lastRow;

  const interner = new StyleInterner();
  const setter = new FillSetter(interner);
  const wantMerge = headerBottom > headerTop ? rangeRef(headerTop, col, headerBottom, col) : null;
  if (merge !== null && merge !== wantMerge) {
    ws.unMergeCells(merge);
    merge = null;
  }

  // Undo what an earlier run did to cells this plan no longer covers: whole styles, then fills.
  styles.forEach((row, c, i) => {
    if (inStatus(row, c)) return;
    const cell = ws.getCell(row, c);
    if (!isMergedSlave(cell)) cell.value = null;
    cell.style = (styleValues.get(i) ?? {}) as CellStyle;
    styles.delete(row, c);
  });
  fills.forEach((row, c, i) => {
    if (painted(row, c)) return;
    const fill = fillValues.get(i) as Fill | null;
    setter.set(ws.getCell(row, c), fill, JSON.stringify(fill));
    fills.delete(row, c);
  });

  // Save what the user had, before the first change. ExcelJS shares style objects among cells,
  // so each distinct one is looked up once, not stringified per cell.
  const styleIndex = new IdentityIndex(styleValues, (style) => style);
  const fillIndex = new IdentityIndex(fillValues, (style) => style?.fill ?? null);
  for (let row = headerTop; row <= lastRow; row++) {
    if (!styles.has(row, col)) styles.set(row, col, styleIndex.of(ws.getCell(row, col).style));
  }
  for (const row of paintedRows) {
    const cells = ws.getRow(row);
    for (let c = left; c <= right; c++) {
      if (!fills.has(row, c)) fills.set(row, c, fillIndex.of(cells.getCell(c).style));
    }
  }

  // The status column: the header, then one label per row, each styled like its left neighbour.
  // One style object per distinct neighbour style (see StyleInterner).
  const copiedStyles = new WeakMap<object, CellStyle>();
  const noStyle: CellStyle = {};
  const neighbourStyle = (row: number): CellStyle => {
    const n = col > 1 ? ws.findCell(row, col - 1) : undefined;
    const base = (n?.style ?? noStyle) as CellStyle;
    let s = copiedStyles.get(base);
    if (s === undefined) {
      const copy: CellStyle = {};
      for (const key of COPIED)
        if (base[key] !== undefined) Object.assign(copy, { [key]: base[key] });
      s = interner.canonical(copy);
      copiedStyles.set(base, s);
    }
    return s;
  };
  const write = (row: number, value: string | null): void => {
    const cell = ws.getCell(row, col);
    if (isMergedSlave(cell)) return;
    cell.value = value;
    cell.style = neighbourStyle(row);
  };
  write(headerTop, plan.header);
  for (let row = headerTop + 1; row < firstRow; row++) write(row, null);
  if (
    wantMerge !== null &&
    merge === null &&
    !overlapsAnyMerge(ws, headerTop, col, headerBottom, col)
  ) {
    ws.mergeCells(headerTop, col, headerBottom, col);
    merge = wantMerge;
  }
  let codes = '';
  for (let row = firstRow; row <= lastRow; row++) {
    const code = plan.codes[row - firstRow] ?? 0;
    codes += String(code);
    write(row, code === 0 ? null : (plan.labels[code] ?? null));
  }

  // The fills, one shared fill object per colour.
  const total = paintedRows.length;
  let done = 0;
  plan.fills.forEach((f) => {
    const fill = solidFill(f.color);
    const key = `solid:${f.color}`;
    for (let j = 0; j + 1 < f.runs.length; j += 2) {
      for (let r = f.runs[j] as number; r <= (f.runs[j + 1] as number); r++) {
        const cells = ws.getRow(r0 + r);
        for (let c = left; c <= right; c++) setter.set(cells.getCell(c), fill, key);
        done++;
      }
      onProgress?.(done, total);
    }
  });

  const state: PaintState = {
    v: 1,
    fills: saveValues(fills, fillValues),
    status: {
      headerCell: rangeRef(headerTop, col, headerTop, col),
      header: plan.header,
      merge,
      firstRow,
      codes,
      labels: [...plan.labels],
      styles: saveValues(styles, styleValues),
    },
  };
  store.set(paintKey(ws.name), state);
  return {
    sheet: ws.name,
    statusHeaderCell: rangeRef(headerTop, col, headerTop, col),
    rowsPainted: total,
  };
}
