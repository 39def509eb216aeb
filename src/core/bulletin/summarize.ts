import type { GroupCount, SheetAnalysis } from '../analysis';
import { formatIsoDay, type DayNumber } from '../dates';
import type { Lang } from '../issue';
import { defaultRules, type PresetId } from '../rules';
import { emptyCounts, STATUSES, type Counts, type Status } from '../status';
import type { ChangesSummary } from '../history/changesSummary';
import type { AssessmentPoints } from '../rules';
import { assessmentOf, recognitionOf, type AssessmentRow, type Recognition } from './recognition';
import { draftText } from './draftText';
import { mergeGroups, rankUnits } from './groups';
import { summarizeInvestment, type InvestmentSummary } from './investment';
import { laggingList, type LaggingItem } from './laggingList';
import { summarizeStarts, type StartsSummary } from './starts';
import { bulletinSubject, type BulletinSubject } from './subject';

export type { InvestmentSummary } from './investment';
export type { LaggingItem } from './laggingList';
export type { StartsSummary } from './starts';

/** How many items have each status, and each status's share of all items. */
export interface StatusTotals {
  readonly total: number;
  readonly counts: Counts;
  /** counts[s] / total; 0 when there are no items. */
  readonly shares: Readonly<Record<Status, number>>;
}

export type { BulletinSubject } from './subject';

/**
 * Everything a bulletin says, as plain data: what the CLI report prints under `summary`, and what
 * the bulletin sheets are built from. Sections whose columns no table has are absent, never zero.
 */
export interface BulletinSummary {
  /** The report date, "YYYY-MM-DD". */
  readonly asOf: string;
  /** The sheets summarized, in order. */
  readonly sheets: readonly string[];
  /** What the tables track (see subject.ts): decides the nouns of the title, draft and list. */
  readonly subject: BulletinSubject;
  /** The rule the rows were judged by: decides the words for "behind" (see presetWords.ts). */
  readonly preset: PresetId;
  /** The status words of the rule set the sheets were analysed with. */
  readonly labels: Readonly<Record<Status, string>>;
  readonly totals: StatusTotals;
  /** By first-listed unit, furthest behind first (see rankUnits). */
  readonly byUnit: readonly GroupCount[];
  /** By category column or section row, in order of first appearance; empty when no row has one. */
  readonly byCategory: readonly GroupCount[];
  /** Absent when no table has both 年度计划投资 and a completed-investment column. */
  readonly investment?: InvestmentSummary;
  /** Absent when no table has 建设性质 or none of its rows is 新开工. */
  readonly starts?: StartsSummary;
  /** Lagging and severe rows: severe first, then the longest overdue. */
  readonly lagging: readonly LaggingItem[];
  /** 与上期相比: absent when there is no previous period (or the history is not used). */
  readonly changes?: ChangesSummary;
  /** 表扬 and 批评. */
  readonly recognition: Recognition;
  /** The 考核 table; absent unless the rules set points. */
  readonly assessment?: readonly AssessmentRow[];
  /** The draft paragraph, in the language asked for (the status words are the rule set's). */
  readonly text: string;
}

/** The status words the analyses were painted with (the rule set's labels), else the defaults. */
function labelsOf(analyses: readonly SheetAnalysis[], lang: Lang): Record<Status, string> {
  const painted = analyses[0]?.paint.labels;
  const fallback = defaultRules(lang).labels;
  const labels = { ...fallback };
  STATUSES.forEach((s, i) => {
    const l = painted?.[i + 1];
    if (l !== undefined && l !== '') labels[s] = l;
  });
  return labels;
}

function totalsOf(analyses: readonly SheetAnalysis[]): StatusTotals {
  const counts = emptyCounts();
  for (const a of analyses) for (const s of STATUSES) counts[s] += a.counts[s];
  const total = STATUSES.reduce((n, s) => n + counts[s], 0);
  const shares = emptyCounts();
  for (const s of STATUSES) shares[s] = total > 0 ? counts[s] / total : 0;
  return { total, counts, shares };
}

/** The summary with the status words given: buildBulletin passes its rule set's labels. */
export function summarizeWithLabels(
  analyses: readonly SheetAnalysis[],
  asOf: DayNumber,
  lang: Lang,
  labels: Readonly<Record<Status, string>>,
  preset: PresetId = 'node-lag',
  changes?: ChangesSummary,
  points?: AssessmentPoints | null,
): BulletinSummary {
  const recognition = recognitionOf(analyses, changes);
  const subject = bulletinSubject(analyses);
  const investment = summarizeInvestment(analyses, asOf);
  const starts = summarizeStarts(analyses, asOf);
  const facts = {
    asOf: formatIsoDay(asOf),
    sheets: analyses.map((a) => a.sheet),
    subject,
    preset,
    labels,
    totals: totalsOf(analyses),
    byUnit: rankUnits(mergeGroups(analyses.map((a) => a.byUnit))),
    // A sheet without any category would only add one "(未分类)" group that says nothing.
    byCategory: mergeGroups(
      analyses.filter((a) => a.rows.some((r) => r.category !== null)).map((a) => a.byCategory),
    ),
    ...(investment ? { investment } : {}),
    ...(starts ? { starts } : {}),
    lagging: laggingList(analyses),
    ...(changes ? { changes } : {}),
    recognition,
    ...(points ? { assessment: assessmentOf(analyses, recognition.ahead, points) } : {}),
  };
  return { ...facts, text: draftText(facts, asOf, lang) };
}

/**
 * Summarizes analysed sheets for a bulletin at the report date: totals and shares, units ranked,
 * categories, investment against 序时进度, 开工率, the lagging list and a draft paragraph.
 */
export function summarizeBulletin(
  analyses: readonly SheetAnalysis[],
  asOf: DayNumber,
  lang: Lang,
  preset: PresetId = 'node-lag',
): BulletinSummary {
  return summarizeWithLabels(analyses, asOf, lang, labelsOf(analyses, lang), preset);
}
