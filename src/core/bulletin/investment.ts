import type { SheetAnalysis } from '../analysis';
import { formatIsoDay, type DayNumber } from '../dates';
import { elapsedShareOfYear } from './elapsedShare';
import { investmentPeriodEnd } from './investmentPeriod';

/** Annual investment against the plan, summed over the data rows of every table that has both columns. */
export interface InvestmentSummary {
  /** Sum of 年度计划投资 (blank cells count as nothing). */
  readonly plan: number;
  /** Sum of 累计完成投资 / 1-N月完成投资. */
  readonly done: number;
  /** done / plan; null when the plan sums to zero. */
  readonly rate: number | null;
  /**
   * 序时进度: the share of the plan year elapsed at the end of the period the amounts cover, as the
   * completed-investment header names it ("1-6月完成投资"), else at the report date.
   */
  readonly expectedRate: number;
  /**
   * The last day of the period the header names ("1-6月完成投资" → "2023-06-30"), which the
   * bulletin and draft name; null when the header names none and the report date was used.
   */
  readonly periodEnd: string | null;
  /** The amount unit the headers name ("万元", "亿元"); null when no table names one. */
  readonly unitLabel: string | null;
}

// Yuan per unit, so tables kept in different units can be added up.
const YUAN_PER: Readonly<Record<string, number>> = { 元: 1, 千元: 1e3, 万元: 1e4, 亿元: 1e8 };

/** Sums of many one-decimal amounts drift in binary (1127.3999999); six places hide that, keep all else. */
export function roundSum(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/**
 * Investment totals, or undefined when no table has both a plan and a completed-investment column:
 * a bulletin must not report zeros for figures the table never held. Amounts are added in the unit
 * of the first table that names one; a table in another named unit is converted, and a table that
 * names none is taken to be in that unit (nothing better is known about it).
 */
export function summarizeInvestment(
  analyses: readonly SheetAnalysis[],
  asOf: DayNumber,
): InvestmentSummary | undefined {
  const withColumns = analyses.filter(
    (a) => a.layout.fields.planInvest !== undefined && a.layout.fields.doneInvest !== undefined,
  );
  const first = withColumns[0];
  if (first === undefined) return undefined;
  const unitLabel =
    withColumns.find((a) => a.layout.amountUnit !== null)?.layout.amountUnit ?? null;
  let plan = 0;
  let done = 0;
  for (const a of withColumns) {
    const from = a.layout.amountUnit === null ? undefined : YUAN_PER[a.layout.amountUnit];
    const to = unitLabel === null ? undefined : YUAN_PER[unitLabel];
    const factor = from !== undefined && to !== undefined ? from / to : 1;
    for (const row of a.rows) {
      plan += (row.planInvest ?? 0) * factor;
      done += (row.doneInvest ?? 0) * factor;
    }
  }
  const periodEnd = investmentPeriodEnd(first);
  plan = roundSum(plan);
  done = roundSum(done);
  return {
    plan,
    done,
    rate: plan > 0 ? done / plan : null,
    expectedRate: elapsedShareOfYear(periodEnd ?? asOf, first.planYear),
    periodEnd: periodEnd === null ? null : formatIsoDay(periodEnd),
    unitLabel,
  };
}
