import type { GroupCount } from '../analysis';
import type { BulletinCell, BulletinChart, BulletinSheet, BulletinStyle } from '../bulletinBook';
import type { DayNumber } from '../dates';
import type { CellRange } from '../grid';
import type { Lang } from '../issue';
import type { RuleSet } from '../rules';
import { STATUSES, type Status } from '../status';
import { changesSection } from './changesSection';
import { investmentPeriodLabel } from './investmentPeriod';
import { recognitionSection } from './recognitionSection';
import { displayWidth } from './displayWidth';
import { behindShare } from './groups';
import { amountUnitName, formatLongDay } from './formatFigures';
import { presetWords } from './presetWords';
import { subjectNoun } from './subject';
import type { BulletinSummary } from './summarize';

const HEADER_FILL = 'F2F2F2';

/** Every style a bulletin sheet may use; each sheet carries only the ones its cells name. */
function allStyles(colors: Readonly<Record<Status, string>>): Record<string, BulletinStyle> {
  const styles: Record<string, BulletinStyle> = {
    title: { bold: true, fontSize: 16, align: 'center' },
    subtitle: { align: 'left' },
    heading: { bold: true, fontSize: 12 },
    subheading: { bold: true },
    header: { bold: true, fill: HEADER_FILL, border: true, align: 'center', wrap: true },
    text: { border: true, align: 'left', wrap: true },
    center: { border: true, align: 'center' },
    int: { border: true, align: 'center', numFmt: '0' },
    amount: { border: true, align: 'right', numFmt: '0.0' },
    pct: { border: true, align: 'right', numFmt: '0.0%' },
    draft: { border: true, align: 'left', wrap: true },
  };
  for (const s of STATUSES) {
    styles[`header_${s}`] = { ...styles.header, fill: colors[s] };
    styles[`status_${s}`] = { border: true, align: 'center', fill: colors[s] };
  }
  return styles;
}

/** The words of the bulletin's headings and table headers (the .docx uses the sheets' words). */
export interface Words {
  readonly summarySheet: string;
  readonly laggingSheet: string;
  readonly title: (date: string, noun: string) => string;
  readonly scope: (sheets: readonly string[]) => string;
  readonly section: (n: number, name: string) => string;
  readonly overview: string;
  readonly investment: string;
  readonly starts: string;
  readonly byUnit: string;
  readonly byCategory: string;
  readonly draft: string;
  readonly measure: string;
  readonly total: string;
  readonly count: string;
  readonly share: string;
  readonly planInvest: (u: string | null) => string;
  readonly doneInvest: (u: string | null, period?: string | null) => string;
  readonly rate: string;
  readonly expectedRate: string;
  /** 序时进度 with what it is measured to: the period's end, or the report date. */
  readonly expectedRateTo: (period: string | null) => string;
  readonly planned: string;
  readonly started: string;
  readonly startRate: string;
  readonly seq: string;
  readonly unit: string;
  readonly category: string;
  readonly name: (s: BulletinSummary['subject']) => string;
  readonly deadline: string;
  readonly status: string;
  readonly problem: string;
  readonly chart: string;
}

const ZH_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

const WORDS: Record<Lang, Words> = {
  zh: {
    summarySheet: '通报',
    laggingSheet: '滞后清单',
    title: (date, noun) => `截至${date}${noun}推进情况`,
    scope: (sheets) => `统计范围：${sheets.join('、')}`,
    section: (n, name) => `${ZH_NUMERALS[n - 1] ?? String(n)}、${name}`,
    overview: '总体情况',
    investment: '投资完成情况',
    starts: '新开工项目开工情况',
    byUnit: '各责任单位推进情况',
    byCategory: '各类别推进情况',
    draft: '通报文字（草稿）',
    measure: '指标',
    total: '总数',
    count: '数量（项）',
    share: '占比',
    planInvest: (u) => (u === null ? '年度计划投资' : `年度计划投资（${u}）`),
    doneInvest: (u, period) => {
      const head = period ? `${period}完成投资` : '已完成投资';
      return u === null ? head : `${head}（${u}）`;
    },
    rate: '完成率',
    expectedRate: '序时进度',
    expectedRateTo: (period) =>
      period === null ? '序时进度（按截至日期）' : `序时进度（${period}）`,
    planned: '计划新开工（个）',
    started: '已开工（个）',
    startRate: '开工率',
    seq: '序号',
    unit: '责任单位',
    category: '类别',
    name: (s) => (s === 'projects' ? '项目名称' : s === 'items' ? '议定事项' : '任务名称'),
    deadline: '计划节点',
    status: '状态',
    problem: '存在问题',
    chart: '各责任单位推进情况',
  },
  en: {
    summarySheet: 'Bulletin ',
    laggingSheet: 'Lagging ',
    title: (date, noun) => `Progress of ${noun} as of ${date}`,
    scope: (sheets) => `Sheets: ${sheets.join(', ')}`,
    section: (n, name) => `${n}. ${name}`,
    overview: 'Overview',
    investment: 'Investment',
    starts: 'New-start projects',
    byUnit: 'By unit',
    byCategory: 'By category',
    draft: 'Draft text',
    measure: 'Measure',
    total: 'Total',
    count: 'Count',
    share: 'Share',
    planInvest: (u) => (u === null ? 'Annual plan' : `Annual plan (${amountUnitName(u, 'en')})`),
    doneInvest: (u, period) => {
      const head = period ? `Completed ${period}` : 'Completed';
      return u === null ? head : `${head} (${amountUnitName(u, 'en')})`;
    },
    rate: 'Completion rate',
    expectedRate: 'Share of year elapsed',
    expectedRateTo: (period) =>
      period === null
        ? 'Share of year elapsed (to the report date)'
        : `Share of year elapsed (to end of ${period.slice(-3)})`,
    planned: 'New starts planned',
    started: 'Started',
    startRate: 'Start rate',
    seq: 'No.',
    unit: 'Unit',
    category: 'Category',
    name: () => 'Name',
    deadline: 'Deadline',
    status: 'Status',
    problem: 'Problems',
    chart: 'Status by unit',
  },
};

/** The words of the bulletin sheets in a language, so other renderings of the bulletin match them. */
export function bulletinWords(lang: Lang): Words {
  return WORDS[lang];
}

/** Cells, merges and the styles they name, gathered while a sheet is laid out top to bottom. */
class Layout {
  readonly cells: BulletinCell[] = [];
  readonly merges: CellRange[] = [];

  put(row: number, col: number, value: string | number | null, style?: string): void {
    this.cells.push(style === undefined ? { row, col, value } : { row, col, value, style });
  }

  merge(top: number, left: number, bottom: number, right: number): void {
    this.merges.push({ top, left, bottom, right });
  }

  stylesUsed(all: Readonly<Record<string, BulletinStyle>>): Record<string, BulletinStyle> {
    const used: Record<string, BulletinStyle> = {};
    for (const { style } of this.cells) {
      const s = style === undefined ? undefined : all[style];
      if (style !== undefined && s !== undefined) used[style] = s;
    }
    return used;
  }
}

/** The sheet names of a bulletin, carrying its report date (ownSheets.ts knows them by this form). */
export function bulletinSheetNames(
  isoDate: string,
  lang: Lang,
): { summary: string; lagging: string } {
  const w = WORDS[lang];
  return { summary: `${w.summarySheet}${isoDate}`, lagging: `${w.laggingSheet}${isoDate}` };
}

const SUMMARY_WIDTHS = [6, 26, 12, 12, 12, 12, 12, 12, 12];
const SUMMARY_LAST_COL = SUMMARY_WIDTHS.length - 1;

/** Columns are widened to fit their cells up to this; wider text wraps. */
const MAX_FITTED_WIDTH = 30;
/** Room beside a cell's text: borders, padding, and bold header text. */
const CELL_PADDING = 2;

/** The text Excel shows for a cell, in the few number formats bulletins use. */
function shownText(value: string | number | null, numFmt: string | undefined): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (numFmt === '0.0%') return `${(value * 100).toFixed(1)}%`;
  if (numFmt === '0.0') return value.toFixed(1);
  if (numFmt === '0') return value.toFixed(0);
  return String(value);
}

/**
 * Column widths that fit every table cell outside a merge: each column keeps its designed width, or
 * grows to its widest text (a long unit name, an English header) up to MAX_FITTED_WIDTH. Without
 * this a header such as "已完成投资（万元）" wraps in a row too short for two lines and is cut off
 * on paper. Columns designed wider than the cap (names, problems) are meant to wrap and keep theirs.
 */
function fitWidths(
  designed: readonly number[],
  out: Layout,
  styles: Readonly<Record<string, BulletinStyle>>,
): number[] {
  const merged = (row: number, col: number) =>
    out.merges.some((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
  const widths = [...designed];
  // A long lagging list repeats its units, deadlines and statuses: measure each text once.
  const measured = new Map<string, number>();
  const widthOf = (value: string | number | null, numFmt: string | undefined): number => {
    const key = `${numFmt ?? ''}\u0000${String(value)}`;
    let w = measured.get(key);
    if (w === undefined) {
      w = displayWidth(shownText(value, numFmt));
      measured.set(key, w);
    }
    return w;
  };
  for (const c of out.cells) {
    const w = widths[c.col];
    const style = c.style === undefined ? undefined : styles[c.style];
    // Only table cells (bordered) are fitted: headings and the subtitle spill into empty neighbours.
    if (w === undefined || w >= MAX_FITTED_WIDTH || !style?.border || merged(c.row, c.col))
      continue;
    const need = widthOf(c.value, style?.numFmt) + CELL_PADDING;
    widths[c.col] = Math.max(w, Math.min(MAX_FITTED_WIDTH, need));
  }
  return widths;
}

/** Rows a merged, wrapped cell needs: the sheet format has no row heights, so the merge gives the room. */
function rowsForText(text: string, width: number): number {
  return Math.max(2, Math.ceil(displayWidth(text) / width) + 1);
}

/** A table of counts per unit or category, with the share behind; returns the row after it. */
function groupTable(
  out: Layout,
  top: number,
  groups: readonly GroupCount[],
  keyHeader: string,
  w: Words,
  shareBehind: string,
  labels: Readonly<Record<Status, string>>,
): number {
  out.put(top, 0, w.seq, 'header');
  out.put(top, 1, keyHeader, 'header');
  out.put(top, 2, w.total, 'header');
  STATUSES.forEach((s, i) => out.put(top, 3 + i, labels[s], `header_${s}`));
  out.put(top, 3 + STATUSES.length, shareBehind, 'header');
  groups.forEach((g, i) => {
    const r = top + 1 + i;
    out.put(r, 0, i + 1, 'int');
    out.put(r, 1, g.key, 'text');
    out.put(r, 2, g.total, 'int');
    STATUSES.forEach((s, j) => out.put(r, 3 + j, g[s], 'int'));
    out.put(r, 3 + STATUSES.length, behindShare(g), 'pct');
  });
  return top + 1 + groups.length;
}

/** Lays out the summary's tables from row `top` on, numbering sections from `section` + 1. */
function summaryTables(
  out: Layout,
  top: number,
  section: number,
  summary: BulletinSummary,
  w: Words,
  rules: RuleSet,
  shareBehind: string,
  lang: Lang,
): BulletinChart | undefined {
  const { labels } = summary;
  let r = top;
  const heading = (name: string) => {
    section++;
    out.put(r, 0, w.section(section, name), 'heading');
    r++;
  };

  heading(w.overview);
  const { totals } = summary;
  out.put(r, 1, w.measure, 'header');
  out.put(r, 2, w.total, 'header');
  STATUSES.forEach((s, i) => out.put(r, 3 + i, labels[s], `header_${s}`));
  out.put(r + 1, 1, w.count, 'text');
  out.put(r + 1, 2, totals.total, 'int');
  STATUSES.forEach((s, i) => out.put(r + 1, 3 + i, totals.counts[s], 'int'));
  out.put(r + 2, 1, w.share, 'text');
  out.put(r + 2, 2, totals.total > 0 ? 1 : 0, 'pct');
  STATUSES.forEach((s, i) => out.put(r + 2, 3 + i, totals.shares[s], 'pct'));
  r += 4;

  if (summary.changes) {
    r = changesSection(out, r, summary.changes, lang, labels, (row, name) => {
      section++;
      out.put(row, 0, w.section(section, name), 'heading');
    });
  }

  const inv = summary.investment;
  if (inv) {
    heading(w.investment);
    out.put(r, 1, w.planInvest(inv.unitLabel), 'header');
    const period = investmentPeriodLabel(inv.periodEnd, lang);
    out.put(r, 2, w.doneInvest(inv.unitLabel, period), 'header');
    out.put(r, 3, w.rate, 'header');
    out.put(r, 4, w.expectedRateTo(period), 'header');
    out.put(r + 1, 1, inv.plan, 'amount');
    out.put(r + 1, 2, inv.done, 'amount');
    out.put(r + 1, 3, inv.rate, 'pct');
    out.put(r + 1, 4, inv.expectedRate, 'pct');
    r += 3;
  }

  const starts = summary.starts;
  if (starts) {
    heading(w.starts);
    out.put(r, 1, w.planned, 'header');
    out.put(r, 2, w.started, 'header');
    out.put(r, 3, w.startRate, 'header');
    out.put(r + 1, 1, starts.planned, 'int');
    out.put(r + 1, 2, starts.started, 'int');
    out.put(r + 1, 3, starts.rate, 'pct');
    r += 3;
  }

  heading(w.byUnit);
  const unitHeader = r;
  r = groupTable(out, r, summary.byUnit, w.unit, w, shareBehind, labels) + 1;
  let chart: BulletinChart | undefined;
  const charted = STATUSES.filter((s) => totals.counts[s] > 0);
  if (summary.byUnit.length > 0 && charted.length > 0) {
    const first = unitHeader + 1;
    const last = unitHeader + summary.byUnit.length;
    chart = {
      title: w.chart,
      categories: { top: first, left: 1, bottom: last, right: 1 },
      series: charted.map((s) => {
        const col = 3 + STATUSES.indexOf(s);
        return {
          name: labels[s],
          range: { top: first, left: col, bottom: last, right: col },
          color: rules.colors[s],
        };
      }),
    };
  }

  if (summary.byCategory.length > 0) {
    heading(w.byCategory);
    r = groupTable(out, r, summary.byCategory, w.category, w, shareBehind, labels) + 1;
  }

  recognitionSection(
    out,
    r,
    summary.recognition,
    summary.assessment,
    rules.behindPeriods,
    lang,
    (row, name) => {
      section++;
      out.put(row, 0, w.section(section, name), 'heading');
    },
  );
  return chart;
}

/**
 * The summary sheet: title, the draft text, then totals, investment, starts, units and categories.
 * The draft comes first, as a 通报 reads (the paragraph, then the tables behind it), and so that
 * it is on the first printed page when the tables run onto a second.
 */
export function summarySheet(
  summary: BulletinSummary,
  asOf: DayNumber,
  lang: Lang,
  rules: RuleSet,
  title: string | undefined,
): BulletinSheet {
  const w = WORDS[lang];
  const out = new Layout();
  const noun = subjectNoun(summary.subject, lang);
  const shareBehind = presetWords(summary.preset, lang).shareBehind;
  // A blank title from a form field means "the usual one", not an empty banner.
  const heading0 = title !== undefined && title.trim() !== '' ? title : undefined;
  out.put(0, 0, heading0 ?? w.title(formatLongDay(asOf, lang), noun), 'title');
  out.merge(0, 0, 0, SUMMARY_LAST_COL);
  out.put(1, 0, w.scope(summary.sheets), 'subtitle');
  out.merge(1, 0, 1, SUMMARY_LAST_COL);

  const styles = allStyles(rules.colors);
  // Column widths come from the tables (the draft is merged across them and wraps to fit), and
  // do not depend on the rows the tables start at, so a first layout measures them.
  const measured = new Layout();
  summaryTables(measured, 0, 1, summary, w, rules, shareBehind, lang);
  const columnWidths = fitWidths(SUMMARY_WIDTHS, measured, styles);

  out.put(3, 0, w.section(1, w.draft), 'heading');
  const rows = rowsForText(
    summary.text,
    columnWidths.reduce((a, b) => a + b, 0),
  );
  out.put(4, 0, summary.text, 'draft');
  out.merge(4, 0, 4 + rows - 1, SUMMARY_LAST_COL);
  const chart = summaryTables(out, 4 + rows + 1, 1, summary, w, rules, shareBehind, lang);

  return {
    name: bulletinSheetNames(summary.asOf, lang).summary,
    cells: out.cells,
    styles: out.stylesUsed(styles),
    merges: out.merges,
    columnWidths,
    // Several small tables share this sheet, so no one header row is worth repeating on each page.
    print: { orientation: 'landscape', paperSize: 'A4', fitToWidth: true },
    ...(chart ? { chart } : {}),
  };
}

const LAGGING_WIDTHS = [6, 36, 16, 14, 10, 10, 40];
const LAGGING_HEADER_ROW = 1;

/** The list of lagging and severe items, one row each, its header repeated on every printed page. */
export function laggingSheet(
  summary: BulletinSummary,
  asOf: DayNumber,
  lang: Lang,
  rules: RuleSet,
): BulletinSheet {
  const w = WORDS[lang];
  const { labels } = summary;
  const out = new Layout();
  const last = LAGGING_WIDTHS.length - 1;
  const pw = presetWords(summary.preset, lang);
  out.put(
    0,
    0,
    pw.listTitle(formatLongDay(asOf, lang), subjectNoun(summary.subject, lang)),
    'title',
  );
  out.merge(0, 0, 0, last);
  const h = LAGGING_HEADER_ROW;
  [
    w.seq,
    w.name(summary.subject),
    w.unit,
    w.deadline,
    pw.overdueMonths,
    w.status,
    w.problem,
  ].forEach((text, c) => out.put(h, c, text, 'header'));
  if (summary.lagging.length === 0) {
    out.put(h + 1, 0, pw.nothingBehind, 'center');
    out.merge(h + 1, 0, h + 1, last);
  }
  summary.lagging.forEach((item, i) => {
    const r = h + 1 + i;
    out.put(r, 0, i + 1, 'int');
    out.put(r, 1, item.name, 'text');
    out.put(r, 2, item.unit, 'text');
    out.put(r, 3, item.deadlineText === '' ? null : item.deadlineText, 'center');
    out.put(r, 4, item.overdueMonths, 'int');
    out.put(r, 5, labels[item.status], `status_${item.status}`);
    out.put(r, 6, item.problem, 'text');
  });
  const styles = allStyles(rules.colors);
  return {
    name: bulletinSheetNames(summary.asOf, lang).lagging,
    cells: out.cells,
    styles: out.stylesUsed(styles),
    merges: out.merges,
    columnWidths: fitWidths(LAGGING_WIDTHS, out, styles),
    print: {
      orientation: 'landscape',
      paperSize: 'A4',
      fitToWidth: true,
      repeatRows: { top: h, bottom: h },
    },
  };
}
