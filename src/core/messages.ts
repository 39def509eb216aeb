import type { Issue, IssueCode, Lang, Severity } from './issue';

type Params = Readonly<Record<string, string | number>>;
type Catalog = Record<IssueCode, (p: Params) => string>;

const s = (p: Params, k: string): string => (p[k] === undefined ? '' : String(p[k]));

const zh: Catalog = {
  deadline_unreadable: (p) =>
    `工作表“${s(p, 'sheet')}”${s(p, 'cell')}单元格的计划节点“${s(p, 'text')}”无法识别为日期,该行标为“无法判定”。请改写为如“2023年6月30日”“6月底”“二季度”等形式。`,
  deadline_missing: (p) =>
    `工作表“${s(p, 'sheet')}”${s(p, 'cell')}单元格的计划节点为空,该行标为“无法判定”。`,
  date_impossible: (p) =>
    `工作表“${s(p, 'sheet')}”${s(p, 'cell')}单元格的日期“${s(p, 'text')}”不存在(如13月、2月30日),请核对。`,
  done_date_unreadable: (p) =>
    `工作表“${s(p, 'sheet')}”${s(p, 'cell')}单元格的实际完成时间“${s(p, 'text')}”无法识别,未据此判定完成。`,
  cell_error: (p) =>
    `工作表“${s(p, 'sheet')}”${s(p, 'cell')}单元格是错误值 ${s(p, 'text')},已按空白处理。`,
  formula_no_result: (p) =>
    `工作表“${s(p, 'sheet')}”${s(p, 'cell')}单元格是公式,但文件未保存其计算结果。请在Excel中打开并保存一次后重试。`,
  number_unreadable: (p) =>
    `工作表“${s(p, 'sheet')}”${s(p, 'cell')}单元格“${s(p, 'text')}”不是有效数字,已按空白处理。`,
  no_table: (p) =>
    `工作表“${s(p, 'sheet')}”中没有找到计划表(需要“项目名称/工作任务”等表头),已跳过。`,
  no_name_column: (p) =>
    `工作表“${s(p, 'sheet')}”的表头(第${s(p, 'row')}行)中没有“项目名称”“工作任务”之类的名称列。`,
  no_deadline_column: (p) =>
    `工作表“${s(p, 'sheet')}”的表头中没有“计划节点”“完成时限”之类的时间列,各行无法判定是否滞后。`,
  header_duplicate: (p) =>
    `工作表“${s(p, 'sheet')}”有两列都像“${s(p, 'field')}”(${s(p, 'cell')} 与 ${s(p, 'other')}),已使用 ${s(p, 'other')}。可在“识别”中改选。`,
  merge_crosses_header: (p) =>
    `工作表“${s(p, 'sheet')}”${s(p, 'cell')}处的合并单元格跨越了表头和数据行,已按表头处理其首行。`,
  plan_year_assumed: (p) =>
    p.source === 'deadlines'
      ? `工作表“${s(p, 'sheet')}”的标题中没有年份,按计划节点列中最常见的年份,“6月底”等日期按${s(p, 'year')}年理解。`
      : `工作表“${s(p, 'sheet')}”的标题中没有年份,“6月底”等日期按截至日期所在的${s(p, 'year')}年理解。`,
  status_disagrees: (p) =>
    `工作表“${s(p, 'sheet')}”${s(p, 'cell')}单元格填报的状态“${s(p, 'text')}”与按计划节点判定的“${s(p, 'computed')}”不一致。`,
  text_truncated: (p) =>
    `工作表“${s(p, 'sheet')}”${s(p, 'cell')}单元格内容过长(${s(p, 'length')}字),只读取了前面部分。`,
  status_column_conflict: (p) =>
    `工作表“${s(p, 'sheet')}”${s(p, 'cell')}处已有用户内容,状态列改写在 ${s(p, 'other')} 列。`,
  row_unmatched: (p) =>
    `工作表“${s(p, 'sheet')}”${s(p, 'cell')}所在行上次标注后被移动过,且有同名同单位的另一行,无法确定哪一行原有哪种底色:这一行保留了现在的底色(与标注色相同则视为无底色),请核对。`,
  status_column_no_room: (p) =>
    `工作表“${s(p, 'sheet')}”右侧直到最后一列(XFD)都有内容,没有空列可写状态列,已跳过该表。请删除右侧多余的列后重试。`,
  deadline_ambiguous: (p) =>
    `工作表“${s(p, 'sheet')}”${s(p, 'cell')}单元格的计划节点是数字“${s(p, 'text')}”,可能是1月也可能是10月(Excel把“2023.10”存成2023.1),该行标为“无法判定”。请改写为“2023年10月”等形式。`,
  deadline_remark: (p) =>
    `工作表“${s(p, 'sheet')}”${s(p, 'cell')}单元格的计划节点附有说明“${s(p, 'remark')}”,仍按原节点判定。`,
  deadline_nodes: (p) =>
    `工作表“${s(p, 'sheet')}”${s(p, 'cell')}单元格写有多个时间节点(${s(p, 'nodes')}),按最后一个节点${s(p, 'date')}判定。`,
  progress_not_numeric: (p) =>
    p.text === ''
      ? `工作表“${s(p, 'sheet')}”${s(p, 'cell')}单元格没有填写进度,无法与序时进度比较,该行标为“无法判定”。`
      : `工作表“${s(p, 'sheet')}”${s(p, 'cell')}单元格的进度“${s(p, 'text')}”不是百分比,无法与序时进度比较,该行标为“无法判定”。请填写如“45%”的完成比例。`,
  as_of_far_past: (p) =>
    `工作表“${s(p, 'sheet')}”的计划年份是${s(p, 'year')}年,截至日期${s(p, 'asOf')}已超过一年,未完成的行都会判为滞后。请核对截至日期或标题中的年份。`,
};

const en: Catalog = {
  deadline_unreadable: (p) =>
    `Sheet "${s(p, 'sheet')}", cell ${s(p, 'cell')}: the deadline "${s(p, 'text')}" is not a date we can read; the row is marked unknown. Write it like "2023-06-30", "6月底" or "二季度".`,
  deadline_missing: (p) =>
    `Sheet "${s(p, 'sheet')}", cell ${s(p, 'cell')}: the deadline is empty; the row is marked unknown.`,
  date_impossible: (p) =>
    `Sheet "${s(p, 'sheet')}", cell ${s(p, 'cell')}: the date "${s(p, 'text')}" does not exist (month 13, 30 February…); please check it.`,
  done_date_unreadable: (p) =>
    `Sheet "${s(p, 'sheet')}", cell ${s(p, 'cell')}: the completion date "${s(p, 'text')}" cannot be read, so it was not used to mark the row done.`,
  cell_error: (p) =>
    `Sheet "${s(p, 'sheet')}", cell ${s(p, 'cell')} holds the error value ${s(p, 'text')}; it was treated as blank.`,
  formula_no_result: (p) =>
    `Sheet "${s(p, 'sheet')}", cell ${s(p, 'cell')} is a formula whose result the file did not save. Open and save the file in Excel, then try again.`,
  number_unreadable: (p) =>
    `Sheet "${s(p, 'sheet')}", cell ${s(p, 'cell')}: "${s(p, 'text')}" is not a number; it was treated as blank.`,
  no_table: (p) =>
    `Sheet "${s(p, 'sheet')}" holds no plan table (no header such as 项目名称 or 工作任务); it was skipped.`,
  no_name_column: (p) =>
    `Sheet "${s(p, 'sheet')}": the header (row ${s(p, 'row')}) has no name column such as 项目名称 or 工作任务.`,
  no_deadline_column: (p) =>
    `Sheet "${s(p, 'sheet')}": the header has no deadline column such as 计划节点 or 完成时限, so no row can be judged late.`,
  header_duplicate: (p) =>
    `Sheet "${s(p, 'sheet')}": two columns look like "${s(p, 'field')}" (${s(p, 'cell')} and ${s(p, 'other')}); ${s(p, 'other')} is used. Change it under Detect.`,
  merge_crosses_header: (p) =>
    `Sheet "${s(p, 'sheet')}", cell ${s(p, 'cell')}: a merged area spans the header and the data; its first row was read as header.`,
  plan_year_assumed: (p) =>
    p.source === 'deadlines'
      ? `Sheet "${s(p, 'sheet')}": the title names no year, so dates such as "6月底" are read in ${s(p, 'year')}, the most common year among the deadlines.`
      : `Sheet "${s(p, 'sheet')}": the title names no year, so dates such as "6月底" are read in ${s(p, 'year')}, the report date's year.`,
  status_disagrees: (p) =>
    `Sheet "${s(p, 'sheet')}", cell ${s(p, 'cell')}: the reported status "${s(p, 'text')}" differs from the computed "${s(p, 'computed')}".`,
  text_truncated: (p) =>
    `Sheet "${s(p, 'sheet')}", cell ${s(p, 'cell')} is very long (${s(p, 'length')} characters); only its start was read.`,
  status_column_conflict: (p) =>
    `Sheet "${s(p, 'sheet')}", cell ${s(p, 'cell')} holds the user's own content; the status column was written in column ${s(p, 'other')} instead.`,
  row_unmatched: (p) =>
    `Sheet "${s(p, 'sheet')}", the row of ${s(p, 'cell')} was moved since it was painted and shares its name and unit with another row, so which row had which fill of its own is not certain: it keeps the fill it has now (none, if that is a status colour). Please check it.`,
  status_column_no_room: (p) =>
    `Sheet "${s(p, 'sheet')}" has content in every column up to the last (XFD), so there is no empty column for the status; the sheet was skipped. Delete the unused columns on the right and try again.`,
  deadline_ambiguous: (p) =>
    `Sheet "${s(p, 'sheet')}", cell ${s(p, 'cell')}: the deadline is the number "${s(p, 'text')}", which may be January or October (Excel stores "2023.10" as 2023.1); the row is marked unknown. Write it like "2023年10月".`,
  deadline_remark: (p) =>
    `Sheet "${s(p, 'sheet')}", cell ${s(p, 'cell')}: the deadline carries the remark "${s(p, 'remark')}"; the row is judged by the deadline as written.`,
  deadline_nodes: (p) =>
    `Sheet "${s(p, 'sheet')}", cell ${s(p, 'cell')} names several nodes (${s(p, 'nodes')}); the row is judged by the last, ${s(p, 'date')}.`,
  progress_not_numeric: (p) =>
    p.text === ''
      ? `Sheet "${s(p, 'sheet')}", cell ${s(p, 'cell')}: no progress is filled in, so the row cannot be compared with the elapsed share and is marked unknown.`
      : `Sheet "${s(p, 'sheet')}", cell ${s(p, 'cell')}: the progress "${s(p, 'text')}" is not a percentage, so the row cannot be compared with the elapsed share and is marked unknown. Write a share such as "45%".`,
  as_of_far_past: (p) =>
    `Sheet "${s(p, 'sheet')}": the plan year is ${s(p, 'year')} and the report date ${s(p, 'asOf')} is more than a year later, so every row not done will be late. Check the report date or the year in the title.`,
};

const catalogs: Record<Lang, Catalog> = { zh, en };

const defaultSeverity: Record<IssueCode, Severity> = {
  deadline_unreadable: 'error',
  deadline_missing: 'warning',
  date_impossible: 'error',
  done_date_unreadable: 'warning',
  cell_error: 'warning',
  formula_no_result: 'error',
  number_unreadable: 'warning',
  no_table: 'info',
  no_name_column: 'error',
  no_deadline_column: 'error',
  header_duplicate: 'warning',
  merge_crosses_header: 'warning',
  plan_year_assumed: 'info',
  status_disagrees: 'warning',
  text_truncated: 'info',
  status_column_conflict: 'warning',
  row_unmatched: 'warning',
  status_column_no_room: 'error',
  deadline_ambiguous: 'error',
  deadline_remark: 'info',
  deadline_nodes: 'info',
  progress_not_numeric: 'warning',
  as_of_far_past: 'warning',
};

const QUOTE_LIMIT = 40;

/** Renders the message of an issue code in the given language. */
export function renderMessage(lang: Lang, code: IssueCode, params: Params): string {
  return catalogs[lang][code](params);
}

/** Builds a cell-addressed issue; `sheet` and `cell` are also passed to the message. */
export function makeIssue(
  lang: Lang,
  code: IssueCode,
  sheet: string,
  cell: string,
  params: Params = {},
  severity: Severity = defaultSeverity[code],
): Issue {
  const all: Record<string, string | number> = { ...params, sheet, cell };
  // A cell may hold 32,767 characters; a message quotes only enough of it to find the cell.
  if (typeof all.text === 'string' && all.text.length > QUOTE_LIMIT) {
    all.text = `${[...all.text].slice(0, QUOTE_LIMIT).join('')}…`;
  }
  return { sheet, cell, severity, code, message: renderMessage(lang, code, all), params: all };
}
