import type { Lang } from '../../core/issue';
import type { CellValue } from '../../core/grid';
import type { PortErrorCode } from '../../port/WorkbookPort';

/** The port methods file mode calls across the worker boundary, plus opening and saving. */
export type WorkerMethod =
  | 'open'
  | 'listSheets'
  | 'readSheet'
  | 'applyPaint'
  | 'clearPaint'
  | 'stageBulletinCells'
  | 'writeBulletin'
  | 'loadSettings'
  | 'saveSettings'
  | 'readRecords'
  | 'writeRecords'
  | 'writeValues'
  | 'save';

export interface WorkerRequest {
  readonly id: number;
  readonly method: WorkerMethod;
  readonly args: readonly unknown[];
}

/** A PortError (or any error) as plain data: classes do not survive structured cloning. */
export interface WorkerError {
  readonly name: string;
  readonly message: string;
  readonly code?: PortErrorCode;
  readonly detail?: string;
  readonly words?: Readonly<Record<Lang, string>>;
}

/**
 * How many rows of a sheet go in one message. The page decodes each message in one task; a
 * 100,000-row sheet in one message held it for 100–200 ms, in pieces of this size ~10 ms each.
 */
export const ROWS_PER_MESSAGE = 5_000;

/**
 * The same for a bulletin on its way to the worker: its sheets' cells go ahead in pieces of this
 * many ('stageBulletinCells'), and 'writeBulletin' then carries the book without them.
 */
export const CELLS_PER_MESSAGE = 20_000;

export type WorkerResponse =
  | {
      readonly id: number;
      readonly kind: 'progress';
      readonly done: number;
      readonly total: number;
    }
  | {
      /** Rows start.. of the grid readSheet is answering; its result then carries no rows. */
      readonly id: number;
      readonly kind: 'rows';
      readonly start: number;
      readonly values: readonly (readonly CellValue[])[];
      readonly formats?: readonly (readonly (string | null | undefined)[] | undefined)[];
    }
  | { readonly id: number; readonly kind: 'result'; readonly value: unknown }
  | { readonly id: number; readonly kind: 'error'; readonly error: WorkerError };
