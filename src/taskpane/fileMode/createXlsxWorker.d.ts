/** A worker running the xlsx adapter (xlsxWorker.ts), bundled by webpack as its own chunk. */
export function createXlsxWorker(): Worker;
