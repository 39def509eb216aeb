import type { FieldKey } from '../fields';

/**
 * The columns a responsible unit fills in each month. Everything else in a plan table (names,
 * units, deadlines, plan amounts) is the staff's and stays locked in a split file; a return that
 * changes it raises a conflict instead of being applied.
 */
export const DEFAULT_FILL_FIELDS: readonly FieldKey[] = [
  'progress',
  'done',
  'doneDate',
  'doneInvest',
  'problem',
  'note',
];
