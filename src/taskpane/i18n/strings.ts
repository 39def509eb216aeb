import type { FieldKey } from '../../core/fields';
import type { IssueCode, Lang, Severity } from '../../core/issue';
import type { PresetId } from '../../core/rules';
import type { PortErrorCode } from '../../port/WorkbookPort';
import type { Change } from '../../core/history/rowChanges';

type ChangeKind = Exclude<Change, 'unchanged'>;
import type { SelfTestScenario } from '../../session/selfTest';

/** Every sentence the task pane shows, in one shape per language. */
export interface Strings {
  readonly appTitle: string;
  readonly appSubtitle: string;
  readonly switchLanguage: string;
  readonly otherLanguageName: string;
  readonly loading: string;
  readonly reload: string;
  readonly steps: {
    readonly detect: string;
    readonly check: string;
    readonly paint: string;
    readonly changes: string;
    readonly bulletin: string;
    readonly collect: string;
  };
  readonly stepsLabel: string;
  readonly collect: {
    readonly intro: string;
    readonly pick: string;
    readonly reading: string;
    readonly summary: (files: number, changes: number, conflicts: number) => string;
    readonly changes: string;
    readonly conflicts: string;
    readonly notReturned: (units: string) => string;
    readonly allReturned: string;
    readonly apply: string;
    readonly undo: string;
    readonly applied: (sheet: string | null) => string;
    readonly undone: (n: number, edited: string) => string;
    readonly noMaster: string;
    readonly goTo: (cell: string) => string;
    readonly columns: { readonly cell: string; readonly old: string; readonly new: string };
  };
  readonly progress: {
    readonly read: string;
    readonly analyze: string;
    readonly paint: string;
    readonly clear: string;
    readonly bulletin: string;
  };
  readonly file: {
    readonly choose: string;
    readonly dropHint: string;
    readonly dropHere: string;
    readonly download: string;
    readonly sampleName: string;
    readonly current: (name: string) => string;
    readonly notXlsx: (name: string) => string;
    readonly painted: string;
    readonly savedAs: (name: string) => string;
  };
  readonly grid: {
    readonly label: (sheet: string) => string;
    readonly sheetsLabel: string;
    readonly rowsShown: (shown: number, total: number) => string;
    readonly noSheet: string;
  };
  readonly detect: {
    readonly empty: string;
    readonly headerRows: (top: number, bottom: number) => string;
    readonly columns: (left: string, right: string) => string;
    readonly dataRows: (n: number) => string;
    readonly planYear: (y: number) => string;
    readonly title: string;
    readonly mainFields: string;
    readonly moreFields: string;
    readonly noColumn: string;
    readonly reset: string;
    readonly overridden: string;
    readonly skipped: string;
    readonly mappingLabel: (field: string, sheet: string) => string;
  };
  readonly check: {
    readonly none: string;
    readonly total: (n: number) => string;
    readonly goTo: (cell: string) => string;
    readonly sheetWide: string;
    readonly severity: Readonly<Record<Severity, string>>;
  };
  readonly paint: {
    readonly asOf: string;
    readonly asOfInvalid: string;
    readonly preset: string;
    readonly thresholds: string;
    readonly lagMonths: string;
    readonly severeMonths: string;
    readonly dueSoonDays: string;
    readonly seqLagGap: string;
    readonly seqSevereGap: string;
    readonly palette: string;
    readonly paletteRyg: string;
    readonly paletteRyb: string;
    readonly labels: string;
    readonly labelFor: (status: string) => string;
    readonly run: string;
    readonly running: string;
    readonly clear: string;
    readonly result: (asOf: string) => string;
    readonly total: string;
    readonly cleared: string;
    readonly invalidRules: string;
    readonly noTable: string;
  };
  readonly bulletin: {
    readonly intro: string;
    readonly rulesFrom: string;
    readonly run: string;
    readonly running: string;
    readonly result: (asOf: string) => string;
    readonly written: (sheets: string) => string;
    readonly draft: string;
    readonly copy: string;
    readonly copied: string;
    readonly selected: string;
    readonly figures: string;
    readonly totals: (n: number) => string;
    readonly investment: string;
    readonly investmentLine: (done: string, plan: string) => string;
    readonly rate: string;
    readonly expected: string;
    readonly gap: (points: string, behind: boolean) => string;
    readonly starts: string;
    readonly startsLine: (started: number, planned: number) => string;
    readonly behindUnits: string;
    readonly noneBehind: string;
    readonly unitCount: (label: string, n: number) => string;
    readonly separator: string;
    readonly unitLine: (unit: string, counts: string) => string;
    readonly noTable: string;
    readonly notShown: (sheet: string) => string;
  };
  readonly changes: {
    readonly notYet: string;
    readonly noPrevious: string;
    readonly since: (previous: string, asOf: string) => string;
    readonly none: string;
    readonly kinds: Readonly<Record<ChangeKind, string>>;
    readonly periods: (n: number) => string;
    readonly goTo: (cell: string) => string;
    readonly unnamed: string;
    readonly clearHistory: string;
    readonly historyCleared: string;
  };
  readonly fields: Readonly<Record<FieldKey, string>>;
  readonly issueCodes: Readonly<Record<IssueCode, string>>;
  readonly presets: Readonly<Record<PresetId, string>>;
  readonly portErrors: Readonly<Record<PortErrorCode, string>>;
  readonly unexpected: (detail: string) => string;
  readonly settingsNotSaved: string;
  readonly dismiss: string;
  readonly selfTest: {
    readonly menu: string;
    readonly run: string;
    readonly title: string;
    readonly running: string;
    readonly pass: string;
    readonly fail: string;
    readonly notRestored: string;
    readonly copy: string;
    readonly copied: string;
    readonly close: string;
    readonly environment: (host: string, platform: string, version: string) => string;
    readonly apiSets: (sets: string) => string;
    readonly scenarios: Readonly<Record<SelfTestScenario, string>>;
  };
}

const zh: Strings = {
  appTitle: '三色督办',
  appSubtitle: '重点项目推进计划表 · 三色图',
  switchLanguage: '切换语言',
  otherLanguageName: 'English',
  loading: '正在读取工作簿…',
  reload: '重新读取工作簿',
  steps: {
    detect: '识别',
    check: '检查',
    paint: '标注',
    changes: '变化',
    bulletin: '通报',
    collect: '汇总',
  },
  collect: {
    intro:
      '选择各单位报回的报送表(.xlsx),把其中的填写列汇总到本表。改了受保护列、几份报送不一致、本表中没有的行、无法识别的值,都列为冲突,本表保留原值。',
    pick: '选择报送表',
    reading: '正在读取报送表…',
    summary: (f, n, k) => `${f} 个文件:将写入 ${n} 个单元格,冲突 ${k} 处`,
    changes: '将写入的内容',
    conflicts: '冲突(本表保留原值)',
    notReturned: (u) => `未报送:${u}`,
    allReturned: '各单位都已报送。',
    apply: '应用',
    undo: '撤销汇总',
    applied: (s) => (s === null ? '没有需要写入的内容。' : `已写入,并加上“${s}”工作表。`),
    undone: (n, e) =>
      `已恢复 ${n} 个单元格的原值${e === '' ? '' : `;${e} 汇总后被改过,保留现值`}。`,
    noMaster: '本工作簿中没有识别到计划表,无法汇总。',
    goTo: (c) => `定位到 ${c}`,
    columns: { cell: '单元格', old: '原值', new: '新值' },
  },
  stepsLabel: '步骤',
  progress: {
    read: '正在读取工作表',
    analyze: '正在分析',
    paint: '正在标注',
    clear: '正在清除标注',
    bulletin: '正在生成通报',
  },
  file: {
    choose: '打开文件',
    dropHint: '或把 .xlsx 文件拖到这里',
    dropHere: '松开鼠标即可打开该文件',
    download: '下载',
    sampleName: '示例-重点项目.xlsx',
    current: (name) => `当前文件:${name}`,
    notXlsx: (name) =>
      `“${name}”不是 .xlsx 文件。请在 Excel 中另存为“Excel 工作簿(*.xlsx)”后再打开。`,
    painted: '已标注,可下载标注后的工作簿。',
    savedAs: (name) => `已下载:${name}`,
  },
  grid: {
    label: (sheet) => `工作表“${sheet}”`,
    sheetsLabel: '工作表',
    rowsShown: (shown, total) => `共 ${total} 行,显示其中 ${shown} 行`,
    noSheet: '打开文件后,这里显示工作表内容。',
  },
  detect: {
    empty: '还没有读取工作簿。',
    headerRows: (top, bottom) => (top === bottom ? `表头:第${top}行` : `表头:第${top}–${bottom}行`),
    columns: (left, right) => `列:${left}–${right}`,
    dataRows: (n) => `数据 ${n} 行`,
    planYear: (y) => `计划年度 ${y}`,
    title: '标题',
    mainFields: '主要列',
    moreFields: '其他列',
    noColumn: '(无此列)',
    reset: '恢复自动识别',
    overridden: '已手动指定',
    skipped: '未识别为计划表的工作表',
    mappingLabel: (field, sheet) => `工作表“${sheet}”的“${field}”列`,
  },
  check: {
    none: '没有发现问题。',
    total: (n) => `共 ${n} 个问题`,
    goTo: (cell) => `定位到 ${cell}`,
    sheetWide: '整个工作表',
    severity: { error: '错误', warning: '提醒', info: '说明' },
  },
  paint: {
    asOf: '截至日期',
    asOfInvalid: '请选择一个有效日期。',
    preset: '判定规则',
    thresholds: '阈值',
    lagMonths: '超过计划节点几个月为“滞后”',
    severeMonths: '超过计划节点几个月为“严重滞后”',
    dueSoonDays: '距计划节点几天内为“即将到期”',
    seqLagGap: '落后序时进度百分之几为黄',
    seqSevereGap: '落后序时进度百分之几为红',
    palette: '配色',
    paletteRyg: '红黄绿',
    paletteRyb: '红黄蓝',
    labels: '状态名称',
    labelFor: (status) => `“${status}”显示为`,
    run: '运行',
    running: '正在运行…',
    clear: '清除标注',
    result: (asOf) => `截至 ${asOf} 的标注结果`,
    total: '合计',
    cleared: '已清除标注,恢复了原有的填充色。',
    invalidRules: '规则设置有误:',
    noTable: '没有可标注的计划表。',
  },
  bulletin: {
    intro: '按截至日期生成通报:在工作簿中新增“通报”和“滞后清单”两张工作表,并给出通报文字草稿。',
    rulesFrom: '判定规则与“标注”步骤相同。',
    run: '生成通报',
    running: '正在生成…',
    result: (asOf) => `截至 ${asOf} 的通报`,
    written: (sheets) => `已新增工作表:${sheets}`,
    draft: '通报文字(草稿)',
    copy: '复制',
    copied: '已复制到剪贴板。',
    selected: '已选中全文,请按 Ctrl+C 复制。',
    figures: '主要数据',
    totals: (n) => `纳入调度 ${n} 项`,
    investment: '投资完成情况',
    investmentLine: (done, plan) => `已完成 ${done} / 年度计划 ${plan}`,
    rate: '完成率',
    expected: '序时进度',
    gap: (points, behind) =>
      behind ? `落后序时进度 ${points} 个百分点` : `超过序时进度 ${points} 个百分点`,
    starts: '开工率',
    startsLine: (started, planned) => `新开工项目 ${planned} 个,已开工 ${started} 个`,
    behindUnits: '滞后较多的单位',
    noneBehind: '没有滞后事项。',
    unitCount: (label, n) => `${label}${n}项`,
    separator: '、',
    unitLine: (unit, counts) => `${unit}:${counts}`,
    noTable: '没有可生成通报的计划表。',
    notShown: (sheet) => `通报已写入工作表“${sheet}”,但未能切换到该工作表。`,
  },
  changes: {
    notYet: '标注后,这里列出与上期相比状态有变化的事项。',
    noPrevious: '这是第一次标注(工作簿中没有更早的记录),下次标注时再与本期比较。',
    since: (previous, asOf) => `与上期(${previous})相比,截至${asOf}:`,
    none: '与上期相比,没有事项的状态发生变化。',
    kinds: {
      turnedRed: '由黄转红',
      newlyBehind: '新增滞后',
      improved: '好转',
      completed: '新完成',
      added: '新纳入',
      uncertain: '无法对应(同名同单位)',
    },
    periods: (n) => `连续${n}期`,
    goTo: (cell) => `转到 ${cell}`,
    unnamed: '(无名称)',
    clearHistory: '清除历史记录',
    historyCleared: '已清除历次状态记录。',
  },
  fields: {
    seq: '序号',
    name: '名称',
    unit: '责任单位',
    partner: '配合单位',
    leader: '责任领导',
    category: '类别',
    nature: '建设性质',
    deadline: '计划节点',
    done: '是否完成',
    doneDate: '实际完成时间',
    progress: '进展情况',
    planInvest: '年度计划投资',
    doneInvest: '完成投资',
    totalInvest: '总投资',
    plannedStart: '计划开工时间',
    actualStart: '实际开工时间',
    reportedStatus: '填报状态',
    problem: '存在问题',
    note: '备注',
  },
  issueCodes: {
    deadline_unreadable: '计划节点无法识别',
    deadline_missing: '计划节点为空',
    date_impossible: '日期不存在',
    done_date_unreadable: '实际完成时间无法识别',
    cell_error: '单元格是错误值',
    formula_no_result: '公式没有计算结果',
    number_unreadable: '不是有效数字',
    no_table: '没有找到计划表',
    no_name_column: '缺少名称列',
    no_deadline_column: '缺少计划节点列',
    header_duplicate: '表头重复',
    merge_crosses_header: '合并单元格跨越表头',
    plan_year_assumed: '计划年度按截至日期理解',
    status_disagrees: '填报状态与判定不一致',
    text_truncated: '内容过长',
    status_column_conflict: '状态列位置已调整',
    row_unmatched: '移动过的同名行',
    status_column_no_room: '没有空列可写状态列',
    deadline_ambiguous: '计划节点年月不明',
    deadline_remark: '计划节点附有说明',
    deadline_nodes: '多个时间节点',
    progress_not_numeric: '进度不是百分比',
    as_of_far_past: '截至日期远超计划年份',
  },
  presets: {
    'node-lag': '按计划节点(滞后1个月黄、3个月红)',
    'due-soon': '临期预警(将到期黄、逾期红)',
    'sequential-progress': '序时进度',
    'reported-status': '按填报状态',
  },
  portErrors: {
    unreadable_file: '无法读取该文件,它可能已损坏。',
    not_xlsx: '这不是 .xlsx 工作簿。请在 Excel 中另存为“Excel 工作簿(*.xlsx)”后再打开。',
    cell_edit_mode: 'Excel 正在编辑单元格。请按 Enter 或 Esc 结束编辑后重试。',
    sheet_protected: '工作表受保护,无法写入。请先撤销工作表保护。',
    payload_too_large: '一次写入的数据过多,请分批处理或联系管理员。',
    api_not_supported: '当前版本的 Excel 不支持此操作,请更新 Excel。',
    sheet_not_found: '找不到该工作表,它可能已被重命名或删除。请重新读取。',
    busy: 'Excel 正忙,请稍后重试。',
    unknown: '操作没有完成。',
  },
  unexpected: (detail) => `出现意外错误:${detail}`,
  settingsNotSaved: '标注已完成,但未能在工作簿中保存本次设置。',
  dismiss: '关闭',
  selfTest: {
    menu: '更多',
    run: '自检',
    title: '自检结果',
    running: '正在自检…(在临时工作表上进行,完成后删除)',
    pass: '通过',
    fail: '未通过',
    notRestored: '未能完全恢复工作簿,请检查',
    copy: '复制报告',
    copied: '报告已复制,可粘贴到支持请求中。',
    close: '关闭',
    environment: (host, platform, version) => `宿主:${host};平台:${platform};版本:${version}`,
    apiSets: (sets) => `支持的 ExcelApi:${sets || '无'}`,
    scenarios: {
      scratch: '创建临时工作表',
      read: '读取',
      paint: '标注',
      labels: '状态文字(replaceAll)',
      repaint: '插入行后重新标注',
      clear: '清除标注(恢复原有颜色)',
      bulletin: '写入通报工作表',
      pageLayout: '通报页面设置(verticalFitToPages 为 0)',
      merges: '跨 256 行读取分段的合并单元格',
      addressChunks: '超过 4,000 字符的地址分段标注',
      settings: '设置的保存与恢复',
    },
  },
};

const en: Strings = {
  appTitle: 'Tricolor',
  appSubtitle: 'Plan tables · three-colour chart',
  switchLanguage: 'Switch language',
  otherLanguageName: '中文',
  loading: 'Reading the workbook…',
  reload: 'Read the workbook again',
  steps: {
    detect: 'Detect',
    check: 'Check',
    paint: 'Colour',
    changes: 'Changes',
    bulletin: 'Bulletin',
    collect: 'Collect',
  },
  collect: {
    intro:
      'Choose the returns the units sent back (.xlsx) to write their filled-in columns into this table. Changed protected columns, returns that disagree, rows not in this table and unreadable values are conflicts: this table keeps its values there.',
    pick: 'Choose returns',
    reading: 'Reading the returns…',
    summary: (f, n, k) => `${f} file(s): ${n} cell(s) to write, ${k} conflict(s)`,
    changes: 'To be written',
    conflicts: 'Conflicts (this table keeps its values)',
    notReturned: (u) => `Sent nothing: ${u}`,
    allReturned: 'Every unit has sent its return.',
    apply: 'Apply',
    undo: 'Undo collect',
    applied: (s) => (s === null ? 'Nothing to write.' : `Written, with the sheet "${s}" added.`),
    undone: (n, e) =>
      `Put back the old values of ${n} cell(s)${e === '' ? '' : `; ${e} changed since, kept as they are`}.`,
    noMaster: 'No plan table was found in this workbook, so nothing can be collected.',
    goTo: (c) => `Go to ${c}`,
    columns: { cell: 'Cell', old: 'Old value', new: 'New value' },
  },
  stepsLabel: 'Steps',
  progress: {
    read: 'Reading sheets',
    analyze: 'Analysing',
    paint: 'Colouring',
    clear: 'Clearing the chart',
    bulletin: 'Writing the bulletin',
  },
  file: {
    choose: 'Open file',
    dropHint: 'or drop an .xlsx file here',
    dropHere: 'Drop to open this file',
    download: 'Download',
    sampleName: 'sample-projects.xlsx',
    current: (name) => `File: ${name}`,
    notXlsx: (name) =>
      `"${name}" is not an .xlsx file. Save it from Excel as "Excel Workbook (*.xlsx)" and open it again.`,
    painted: 'Coloured. You can download the coloured workbook.',
    savedAs: (name) => `Downloaded: ${name}`,
  },
  grid: {
    label: (sheet) => `Sheet "${sheet}"`,
    sheetsLabel: 'Sheets',
    rowsShown: (shown, total) => `${total} rows, ${shown} shown`,
    noSheet: 'Open a file to see its sheets here.',
  },
  detect: {
    empty: 'No workbook has been read yet.',
    headerRows: (top, bottom) =>
      top === bottom ? `Header: row ${top}` : `Header: rows ${top}–${bottom}`,
    columns: (left, right) => `Columns ${left}–${right}`,
    dataRows: (n) => `${n} data rows`,
    planYear: (y) => `Plan year ${y}`,
    title: 'Title',
    mainFields: 'Main columns',
    moreFields: 'Other columns',
    noColumn: '(no such column)',
    reset: 'Back to automatic detection',
    overridden: 'Set by hand',
    skipped: 'Sheets without a plan table',
    mappingLabel: (field, sheet) => `Column for "${field}" on sheet "${sheet}"`,
  },
  check: {
    none: 'No problems found.',
    total: (n) => `${n} problems`,
    goTo: (cell) => `Go to ${cell}`,
    sheetWide: 'Whole sheet',
    severity: { error: 'Error', warning: 'Warning', info: 'Note' },
  },
  paint: {
    asOf: 'Report date',
    asOfInvalid: 'Choose a valid date.',
    preset: 'Rule',
    thresholds: 'Thresholds',
    lagMonths: 'Months past the deadline for "lagging"',
    severeMonths: 'Months past the deadline for "severely lagging"',
    dueSoonDays: 'Days before the deadline for "due soon"',
    seqLagGap: 'Percent behind schedule for yellow',
    seqSevereGap: 'Percent behind schedule for red',
    palette: 'Colours',
    paletteRyg: 'Red / yellow / green',
    paletteRyb: 'Red / yellow / blue',
    labels: 'Status names',
    labelFor: (status) => `Show "${status}" as`,
    run: 'Run',
    running: 'Running…',
    clear: 'Clear chart',
    result: (asOf) => `Chart as of ${asOf}`,
    total: 'Total',
    cleared: "Chart cleared; the sheet's own fills are back.",
    invalidRules: 'The rule settings are not valid:',
    noTable: 'There is no plan table to colour.',
  },
  bulletin: {
    intro:
      'Writes the bulletin for the report date: a summary sheet and a list of what is behind are added to the workbook, with a draft paragraph.',
    rulesFrom: 'It uses the rules set in the Colour step.',
    run: 'Write bulletin',
    running: 'Writing…',
    result: (asOf) => `Bulletin as of ${asOf}`,
    written: (sheets) => `Sheets added: ${sheets}`,
    draft: 'Draft text',
    copy: 'Copy',
    copied: 'Copied to the clipboard.',
    selected: 'The text is selected: press Ctrl+C to copy it.',
    figures: 'Key figures',
    totals: (n) => `${n} items tracked`,
    investment: 'Investment',
    investmentLine: (done, plan) => `${done} done of ${plan} planned`,
    rate: 'Done',
    expected: 'Time elapsed',
    gap: (points, behind) =>
      behind ? `${points} points behind schedule` : `${points} points ahead of schedule`,
    starts: 'Start rate',
    startsLine: (started, planned) => `${started} of ${planned} new projects started`,
    behindUnits: 'Units furthest behind',
    noneBehind: 'Nothing is behind.',
    unitCount: (label, n) => `${label} ${n}`,
    separator: ', ',
    unitLine: (unit, counts) => `${unit}: ${counts}`,
    noTable: 'There is no plan table to write a bulletin for.',
    notShown: (sheet) => `The bulletin is on sheet "${sheet}", but Excel could not switch to it.`,
  },
  changes: {
    notYet:
      'After colouring, the items whose status changed since the previous period are listed here.',
    noPrevious:
      'This is the first colouring (the workbook holds no earlier record); the next one is compared with it.',
    since: (previous, asOf) => `Compared with the previous period (${previous}), as of ${asOf}:`,
    none: 'No item changed status since the previous period.',
    kinds: {
      turnedRed: 'Yellow to red',
      newlyBehind: 'Newly behind',
      improved: 'Improved',
      completed: 'Newly completed',
      added: 'Added',
      uncertain: 'Cannot be matched (same name and unit)',
    },
    periods: (n) => `${n} periods running`,
    goTo: (cell) => `Go to ${cell}`,
    unnamed: '(no name)',
    clearHistory: 'Clear the history',
    historyCleared: 'The history of statuses was cleared.',
  },
  fields: {
    seq: 'No.',
    name: 'Name',
    unit: 'Responsible unit',
    partner: 'Partner units',
    leader: 'Leader',
    category: 'Category',
    nature: 'Nature',
    deadline: 'Deadline',
    done: 'Done?',
    doneDate: 'Date done',
    progress: 'Progress',
    planInvest: 'Annual plan investment',
    doneInvest: 'Investment done',
    totalInvest: 'Total investment',
    plannedStart: 'Planned start',
    actualStart: 'Actual start',
    reportedStatus: 'Reported status',
    problem: 'Problems',
    note: 'Note',
  },
  issueCodes: {
    deadline_unreadable: 'Deadline not readable',
    deadline_missing: 'Deadline empty',
    date_impossible: 'Date does not exist',
    done_date_unreadable: 'Completion date not readable',
    cell_error: 'Error values',
    formula_no_result: 'Formulas without results',
    number_unreadable: 'Not a number',
    no_table: 'No plan table',
    no_name_column: 'No name column',
    no_deadline_column: 'No deadline column',
    header_duplicate: 'Duplicate headers',
    merge_crosses_header: 'Merge across the header',
    plan_year_assumed: 'Plan year assumed',
    status_disagrees: 'Reported status disagrees',
    text_truncated: 'Text too long',
    status_column_conflict: 'Status column moved',
    row_unmatched: 'Moved rows with the same name',
    status_column_no_room: 'No free column for the status',
    deadline_ambiguous: 'Ambiguous year.month deadline',
    deadline_remark: 'Deadline with a remark',
    deadline_nodes: 'Several nodes in one cell',
    progress_not_numeric: 'Progress is not a percentage',
    as_of_far_past: 'Report date long after the plan year',
  },
  presets: {
    'node-lag': 'By deadline (1 month yellow, 3 months red)',
    'due-soon': 'Due soon (yellow before, red once overdue)',
    'sequential-progress': 'Progress against time elapsed',
    'reported-status': 'By reported status',
  },
  portErrors: {
    unreadable_file: 'The file cannot be read; it may be damaged.',
    not_xlsx:
      'This is not an .xlsx workbook. Save it from Excel as "Excel Workbook (*.xlsx)" and open it again.',
    cell_edit_mode: 'Excel is editing a cell. Press Enter or Esc to finish, then try again.',
    sheet_protected: 'The sheet is protected. Unprotect it first.',
    payload_too_large: 'Too much data for one write. Split the work or ask your administrator.',
    api_not_supported: 'This version of Excel cannot do this. Please update Excel.',
    sheet_not_found:
      'The sheet is gone; it may have been renamed or deleted. Read the workbook again.',
    busy: 'Excel is busy. Try again in a moment.',
    unknown: 'The operation did not finish.',
  },
  unexpected: (detail) => `Something unexpected went wrong: ${detail}`,
  settingsNotSaved: 'The chart is done, but the settings could not be saved in the workbook.',
  dismiss: 'Dismiss',
  selfTest: {
    menu: 'More',
    run: 'Self-test',
    title: 'Self-test results',
    running: 'Running the self-test… (on scratch sheets, removed afterwards)',
    pass: 'Pass',
    fail: 'Fail',
    notRestored: 'The workbook could not be fully put back; please check it',
    copy: 'Copy report',
    copied: 'Report copied: paste it into a support request.',
    close: 'Close',
    environment: (host, platform, version) =>
      `Host: ${host}; platform: ${platform}; version: ${version}`,
    apiSets: (sets) => `ExcelApi supported: ${sets || 'none'}`,
    scenarios: {
      scratch: 'Create scratch sheet',
      read: 'Read',
      paint: 'Paint',
      labels: 'Status labels (replaceAll)',
      repaint: 'Repaint after an inserted row',
      clear: 'Clear (own fills back)',
      bulletin: 'Write bulletin sheets',
      pageLayout: 'Bulletin page layout (verticalFitToPages 0)',
      merges: 'Merged cells across the 256-row reading slices',
      addressChunks: 'Paint over address lists past 4,000 characters',
      settings: 'Settings saved and put back',
    },
  },
};

const CATALOGS: Record<Lang, Strings> = { zh, en };

/** The strings of one language. */
export function stringsFor(lang: Lang): Strings {
  return CATALOGS[lang];
}
