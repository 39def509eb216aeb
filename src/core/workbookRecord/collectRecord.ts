import type { CellValue } from '../grid';
import { isCellError } from '../grid';
import { hashText } from './rowIdentity';

/** A value a collect wrote or replaced, as it can be written back. */
export type StoredValue = string | number | boolean | null;

/**
 * One cell a collect changed: 1-based Excel row and column, the old value and format, and a hash
 * of the new value (enough to tell whether the cell was edited since; the returned text itself is
 * not kept).
 */
export interface CollectedCell {
  readonly row: number;
  readonly col: number;
  readonly old: StoredValue;
  readonly oldFormat: string | null;
  readonly newHash: string;
  /** True when the collect set a number format with the value (undo then puts oldFormat back). */
  readonly formatSet: boolean;
}

export interface CollectEntry {
  /** The day of the collect, "YYYY-MM-DD". */
  readonly day: string;
  readonly cells: readonly CollectedCell[];
}

/** The old value as it can be written back; an error value (#N/A) cannot be, so it comes back blank. */
export function storedValue(v: CellValue): StoredValue {
  return isCellError(v) ? null : v;
}

/** The hash a value is remembered by: strings trimmed, numbers as written back. */
export function valueHash(v: StoredValue): string {
  return hashText(JSON.stringify(typeof v === 'string' ? v.trim() : v));
}

/**
 * This record is the only place the add-in keeps what users typed: the old contents of the cells
 * an explicit collect overwrote, because undoing the collect needs them. It holds nothing else
 * (no names, no file names, no returned text), and undoing the last collect removes its entry.
 */
export function readCollectEntries(text: string | undefined): CollectEntry[] {
  if (text === undefined) return [];
  try {
    const raw: unknown = JSON.parse(text);
    return Array.isArray(raw) ? (raw as CollectEntry[]) : [];
  } catch {
    return [];
  }
}

export function withCollect(text: string | undefined, entry: CollectEntry): string {
  return JSON.stringify([...readCollectEntries(text), entry]);
}

/** The newest collect and the record without it (undefined: nothing left, remove the record). */
export function lastCollect(
  text: string | undefined,
): { entry: CollectEntry; rest: string | undefined } | null {
  const entries = readCollectEntries(text);
  const entry = entries.pop();
  if (entry === undefined) return null;
  return { entry, rest: entries.length === 0 ? undefined : JSON.stringify(entries) };
}
