import type { SheetAnalysis } from '../analysis';
import { formatIsoDay } from '../dates';
import type { ChangesSummary } from '../history/changesSummary';
import type { AssessmentPoints } from '../rules';
import { mergeGroups } from './groups';

/** An item finished before its node: what 通报表扬 names. */
export interface AheadItem {
  readonly sheet: string;
  readonly excelRow: number;
  readonly name: string | null;
  readonly unit: string | null;
  /** "YYYY-MM-DD". */
  readonly doneDate: string;
  readonly deadline: string;
}

/** A unit to criticise (批评 / 约谈): severe items, or items behind for N periods running. */
export interface CriticizedUnit {
  readonly unit: string;
  readonly severe: number;
  /** Items behind for the rules' behindPeriods report dates or more (0 without a history). */
  readonly longBehind: number;
}

/** One unit's 考核 points. */
export interface AssessmentRow {
  readonly unit: string;
  readonly ahead: number;
  readonly lagging: number;
  readonly severe: number;
  readonly points: number;
}

/**
 * 表扬 and 批评, as the policies ask ("对工作进展快…提前完成任务的,给予通报表扬;对…落实不力的,进行
 * 批评通报"): items done before their node, units with nothing behind, and units with severe items
 * or items behind for N periods.
 */
export interface Recognition {
  readonly ahead: readonly AheadItem[];
  /** Units with items and none lagging or severe, in order of first appearance. */
  readonly praisedUnits: readonly string[];
  readonly criticizedUnits: readonly CriticizedUnit[];
}

/** Rows done on a recorded day before their deadline day. */
export function aheadItems(analyses: readonly SheetAnalysis[]): AheadItem[] {
  const out: AheadItem[] = [];
  for (const a of analyses) {
    a.rows.forEach((row, i) => {
      const st = a.statuses[i];
      if (st?.status !== 'done' || row.doneDate === undefined || row.deadline.kind !== 'date')
        return;
      if (row.doneDate >= row.deadline.day) return;
      out.push({
        sheet: a.sheet,
        excelRow: a.origin.row + row.row,
        name: row.name,
        unit: row.unit,
        doneDate: formatIsoDay(row.doneDate),
        deadline: formatIsoDay(row.deadline.day),
      });
    });
  }
  return out;
}

export function recognitionOf(
  analyses: readonly SheetAnalysis[],
  changes: ChangesSummary | undefined,
): Recognition {
  const named = new Set(analyses.flatMap((a) => a.rows.map((r) => r.unit)));
  // Rows without a unit are grouped under a caption, which is no unit to praise.
  const units = mergeGroups(analyses.map((a) => a.byUnit)).filter((g) => named.has(g.key));
  const long = new Map<string, number>();
  for (const item of changes?.longBehind ?? []) {
    if (item.unit !== null) long.set(item.unit, (long.get(item.unit) ?? 0) + 1);
  }
  return {
    ahead: aheadItems(analyses),
    praisedUnits: units
      .filter((g) => g.total > 0 && g.lagging + g.severe === 0 && g.total > g.unknown)
      .map((g) => g.key),
    criticizedUnits: units
      .map((g) => ({ unit: g.key, severe: g.severe, longBehind: long.get(g.key) ?? 0 }))
      .filter((u) => u.severe > 0 || u.longBehind > 0)
      .sort((x, y) => y.severe - x.severe || y.longBehind - x.longBehind),
  };
}

/** The 考核 table: each unit's points, highest first (ties in order of first appearance). */
export function assessmentOf(
  analyses: readonly SheetAnalysis[],
  ahead: readonly AheadItem[],
  points: AssessmentPoints,
): AssessmentRow[] {
  const aheadBy = new Map<string, number>();
  for (const a of ahead) if (a.unit !== null) aheadBy.set(a.unit, (aheadBy.get(a.unit) ?? 0) + 1);
  return mergeGroups(analyses.map((a) => a.byUnit))
    .map((g) => {
      const n = aheadBy.get(g.key) ?? 0;
      const sum = n * points.ahead + g.lagging * points.lagging + g.severe * points.severe;
      // Points such as 0.5 add up in binary with noise; two decimals are what a table shows.
      return {
        unit: g.key,
        ahead: n,
        lagging: g.lagging,
        severe: g.severe,
        points: Math.round(sum * 100) / 100,
      };
    })
    .sort((x, y) => y.points - x.points);
}
