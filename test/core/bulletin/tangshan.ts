import { dayToSerial, type DayNumber } from '../../../src/core/dates';
import { columnLetters, type CellValue, type SheetGrid } from '../../../src/core/grid';
import { gridOf } from '../../support/gridOf';
import { day } from './sheetOf';

/**
 * A generated plan table whose totals are Tangshan's published 2023 key-project figures:
 * 300 projects, annual plan 1127.4亿元; done 162.5亿元 by 31 March and 503.9亿元 by 30 June
 * (14.4% and 44.7%); 73 new-start projects, 37 started by 31 March (50.7%), 61 by 30 June (83.6%).
 * Amounts are whole tenths of 亿元, so the published sums are exact integers before they are cells.
 */

export const PROJECTS = 300;
export const NEW_STARTS = 73;
export const STARTED_Q1 = 37;
export const STARTED_Q2 = 61;
/** In tenths of 亿元. */
export const PLAN_TENTHS = 11274;
export const DONE_TENTHS = { Q1: 1625, Q2: 5039 } as const;

/** Plan of project i in tenths: 30..45, the residues of 7i mod 15 each 20 times, +1 for the first 174. */
export function planTenths(i: number): number {
  return 30 + ((i * 7) % 15) + (i < 174 ? 1 : 0);
}

/** Done by the quarter's end, in tenths: an even spread around 5 (Q1) or 16 (Q2), topped up to the total. */
export function doneTenths(i: number, quarter: 'Q1' | 'Q2'): number {
  return quarter === 'Q1' ? 4 + (i % 3) + (i < 125 ? 1 : 0) : 14 + (i % 5) + (i < 239 ? 1 : 0);
}

/** Projects 1, 5, 9, … are the new starts, 73 of them; the k-th new start is project 4k + 1. */
function newStartIndex(i: number): number | null {
  return i % 4 === 1 && (i - 1) / 4 < NEW_STARTS ? (i - 1) / 4 : null;
}

/**
 * Start date of the k-th new start: the first 37 in Q1 (the last on 31 March itself), the next 24 in
 * Q2 (from 1 April, the last on 30 June itself), the last 12 not yet started (blank).
 */
function startOf(k: number): DayNumber | null {
  if (k < STARTED_Q1) return k === STARTED_Q1 - 1 ? day('2023-03-31') : day('2023-01-10') + 2 * k;
  if (k < STARTED_Q2)
    return k === STARTED_Q2 - 1 ? day('2023-06-30') : day('2023-04-01') + 3 * (k - STARTED_Q1);
  return null;
}

const SECTIONS: readonly [string, number][] = [
  ['一、产业项目(120项)', 120],
  ['二、基础设施项目(80项)', 80],
  ['三、民生项目(60项)', 60],
  ['四、生态环境项目(40项)', 40],
];

const UNITS = [
  '路南区',
  '路北区',
  '古冶区',
  '开平区',
  '丰南区',
  '丰润区',
  '曹妃甸区',
  '滦州市',
  '遵化市',
  '迁安市',
];

const HEADER = (quarter: 'Q1' | 'Q2') => [
  '序号',
  '项目名称',
  '建设性质',
  '责任单位',
  '年度计划投资(亿元)',
  quarter === 'Q1' ? '1-3月完成投资(亿元)' : '1-6月完成投资(亿元)',
  '实际开工时间',
  '计划节点',
  '存在问题',
];

/**
 * The sheet as a district office keeps it: a merged title, a unit line, one header row, section
 * rows naming each category, the projects, a 合计 row holding the totals and a note at the bottom.
 */
export function tangshanGrid(quarter: 'Q1' | 'Q2'): SheetGrid {
  const width = HEADER(quarter).length;
  const blank = (): CellValue[] => new Array<CellValue>(width).fill(null);
  const rows: CellValue[][] = [];
  const formats: Record<string, string> = {};
  const title = blank();
  title[0] = '2023年唐山市重点项目推进计划表';
  rows.push(title);
  const unitLine = blank();
  unitLine[0] = '单位：亿元';
  rows.push(unitLine);
  rows.push(HEADER(quarter));
  let i = 0;
  for (const [section, count] of SECTIONS) {
    const s = blank();
    s[0] = section;
    rows.push(s);
    for (let n = 0; n < count; n++, i++) {
      const k = newStartIndex(i);
      const start = k === null ? day('2022-03-01') + (i % 200) : startOf(k);
      const excelRow = rows.length + 1;
      if (start !== null) formats[`${columnLetters(7)}${excelRow}`] = 'yyyy-mm-dd';
      rows.push([
        i + 1,
        `唐山重点项目${String(i + 1).padStart(3, '0')}`,
        k === null ? '续建' : '新开工',
        UNITS[i % UNITS.length] ?? null,
        planTenths(i) / 10,
        doneTenths(i, quarter) / 10,
        start === null ? null : dayToSerial(start),
        i % 37 === 7 ? '2月底' : i % 37 === 8 ? '3月底' : '12月底',
        i % 37 === 7 ? '用地指标未落实' : null,
      ]);
    }
  }
  rows.push([
    '合计',
    null,
    null,
    null,
    PLAN_TENTHS / 10,
    DONE_TENTHS[quarter] / 10,
    null,
    null,
    null,
  ]);
  const note = blank();
  note[0] = '注：完成投资为各县（市、区）报送数。';
  rows.push(note);
  return gridOf(`唐山${quarter}`, rows, {
    merges: [`A1:${columnLetters(width)}1`],
    formats,
  });
}
