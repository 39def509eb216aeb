import type { BulletinBook } from '../../core/bulletinBook';
import type { CellValue, SheetGrid } from '../../core/grid';
import type { Lang } from '../../core/issue';
import type { PaintPlan } from '../../core/paintPlan';
import type { RowIdentity } from '../../core/workbookRecord/rowIdentity';
import {
  PortError,
  type ApplyReport,
  type ClearReport,
  type PortFeatures,
  type Progress,
  type SheetInfo,
  type WorkbookSettings,
} from '../../port/WorkbookPort';
import { yieldToEventLoop } from '../../session/yieldToEventLoop';
import type { CellWrite, FilePort, ValueWritingPort } from '../../port/optionalPorts';
import {
  CELLS_PER_MESSAGE,
  type WorkerError,
  type WorkerMethod,
  type WorkerRequest,
  type WorkerResponse,
} from './workerProtocol';

/** What WorkerFilePort needs of a Worker (a real one, or a test double). */
export interface WorkerLike {
  postMessage(message: WorkerRequest, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<WorkerResponse>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
  terminate(): void;
}

type RowsMessage = Extract<WorkerResponse, { kind: 'rows' }>;

interface Pending {
  // A property, not a method, so that storing a Promise<T>'s resolve here needs the cast it gets.
  resolve: (value: unknown) => void;
  reject(err: Error): void;
  onProgress?: Progress | undefined;
  onRows?: ((rows: RowsMessage) => void) | undefined;
}

/** The worker itself failed (its script did not load, or it crashed), as opposed to the file. */
export class WorkerFailure extends PortError {
  constructor(message: string) {
    super('unknown', message);
    this.name = 'PortError';
  }
}

function fromWorkerError(e: WorkerError): Error {
  if (e.name === 'PortError' && e.code) return new PortError(e.code, e.message, e.detail, e.words);
  return new Error(e.message);
}

/**
 * The xlsx adapter running in a worker, behind the same FilePort the page would use in-thread.
 * ExcelJS's parse, paint and write each take seconds on a 100 000-row sheet; off the main thread
 * the page keeps painting its progress bar and answering the user.
 */
export class WorkerFilePort implements FilePort, ValueWritingPort {
  readonly features: PortFeatures = { live: false, drawsCharts: false };
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  private constructor(private readonly worker: WorkerLike) {
    worker.onmessage = (e) => this.receive(e.data);
    worker.onerror = (e) => {
      e.preventDefault?.();
      this.failAll(new WorkerFailure(e.message || 'the xlsx worker stopped'));
    };
  }

  /** Opens .xlsx bytes in the worker; the bytes are handed over (transferred), not copied. */
  static async open(worker: WorkerLike, data: ArrayBuffer, lang: Lang): Promise<WorkerFilePort> {
    const port = new WorkerFilePort(worker);
    try {
      await port.call<null>('open', [data, lang], [data]);
    } catch (err) {
      worker.terminate();
      throw err;
    }
    return port;
  }

  private receive(message: WorkerResponse): void {
    const p = this.pending.get(message.id);
    if (!p) return;
    if (message.kind === 'progress') {
      p.onProgress?.(message.done, message.total);
      return;
    }
    if (message.kind === 'rows') {
      p.onRows?.(message);
      return;
    }
    this.pending.delete(message.id);
    if (message.kind === 'result') p.resolve(message.value);
    else p.reject(fromWorkerError(message.error));
  }

  private failAll(err: Error): void {
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }

  private call<T>(
    method: WorkerMethod,
    args: readonly unknown[],
    transfer: Transferable[] = [],
    onProgress?: Progress,
    onRows?: (rows: RowsMessage) => void,
  ): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, {
        resolve: resolve as (v: unknown) => void,
        reject,
        onProgress,
        onRows,
      });
      this.worker.postMessage({ id, method, args }, transfer);
    });
  }

  listSheets(): Promise<SheetInfo[]> {
    return this.call('listSheets', []);
  }

  /** The worker sends the rows ahead in pieces (ROWS_PER_MESSAGE), then the rest of the grid. */
  async readSheet(name: string, onProgress?: Progress): Promise<SheetGrid> {
    const values: (readonly CellValue[])[] = [];
    const formats: (readonly (string | null | undefined)[] | undefined)[] = [];
    let hasFormats = false;
    const rest = await this.call<Omit<SheetGrid, 'values' | 'numberFormats'>>(
      'readSheet',
      [name],
      [],
      onProgress,
      (piece) => {
        values.length = Math.max(values.length, piece.start + piece.values.length);
        piece.values.forEach((row, i) => (values[piece.start + i] = row));
        if (piece.formats) {
          hasFormats = true;
          piece.formats.forEach((row, i) => (formats[piece.start + i] = row));
        }
      },
    );
    return { ...rest, values, ...(hasFormats ? { numberFormats: formats } : {}) };
  }

  applyPaint(plan: PaintPlan, onProgress?: Progress): Promise<ApplyReport> {
    return this.call('applyPaint', [plan], [], onProgress);
  }

  clearPaint(sheet: string, now?: RowIdentity): Promise<ClearReport> {
    return this.call('clearPaint', [sheet, now ?? null]);
  }

  /**
   * A bulletin's cells go ahead in pieces (CELLS_PER_MESSAGE), a task apart: the list of what is
   * behind on a long sheet has hundreds of thousands of cells, too many to encode in one task.
   */
  async writeBulletin(book: BulletinBook): Promise<{ readonly sheets: readonly string[] }> {
    const cells = book.sheets.reduce((n, sh) => n + sh.cells.length, 0);
    if (cells <= CELLS_PER_MESSAGE) return this.call('writeBulletin', [book]);
    const staged: Promise<unknown>[] = [];
    for (const [i, sheet] of book.sheets.entries()) {
      for (let start = 0; start < sheet.cells.length; start += CELLS_PER_MESSAGE) {
        const piece = sheet.cells.slice(start, start + CELLS_PER_MESSAGE);
        staged.push(this.call('stageBulletinCells', [i, piece]));
        await yieldToEventLoop();
      }
    }
    const bare = { ...book, sheets: book.sheets.map((sh) => ({ ...sh, cells: [] })) };
    const written = this.call<{ readonly sheets: readonly string[] }>('writeBulletin', [
      bare,
      true,
    ]);
    const [result] = await Promise.all([written, ...staged]);
    return result;
  }

  loadSettings(): Promise<WorkbookSettings> {
    return this.call('loadSettings', []);
  }

  saveSettings(settings: WorkbookSettings): Promise<void> {
    return this.call('saveSettings', [settings]);
  }

  async readRecords(): Promise<ReadonlyMap<string, string>> {
    return new Map(await this.call<[string, string][]>('readRecords', []));
  }

  writeRecords(changes: ReadonlyMap<string, string | undefined>): Promise<void> {
    return this.call('writeRecords', [[...changes]]);
  }

  /** Collected values into user cells, in the worker's workbook (see ValueWritingPort). */
  writeValues(sheet: string, cells: readonly CellWrite[]): Promise<void> {
    return this.call('writeValues', [sheet, cells]);
  }

  save(): Promise<Uint8Array> {
    return this.call('save', []);
  }

  /** Stops the worker; the port is unusable afterwards. */
  dispose(): void {
    this.failAll(new PortError('unknown', 'the workbook was closed'));
    this.worker.terminate();
  }
}
