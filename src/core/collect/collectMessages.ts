import type { Lang } from '../issue';

/** Why a returned value was not written into the master. */
export type ConflictCode =
  | 'unreadable_file'
  | 'no_table'
  | 'not_this_table'
  | 'protected_changed'
  | 'returns_disagree'
  | 'row_not_in_master'
  | 'ambiguous_row'
  | 'unreadable_value'
  | 'not_own_row';

export interface ConflictParams {
  readonly file: string;
  readonly cell?: string;
  readonly header?: string;
  readonly old?: string;
  readonly new?: string;
  readonly name?: string;
  /** For returns_disagree: the files and what each says. */
  readonly others?: string;
  /** For unreadable_file: the sentence the reader gave. */
  readonly reason?: string;
}

type Words = Record<ConflictCode, (p: ConflictParams) => string>;

const zh: Words = {
  unreadable_file: (p) => `“${p.file}”无法读取,未汇总:${p.reason ?? ''}`,
  no_table: (p) => `“${p.file}”中没有找到计划表,未汇总。`,
  not_this_table: (p) => `“${p.file}”不是本表的报送文件(没有一行与总表对得上),未汇总。`,
  protected_changed: (p) =>
    `“${p.file}”改动了不由单位填写的“${p.header ?? ''}”(总表 ${p.cell ?? ''}:“${p.old ?? ''}”→“${p.new ?? ''}”),总表保留原值。`,
  returns_disagree: (p) =>
    `几份报送对总表 ${p.cell ?? ''}(${p.header ?? ''})填得不一样:${p.others ?? ''},总表保留原值,请核实。`,
  row_not_in_master: (p) =>
    `“${p.file}”的 ${p.cell ?? ''} 行“${p.name ?? ''}”不在总表中,未加入(新增项目请由牵头科室添加)。`,
  ambiguous_row: (p) =>
    `“${p.file}”的 ${p.cell ?? ''} 行“${p.name ?? ''}”与总表中不止一行同名,无法确定是哪一行,未汇总。`,
  unreadable_value: (p) =>
    `“${p.file}”给总表 ${p.cell ?? ''}(${p.header ?? ''})填的“${p.new ?? ''}”无法识别,总表保留原值。`,
  not_own_row: (p) =>
    `“${p.file}”改动了其他单位(${p.name ?? ''})的行(总表 ${p.cell ?? ''} 起),未汇总,总表保留原值。`,
};

const en: Words = {
  unreadable_file: (p) => `"${p.file}" cannot be read and was not collected: ${p.reason ?? ''}`,
  no_table: (p) => `No plan table was found in "${p.file}"; it was not collected.`,
  not_this_table: (p) =>
    `"${p.file}" is not a return of this table (none of its rows matches the master); it was not collected.`,
  protected_changed: (p) =>
    `"${p.file}" changed "${p.header ?? ''}", which units do not fill in (master ${p.cell ?? ''}: "${p.old ?? ''}" → "${p.new ?? ''}"); the master keeps its value.`,
  returns_disagree: (p) =>
    `Returns disagree on master ${p.cell ?? ''} (${p.header ?? ''}): ${p.others ?? ''}; the master keeps its value, please check.`,
  row_not_in_master: (p) =>
    `Row ${p.cell ?? ''} of "${p.file}" ("${p.name ?? ''}") is not in the master and was not added (new projects are for the staff to add).`,
  ambiguous_row: (p) =>
    `Row ${p.cell ?? ''} of "${p.file}" ("${p.name ?? ''}") matches more than one master row; it was not collected.`,
  unreadable_value: (p) =>
    `"${p.file}" gives master ${p.cell ?? ''} (${p.header ?? ''}) the value "${p.new ?? ''}", which cannot be read; the master keeps its value.`,
  not_own_row: (p) =>
    `"${p.file}" differs from the master in a row of another unit (${p.name ?? ''}, master ${p.cell ?? ''}); it was not collected and the master keeps its values.`,
};

export function conflictMessage(lang: Lang, code: ConflictCode, p: ConflictParams): string {
  return (lang === 'en' ? en : zh)[code](p);
}

/** "“a.xlsx”填“x”、“b.xlsx”填“y”" — what each return says about one cell. */
export function disagreement(lang: Lang, said: readonly { file: string; text: string }[]): string {
  return lang === 'en'
    ? said.map((s) => `"${s.file}" says "${s.text}"`).join(', ')
    : said.map((s) => `“${s.file}”填“${s.text}”`).join('、');
}
