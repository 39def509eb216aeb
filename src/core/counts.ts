import type { GroupCount } from './analysis';
import type { Lang } from './issue';
import type { PlanRow } from './planRow';
import { emptyCounts, type Counts, type RowStatus } from './status';

/** Counts of each status over all rows. */
export function countStatuses(statuses: readonly RowStatus[]): Counts {
  const counts = emptyCounts();
  for (const s of statuses) counts[s.status]++;
  return counts;
}

const BLANK_KEY: Record<Lang, { unit: string; category: string }> = {
  zh: { unit: '(未填写单位)', category: '(未分类)' },
  en: { unit: '(no unit)', category: '(no category)' },
};

/** Counts per key (first-listed unit, or category), in order of first appearance. */
export function countBy(
  rows: readonly PlanRow[],
  statuses: readonly RowStatus[],
  key: 'unit' | 'category',
  lang: Lang,
): GroupCount[] {
  const groups = new Map<string, Counts & { total: number }>();
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as PlanRow;
    const s = statuses[i] as RowStatus;
    const k = row[key] ?? BLANK_KEY[lang][key];
    let g = groups.get(k);
    if (!g) {
      g = { ...emptyCounts(), total: 0 };
      groups.set(k, g);
    }
    g.total++;
    g[s.status]++;
  }
  return [...groups].map(([k, g]) => ({ key: k, ...g }));
}
