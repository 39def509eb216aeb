/** The hidden sheet where the adapters keep saved fills and settings. */
export const STATE_SHEET = '_tricolor';

// Bulletin and collection-record sheets carry their date: "通报2023-06-30", "汇总记录2023-07-05".
const BULLETIN_NAME =
  /^(?:通报|滞后清单|汇总记录|Bulletin|Lagging|Collected)\s?\d{4}-\d{2}-\d{2}(?:\s?\(\d+\))?$/;

/** True for sheets the add-in made itself, which are never read as plan tables. */
export function isOwnSheet(name: string): boolean {
  return name === STATE_SHEET || BULLETIN_NAME.test(name);
}
