/** The hidden sheet where the adapters keep saved fills and settings. */
export const STATE_SHEET = '_tricolor';

// Bulletin sheets carry their report date: "通报2023-06-30", "滞后清单2023-06-30" (or English names).
const BULLETIN_NAME = /^(?:通报|滞后清单|Bulletin|Lagging)\s?\d{4}-\d{2}-\d{2}(?:\s?\(\d+\))?$/;

/** True for sheets the add-in made itself, which are never read as plan tables. */
export function isOwnSheet(name: string): boolean {
  return name === STATE_SHEET || BULLETIN_NAME.test(name);
}
