/**
 * Builds test/fixtures/collect: the returns units send back after `tricolor split` of
 * samples/projects.xlsx, filled the way units fill them, and the bad files staff receive.
 * Run: npx ts-node --transpile-only scripts/makeCollectFixtures.ts (needs LibreOffice's soffice).
 * The files are committed, so the tests neither need LibreOffice nor depend on its version.
 */
import { execFileSync } from 'child_process';
import { promises as fsp } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Workbook, type Worksheet } from 'exceljs';
import { main } from '../src/cli/main';

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'test/fixtures/collect');
const TABLE = '2023年度XX区重点项目推进计划表';
// The split files' layout for the sample: title, 单位 line, instruction line, two header rows.
const FIRST_DATA_ROW = 6;
const COL = {
  seq: 1,
  name: 2,
  doneInvest: 6,
  deadline: 8,
  progress: 9,
  done: 10,
  unit: 11,
  problem: 13,
  key: 14,
};

async function load(file: string): Promise<Workbook> {
  const wb = new Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

function dataRows(ws: Worksheet): number[] {
  const rows: number[] = [];
  for (let r = FIRST_DATA_ROW; r <= ws.rowCount; r++) {
    if (ws.getCell(r, COL.name).value !== null) rows.push(r);
  }
  return rows;
}

/** What a unit types: progress, done, amount, problem (unprotecting the sheet first, as WPS users do). */
function fill(
  ws: Worksheet,
  r: number,
  progress: string,
  done: string | null,
  invest: number | null,
): void {
  ws.getCell(r, COL.progress).value = progress;
  if (done !== null) ws.getCell(r, COL.done).value = done;
  if (invest !== null) ws.getCell(r, COL.doneInvest).value = invest;
}

/** Sorts the data rows by name descending, values and all (merges undone first, as Excel demands). */
function resort(ws: Worksheet): void {
  const rows = dataRows(ws);
  for (const m of [...((ws.model.merges as string[] | undefined) ?? [])]) {
    const top = Number(/\d+/.exec(m)?.[0] ?? '0');
    if (top >= FIRST_DATA_ROW) ws.unMergeCells(m);
  }
  const values = rows.map((r) => {
    const cells: unknown[] = [];
    for (let c = 1; c <= COL.key; c++) cells.push(ws.getCell(r, c).value);
    return cells;
  });
  values.sort((a, b) => String(b[COL.name - 1]).localeCompare(String(a[COL.name - 1])));
  rows.forEach((r, i) => {
    const v = values[i] ?? [];
    for (let c = 1; c <= COL.key; c++) ws.getCell(r, c).value = v[c - 1] as never;
  });
}

function libreOfficeResave(file: string): void {
  const dir = path.join(os.tmpdir(), `tricolor-lo-${process.pid}`);
  execFileSync('soffice', ['--headless', '--convert-to', 'xlsx', '--outdir', dir, file], {
    stdio: 'ignore',
  });
  execFileSync('cp', [path.join(dir, path.basename(file)), file]);
}

async function main2(): Promise<void> {
  const work = await fsp.mkdtemp(path.join(os.tmpdir(), 'tricolor-split-'));
  const master = path.join(work, 'projects.xlsx');
  await fsp.copyFile(path.join(ROOT, 'samples/projects.xlsx'), master);
  const io = {
    stdout: { write: () => true },
    stderr: { write: (s: string) => process.stderr.write(s) },
    cwd: work,
    now: () => new Date(2023, 6, 1),
  };
  if ((await main(['split', master, '--out-dir', work, '--due', '2023-07-05'], io)) !== 0) {
    throw new Error('split failed');
  }
  await fsp.rm(OUT, { recursive: true, force: true });
  await fsp.mkdir(OUT, { recursive: true });
  const split = (unit: string) => path.join(work, `${unit}-${TABLE}.xlsx`);
  const save = async (wb: Workbook, name: string) => wb.xlsx.writeFile(path.join(OUT, name));

  // 区发改局: fills every row, then sorts the sheet by name (ExcelJS).
  {
    const wb = await load(split('区发改局'));
    const ws = wb.worksheets[0]!;
    for (const r of dataRows(ws)) fill(ws, r, `主体施工(区发改局,第${r}行)`, null, null);
    resort(ws);
    await save(wb, '01-区发改局-已排序.xlsx');
  }
  // 区交通运输局: fills progress and moves a deadline (a protected column), saved by LibreOffice.
  {
    const wb = await load(split('区交通运输局'));
    const ws = wb.worksheets[0]!;
    const rows = dataRows(ws);
    fill(ws, rows[0]!, '已开工', '否', 4000);
    ws.getCell(rows[0]!, COL.deadline).value = '2023年12月';
    await save(wb, '02-区交通运输局-改了时限-LibreOffice.xlsx');
    libreOfficeResave(path.join(OUT, '02-区交通运输局-改了时限-LibreOffice.xlsx'));
  }
  // 区水利局: fills a row and adds a project of its own at the bottom.
  {
    const wb = await load(split('区水利局'));
    const ws = wb.worksheets[0]!;
    const rows = dataRows(ws);
    fill(ws, rows[0]!, '完成主体工程', '是', null);
    const r = rows[rows.length - 1]! + 1;
    ws.getCell(r, COL.seq).value = 99;
    ws.getCell(r, COL.name).value = '新增河道清淤项目';
    ws.getCell(r, COL.unit).value = '区水利局';
    ws.getCell(r, COL.progress).value = '前期';
    await save(wb, '03-区水利局-加了一行.xlsx');
  }
  // 区农业农村局 sends two versions that disagree on one row's progress (one via LibreOffice).
  {
    const a = await load(split('区农业农村局'));
    const wa = a.worksheets[0]!;
    const rows = dataRows(wa);
    fill(wa, rows[0]!, '完成50%', null, null);
    fill(wa, rows[1]!, '已验收', '已完成', null);
    await save(a, '04-区农业农村局.xlsx');
    const b = await load(split('区农业农村局'));
    const wb2 = b.worksheets[0]!;
    fill(wb2, rows[0]!, '完成80%', null, null);
    fill(wb2, rows[1]!, '已验收', '已完成', null);
    await save(b, '05-区农业农村局-更正.xlsx');
    libreOfficeResave(path.join(OUT, '05-区农业农村局-更正.xlsx'));
  }
  // 区卫生健康局: progress over 100%, which cannot be right.
  {
    const wb = await load(split('区卫生健康局'));
    const ws = wb.worksheets[0]!;
    fill(ws, dataRows(ws)[0]!, '120%', null, null);
    await save(wb, '06-区卫生健康局-进度超百.xlsx');
  }
  // 区文广旅体局: saved by LibreOffice with its rows filled.
  {
    const wb = await load(split('区文广旅体局'));
    const ws = wb.worksheets[0]!;
    for (const r of dataRows(ws)) fill(ws, r, '正在装修', null, null);
    ws.getCell(dataRows(ws)[0]!, COL.problem).value = '=资金未到位';
    await save(wb, '07-区文广旅体局-LibreOffice.xlsx');
    libreOfficeResave(path.join(OUT, '07-区文广旅体局-LibreOffice.xlsx'));
  }
  // 金城镇 edits a copy of the whole master: its columns reordered, traditional-character
  // headers, no key column; only its own row changed. (西城街道 sends nothing.)
  {
    const src = await load(master);
    const ms = src.getWorksheet('重点项目')!;
    const wb = new Workbook();
    const ws = wb.addWorksheet('重点项目');
    // New order: 責任單位, 序號, 項目名稱, 形象進度, 存在問題, 是否完成, 計劃節點, the rest.
    const order = [11, 1, 2, 9, 13, 10, 8, 3, 4, 5, 6, 7, 12];
    const header: Record<number, string> = {
      11: '責任單位',
      1: '序號',
      2: '項目名稱',
      9: '形象進度',
      13: '存在問題',
      8: '計劃節點',
    };
    ws.getCell(1, 1).value = '2023年度XX區重點項目推進計劃表';
    // A one-row header: the copy's author typed the two-level 1-6月完成投资 header out in one row.
    header[6] = '1-6月完成投资(萬元)';
    header[7] = '占年度計劃%';
    let unit: unknown = null;
    let out = 3;
    for (let r = 3; r <= ms.rowCount; r++) {
      if (r === 4) continue;
      order.forEach((c, i) => {
        const cell = ms.getCell(r, c);
        // ExcelJS shows a merge's value in every cell it covers; a copy holds it once.
        let v = cell.isMerged && cell.master.address !== cell.address ? null : cell.value;
        if (r === 3 && header[c] !== undefined) v = header[c]!;
        if (c === 11 && r > 4) {
          // The merged unit cells of the master arrive as one value per row in a copy.
          if (cell.value !== null) unit = cell.value;
          if (v === null && ms.getCell(r, 2).value !== null && cell.isMerged) v = unit as never;
        }
        const value =
          v !== null && typeof v === 'object' && 'result' in v
            ? (v as { result: unknown }).result
            : v;
        ws.getCell(out, i + 1).value = value as never;
        const fmt = cell.numFmt;
        if (fmt) ws.getCell(out, i + 1).numFmt = fmt;
      });
      if (ws.getCell(out, 1).value === '金城镇') {
        ws.getCell(out, 4).value = '主体结构封顶';
        ws.getCell(out, 5).value = '无';
      }
      out++;
    }
    await save(wb, '08-金城镇-整表副本-列序调整.xlsx');
  }
  // Bad files: damaged, empty, a CSV and an old .xls named .xlsx, and a different table.
  {
    const good = await fsp.readFile(split('区水利局'));
    await fsp.writeFile(
      path.join(OUT, '20-损坏.xlsx'),
      good.subarray(0, Math.floor(good.length / 2)),
    );
    await fsp.writeFile(path.join(OUT, '21-空文件.xlsx'), new Uint8Array(0));
    await fsp.writeFile(
      path.join(OUT, '22-其实是CSV.xlsx'),
      '序号,项目名称,责任单位\n1,某项目,区水利局\n',
    );
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await fsp.writeFile(path.join(OUT, '23-其实是xls.xlsx'), ole);
    const other = new Workbook();
    const ws = other.addWorksheet('重点工作');
    ws.addRow(['2023年政府工作报告重点工作任务清单']);
    ws.addRow(['序号', '工作任务', '牵头单位', '完成时限', '进展情况']);
    ws.addRow([1, '优化营商环境', '区政务服务局', '6月底', '推进中']);
    ws.addRow([2, '老旧管网改造', '区住建局', '年底', '推进中']);
    await save(other, '24-另一张表.xlsx');
  }
  await fsp.rm(work, { recursive: true, force: true });
}

void main2().catch((e: unknown) => {
  process.stderr.write(`${String(e)}\n`);
  process.exitCode = 1;
});
