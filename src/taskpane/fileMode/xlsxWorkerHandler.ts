import { PackageWorkbook } from '../../adapters/xlsxPackage/PackageWorkbook';
import type { BulletinBook, BulletinCell } from '../../core/bulletinBook';
import type { Lang } from '../../core/issue';
import type { PaintPlan } from '../../core/paintPlan';
import type { RowIdentity } from '../../core/workbookRecord/rowIdentity';
import { PortError, type WorkbookSettings } from '../../port/WorkbookPort';
import type { CellWrite } from '../../port/optionalPorts';
import {
  ROWS_PER_MESSAGE,
  type WorkerError,
  type WorkerRequest,
  type WorkerResponse,
} from './workerProtocol';

type Post = (message: WorkerResponse, transfer?: Transferable[]) => void;

function toWorkerError(err: unknown): WorkerError {
  if (err instanceof PortError) {
    return {
      name: 'PortError',
      message: err.message,
      code: err.code,
      ...(err.detail !== undefined ? { detail: err.detail } : {}),
      ...(err.words !== undefined ? { words: err.words } : {}),
    };
  }
  return { name: 'Error', message: err instanceof Error ? err.message : String(err) };
}

/**
 * The worker's side: one workbook, opened from bytes, answering one request at a time so the adapter
 * never sees two operations interleave. Kept apart from the worker's global so tests can drive it.
 */
export function createXlsxWorkerHandler(post: Post): (request: WorkerRequest) => Promise<void> {
  let book: PackageWorkbook | null = null;
  let queue: Promise<void> = Promise.resolve();
  // Cells of the bulletin being sent, by sheet, until 'writeBulletin' asks for them.
  let staged: BulletinCell[][] = [];

  const run = async ({ id, method, args }: WorkerRequest): Promise<void> => {
    const progress = (done: number, total: number) => post({ id, kind: 'progress', done, total });
    try {
      if (method === 'open') {
        book = await PackageWorkbook.open(args[0] as ArrayBuffer, args[1] as Lang);
        post({ id, kind: 'result', value: null });
        return;
      }
      if (book === null) throw new Error('no workbook is open in the worker');
      let value: unknown;
      const transfer: Transferable[] = [];
      switch (method) {
        case 'listSheets':
          value = await book.listSheets();
          break;
        case 'readSheet': {
          // The rows go ahead in pieces, so the page never decodes a whole long sheet at once.
          const { values, numberFormats, ...rest } = await book.readSheet(
            args[0] as string,
            progress,
          );
          for (let start = 0; start < values.length; start += ROWS_PER_MESSAGE) {
            const end = start + ROWS_PER_MESSAGE;
            post({
              id,
              kind: 'rows',
              start,
              values: values.slice(start, end),
              ...(numberFormats ? { formats: numberFormats.slice(start, end) } : {}),
            });
          }
          value = rest;
          break;
        }
        case 'applyPaint':
          value = await book.applyPaint(args[0] as PaintPlan, progress);
          break;
        case 'clearPaint':
          value = await book.clearPaint(
            args[0] as string,
            (args[1] ?? undefined) as RowIdentity | undefined,
          );
          break;
        case 'stageBulletinCells':
          {
            const list = (staged[args[0] as number] ??= []);
            for (const cell of args[1] as BulletinCell[]) list.push(cell);
          }
          value = null;
          break;
        case 'writeBulletin': {
          const sent = args[0] as BulletinBook;
          // A book sent in pieces arrives with empty sheets: its cells were staged.
          const whole =
            args[1] === true
              ? { ...sent, sheets: sent.sheets.map((sh, i) => ({ ...sh, cells: staged[i] ?? [] })) }
              : sent;
          staged = [];
          value = await book.writeBulletin(whole);
          break;
        }
        case 'loadSettings':
          value = await book.loadSettings();
          break;
        case 'saveSettings':
          value = await book.saveSettings(args[0] as WorkbookSettings);
          break;
        case 'readRecords':
          // As entries: what crosses to the page is plain data.
          value = [...(await book.readRecords())];
          break;
        case 'writeRecords':
          value = await book.writeRecords(new Map(args[0] as [string, string | undefined][]));
          break;
        case 'writeValues':
          value = await book.writeValues(args[0] as string, args[1] as CellWrite[]);
          break;
        case 'save': {
          const bytes = await book.save();
          transfer.push(bytes.buffer);
          value = bytes;
          break;
        }
      }
      post({ id, kind: 'result', value }, transfer);
    } catch (err) {
      post({ id, kind: 'error', error: toWorkerError(err) });
    }
  };

  return (request) => {
    queue = queue.then(() => run(request));
    return queue;
  };
}
