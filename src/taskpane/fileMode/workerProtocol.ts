import type { PortErrorCode } from '../../port/WorkbookPort';

/** The port methods file mode calls across the worker boundary, plus opening and saving. */
export type WorkerMethod =
  | 'open'
  | 'listSheets'
  | 'readSheet'
  | 'applyPaint'
  | 'clearPaint'
  | 'writeBulletin'
  | 'loadSettings'
  | 'saveSettings'
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
}

export type WorkerResponse =
  | {
      readonly id: number;
      readonly kind: 'progress';
      readonly done: number;
      readonly total: number;
    }
  | { readonly id: number; readonly kind: 'result'; readonly value: unknown }
  | { readonly id: number; readonly kind: 'error'; readonly error: WorkerError };
