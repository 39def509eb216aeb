import { createXlsxWorkerHandler } from './xlsxWorkerHandler';
import type { WorkerRequest, WorkerResponse } from './workerProtocol';

// A dedicated worker: ExcelJS parses, paints and writes here, so the page never freezes on it.
interface WorkerScope {
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerResponse, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;
const handle = createXlsxWorkerHandler((message, transfer) =>
  scope.postMessage(message, transfer ?? []),
);
scope.onmessage = (e) => void handle(e.data);
