import type { GroupCount } from '../analysis';

/** Adds up the same unit or category across sheets, in order of first appearance. */
export function mergeGroups(lists: readonly (readonly GroupCount[])[]): GroupCount[] {
  const merged = new Map<string, GroupCount>();
  for (const list of lists) {
    for (const g of list) {
      const seen = merged.get(g.key);
      if (!seen) {
        merged.set(g.key, { ...g });
        continue;
      }
      merged.set(g.key, {
        key: g.key,
        total: seen.total + g.total,
        normal: seen.normal + g.normal,
        lagging: seen.lagging + g.lagging,
        severe: seen.severe + g.severe,
        done: seen.done + g.done,
        unknown: seen.unknown + g.unknown,
      });
    }
  }
  return [...merged.values()];
}

/** (lagging + severe) / total: how much of a group is behind. */
export function behindShare(g: GroupCount): number {
  return g.total > 0 ? (g.lagging + g.severe) / g.total : 0;
}

/**
 * Units furthest behind first: most severe, then most lagging, then the larger share behind, then
 * by name. Names compare by code point, not by a locale's collation, so the order is the same in
 * Node, every browser and Excel's web view.
 */
export function rankUnits(groups: readonly GroupCount[]): GroupCount[] {
  return [...groups].sort(
    (a, b) =>
      b.severe - a.severe ||
      b.lagging - a.lagging ||
      behindShare(b) - behindShare(a) ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}
