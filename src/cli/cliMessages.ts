import type { Lang } from '../core/issue';

/** Every sentence the command prints, in Chinese and English. Plain sentences: no stack traces. */
export interface CliMessages {
  usage: string;
  help: string;
  unknownCommand(cmd: string): string;
  missingInput(cmd: string): string;
  unknownOption(opt: string): string;
  missingValue(opt: string): string;
  flagTakesNoValue(opt: string): string;
  repeatedOption(opt: string): string;
  extraArgument(arg: string): string;
  badLang(value: string): string;
  optionNotForCheck(opt: string): string;
  badAsOf(value: string): string;
  badPreset(value: string, presets: string): string;
  rulesUnreadable(file: string): string;
  rulesNotJson(file: string): string;
  rulesInvalid(file: string): string;
  inputMissing(file: string): string;
  inputIsDirectory(file: string): string;
  inputUnreadable(file: string): string;
  outIsInput(file: string): string;
  reportIsInputOrOut(file: string): string;
  outDirMissing(dir: string): string;
  noSuchSheet(name: string): string;
  noTable(file: string): string;
  /** Every sheet with a plan table is protected, so run painted none and wrote nothing. */
  nothingPainted: string;
  sheetSummary(sheet: string, rows: number, counts: string, issues: number): string;
  countItem(label: string, n: number): string;
  listSeparator: string;
  /** Joins names of things: 图表、数据透视表 / charts, pivot tables. */
  joinNames(names: readonly string[]): string;
  skipped(sheet: string): string;
  moreIssues(n: number): string;
  /** The bulletin sheets added to the output workbook, their names joined. */
  wroteBulletin(sheets: string): string;
  wroteWorkbook(file: string): string;
  optionNotForClear(option: string): string;
  cleared(sheets: number): string;
  nothingCleared: string;
  wroteReport(file: string): string;
  /** The run has a previous period to compare with: its date and the counts of the draft. */
  comparedWith(sentence: string): string;
  /** No previous period: the history holds no earlier date, or --no-history. */
  noPreviousPeriod: string;
  /** The file given with --previous has no report date: neither painted before nor with history. */
  previousUndated(file: string): string;
  previousUnreadable(file: string): string;
  writeFailed(file: string): string;
  unexpected: string;
  optionNotFor(command: string, option: string): string;
  missingReturns: string;
  badDue(value: string): string;
  returnIsInputOrOut(file: string): string;
  splitFile(file: string, rows: number): string;
  splitDone(files: number, dir: string): string;
  /** The master reads, but the part of the tool that copies its formats into the units' files cannot. */
  splitCannotCopy(file: string, reason: string): string;
  unitless(cells: string): string;
  collected(changes: number, conflicts: number, files: number): string;
  notReturned(units: string): string;
  nothingToCollect: string;
  wroteRecordSheet(sheet: string): string;
}

const USAGE_ZH = `用法:
  tricolor run 输入.xlsx [--as-of YYYY-MM-DD] [--out 输出.xlsx] [--report 报告.json]
                         [--preset 规则] [--rules 规则.json] [--sheet 工作表]... [--no-bulletin]
                         [--docx 通报.docx] [--notices 通知单目录] [--previous 上期.xlsx] [--no-history]
                         [--lang zh|en]
  tricolor check 输入.xlsx [--report 报告.json] [--as-of …] [--preset …] [--rules …] [--sheet …]
  tricolor clear 输入.xlsx [--out 输出.xlsx] [--sheet 工作表]... [--lang zh|en]
  tricolor split 总表.xlsx --out-dir 目录 [--sheet 工作表] [--due YYYY-MM-DD]
  tricolor collect 总表.xlsx 报送表.xlsx... [--out 输出.xlsx] [--report 报告.json] [--sheet 工作表]
  tricolor --help | --version`;

const USAGE_EN = `Usage:
  tricolor run IN.xlsx [--as-of YYYY-MM-DD] [--out OUT.xlsx] [--report REPORT.json]
                       [--preset ID] [--rules RULES.json] [--sheet NAME]... [--no-bulletin]
                       [--docx BULLETIN.docx] [--notices DIR] [--previous LAST.xlsx] [--no-history]
                       [--lang zh|en]
  tricolor check IN.xlsx [--report REPORT.json] [--as-of …] [--preset …] [--rules …] [--sheet …]
  tricolor clear IN.xlsx [--out OUT.xlsx] [--sheet NAME]... [--lang zh|en]
  tricolor split MASTER.xlsx --out-dir DIR [--sheet NAME] [--due YYYY-MM-DD]
  tricolor collect MASTER.xlsx RETURN.xlsx... [--out OUT.xlsx] [--report REPORT.json] [--sheet NAME]
  tricolor --help | --version`;

const zh: CliMessages = {
  usage: USAGE_ZH,
  help: `三色督办:读取计划表,判定每行是否滞后,画出三色图。

${USAGE_ZH}

命令:
  run     判定并着色,加上通报工作表,另存为新工作簿(不改动输入文件)
  check   只识别和检查,不写工作簿
  clear   清除标注:去掉状态列,恢复各行原有的底色(行被插入、删除、排序过也一样),另存为新工作簿
  split   分发:按责任单位(所列第一个单位)把总表拆成每单位一个报送表,只有需填写的列可编辑
  collect 汇总:把各单位报回的报送表填入总表的填写列,另存为新工作簿,加“汇总记录YYYY-MM-DD”工作表;
          改了受保护列、几份报送不一致、总表中没有的行、无法识别的值,都列为冲突,总表保留原值

选项:
  --as-of YYYY-MM-DD  截至日期,默认今天
  --out 文件          输出工作簿,默认在输入文件旁另存为“输入.三色.xlsx”(已存在时加编号)
  --report 文件       另写一份 JSON 报告(格式见 docs/report-format.md)
  --preset 规则       node-lag(默认)、due-soon、sequential-progress、reported-status
  --rules 文件        规则 JSON 文件(阈值、颜色、标签);两者都不给时,使用工作簿中保存的规则(若有)
  --sheet 工作表      只处理这个工作表,可重复
  --no-bulletin       不生成通报工作表
  --previous 文件     与上期文件比较(按行的身份对应,插入、删除、排序过的行也能对上);
                      默认与本工作簿记录中最近一次更早的截至日期比较
  --no-history        不读也不写本工作簿中的历次状态记录
  --docx 文件         另写一份 Word 通报(公文格式)
  --notices 目录      为每个有滞后事项的单位写一份督办通知单(Word)
  --lang zh|en        提示语言,默认 zh
  --out-dir 目录      split:报送表写到这个文件夹(“单位-表名.xlsx”)
  --due YYYY-MM-DD    split:报送表上写明的报送截止日期

通报:run 默认在输出工作簿中加上“通报YYYY-MM-DD”(总体情况、投资完成、开工率、各单位和各类别、
通报文字草稿)和“滞后清单YYYY-MM-DD”两个工作表,按 A4 横向、一页宽打印。通报图表只有 Excel
加载项能画,命令行写出的 .xlsx 中没有图表。

退出码:0 已完成(可能有问题提示,受保护的工作表不着色;collect 可能列出冲突和未报送单位);2 用法错误、文件无法读取或有计划表的工作表都受保护;3 总表中没有找到计划表;1 写入失败或意外错误。`,
  unknownCommand: (c) => `不认识的命令“${c}”,可用的命令是 run、check、clear、split 和 collect。`,
  missingInput: (c) => `命令 ${c} 需要一个输入文件,例如:tricolor ${c} 计划表.xlsx`,
  unknownOption: (o) => `不认识的选项“${o}”。`,
  missingValue: (o) => `选项 ${o} 后面需要一个值。`,
  flagTakesNoValue: (o) => `选项 ${o} 不带值。`,
  repeatedOption: (o) => `选项 ${o} 只能给一次。`,
  extraArgument: (a) => `多余的参数“${a}”:一次只能处理一个输入文件。`,
  badLang: (v) => `--lang 只能是 zh 或 en,而不是“${v}”。`,
  optionNotForCheck: (o) => `check 命令不写工作簿,不能使用 ${o}。`,
  badAsOf: (v) => `截至日期“${v}”无效,请写成 YYYY-MM-DD,例如 2023-06-30。`,
  badPreset: (v, p) => `没有名为“${v}”的规则,可用的规则有:${p}。`,
  rulesUnreadable: (f) => `无法读取规则文件 ${f}。`,
  rulesNotJson: (f) => `规则文件 ${f} 不是有效的 JSON。`,
  rulesInvalid: (f) => `规则文件 ${f} 有以下错误:`,
  inputMissing: (f) => `找不到文件 ${f}。`,
  inputIsDirectory: (f) => `${f} 是一个文件夹,请给出 .xlsx 文件。`,
  inputUnreadable: (f) => `无法读取文件 ${f}(可能没有权限)。`,
  outIsInput: (f) =>
    `输出文件不能是输入文件本身(${f}),输入文件不会被改动。请用 --out 指定另一个文件。`,
  reportIsInputOrOut: (f) => `报告文件 ${f} 不能与输入或输出工作簿相同。`,
  outDirMissing: (d) => `输出文件夹 ${d} 不存在。`,
  noSuchSheet: (n) => `工作簿中没有名为“${n}”的工作表。`,
  noTable: (f) => `${f} 中没有找到计划表(需要“项目名称”“工作任务”之类的表头),未写出工作簿。`,
  nothingPainted: '有计划表的工作表都受保护,无法着色,未写出工作簿。',
  sheetSummary: (s, n, c, i) => `${s}:${n} 行,${c};问题 ${i} 条`,
  countItem: (l, n) => `${l} ${n}`,
  listSeparator: ',',
  joinNames: (n) => n.join('、'),
  skipped: (s) => `已跳过“${s}”:没有计划表`,
  moreIssues: (n) => `……另有 ${n} 条问题未列出,完整列表请用 --report 写出报告。`,
  wroteBulletin: (s) => `已加上通报工作表:${s}`,
  wroteWorkbook: (f) => `已写入 ${f}`,
  optionNotForClear: (o) => `clear 命令只恢复原样,不能使用 ${o}。`,
  cleared: (n) =>
    n === 0 ? '没有找到本工具的标注,工作簿未改动。' : `已清除 ${n} 个工作表的标注。`,
  nothingCleared: '标注过的工作表都受保护,无法清除,未写出工作簿。',
  wroteReport: (f) => `报告已写入 ${f}`,
  comparedWith: (t) => t,
  noPreviousPeriod: '没有上期记录可比较(首次标注,或使用了 --no-history),本期不作环比。',
  previousUndated: (f) =>
    `上期文件 ${f} 没有截至日期:它既没有被本工具标注过,也没有历次状态记录,无法作为上期比较。`,
  previousUnreadable: (f) => `上期文件 ${f} 无法读取。`,
  writeFailed: (f) => `无法写入 ${f}(文件夹不可写或磁盘已满),没有留下不完整的文件。`,
  unexpected: '出现意外错误,已停止;输入文件未被改动。',
  optionNotFor: (c, o) => `${c} 命令不能使用 ${o}。`,
  missingReturns:
    'collect 命令需要总表和至少一个报送表,例如:tricolor collect 总表.xlsx 区发改局-总表.xlsx',
  badDue: (v) => `报送截止日期“${v}”无效,请写成 YYYY-MM-DD,例如 2023-07-05。`,
  returnIsInputOrOut: (f) => `报送表 ${f} 不能是总表或输出文件本身。`,
  splitFile: (f, n) => `  ${f}(${n} 行)`,
  splitDone: (n, d) => `已为 ${n} 个单位写出报送表,在 ${d}:`,
  splitCannotCopy: (f, r) =>
    `无法拆分 ${f}:拆分时要把总表的格式复制到各单位的报送表,而复制格式的组件读不了这个工作簿(${r})。标注、清除和汇总不受影响;在 Excel 或 WPS 中另存一次后可再试。`,
  unitless: (c) => `以下行没有责任单位,未分发:${c}`,
  collected: (n, k, f) => `已汇总 ${f} 个文件:写入 ${n} 个单元格,冲突 ${k} 处(总表保留原值)。`,
  notReturned: (u) => `未报送:${u}`,
  wroteRecordSheet: (s) => `已加上汇总记录工作表:${s}(撤销汇总时据此恢复原值)`,
  nothingToCollect: '没有可汇总的报送表(每个文件都无法读取或不是本表),未写出工作簿。',
};

const en: CliMessages = {
  usage: USAGE_EN,
  help: `Tricolor: reads plan tables, decides which rows lag, and paints the three-colour chart.

${USAGE_EN}

Commands:
  run     decide and paint, add the bulletin sheets, and save a new workbook (the input file
          is never changed)
  check   detect and validate only; writes no workbook
  clear   remove the paint: the status column goes and every row gets its own fill back (also
          after rows were inserted, deleted or sorted); saves a new workbook
  split   one return workbook per responsible unit (the first listed), only the fill-in
          columns editable
  collect write the units' returns into the master's fill-in columns, save a new workbook with
          a "Collected YYYY-MM-DD" sheet; changed protected columns, returns that disagree, rows
          not in the master and unreadable values are conflicts, left as the master had them

Options:
  --as-of YYYY-MM-DD  the report date; today by default
  --out FILE          the workbook to write; by default "IN.tricolor.xlsx" beside the input
                      (numbered when that file exists)
  --report FILE       also write a JSON report (see docs/report-format.md)
  --preset ID         node-lag (default), due-soon, sequential-progress, reported-status
  --rules FILE        a rules JSON file (thresholds, colours, labels); without --preset or
                      --rules, the rules saved in the workbook (if any) are used
  --sheet NAME        only this sheet; may be repeated
  --no-bulletin       do not add the bulletin sheets
  --previous FILE     compare with last period's file (rows matched by identity, so inserted,
                      deleted and sorted rows are fine); by default, with the latest earlier
                      report date in this workbook's own history
  --no-history        neither read nor write the workbook's history of statuses
  --docx FILE         also write the bulletin as a Word document (official layout)
  --notices DIR       write a notice (Word) to each unit with items behind
  --lang zh|en        language of messages; zh by default
  --out-dir DIR       split: the folder for the returns ("unit-table.xlsx")
  --due YYYY-MM-DD    split: the date the returns are due, written on each

Bulletins: run adds two sheets to the output by default, "Bulletin YYYY-MM-DD" (overview,
investment, start rate, units, categories and a draft text) and "Lagging YYYY-MM-DD", set to print
on A4 landscape, one page wide. Only the Excel add-in can draw the bulletin's chart; the .xlsx
written here has none.

Exit codes: 0 done (issues may have been reported; protected sheets are left unpainted; collect
may list conflicts and units that sent nothing); 2 bad usage, an unreadable file, or every sheet
with a plan table protected; 3 no plan table found (in the master); 1 could not write the output,
or an unexpected error.`,
  unknownCommand: (c) =>
    `Unknown command "${c}"; the commands are run, check, clear, split and collect.`,
  missingInput: (c) => `The ${c} command needs an input file, e.g. tricolor ${c} plan.xlsx`,
  unknownOption: (o) => `Unknown option "${o}".`,
  missingValue: (o) => `The option ${o} needs a value.`,
  flagTakesNoValue: (o) => `The option ${o} takes no value.`,
  repeatedOption: (o) => `The option ${o} can be given only once.`,
  extraArgument: (a) => `Unexpected argument "${a}": one input file at a time.`,
  badLang: (v) => `--lang must be zh or en, not "${v}".`,
  optionNotForCheck: (o) => `The check command writes no workbook, so ${o} cannot be used with it.`,
  badAsOf: (v) => `The report date "${v}" is not valid; write it as YYYY-MM-DD, e.g. 2023-06-30.`,
  badPreset: (v, p) => `There is no preset "${v}"; the presets are: ${p}.`,
  rulesUnreadable: (f) => `The rules file ${f} cannot be read.`,
  rulesNotJson: (f) => `The rules file ${f} is not valid JSON.`,
  rulesInvalid: (f) => `The rules file ${f} has these errors:`,
  inputMissing: (f) => `There is no file ${f}.`,
  inputIsDirectory: (f) => `${f} is a folder; give an .xlsx file.`,
  inputUnreadable: (f) => `The file ${f} cannot be read (perhaps a permission problem).`,
  outIsInput: (f) =>
    `The output cannot be the input file itself (${f}); the input is never changed. Choose another file with --out.`,
  reportIsInputOrOut: (f) => `The report file ${f} cannot be the input or the output workbook.`,
  outDirMissing: (d) => `The output folder ${d} does not exist.`,
  noSuchSheet: (n) => `The workbook has no sheet named "${n}".`,
  noTable: (f) =>
    `No plan table was found in ${f} (a header such as 项目名称 or 工作任务 is needed); no workbook was written.`,
  nothingPainted:
    'Every sheet with a plan table is protected, so none could be painted; no workbook was written.',
  sheetSummary: (s, n, c, i) => `${s}: ${n} rows, ${c}; ${i} issue${i === 1 ? '' : 's'}`,
  countItem: (l, n) => `${l} ${n}`,
  listSeparator: ', ',
  joinNames: (n) => n.join(', '),
  skipped: (s) => `Skipped "${s}": no plan table`,
  moreIssues: (n) => `…and ${n} more issues; write a report with --report for the full list.`,
  wroteBulletin: (s) => `Added the bulletin sheets: ${s}`,
  wroteWorkbook: (f) => `Wrote ${f}`,
  optionNotForClear: (o) =>
    `The clear command only puts things back, so ${o} cannot be used with it.`,
  cleared: (n) =>
    n === 0
      ? 'No paint of this tool was found; the workbook is unchanged.'
      : `Cleared the paint of ${n} sheet(s).`,
  nothingCleared:
    'Every painted sheet is protected, so nothing could be cleared and no workbook was written.',
  wroteReport: (f) => `Wrote the report ${f}`,
  comparedWith: (t) => t,
  noPreviousPeriod:
    'No previous period to compare with (the first run, or --no-history); nothing is compared.',
  previousUndated: (f) =>
    `The previous file ${f} has no report date: it was never painted by this tool and has no history, so it cannot be compared with.`,
  previousUnreadable: (f) => `The previous file ${f} cannot be read.`,
  writeFailed: (f) =>
    `Could not write ${f} (the folder is not writable or the disk is full); no partial file was left.`,
  unexpected: 'An unexpected error stopped the run; the input file was not changed.',
  optionNotFor: (c, o) => `The ${c} command cannot be used with ${o}.`,
  missingReturns:
    'The collect command needs the master and at least one return, e.g. tricolor collect master.xlsx unit-master.xlsx',
  badDue: (v) => `The due date "${v}" is not valid; write it as YYYY-MM-DD, e.g. 2023-07-05.`,
  returnIsInputOrOut: (f) => `The return ${f} cannot be the master or the output itself.`,
  splitFile: (f, n) => `  ${f} (${n} row${n === 1 ? '' : 's'})`,
  splitDone: (n, d) => `Wrote a return for each of ${n} units in ${d}:`,
  splitCannotCopy: (f, r) =>
    `Cannot split ${f}: splitting copies the master's formats into each unit's file, and the component that copies them cannot read this workbook (${r}). Painting, clearing and collecting are not affected; saving it once in Excel or WPS may help.`,
  unitless: (c) => `These rows have no responsible unit and are in no file: ${c}`,
  collected: (n, k, f) =>
    `Collected ${f} file(s): ${n} cell(s) written, ${k} conflict(s) left as the master had them.`,
  notReturned: (u) => `Sent nothing: ${u}`,
  wroteRecordSheet: (s) =>
    `Added the collection record sheet: ${s} (undoing the collect puts the old values back)`,
  nothingToCollect:
    'No return could be collected (each file was unreadable or not a return of this table); no workbook was written.',
};

export function cliMessages(lang: Lang): CliMessages {
  return lang === 'en' ? en : zh;
}
