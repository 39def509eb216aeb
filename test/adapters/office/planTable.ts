import type { FillRuns, PaintPlan, StatusCode } from '../../../src/core/paintPlan';
import { defaultRules } from '../../../src/core/rules';
import { STATUSES } from '../../../src/core/status';
import type { FakeSheet, FakeValue, RecordingExcel } from '../../fakes/recordingExcel';

/** A small deterministic PRNG (mulberry32), so "scattered" statuses are the same on every run. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const HEADER = [
  '序号',
  '项目名称',
  '建设内容',
  '责任单位',
  '计划节点',
  '形象进度',
  '总投资',
  '存在问题',
  '分管领导',
  '备注',
];

export interface PlanTableSpec {
  readonly rows: number;
  readonly sheet?: string;
  readonly seed?: number;
  /** A section row ("一、产业项目") every this many rows; they get no status. */
  readonly sectionEvery?: number;
}

/**
 * Adds a plan table to the fake workbook and builds the PaintPlan the engine would make for it:
 * a merged title in row 1, the header in row 2, data from row 3 with statuses scattered at random
 * (≈15% lagging, ≈15% severe, ≈10% done, ≈3% unknown, the rest normal), a section row now and then,
 * and the status column in K, right after the table's ten columns.
 */
export function addPlanTable(
  excel: RecordingExcel,
  spec: PlanTableSpec,
): { sheet: FakeSheet; plan: PaintPlan } {
  const name = spec.sheet ?? '重点项目';
  const rnd = random(spec.seed ?? 7);
  const sectionEvery = spec.sectionEvery ?? 500;
  const rows: FakeValue[][] = [['2023年度重点项目推进计划表'], HEADER];
  const codes = new Uint8Array(spec.rows);
  for (let i = 0; i < spec.rows; i++) {
    if (i % sectionEvery === 0) {
      rows.push([`第${i / sectionEvery + 1}部分项目`]);
      continue;
    }
    const p = rnd();
    const code: StatusCode = p < 0.15 ? 2 : p < 0.3 ? 3 : p < 0.4 ? 4 : p < 0.43 ? 5 : 1;
    codes[i] = code;
    rows.push([
      i,
      `项目${i}`,
      '新建厂房',
      `单位${i % 37}`,
      '2023年6月底',
      '主体施工',
      1200 + i,
      '',
      '张三',
      '',
    ]);
  }
  const sheet = excel.addSheet(name, rows);
  sheet.merge('A1:J1');

  const rules = defaultRules();
  const firstRow = 2;
  const runs: Record<string, number[]> = {};
  let open: { status: string; start: number; end: number } | null = null;
  const close = (): void => {
    if (open) (runs[open.status] ??= []).push(firstRow + open.start, firstRow + open.end);
    open = null;
  };
  codes.forEach((c, i) => {
    if (c === 0) {
      close();
      return;
    }
    const status = STATUSES[c - 1] as string;
    if (open && open.status === status && open.end === i - 1) open.end = i;
    else {
      close();
      open = { status, start: i, end: i };
    }
  });
  close();
  const fills: FillRuns[] = STATUSES.filter((s) => runs[s]).map((s) => ({
    status: s,
    color: rules.colors[s],
    runs: runs[s] as number[],
  }));
  const plan: PaintPlan = {
    sheet: name,
    origin: { row: 1, col: 1 },
    statusColumn: 10,
    statusColumnExists: false,
    headerTop: 1,
    headerBottom: 1,
    header: rules.statusHeader,
    left: 0,
    right: 10,
    firstRow,
    lastRow: firstRow + spec.rows - 1,
    codes,
    labels: ['', ...STATUSES.map((s) => rules.labels[s])],
    fills,
    keys: [],
  };
  return { sheet, plan };
}

/** The Excel fill a status code gets under the default rules ("#RRGGBB"). */
export function colorOf(code: number): string {
  const status = STATUSES[code - 1];
  if (status === undefined) throw new Error(`no status ${code}`);
  return `#${defaultRules().colors[status]}`;
}

/** The plan for only the first `rows` body rows of `plan`, as if the table were that long. */
export function truncatePlan(plan: PaintPlan, rows: number): PaintPlan {
  const lastRow = plan.firstRow + rows - 1;
  const fills = plan.fills
    .map((f) => {
      const runs: number[] = [];
      for (let i = 0; i + 1 < f.runs.length; i += 2) {
        const start = f.runs[i] as number;
        const end = Math.min(f.runs[i + 1] as number, lastRow);
        if (start <= lastRow) runs.push(start, end);
      }
      return { ...f, runs };
    })
    .filter((f) => f.runs.length > 0);
  return { ...plan, codes: plan.codes.slice(0, rows), lastRow, fills };
}
