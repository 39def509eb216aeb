import { STATE_SHEET } from '../ownSheets';

/** Excel's longest sheet name. */
const MAX_NAME = 31;

/** A name Excel accepts: no []:*?/\, no quote at either end, at most 31 characters with `reserve`. */
export function safeSheetName(name: string, reserve = 0): string {
  const cleaned =
    name
      .replace(/[[\]:*?/\\]/g, '_')
      .replace(/^'+|'+$/g, '')
      .trim() || 'Sheet';
  return [...cleaned].slice(0, MAX_NAME - reserve).join('');
}

/**
 * The name a bulletin sheet goes under, the same in every host: its own name, or "name (2)",
 * "name (3)", … The first of these that is free, or is a sheet the add-in made earlier (which is
 * then replaced), is taken; a user's sheet is never touched, and a re-run for the same date lands
 * on the same names. Excel compares sheet names without case.
 */
export function bulletinSheetName(
  wanted: string,
  existing: readonly string[],
  ours: ReadonlySet<string>,
  takenThisRun: ReadonlySet<string>,
): string {
  const present = new Map(existing.map((n) => [n.toLowerCase(), n]));
  const mine = new Set([...ours].map((n) => n.toLowerCase()));
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : ` (${n})`;
    const name = safeSheetName(wanted, suffix.length) + suffix;
    const key = name.toLowerCase();
    if (takenThisRun.has(key) || key === STATE_SHEET.toLowerCase()) continue;
    const there = present.get(key);
    if (there === undefined) return name;
    if (mine.has(key)) return there;
  }
}

/** The bulletins record: the sheets the add-in made, still in the workbook, sorted. */
export function ownBulletinsText(names: readonly string[]): string | undefined {
  return names.length === 0 ? undefined : JSON.stringify([...new Set(names)].sort());
}

export function ownBulletinsOf(text: string | undefined): string[] {
  if (text === undefined) return [];
  try {
    const raw: unknown = JSON.parse(text);
    return Array.isArray(raw) ? raw.filter((n): n is string => typeof n === 'string') : [];
  } catch {
    return [];
  }
}
