import type { WorkerLike } from '../../src/taskpane/fileMode/WorkerFilePort';
import type { WorkerRequest, WorkerResponse } from '../../src/taskpane/fileMode/workerProtocol';
import { createXlsxWorkerHandler } from '../../src/taskpane/fileMode/xlsxWorkerHandler';

/** A worker in the same thread: messages are structured-cloned and delivered a task later. */
export class InProcessWorker implements WorkerLike {
  onmessage: ((e: MessageEvent<WorkerResponse>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  terminated = false;
  readonly methods: string[] = [];
  /** What the worker sent back: each message's kind, and its row count for pieces of a sheet. */
  readonly replies: string[] = [];
  private readonly handle = createXlsxWorkerHandler((message) => {
    this.replies.push(
      message.kind === 'rows' ? `rows ${message.start}+${message.values.length}` : message.kind,
    );
    const data = structuredClone(message);
    setTimeout(() => this.onmessage?.({ data } as MessageEvent<WorkerResponse>), 0);
  });

  postMessage(message: WorkerRequest): void {
    this.methods.push(message.method);
    const data = structuredClone(message);
    setTimeout(() => void this.handle(data), 0);
  }

  terminate(): void {
    this.terminated = true;
  }

  crash(message: string): void {
    this.onerror?.({ message, preventDefault: () => undefined } as ErrorEvent);
  }
}
