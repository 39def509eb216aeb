import type { PaintPlan } from '../paintPlan';
import type { PlanRow } from '../planRow';

/**
 * Where a painted table's rows are now, and what each one is, so a record made at the last run can
 * be laid over the sheet after rows were inserted, deleted, moved or sorted. Rows and columns are
 * 1-based Excel ones; keys[i] belongs to Excel row firstRow + i ("" for rows that are not data).
 */
export interface RowIdentity {
  readonly headerTop: number;
  readonly headerBottom: number;
  readonly firstRow: number;
  /** The table's first column. */
  readonly left: number;
  /** The status column, when the sheet still has one of ours (found by its header). */
  readonly statusColumn: number | null;
  readonly keys: readonly string[];
}

/**
 * FNV-1a over UTF-16 code units. A row's key is a hash, never its text: the record is kept in the
 * workbook and must not carry what users typed (see the privacy tests).
 */
export function hashText(text: string): string {
  return (fnv(0x811c9dc5, text) >>> 0).toString(36);
}

function fnv(seed: number, text: string): number {
  let h = seed;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

/** hashText of rowFingerprint, without building the fingerprint (this runs once per row). */
function rowKey(row: PlanRow): string {
  if (row.name === null) return hashText(rowFingerprint(row));
  const h = fnv(Math.imul(fnv(0x811c9dc5, row.name) ^ 1, 0x01000193), row.unitText ?? '');
  return (h >>> 0).toString(36);
}

/**
 * What travels with a row when staff edit the sheet: the project's name and its responsible units.
 * Progress, dates and amounts change every month and 序号 is renumbered, so none of them is part of
 * it. A table without a name column falls back to the other descriptive cells.
 */
export function rowFingerprint(row: PlanRow): string {
  // The texts as read (already trimmed): a row keeps them between runs unless someone edits them,
  // and normalising each row's text would cost a fifth of the engine's time on a long sheet.
  if (row.name !== null) return `${row.name}\u0001${row.unitText ?? ''}`;
  return [row.unitText, row.partner, row.leader, row.nature, row.deadlineText].join('\u0001');
}

/** The key of each body row from `firstRow` (grid rows) through `lastRow`: "" where no data row is. */
export function bodyKeys(rows: readonly PlanRow[], firstRow: number, lastRow: number): string[] {
  const keys = new Array<string>(Math.max(0, lastRow - firstRow + 1)).fill('');
  for (const row of rows) {
    const i = row.row - firstRow;
    if (i >= 0 && i < keys.length) keys[i] = rowKey(row);
  }
  return keys;
}

/** One hash of a whole key sequence: equal digests mean no row moved, appeared or went. */
export function keysDigest(keys: readonly string[]): string {
  return `${keys.length}.${hashText(keys.join(','))}`;
}

/** A sheet's paint plan with the keys of its rows, as painting and clearing need it. */
export function identifiedPlan(sheet: {
  readonly paint: PaintPlan;
  readonly rows: readonly PlanRow[];
}): PaintPlan {
  const { paint } = sheet;
  return { ...paint, keys: bodyKeys(sheet.rows, paint.firstRow, paint.lastRow) };
}

/** The identity of the rows a paint plan covers. */
export function rowIdentityOf(plan: PaintPlan): RowIdentity {
  return {
    headerTop: plan.origin.row + plan.headerTop,
    headerBottom: plan.origin.row + plan.headerBottom,
    firstRow: plan.origin.row + plan.firstRow,
    left: plan.origin.col + plan.left,
    statusColumn: plan.statusColumnExists ? plan.origin.col + plan.statusColumn : null,
    keys: plan.keys,
  };
}
