import type { CellValue, SheetGrid } from '../src/core/grid';

/** Deadline forms in roughly the mix real sheets have: dates, month ends, quarters, prose. */
const DEADLINES: readonly CellValue[] = [
  45107,
  '6月底',
  '2023年9月',
  '三季度',
  '2023-08-15',
  '年底',
  '10月上旬',
  '3月-6月',
  '长期',
  '4月底前',
  '２０２３年５月',
  '2023.7.31',
  'Q2',
  '上半年',
  '尽快',
];
const UNITS = [
  '区发改局',
  '区财政局、区住建局',
  '区交通运输局',
  '区水利局',
  '金城镇',
  '区卫生健康局',
];
const NATURES = ['新开工', '续建', '前期'];

/**
 * A key-project plan table of `rows` data rows: title, two-level header, a section row every 500
 * rows, a unit merged over pairs of rows, and a realistic spread of deadline forms.
 */
export function generatePlanGrid(rows: number, seed = 1): SheetGrid {
  let s = seed;
  const rand = (n: number): number => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s % n;
  };
  const values: CellValue[][] = [
    ['2023年度XX区重点项目推进计划表'],
    ['单位:万元'],
    [
      '序号',
      '项目名称',
      '建设性质',
      '年度计划投资(万元)',
      '1-6月完成投资',
      null,
      '计划节点',
      '形象进度',
      '是否完成',
      '责任单位',
      '存在问题',
    ],
    [null, null, null, null, '金额', '占年度计划%', null, null, null, null, null],
  ];
  const merges = [
    { top: 0, left: 0, bottom: 0, right: 10 },
    { top: 2, left: 4, bottom: 2, right: 5 },
    ...[0, 1, 2, 3, 6, 7, 8, 9, 10].map((c) => ({ top: 2, left: c, bottom: 3, right: c })),
  ];
  const formats: (string | null)[][] = [];
  let seq = 0;
  while (seq < rows) {
    if (seq % 500 === 0)
      values.push([`${['一', '二', '三', '四'][(seq / 500) % 4]}、产业项目(500项)`]);
    seq++;
    const plan = 1000 + rand(50000);
    const done = Math.floor((plan * rand(100)) / 100);
    const r = values.length;
    values.push([
      seq,
      `项目${seq}`,
      NATURES[rand(3)] ?? '续建',
      plan,
      done,
      done / plan,
      DEADLINES[rand(DEADLINES.length)] ?? null,
      '主体施工',
      rand(20) === 0 ? '已完成' : '否',
      UNITS[rand(UNITS.length)] ?? null,
      rand(4) === 0 ? '资金缺口较大' : null,
    ]);
    if (seq % 7 === 0 && seq < rows) merges.push({ top: r, left: 9, bottom: r + 1, right: 9 });
    formats[r] = [
      null,
      null,
      null,
      null,
      null,
      '0.0%',
      typeof values[r]?.[6] === 'number' ? 'yyyy-mm-dd' : null,
    ];
  }
  values.push([null, '合计']);
  values.push(['注:计划节点以区政府常务会议审定为准。']);
  // A merged unit's lower cell holds nothing, as in a real file.
  for (const m of merges)
    if (m.left === 9 && m.top > 3) (values[m.bottom] as CellValue[])[9] = null;
  return { name: '重点项目', values, numberFormats: formats, merges, origin: { row: 1, col: 1 } };
}
