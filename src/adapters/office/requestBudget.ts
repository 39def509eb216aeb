/**
 * Size limits the adapter keeps to. Excel on the web rejects a request or a response over 5 MB;
 * we stay far below it so that the overhead Office.js adds around our data never matters.
 */
export const LIMITS = {
  /** Largest request we queue before syncing, counted as UTF-8 bytes of the data we send. */
  requestBytes: 900_000,
  /** Largest response we ask for in one sync, estimated before the load is queued. */
  responseBytes: 2_000_000,
  /** Characters per union address given to Worksheet.getRanges (Excel fails near 8,192). */
  addressChars: 4_000,
  /** Rows per block when reading a sheet and when writing the status column. */
  blockRows: 5_000,
  /** Cells per block when reading a sheet, so wide sheets start with shorter blocks. */
  blockCells: 100_000,
  /** Cells per block when checking and reading fills (getCellProperties returns ~60 bytes a cell). */
  fillBlockCells: 8_000,
  /** Characters per text cell when the add-in stores JSON on its own sheet (Excel allows 32,767). */
  stateChunkChars: 30_000,
} as const;

/** What Office.js adds per queued action and object path, beyond the data itself. */
export const OP_OVERHEAD_BYTES = 200;

/** Estimated bytes per cell of a getCellProperties({ format: { fill } }) response. */
export const FILL_PROPS_BYTES_PER_CELL = 90;

/** UTF-8 length of a string, without TextEncoder or Buffer so it runs anywhere. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Estimated request bytes of queuing `ops` actions that carry `data` (JSON-serialised). */
export function estimateBytes(data: unknown, ops = 1): number {
  return utf8Length(JSON.stringify(data) ?? '') + ops * OP_OVERHEAD_BYTES;
}

/** The part of Excel.RequestContext a batch needs. */
export interface Syncable {
  sync(): Promise<void>;
}

/**
 * Queues writes and syncs only when the next one would push the request over the byte budget, so
 * the number of syncs follows the bytes written, never the number of rows.
 */
export class RequestBudget {
  private used = 0;
  private syncs = 0;

  constructor(
    private readonly ctx: Syncable,
    private readonly limit: number = LIMITS.requestBytes,
    /** Queued once at the start of every request, e.g. suspending recalculation. */
    private readonly onNewRequest?: () => void,
  ) {}

  /** Queues one piece of work of `bytes` estimated request size; returns what `queue` returns. */
  async add<T>(bytes: number, queue: () => T): Promise<T> {
    if (this.used > 0 && this.used + bytes > this.limit) await this.flush();
    if (this.used === 0) this.onNewRequest?.();
    const out = queue();
    this.used += bytes;
    return out;
  }

  /** Sends whatever is queued. */
  async flush(): Promise<void> {
    if (this.used === 0) return;
    this.used = 0;
    this.syncs++;
    await this.ctx.sync();
  }

  /** Syncs sent so far by this budget. */
  get syncCount(): number {
    return this.syncs;
  }
}
