/**
 * The keys of the add-in's records on its very hidden sheet `_tricolor`, the same for every host,
 * so a workbook passes between Excel, the page and the command line with one memory.
 */
export const SETTINGS_KEY = 'settings';
/** The bulletin sheets the add-in made (so a re-run replaces only its own). */
export const BULLETINS_KEY = 'bulletins';

/** A sheet's paint record: a phase letter and its JSON (see sheetPaint.ts). */
export function paintKey(sheet: string): string {
  return `paint:${sheet}`;
}

/** A sheet's status history, by report date and row key. */
export function historyKey(sheet: string): string {
  return `history:${sheet}`;
}

/** The sheet a paint record's key names, or null when the key is not a paint record's. */
export function paintedSheetOf(key: string): string | null {
  return key.startsWith('paint:') ? key.slice('paint:'.length) : null;
}

/**
 * What the collects into a sheet changed, newest last, so 撤销汇总 can put the old values back.
 * The one record that holds users' own cell contents (see collectRecord.ts).
 */
export function collectKey(sheet: string): string {
  return `collect:${sheet}`;
}
