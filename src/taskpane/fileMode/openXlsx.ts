import type { Lang } from '../../core/issue';
import type { FilePort } from '../../port/optionalPorts';
import { createXlsxWorker } from './createXlsxWorker';
import { WorkerFailure, WorkerFilePort } from './WorkerFilePort';

/**
 * Opens .xlsx bytes with the package adapter in a worker, so parsing, painting and saving never
 * freeze the page. Where no worker can be started, the adapter runs on the page instead; either
 * way it is fetched only here, never in the first download, and never inside Excel.
 */
export async function openXlsx(data: ArrayBuffer, lang: Lang): Promise<FilePort> {
  let worker: Worker | null = null;
  try {
    worker = typeof Worker === 'function' ? createXlsxWorker() : null;
  } catch {
    worker = null;
  }
  if (worker !== null) {
    try {
      // The worker gets a copy: the bytes stay here in case it cannot start.
      return await WorkerFilePort.open(worker, data.slice(0), lang);
    } catch (err) {
      if (!(err instanceof WorkerFailure)) throw err;
    }
  }
  const { PackageWorkbook } = await import(
    /* webpackChunkName: "xlsx-adapter" */ '../../adapters/xlsxPackage/PackageWorkbook'
  );
  return await PackageWorkbook.open(data, lang);
}
