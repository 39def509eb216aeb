import fc from 'fast-check';
import {
  dayNumber,
  dayToSerial,
  formatIsoDay,
  fromDayNumber,
  type DayNumber,
} from '../../src/core/dates';
import type { CellRange, CellValue, SheetGrid } from '../../src/core/grid';

/**
 * fast-check arbitraries for plan tables as users keep them: optional title rows, a one- or
 * two-row header in any column order (simplified or traditional), data rows with every kind of
 * deadline, done mark and amount (good and bad), section, subtotal, note and blank rows among them,
 * units merged down over several rows, hidden rows, a table that does not start at A1, and
 * sometimes a column of the user's own notes right after the table.
 *
 * Each generated table says what every row is, so a property can check the engine against it.
 */

export type GenField =
  'seq' | 'name' | 'unit' | 'deadline' | 'done' | 'doneDate' | 'progress' | 'planInvest' | 'note';

export type GenRowKind = 'data' | 'section' | 'subtotal' | 'note' | 'blank';

export interface PlanTable {
  readonly grid: SheetGrid;
  /** The year the title names, or null when the title has none (or there is no title). */
  readonly titleYear: number | null;
  readonly headerTop: number;
  readonly headerBottom: number;
  /** Grid column of each field the table has. */
  readonly columns: Readonly<Partial<Record<GenField, number>>>;
  /** Grid column of the user's own unheaded notes right after the table, when there is one. */
  readonly userColumn: number | null;
  /** What the generator put on each row below the header, by grid row. */
  readonly body: readonly { readonly row: number; readonly kind: GenRowKind }[];
  /** Grid rows of the data rows, ascending. */
  readonly dataRows: readonly number[];
}

const HEADERS: Record<GenField, readonly string[]> = {
  seq: ['序号', '序號', '编号'],
  name: ['项目名称', '工作任务', '重点工作', '议定事项', '項目名稱', '任务名称'],
  unit: ['责任单位', '牵头单位', '責任單位', '责任部门'],
  deadline: ['计划节点', '完成时限', '时间节点', '完成時限', '计划完成时间'],
  done: ['是否完成', '是否销号', '完成状态'],
  doneDate: ['实际完成时间', '办结时间'],
  progress: ['形象进度', '完成进度(%)', '进展情况'],
  planInvest: ['年度计划投资(万元)', '年度计划投资'],
  note: ['备注', '備註'],
};

const OPTIONAL: readonly GenField[] = [
  'unit',
  'done',
  'doneDate',
  'progress',
  'planInvest',
  'note',
];

const DATE_FORMATS = [
  'yyyy-mm-dd',
  'yyyy"年"m"月"d"日"',
  'yyyy/m/d',
  '[$-F800]dddd, mmmm dd, yyyy',
];

/** A cell and its number format (null for General). */
interface Cell {
  readonly v: CellValue;
  readonly fmt: string | null;
}
const plain = (v: CellValue): Cell => ({ v, fmt: null });

/** Days from 2020-01-01 to 2027-12-31. */
const dayArb: fc.Arbitrary<DayNumber> = fc.integer({
  min: dayNumber(2020, 1, 1),
  max: dayNumber(2027, 12, 31),
});

/** A date as plan tables hold it: a formatted serial, a bare serial, or text in a common form. */
const dateCell: fc.Arbitrary<Cell> = fc
  .tuple(dayArb, fc.integer({ min: 0, max: 5 }), fc.constantFrom(...DATE_FORMATS))
  .map(([day, how, fmt]): Cell => {
    const { y, m, d } = fromDayNumber(day);
    switch (how) {
      case 0:
      case 1:
        return { v: dayToSerial(day), fmt };
      case 2:
        return plain(dayToSerial(day));
      case 3:
        return plain(formatIsoDay(day));
      case 4:
        return plain(`${y}年${m}月${d}日`);
      default:
        return plain(`${y}.${m}.${d}`);
    }
  });

const deadlineCell: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 4, arbitrary: dateCell },
  {
    weight: 4,
    arbitrary: fc
      .constantFrom(
        '3月底',
        '6月',
        '6月底前',
        '二季度',
        '第三季度',
        'Q4',
        '上半年',
        '年底',
        '12月上旬',
        '9月中旬',
        '3月-6月',
        '2023年6月',
        '2024年底',
        '长期',
        '持续推进',
        '６月底',
        '十月底',
      )
      .map(plain),
  },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom<CellValue>(
        '尽快',
        '2023-02-30',
        '6月32日',
        '2023年13月',
        '待定',
        null,
        { error: '#N/A' },
        true,
      )
      .map(plain),
  },
);

const doneCell: fc.Arbitrary<Cell> = fc
  .constantFrom<CellValue>(
    null,
    null,
    '是',
    '否',
    '已完成',
    '√',
    '未完成',
    '已完成征地拆迁',
    true,
    false,
  )
  .map(plain);

const doneDateCell: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(plain(null)) },
  { weight: 3, arbitrary: dateCell },
  {
    weight: 1,
    arbitrary: fc.constantFrom<CellValue>('2023-02-30', '尽快', { error: '#REF!' }).map(plain),
  },
);

const progressCell: fc.Arbitrary<Cell> = fc.oneof(
  fc.constant(plain(null)),
  fc.integer({ min: 0, max: 120 }).map((p) => ({ v: p / 100, fmt: '0%' })),
  fc.integer({ min: 0, max: 120 }).map((p) => plain(`${p}%`)),
  fc.constantFrom('施工中', '已完成征地拆迁', '100%', '过半').map(plain),
);

const investCell: fc.Arbitrary<Cell> = fc.oneof(
  fc.constant(plain(null)),
  fc.integer({ min: 0, max: 100000 }).map(plain),
  fc.constantFrom<CellValue>('1,200', '１２００', '暂无', '-', { error: '#DIV/0!' }).map(plain),
);

const NAMES = [
  '污水处理厂扩建',
  '北环路改造',
  '第三中学新建',
  'مشروع الطريق',
  '🚧 老旧小区改造',
  '學校擴建',
  'Smart City',
];
const UNITS = [
  '区发改局',
  '区财政局、区住建局',
  '区交通局(牵头)',
  '👨‍👩‍👧区卫健局',
  'אגף התחבורה',
  '区统计局',
];
const NOTES = ['自筹资金', '🚩重点', 'نعم', '已纳入省重点'];
const SECTIONS = ['一、产业项目(3项)', '(二)民生项目', '三、基础设施', '第四部分 生态环境'];

interface DataSpec {
  readonly kind: 'data';
  readonly name: string;
  readonly unit: Cell;
  /** How many following data rows the unit cell is merged down over (0 = none). */
  readonly unitMergeDown: number;
  readonly deadline: Cell;
  readonly done: Cell;
  readonly doneDate: Cell;
  readonly progress: Cell;
  readonly planInvest: Cell;
  readonly note: Cell;
  readonly userNote: string | null;
  readonly hidden: boolean;
}
interface OtherSpec {
  readonly kind: 'section' | 'subtotal' | 'note' | 'blank';
  readonly caption: string;
  readonly merged: boolean;
  readonly hidden: boolean;
}
type RowSpec = DataSpec | OtherSpec;

const dataSpec: fc.Arbitrary<DataSpec> = fc.record({
  kind: fc.constant('data' as const),
  name: fc.constantFrom(...NAMES),
  unit: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...UNITS).map(plain) },
    { weight: 1, arbitrary: fc.constant(plain(null)) },
  ),
  unitMergeDown: fc.oneof(
    { weight: 4, arbitrary: fc.constant(0) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 2 }) },
  ),
  deadline: deadlineCell,
  done: doneCell,
  doneDate: doneDateCell,
  progress: progressCell,
  planInvest: investCell,
  note: fc.option(fc.constantFrom(...NOTES), { freq: 3 }).map(plain),
  userNote: fc.option(fc.constantFrom('自留备忘', '问张科长'), { freq: 2 }),
  hidden: fc.boolean(),
});

const otherSpec: fc.Arbitrary<OtherSpec> = fc.oneof(
  fc.record({
    kind: fc.constant('section' as const),
    caption: fc.constantFrom(...SECTIONS),
    merged: fc.boolean(),
    hidden: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('subtotal' as const),
    caption: fc.constantFrom('合计', '小计', '总计'),
    merged: fc.constant(false),
    hidden: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('note' as const),
    caption: fc.constantFrom('注:计划节点以常务会议审定为准。', '填表说明:每月报送'),
    merged: fc.boolean(),
    hidden: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('blank' as const),
    caption: fc.constant(''),
    merged: fc.constant(false),
    hidden: fc.boolean(),
  }),
);

export interface PlanTableOptions {
  /** Most rows below the header (data and others); keep it small in the fast suite. */
  readonly maxRows?: number;
  /** Whether the title names a plan year: always, never, or either. */
  readonly titleYear?: 'always' | 'never' | 'maybe';
}

/** Plan tables, with what every row is. */
export function planTable(options: PlanTableOptions = {}): fc.Arbitrary<PlanTable> {
  const maxRows = options.maxRows ?? 10;
  const yearMode = options.titleYear ?? 'maybe';
  const yearArb: fc.Arbitrary<number | null> =
    yearMode === 'always'
      ? fc.integer({ min: 2021, max: 2025 })
      : yearMode === 'never'
        ? fc.constant(null)
        : fc.option(fc.integer({ min: 2021, max: 2025 }));
  return fc
    .record({
      year: yearArb,
      unitLine: fc.boolean(),
      mergeTitle: fc.boolean(),
      blankRowsAbove: fc.integer({ min: 0, max: 1 }),
      leftPad: fc.integer({ min: 0, max: 2 }),
      origin: fc.record({
        row: fc.integer({ min: 1, max: 3 }),
        col: fc.integer({ min: 1, max: 6 }),
      }),
      hasSeq: fc.boolean(),
      optional: fc.subarray([...OPTIONAL]),
      order: fc.array(fc.nat(), { minLength: 9, maxLength: 9 }),
      headerChoice: fc.array(fc.nat(), { minLength: 9, maxLength: 9 }),
      twoLevel: fc.boolean(),
      userColumn: fc.boolean(),
      body: fc.array(
        fc.oneof({ weight: 3, arbitrary: dataSpec }, { weight: 1, arbitrary: otherSpec }),
        {
          maxLength: maxRows,
        },
      ),
    })
    .map((p) => build(p));
}

interface Params {
  readonly year: number | null;
  readonly unitLine: boolean;
  readonly mergeTitle: boolean;
  readonly blankRowsAbove: number;
  readonly leftPad: number;
  readonly origin: { readonly row: number; readonly col: number };
  readonly hasSeq: boolean;
  readonly optional: GenField[];
  readonly order: number[];
  readonly headerChoice: number[];
  readonly twoLevel: boolean;
  readonly userColumn: boolean;
  readonly body: RowSpec[];
}

function build(p: Params): PlanTable {
  // Columns: 序号 first when present, then name, deadline and the chosen optional fields, shuffled.
  const rest: GenField[] = ['name', 'deadline', ...p.optional];
  const keyed = rest.map((f, i) => ({ f, k: p.order[i] ?? 0 }));
  keyed.sort((a, b) => a.k - b.k);
  const fieldsInOrder: GenField[] = [
    ...(p.hasSeq ? (['seq'] as GenField[]) : []),
    ...keyed.map((x) => x.f),
  ];
  const left = p.leftPad;
  const columns: Partial<Record<GenField, number>> = {};
  fieldsInOrder.forEach((f, i) => {
    columns[f] = left + i;
  });
  const right = left + fieldsInOrder.length - 1;
  const userColumn = p.userColumn ? right + 1 : null;

  const rows: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  const merges: CellRange[] = [];
  const hidden: number[] = [];
  const put = (r: number, c: number, cell: Cell): void => {
    (rows[r] ??= [])[c] = cell.v;
    if (cell.fmt !== null) (formats[r] ??= [])[c] = cell.fmt;
  };
  const newRow = (): number => {
    rows.push([]);
    return rows.length - 1;
  };

  for (let i = 0; i < p.blankRowsAbove; i++) newRow();
  const titleText =
    p.year !== null ? `${p.year}年度XX区重点项目推进计划表` : 'XX区重点项目推进计划表';
  const hasTitle = p.year !== null || p.unitLine || p.mergeTitle;
  if (hasTitle) {
    const r = newRow();
    put(r, left, plain(titleText));
    if (p.mergeTitle && right > left) merges.push({ top: r, left, bottom: r, right });
  }
  if (p.unitLine) put(newRow(), left, plain('单位:万元'));

  const headerTop = newRow();
  const headerBottom = p.twoLevel ? newRow() : headerTop;
  fieldsInOrder.forEach((f, i) => {
    const choices = HEADERS[f];
    const text = choices[(p.headerChoice[i] ?? 0) % choices.length] as string;
    put(headerTop, left + i, plain(text));
    if (p.twoLevel)
      merges.push({ top: headerTop, left: left + i, bottom: headerBottom, right: left + i });
  });

  const body: { row: number; kind: GenRowKind }[] = [];
  const dataRows: number[] = [];
  let seq = 0;
  let unitMergeLeft = 0;
  let unitMerge = -1;
  for (const spec of p.body) {
    const r = newRow();
    if (spec.hidden) hidden.push(r);
    body.push({ row: r, kind: spec.kind });
    if (spec.kind !== 'data') {
      // A unit merged down stops at the first row that is not data.
      unitMergeLeft = 0;
      writeOther(spec, r);
      continue;
    }
    dataRows.push(r);
    seq++;
    if (columns.seq !== undefined) put(r, columns.seq, plain(seq));
    put(r, columns.name as number, plain(`${spec.name}${seq}`));
    if (columns.unit !== undefined) {
      if (unitMergeLeft > 0) {
        unitMergeLeft--;
        const m = merges[unitMerge] as CellRange;
        merges[unitMerge] = { ...m, bottom: r };
      } else {
        put(r, columns.unit, spec.unit);
        if (spec.unitMergeDown > 0) {
          unitMergeLeft = spec.unitMergeDown;
          unitMerge =
            merges.push({ top: r, left: columns.unit, bottom: r, right: columns.unit }) - 1;
        }
      }
    }
    const optionalCells: [GenField, Cell][] = [
      ['deadline', spec.deadline],
      ['done', spec.done],
      ['doneDate', spec.doneDate],
      ['progress', spec.progress],
      ['planInvest', spec.planInvest],
      ['note', spec.note],
    ];
    for (const [f, cell] of optionalCells) {
      const c = columns[f];
      if (c !== undefined) put(r, c, cell);
    }
    if (userColumn !== null && spec.userNote !== null) put(r, userColumn, plain(spec.userNote));
  }
  // A one-row merge is no merge: drop units that ended up merged over their own row only.
  const kept = merges.filter((m) => m.bottom > m.top || m.right > m.left);

  function writeOther(spec: OtherSpec, r: number): void {
    if (spec.kind === 'blank') return;
    if (spec.kind === 'subtotal') {
      // "合计" in the first column, or "小计" in the name column, with an amount beside it.
      const c = spec.caption === '小计' ? (columns.name as number) : left;
      put(r, c, plain(spec.caption));
      if (columns.planInvest !== undefined && columns.planInvest !== c)
        put(r, columns.planInvest, plain(1000));
      return;
    }
    put(r, left, plain(spec.caption));
    const span = spec.kind === 'section' ? Math.min(right, left + 2) : right;
    if (spec.merged && span > left) merges.push({ top: r, left, bottom: r, right: span });
  }

  const width = Math.max(right, userColumn ?? right) + 1;
  const values = rows.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? null));
  const numberFormats = rows.map((_, r) =>
    Array.from({ length: width }, (_, c) => formats[r]?.[c] ?? null),
  );
  return {
    grid: {
      name: '重点项目',
      values,
      numberFormats,
      merges: kept,
      hiddenRows: hidden,
      origin: p.origin,
    },
    titleYear: p.year,
    headerTop,
    headerBottom,
    columns,
    userColumn,
    body,
    dataRows,
  };
}

/** Report dates from 2020 to 2027. */
export const asOfArb: fc.Arbitrary<DayNumber> = dayArb;
