import type { SheetAnalysis } from '../analysis';
import type { BulletinBook } from '../bulletinBook';
import type { DayNumber } from '../dates';
import type { Lang } from '../issue';
import type { ChangesSummary } from '../history/changesSummary';
import type { RuleSet } from '../rules';
import { laggingSheet, summarySheet } from './bulletinSheets';
import { summarizeWithLabels, type BulletinSummary } from './summarize';

export interface BuildBulletinOptions {
  readonly lang: Lang;
  /** The rule set the sheets were analysed with: its labels and colours go on the bulletin. */
  readonly rules: RuleSet;
  /** The comparison with the previous period, when there is one (see session/history.ts). */
  readonly changes?: ChangesSummary;
  /** Replaces the summary sheet's title ("截至2023年6月30日重点项目推进情况"). */
  readonly title?: string;
}

/**
 * The bulletin for a report date as plain data: a summary sheet ("通报2023-06-30") and a list of
 * what is behind ("滞后清单2023-06-30"), printable on A4 landscape, and the draft text.
 */
export function buildBulletin(
  analyses: readonly SheetAnalysis[],
  asOf: DayNumber,
  opts: BuildBulletinOptions,
): BulletinBook {
  return bulletinFromSummary(bulletinSummaryFor(analyses, asOf, opts), asOf, opts);
}

/** The summary a bulletin is built from: its documents (.docx) are built from the same one. */
export function bulletinSummaryFor(
  analyses: readonly SheetAnalysis[],
  asOf: DayNumber,
  opts: Pick<BuildBulletinOptions, 'lang' | 'rules' | 'changes'>,
): BulletinSummary {
  return summarizeWithLabels(
    analyses,
    asOf,
    opts.lang,
    opts.rules.labels,
    opts.rules.preset,
    opts.changes,
    opts.rules.assessment,
  );
}

/** The bulletin sheets of a summary already made (see bulletinSummaryFor). */
export function bulletinFromSummary(
  summary: BulletinSummary,
  asOf: DayNumber,
  opts: BuildBulletinOptions,
): BulletinBook {
  return {
    reportDate: summary.asOf,
    sheets: [
      summarySheet(summary, asOf, opts.lang, opts.rules, opts.title),
      laggingSheet(summary, asOf, opts.lang, opts.rules),
    ],
    text: summary.text,
  };
}
