import type { DayNumber } from '../dates';
import type { Lang } from '../issue';
import type { Status } from '../status';
import { changesSentence } from './changesText';
import { investmentPeriodLabel } from './investmentPeriod';
import { amountUnitName, formatAmount, formatLongDay, formatPercent } from './formatFigures';
import { presetWords } from './presetWords';
import { subjectNoun } from './subject';
import type { BulletinSummary } from './summarize';

/** What the draft is written from: the summary without its text. */
export type DraftFacts = Omit<BulletinSummary, 'text'>;

/** At most this many units are named as furthest behind, as bulletins usually do. */
const UNITS_NAMED = 3;

/** The status counts worth a clause: the three colours always, done and unknown when there are any. */
function countedStatuses(facts: DraftFacts): Status[] {
  const always: Status[] = ['normal', 'lagging', 'severe'];
  const ifAny: Status[] = ['done', 'unknown'];
  return [...always, ...ifAny.filter((s) => facts.totals.counts[s] > 0)];
}

function behindUnits(facts: DraftFacts) {
  return facts.byUnit.filter((g) => g.lagging + g.severe > 0).slice(0, UNITS_NAMED);
}

function zhText(facts: DraftFacts, asOf: DayNumber): string {
  const { labels, totals, investment, starts } = facts;
  const noun = subjectNoun(facts.subject, 'zh');
  // "正常180项" reads as a bare tally; bulletins say 正常推进.
  const word = (s: Status) => (s === 'normal' && labels.normal === '正常' ? '正常推进' : labels[s]);
  if (totals.total === 0) return `截至${formatLongDay(asOf, 'zh')}，暂无纳入调度的${noun}。`;
  const parts: string[] = [];
  const tally = countedStatuses(facts)
    .map((s) => `${word(s)}${totals.counts[s]}项`)
    .join('、');
  parts.push(
    `截至${formatLongDay(asOf, 'zh')}，纳入调度的${noun}${totals.total}项，其中${tally}。`,
  );
  if (investment) {
    const u = investment.unitLabel ?? '';
    const rate = investment.rate === null ? '' : `，完成率${formatPercent(investment.rate)}`;
    // The period the amounts cover is named, so 序时进度 reads against the right months; the
    // sheet's header says when it was measured to the report date instead.
    const period = investmentPeriodLabel(investment.periodEnd, 'zh');
    const done = period === null ? '已完成投资' : `${period}完成投资`;
    parts.push(
      `年度计划投资${formatAmount(investment.plan)}${u}，${done}${formatAmount(investment.done)}${u}` +
        `${rate}，序时进度${formatPercent(investment.expectedRate)}。`,
    );
  }
  if (starts) {
    parts.push(
      `新开工项目${starts.planned}个，已开工${starts.started}个，开工率${formatPercent(starts.rate)}。`,
    );
  }
  const units = behindUnits(facts);
  if (units.length === 0) {
    parts.push(`无${labels.lagging}、${labels.severe}事项。`);
  } else {
    const named = units.map((g) => {
      const counts = (['severe', 'lagging'] as const)
        .filter((s) => g[s] > 0)
        .map((s) => `${labels[s]}${g[s]}项`)
        .join('、');
      return `${g.key}（${counts}）`;
    });
    parts.push(`${presetWords(facts.preset, 'zh').unitsBehind}：${named.join('、')}。`);
  }
  if (facts.changes) parts.push(changesSentence(facts.changes, labels, 'zh'));
  return parts.join('');
}

function enText(facts: DraftFacts, asOf: DayNumber): string {
  const { labels, totals, investment, starts } = facts;
  const lower = subjectNoun(facts.subject, 'en');
  const noun = lower.charAt(0).toUpperCase() + lower.slice(1);
  const date = formatLongDay(asOf, 'en');
  if (totals.total === 0) return `${noun} tracked as of ${date}: 0.`;
  const parts: string[] = [];
  const tally = countedStatuses(facts)
    .map((s) => `${labels[s]} ${totals.counts[s]}`)
    .join(', ');
  parts.push(`${noun} tracked as of ${date}: ${totals.total} (${tally}).`);
  if (investment) {
    const u =
      investment.unitLabel === null ? '' : ` (${amountUnitName(investment.unitLabel, 'en')})`;
    const period = investmentPeriodLabel(investment.periodEnd, 'en');
    const elapsed =
      `${formatPercent(investment.expectedRate)} of the year elapsed` +
      (period === null ? '' : ` by the end of ${period.slice(-3)}`);
    const rate =
      investment.rate === null
        ? elapsed
        : `completion rate ${formatPercent(investment.rate)} against ${elapsed}`;
    parts.push(
      `Investment${u}: annual plan ${formatAmount(investment.plan)}, ` +
        `completed${period === null ? '' : ` ${period}`} ${formatAmount(investment.done)}, ${rate}.`,
    );
  }
  if (starts) {
    parts.push(
      `New-start projects: ${starts.planned}; started: ${starts.started} (start rate ${formatPercent(starts.rate)}).`,
    );
  }
  const units = behindUnits(facts);
  if (units.length === 0) {
    parts.push(`Nothing is ${labels.lagging.toLowerCase()} or ${labels.severe.toLowerCase()}.`);
  } else {
    const named = units.map((g) => {
      const counts = (['severe', 'lagging'] as const)
        .filter((s) => g[s] > 0)
        .map((s) => `${labels[s]} ${g[s]}`)
        .join(', ');
      return `${g.key} (${counts})`;
    });
    parts.push(`${presetWords(facts.preset, 'en').unitsBehind}: ${named.join('; ')}.`);
  }
  if (facts.changes) parts.push(changesSentence(facts.changes, labels, 'en'));
  return parts.join(' ');
}

/** A draft paragraph for the bulletin; clauses whose figures the tables lack are left out. */
export function draftText(facts: DraftFacts, asOf: DayNumber, lang: Lang): string {
  return lang === 'zh' ? zhText(facts, asOf) : enText(facts, asOf);
}
