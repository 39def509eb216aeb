import JSZip from 'jszip';
import { sheetXmlPath } from './exceljsGrid/sheetXmlPath';
import type { CellValue, SheetGrid } from '../../src/core/grid';
import { resolveRules, type RuleInput, type RuleSet } from '../../src/core/rules';
import type { Status } from '../../src/core/status';

/**
 * Text from users that a spreadsheet would take for something else when typed into a cell: a
 * formula (= + - @, the classic "CSV injection" forms among them), or a number. Everything the
 * add-in writes that came from a user (status labels and header from the rules, and project
 * names, units, leaders and problems from the table, copied onto the bulletin) must land as the
 * text it is. Shared by test/adapters/{xlsx,office}/hostileText.test.ts and test/cli/hostileText.test.ts.
 */

/** Status labels (rules.labels, which users edit) that look like formulas. */
export const FORMULA_LABELS: Readonly<Record<Status, string>> = {
  normal: '=1+1',
  lagging: '+SUM(A1)',
  severe: '-2',
  done: '@x',
  unknown: "=cmd|' /C calc'!A0",
};

/** A status header (rules.statusHeader) that looks like a formula. */
export const FORMULA_HEADER = '=HYPERLINK("http://a.b","c")';

/** Status labels and header that look like numbers: text all the same. */
export const NUMBER_LABELS: Readonly<Record<Status, string>> = {
  normal: '1',
  lagging: '2',
  severe: '3.50',
  done: '0012',
  unknown: '1e3',
};
export const NUMBER_HEADER = '2023';

export const FORMULA_RULES: RuleInput = {
  labels: { ...FORMULA_LABELS },
  statusHeader: FORMULA_HEADER,
};
export const NUMBER_RULES: RuleInput = {
  labels: { ...NUMBER_LABELS },
  statusHeader: NUMBER_HEADER,
};

export function rulesOf(input: RuleInput): RuleSet {
  const r = resolveRules(input, 'zh');
  if (!r.ok) throw new Error(`rules rejected: ${r.errors.join('; ')}`);
  return r.value;
}

/** The report date the table's statuses are worked out for. */
export const AS_OF = '2023-06-30';

export const HOSTILE_HEADER_ROW = [
  '序号',
  '项目名称',
  '责任单位',
  '分管领导',
  '计划节点',
  '是否完成',
  '存在问题',
];

/**
 * Data rows (Excel rows 3-9 under a title and a header) whose names, units, leaders and problems
 * start with = + - @, with the status each gets as of 2023-06-30 under node-lag.
 */
export const HOSTILE_ROWS: readonly {
  readonly cells: readonly CellValue[];
  readonly status: Status;
}[] = [
  { cells: [1, '=1+1项目', '=区发改局', '=陈静', '2023-01-15', null, '=A1'], status: 'severe' },
  {
    cells: [2, '+SUM(A1:A3)物流园', '+区财政局', '+王芳', '2023-05-15', null, '+资金未到位'],
    status: 'lagging',
  },
  { cells: [3, '-2', '-区住建局', '-李明', '2023-01-15', null, '-3'], status: 'severe' },
  { cells: [4, '@x', '@区交通局', '@杨帆', '2023-05-15', null, '@SUM(A1:A2)'], status: 'lagging' },
  {
    cells: [
      5,
      '=HYPERLINK("http://evil.example","点我")',
      "=cmd|' /C calc'!A0",
      '刘洋',
      '12月底',
      null,
      null,
    ],
    status: 'normal',
  },
  { cells: [6, '-智慧城市', '+区水利局', '张建国', '2023-03-31', '是', null], status: 'done' },
  {
    cells: [7, "@SUM(1+1)*cmd|' /C calc'!A0", '-0', '陈静', '尽快', null, '=1+1'],
    status: 'unknown',
  },
];

export const HOSTILE_SHEET = '重点项目';
export const FIRST_DATA_ROW = 3;
/** The status column the engine puts right after the table's seven columns. */
export const STATUS_COLUMN = 'H';

export function hostileRows(): CellValue[][] {
  return [
    ['2023年度重点项目推进计划表'],
    [...HOSTILE_HEADER_ROW],
    ...HOSTILE_ROWS.map((r) => [...r.cells]),
  ];
}

export function hostileGrid(): SheetGrid {
  return { name: HOSTILE_SHEET, values: hostileRows(), merges: [], origin: { row: 1, col: 1 } };
}

/** The strings of the data rows that start with = + - @: what the bulletin must carry as text. */
export function hostileStrings(): string[] {
  return HOSTILE_ROWS.flatMap((r) =>
    r.cells.filter((v): v is string => typeof v === 'string' && /^[=+\-@]/.test(v)),
  );
}

/** Names, units and problems of the rows behind schedule: the lagging list shows each of them. */
export function laggingStrings(): string[] {
  return HOSTILE_ROWS.filter((r) => r.status === 'lagging' || r.status === 'severe').flatMap((r) =>
    [r.cells[1], r.cells[2], r.cells[6]].filter((v): v is string => typeof v === 'string'),
  );
}

function decodeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-fA-F]+);/g, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');
}

/** One cell as the sheet's XML holds it. */
export interface XmlCell {
  /** The t attribute: "s" (shared string), "inlineStr", "str" (a formula's text result), "n", … */
  readonly type: string | null;
  /** True when the cell has an <f> element: a formula. */
  readonly formula: boolean;
  /** The text of a shared or inline string, else the <v> content. */
  readonly text: string | null;
}

/**
 * Every cell of a sheet as its XML part says, by address, read straight from the .xlsx (no
 * spreadsheet library in between): whether it holds a formula, and its string if it is one.
 */
export async function xmlCells(bytes: Uint8Array, sheet: string): Promise<Map<string, XmlCell>> {
  const zip = await JSZip.loadAsync(bytes);
  const path = await sheetXmlPath(zip, sheet);
  const xml = path === null ? undefined : await zip.file(path)?.async('string');
  if (xml === undefined) throw new Error(`no worksheet part for ${sheet}`);
  const sst = (await zip.file('xl/sharedStrings.xml')?.async('string')) ?? '';
  const shared = [...sst.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    [...(m[1] ?? '').matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)]
      .map((t) => decodeXml(t[1] ?? ''))
      .join(''),
  );
  const out = new Map<string, XmlCell>();
  for (const m of xml.matchAll(/<c\s([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const attrs = m[1] ?? '';
    const body = m[2] ?? '';
    const address = /\br="([A-Z]+\d+)"/.exec(attrs)?.[1];
    if (address === undefined) continue;
    const type = /\bt="([^"]*)"/.exec(attrs)?.[1] ?? null;
    const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
    let text: string | null = v === undefined ? null : decodeXml(v);
    if (type === 's' && v !== undefined) text = shared[Number(v)] ?? null;
    if (type === 'inlineStr') {
      text = [...body.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)]
        .map((t) => decodeXml(t[1] ?? ''))
        .join('');
    }
    out.set(address, { type, formula: /<f[\s>/]/.test(body), text });
  }
  return out;
}

/** True when the XML cell is plain text equal to `text`: a shared or inline string, no formula. */
export function isTextCell(cell: XmlCell | undefined, text: string): boolean {
  return (
    cell !== undefined &&
    !cell.formula &&
    (cell.type === 's' || cell.type === 'inlineStr') &&
    cell.text === text
  );
}
