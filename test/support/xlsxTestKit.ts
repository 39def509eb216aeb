import { Workbook, type Worksheet } from 'exceljs';
import type { FillRuns, PaintPlan, StatusCode } from '../../src/core/paintPlan';
import type { Status } from '../../src/core/status';

/** The bytes of a workbook built in a test, as a file on disk would hold them. */
export async function bytesOf(wb: Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Reads bytes back with plain ExcelJS, independently of the adapter under test. */
export async function reread(bytes: Uint8Array): Promise<Workbook> {
  const wb = new Workbook();
  await wb.xlsx.load(bytes as unknown as Parameters<Workbook['xlsx']['load']>[0]);
  return wb;
}

export interface CellSnap {
  readonly value: unknown;
  readonly style: Record<string, unknown>;
}

export interface SheetSnap {
  readonly name: string;
  readonly state: string;
  readonly merges: string[];
  /** Cells holding a value or a style, by address. */
  readonly cells: Record<string, CellSnap>;
}

function plain(v: unknown): unknown {
  return v === undefined ? undefined : (JSON.parse(JSON.stringify(v)) as unknown);
}

export function snapSheet(ws: Worksheet): SheetSnap {
  const cells: Record<string, CellSnap> = {};
  ws.eachRow({ includeEmpty: true }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      const style = (plain(cell.style) ?? {}) as Record<string, unknown>;
      const value = plain(cell.value) ?? null;
      if (value === null && Object.keys(style).length === 0) return;
      cells[cell.address] = { value, style };
    });
  });
  return { name: ws.name, state: ws.state, merges: [...ws.model.merges].sort(), cells };
}

/**
 * Everything the tests compare between two workbooks: per sheet, its state, merges, and every
 * cell's value and style. Zip bytes are never compared: they carry timestamps.
 */
export function snapshot(wb: Workbook): SheetSnap[] {
  return wb.worksheets.map(snapSheet);
}

export const RED = 'FFC7CE';
export const YELLOW = 'FFEB9C';
export const GREEN = 'C6EFCE';
export const BLUE = 'D9E1F2';

/**
 * A small plan table as users keep them: a merged title, a two-level header with merged cells,
 * a section row, a unit merged over two rows, user fills, fonts, borders and number formats, a
 * formula, a cell outside the table that shares a data cell's style, and a second sheet.
 *
 *   row 1  A1:E1 title
 *   row 2  序号 | 项目名称 | 完成投资 (C2:D2) | 责任单位      (A2:A3, B2:B3, E2:E3 merged)
 *   row 3           |          | 金额 | 占比
 *   row 4  一、产业项目 (A4:E4 merged section row, grey)
 *   rows 5-8 data; E5:E6 merged unit; C6 yellow by the user; D is a percentage
 *   row 9  合计
 *   G5     a note beside the table, styled like B5
 */
export function planTableWorkbook(): Workbook {
  const wb = new Workbook();
  const ws = wb.addWorksheet('重点项目');
  const thin = { style: 'thin' as const };
  const border = { top: thin, left: thin, bottom: thin, right: thin };
  ws.getCell('A1').value = '2023年度重点项目推进计划表';
  ws.mergeCells('A1:E1');
  ws.getCell('A1').font = { bold: true, size: 16 };
  const header: [string, string][] = [
    ['A2', '序号'],
    ['B2', '项目名称'],
    ['C2', '完成投资'],
    ['E2', '责任单位'],
    ['C3', '金额'],
    ['D3', '占比'],
  ];
  for (const [a, v] of header) ws.getCell(a).value = v;
  for (const m of ['A2:A3', 'B2:B3', 'C2:D2', 'E2:E3']) ws.mergeCells(m);
  for (let r = 2; r <= 3; r++) {
    for (let c = 1; c <= 5; c++) {
      ws.getCell(r, c).style = {
        font: { bold: true },
        border,
        fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } },
        alignment: { horizontal: 'center', vertical: 'middle' },
      };
    }
  }
  ws.getCell('A4').value = '一、产业项目';
  ws.mergeCells('A4:E4');
  ws.getCell('A4').style = {
    font: { bold: true },
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } },
  };
  const rows: [number, string, number, number, string | null][] = [
    [1, '智能装备制造项目', 3777, 0.27, '区发改局'],
    [2, '城市快速路项目', 1404, 0.56, null],
    [3, '冷链物流园项目', 0, 0, '区交通运输局'],
    [4, '污水处理厂提标改造项目', 4904, 0.39, '区水利局'],
  ];
  rows.forEach(([seq, name, amount, share, unit], i) => {
    const r = 5 + i;
    ws.getCell(r, 1).value = seq;
    ws.getCell(r, 2).value = name;
    ws.getCell(r, 3).value = amount;
    ws.getCell(r, 4).value = share;
    if (unit !== null) ws.getCell(r, 5).value = unit;
    for (let c = 1; c <= 5; c++)
      ws.getCell(r, c).style = { border, font: { name: '宋体', size: 11 } };
    ws.getCell(r, 4).style = { border, font: { name: '宋体', size: 11 }, numFmt: '0.0%' };
  });
  ws.mergeCells('E5:E6');
  ws.getCell('C6').style = {
    border,
    font: { name: '宋体', size: 11 },
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } },
  };
  ws.getCell('B9').value = '合计';
  ws.getCell('C9').value = { formula: 'SUM(C5:C8)', result: 10085 };
  ws.getCell('G5').value = '备注:本表每月更新';
  ws.getCell('G5').style = { border, font: { name: '宋体', size: 11 } };
  ws.getColumn(2).width = 30;

  const other = wb.addWorksheet('填表说明');
  other.getCell('A1').value = '1. 计划节点请填写具体日期或月份。';
  other.getCell('A1').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFC6EFCE' } };
  return wb;
}

const CODE: Record<Status, StatusCode> = { normal: 1, lagging: 2, severe: 3, done: 4, unknown: 5 };
const COLOUR: Record<Status, string> = {
  normal: GREEN,
  lagging: YELLOW,
  severe: RED,
  done: BLUE,
  unknown: 'E7E6E6',
};
export const LABELS = ['', '正常', '滞后', '严重滞后', '已完成', '无法判定'];

/**
 * The plan the engine would make for planTableWorkbook: status column F (grid column 5), header
 * rows 2-3, body rows 4-9, and the given status for each data row 5-8 (null: not a data row).
 */
export function planFor(statuses: readonly (Status | null)[]): PaintPlan {
  const firstRow = 3; // grid row of Excel row 4
  const lastRow = 8; // Excel row 9
  const codes = new Uint8Array(lastRow - firstRow + 1);
  const runs = new Map<Status, number[]>();
  statuses.forEach((s, i) => {
    if (s === null) return;
    const gridRow = 4 + i; // Excel row 5 + i
    codes[gridRow - firstRow] = CODE[s];
    const list = runs.get(s) ?? [];
    if (list.length > 0 && list[list.length - 1] === gridRow - 1) list[list.length - 1] = gridRow;
    else list.push(gridRow, gridRow);
    runs.set(s, list);
  });
  const fills: FillRuns[] = [...runs].map(([status, r]) => ({
    status,
    color: COLOUR[status],
    runs: r,
  }));
  return {
    sheet: '重点项目',
    origin: { row: 1, col: 1 },
    statusColumn: 5,
    statusColumnExists: false,
    headerTop: 1,
    headerBottom: 2,
    header: '三色状态',
    left: 0,
    right: 5,
    firstRow,
    lastRow,
    codes,
    labels: LABELS,
    fills,
    keys: [],
  };
}

/** The argb of a cell's solid fill, or null when it has none. */
export function fillArgb(style: Record<string, unknown> | undefined): string | null {
  const fill = style?.fill as { fgColor?: { argb?: string } } | undefined;
  return fill?.fgColor?.argb ?? null;
}
