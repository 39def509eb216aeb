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
  /**
   * Characters per text cell when the add-in stores JSON on its own sheet (Excel allows 32,767).
   * Small, because a record is written as one row of parts that a refused request halves, and a
   * single part must fit any request Excel takes; the parts go in one range, so their number
   * costs no proxies.
   */
  stateChunkChars: 250,
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

/** True when Excel refused a request for its size: nothing of it was carried out. */
export function isRequestTooLarge(e: unknown): boolean {
  return (
    typeof e === 'object' &&
    e !== null &&
    (e as { code?: unknown }).code === 'RequestPayloadSizeLimitExceeded'
  );
}

/**
 * Which kinds of work (the tags given to RequestBudget.add) went through, and which were in the
 * request that failed: enough to tell the user what is done and what is not.
 */
export class WriteLog {
  readonly done = new Set<string>();
  failed: ReadonlySet<string> | null = null;

  /** True when some work tagged one of `tags` was in the failed request. */
  failedAny(tags: readonly string[]): boolean {
    return tags.some((t) => this.failed?.has(t) === true);
  }

  doneAny(tags: readonly string[]): boolean {
    return tags.some((t) => this.done.has(t));
  }
}

/** A piece of queued work: its estimated bytes, how to queue it, how to halve it if too large. */
export interface Work {
  readonly bytes: number;
  readonly queue: () => void;
  /** The same work in smaller pieces, for when Excel refuses even this piece alone. */
  readonly split?: () => Work[];
}

interface Item extends Work {
  readonly tag: string;
}

/**
 * Queues writes and syncs only when the next one would push the request over the byte budget, so
 * the number of syncs follows the bytes written, never the number of rows. When Excel still finds
 * a request too large, its work is queued again in halves (each piece of work queues fresh
 * proxies, so it can be queued twice), a piece that is too large alone is split, and the smaller
 * limit is kept for the rest.
 */
export class RequestBudget {
  private items: Item[] = [];
  private used = 0;
  private syncs = 0;
  private limit: number;

  constructor(
    private readonly ctx: Syncable,
    limit: number = LIMITS.requestBytes,
    /** Queued once at the start of every request, e.g. suspending recalculation. */
    private readonly onNewRequest?: () => void,
    private readonly log: WriteLog = new WriteLog(),
  ) {
    this.limit = limit;
  }

  /** Queues one piece of work of `bytes` estimated request size, tagged with what it does. */
  async add(bytes: number, queue: () => void, tag = '', split?: () => Work[]): Promise<void> {
    await this.addWork(split ? { bytes, queue, split } : { bytes, queue }, tag);
  }

  /** Queues a piece of work built by a function that can also halve it (see Work). */
  async addWork(work: Work, tag = ''): Promise<void> {
    if (this.items.length > 0 && this.used + work.bytes > this.limit) await this.flush();
    if (this.items.length === 0) this.onNewRequest?.();
    work.queue();
    this.items.push({ ...work, tag });
    this.used += work.bytes;
  }

  /** Sends whatever is queued. */
  async flush(): Promise<void> {
    if (this.items.length === 0) return;
    const items = this.items;
    const bytes = this.used;
    this.items = [];
    this.used = 0;
    await this.send(items, bytes);
  }

  private async send(items: readonly Item[], bytes: number): Promise<void> {
    this.syncs++;
    try {
      await this.ctx.sync();
    } catch (e) {
      const pieces =
        items.length > 1
          ? items
          : (items[0]?.split?.().map((w) => ({ ...w, tag: (items[0] as Item).tag })) ?? []);
      if (!isRequestTooLarge(e) || pieces.length < 2) {
        this.log.failed = new Set(items.map((i) => i.tag));
        throw e;
      }
      this.limit = Math.max(1, Math.floor(bytes / 2));
      let group: Item[] = [];
      let used = 0;
      const resend = async (): Promise<void> => {
        this.onNewRequest?.();
        for (const item of group) item.queue();
        const sent = group;
        const sentBytes = used;
        group = [];
        used = 0;
        await this.send(sent, sentBytes);
      };
      for (const item of pieces) {
        if (group.length > 0 && used + item.bytes > this.limit) await resend();
        group.push(item);
        used += item.bytes;
      }
      if (group.length > 0) await resend();
      return;
    }
    for (const item of items) this.log.done.add(item.tag);
  }

  /** Syncs sent so far by this budget. */
  get syncCount(): number {
    return this.syncs;
  }
}
