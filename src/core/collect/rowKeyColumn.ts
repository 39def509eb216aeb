import { normalizeText } from '../normalizeText';

/**
 * The header of the hidden column a split file carries at the right of its table: each data row
 * holds its master row's identity key there. A column, not a hidden sheet of keys, because a
 * column moves with its row when the unit sorts, filters or cuts and pastes rows; a separate list
 * would be wrong after the first sort. The key is a hash (rowIdentity.ts), never text.
 */
export const ROW_KEY_HEADER = '三色督办行标识';

/** Cells of the key column are written "k:" + key, so a stray value is never taken for a key. */
export function rowKeyCell(key: string): string {
  return `k:${key}`;
}

export function readRowKey(value: unknown): string | null {
  return typeof value === 'string' && value.startsWith('k:') && value.length > 2
    ? value.slice(2)
    : null;
}

export function isRowKeyHeader(header: string): boolean {
  return normalizeText(header) === ROW_KEY_HEADER;
}
