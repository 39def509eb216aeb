import { readFileSync } from 'fs';
import { PackageWorkbook } from '../../../src/adapters/xlsxPackage/PackageWorkbook';
import { openXlsx } from '../../../src/taskpane/fileMode/openXlsx';
import { WorkerFilePort, type WorkerLike } from '../../../src/taskpane/fileMode/WorkerFilePort';
import type { WorkerRequest, WorkerResponse } from '../../../src/taskpane/fileMode/workerProtocol';
import { createXlsxWorkerHandler } from '../../../src/taskpane/fileMode/xlsxWorkerHandler';
import { SAMPLE } from '../../support/samples';

let makeWorker: () => WorkerLike = () => {
  throw new Error('no worker configured');
};
jest.mock('../../../src/taskpane/fileMode/createXlsxWorker', () => ({
  createXlsxWorker: () => makeWorker(),
}));

/** A worker whose script never loads: it reports an error on the first message. */
class DeadWorker implements WorkerLike {
  onmessage: ((e: MessageEvent<WorkerResponse>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  terminated = false;
  postMessage(): void {
    setTimeout(() => this.onerror?.({ message: 'worker script blocked' } as ErrorEvent), 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}

class LiveWorker implements WorkerLike {
  onmessage: ((e: MessageEvent<WorkerResponse>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  private readonly handle = createXlsxWorkerHandler((m) => {
    const data = structuredClone(m);
    setTimeout(() => this.onmessage?.({ data } as MessageEvent<WorkerResponse>), 0);
  });
  postMessage(m: WorkerRequest): void {
    const data = structuredClone(m);
    setTimeout(() => void this.handle(data), 0);
  }
  terminate(): void {}
}

function sampleBytes(): ArrayBuffer {
  const b = readFileSync(SAMPLE);
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
}

const g = globalThis as { Worker?: unknown };
beforeEach(() => {
  g.Worker = function Worker() {};
});
afterEach(() => {
  delete g.Worker;
});

describe('openXlsx', () => {
  it('opens the file in a worker when one can start', async () => {
    makeWorker = () => new LiveWorker();
    const port = await openXlsx(sampleBytes(), 'zh');
    expect(port).toBeInstanceOf(WorkerFilePort);
    expect((await port.listSheets()).map((s) => s.name)).toEqual(['重点项目', '填表说明']);
  });

  it('opens the file on the page when the worker cannot start', async () => {
    const dead = new DeadWorker();
    makeWorker = () => dead;
    const port = await openXlsx(sampleBytes(), 'zh');
    expect(port).toBeInstanceOf(PackageWorkbook);
    expect(dead.terminated).toBe(true);
    expect((await port.listSheets()).map((s) => s.name)).toEqual(['重点项目', '填表说明']);
  });

  it('does not retry on the page when the file itself is not a workbook', async () => {
    makeWorker = () => new LiveWorker();
    await expect(openXlsx(new TextEncoder().encode('hello').buffer, 'zh')).rejects.toMatchObject({
      name: 'PortError',
      code: 'not_xlsx',
    });
  });
});
