/**
 * recordingExcel: an in-memory fake of the part of the Excel JavaScript API (Office.js) that
 * src/adapters/office uses, so the adapter can be tested without Excel and its traffic measured.
 *
 * THE MODEL. A workbook of sheets; each sheet is a sparse grid of cells (value, formula, number
 * format, fill, font/alignment/border flags) plus merges, hidden rows, column widths, protection,
 * visibility, page layout and charts. The workbook also has settings. Tests build a workbook with
 * `addSheet` and the FakeSheet helpers, run the adapter against `excel.run`, then assert on the
 * final state (`sheet.value('B5')`, `sheet.fillOf('B5')`, `excel.settings`, …).
 *
 * HOW IT BEHAVES LIKE OFFICE.JS (where the adapter could get it wrong):
 * - Every property set, method call and load on a proxy is queued; nothing reaches the workbook
 *   until `context.sync()`, which runs the queue in order. Reading a property that was not loaded
 *   and synced throws PropertyNotLoaded. A batch that returns with operations still queued fails.
 * - Range.values / numberFormat take 2-D arrays shaped like the range (else InvalidArgument);
 *   `null` leaves a cell unchanged; "" empties it. A string starting with = + - @ written to a cell
 *   not formatted "@" becomes a formula; numeric text becomes a number. Reads give errors as their
 *   text ("#N/A") with valueTypes "Error", and empty cells as "" with valueTypes "Empty".
 * - getItem → ItemNotFound at sync; *OrNullObject → isNullObject; worksheets.add of an existing
 *   name → ItemAlreadyExists; getRanges with an address over 8,192 characters → InvalidArgument.
 * - A multi-cell range's format.fill reads null for color/pattern when its cells differ. A cell
 *   without fill reads color "#FFFFFF", pattern "None". Colours must be "#RRGGBB".
 * - Writing to a protected sheet throws AccessDenied at that operation. Operations run in order and
 *   one that fails stops the rest of its request, those before it staying done, as in Excel.
 * - Deleting a very hidden sheet throws InvalidOperation (Excel's reference says so).
 * - workbook.functions.date(y, m, d) gives DATE()'s serial in the workbook's date system
 *   (`excel.date1904`): DATE(1904,1,1) is 1462, or 0 in the 1904 system.
 * - Merging a range already merged exactly so changes nothing. Range.getUsedRangeOrNullObject.
 * - While the user edits a cell (`startCellEdit()` until `endCellEdit()`), a sync fails with
 *   InvalidOperationInCellEditMode, or, in a run made with `runWith({ delayForCellEdit: true })`,
 *   waits until editing ends.
 * - Worksheet.activate() makes the sheet the one Excel shows (`excel.activeSheet`); Range.select()
 *   sets the selection of the range's own sheet (each sheet keeps its own, `sheet.selection`, "A1"
 *   to begin with). The fake's select does not switch sheets, so a test sees whether the adapter
 *   activated the sheet itself; what the user sees selected is `excel.selection`, the active
 *   sheet's. Neither is a write (stats.writes): they change what is shown, not the workbook.
 *
 * WHAT IT RECORDS (`excel.stats`, cleared by `resetStats()`):
 * - `syncs`: context.sync() calls; `runs`: Excel.run calls;
 * - `proxies`: proxy objects created (ranges, formats, fills, client results, sheets, …);
 * - `requests[i]`: for each sync, `bytes` = UTF-8 length of JSON.stringify of the operations
 *   queued since the previous sync, arguments included (an address string or a 2-D values array
 *   counts its real size), and `ops` = how many operations;
 * - `responses[i]`: bytes of what that sync's loads returned (JSON of the loaded values);
 * - `writes`: every mutating operation as { sheet, address, what } (what: "values",
 *   "numberFormat", "fill", "clear", "merge", "replaceAll", …);
 * - `suspendCalls`: application.suspendApiCalculationUntilNextSync() calls; `calculations`: each
 *   application.calculate(type), marked "(suspended)" when queued in a suspended request.
 *
 * HELPERS FOR TESTS:
 * - `excel.addSheet(name, rows, topLeft?)`, `excel.sheet(name)`, `excel.sheets`, `excel.settings`
 *   (a Map), `excel.calculationMode`, `excel.largestRequest`, `excel.largestResponse`;
 * - `excel.activeSheet` (the first sheet until one is activated), `excel.activate(name)` as the
 *   user clicking a sheet tab, `excel.selection` ({ sheet, address } the user sees selected);
 * - `excel.runWith(options)`: Excel.run with options (`excel.run` is runWith({}));
 * - on a FakeSheet (A1 addresses): `value`, `formula`, `numberFormat`, `fillOf` ("#RRGGBB" or
 *   null), `style`, `setValues`, `setFill`, `setNumberFormat`, `merge`; `contents()` and
 *   `fillMap()` snapshot every value and every fill for before/after comparisons, `snapshot()`
 *   everything a user could see; `insertRows`, `deleteRows`, `insertColumns`, `deleteColumns`
 *   as Excel's Insert and Delete (inserted rows take the formats of the row above, inserted
 *   columns those of the column to the left); `merges`, `hiddenRows`, `columnWidths`,
 *   `visibility`, `pageLayout`, `charts` are plain fields.
 *
 * FAULTS IT CAN INJECT:
 * - `failAtSync(n, code, { applied })`: the n-th sync (1-based, counted since the last resetStats)
 *   throws an OfficeExtension-like error { code, message, debugInfo } having carried out the
 *   share `applied` (0 to 1, default 0) of its operations, in order;
 * - `afterSync(n, fn)`: runs fn right after the n-th sync, as a user acting between two requests
 *   (protecting the sheet, starting to edit a cell);
 * - `maxRequestBytes`: a sync whose request is larger throws RequestPayloadSizeLimitExceeded and
 *   applies nothing; `maxResponseBytes`: a sync whose loads return more throws
 *   ResponsePayloadSizeLimitExceeded (its writes, if any, were applied);
 * - `sheet.isProtected = true` (or `excel.protect(name)`): the sheet reports protection.protected
 *   and every write to it throws AccessDenied;
 * - `rejectZoom(zoom)`: page layout zoom values it returns true for throw InvalidArgument.
 */
import { columnLetters, columnNumber } from '../../src/core/grid';
import type { ExcelRun } from '../../src/adapters/office/excelRun';

export type FakeValue = string | number | boolean | null | { readonly error: string };

export interface FakeFill {
  /** "#RRGGBB", upper case. */
  readonly color: string;
  /** "Solid", "Gray50", … (never "None": no fill is the absence of a FakeFill). */
  readonly pattern: string;
  readonly patternColor?: string;
}

export interface FakeCellStyle {
  bold?: boolean;
  fontSize?: number;
  horizontalAlignment?: string;
  wrapText?: boolean;
  /** Border edges set on the cell's range ("EdgeTop", "InsideHorizontal", …). */
  borders?: string[];
}

export interface FakeChart {
  type: string;
  source: string;
  seriesBy: string;
  title?: string;
  position?: string;
  series: { name?: string; values?: string; xValues?: string; color?: string }[];
}

export interface FakeRect {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** What FakeSheet.snapshot returns. */
export interface SheetSnapshot {
  readonly values: [string, unknown][];
  readonly formulas: [string, unknown][];
  readonly numberFormats: [string, unknown][];
  readonly fills: [string, unknown][];
  readonly styles: [string, unknown][];
  readonly merges: string[];
  readonly hiddenRows: number[];
  readonly columnWidths: [number, number][];
  readonly visibility: string;
}

/** The Excel.run options the fake understands. */
export interface FakeRunOptions {
  readonly delayForCellEdit?: boolean;
  readonly mergeUndoGroup?: boolean;
}

export interface FakeStats {
  syncs: number;
  runs: number;
  proxies: number;
  requests: { bytes: number; ops: number }[];
  responses: number[];
  writes: { sheet: string; address: string; what: string }[];
  suspendCalls: number;
  calculations: string[];
}

/** The error Office.js throws: OfficeExtension.Error has a code, a message and debugInfo. */
export class FakeOfficeError extends Error {
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(
    readonly code: string,
    message: string,
    errorLocation?: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
    this.debugInfo =
      errorLocation === undefined ? { code, message } : { code, message, errorLocation };
  }
}

const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;
const ROW_STRIDE = 20_000;
const key = (row: number, col: number): number => row * ROW_STRIDE + col;
const rowOf = (k: number): number => Math.floor(k / ROW_STRIDE);
const colOf = (k: number): number => k % ROW_STRIDE;

function utf8Length(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** "B3", "B3:N9", "3:5" (whole rows), "C:D" (whole columns), "$B$3"; null when none of those. */
export function parseA1Range(address: string): FakeRect | null {
  const a = address.trim().replace(/\$/g, '');
  let m = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/i.exec(a);
  if (m && m[1] && m[2]) {
    const c1 = columnNumber(m[1]);
    const r1 = Number(m[2]);
    const c2 = m[3] ? columnNumber(m[3]) : c1;
    const r2 = m[4] ? Number(m[4]) : r1;
    return {
      top: Math.min(r1, r2),
      bottom: Math.max(r1, r2),
      left: Math.min(c1, c2),
      right: Math.max(c1, c2),
    };
  }
  m = /^(\d+):(\d+)$/.exec(a);
  if (m && m[1] && m[2]) {
    return { top: Number(m[1]), bottom: Number(m[2]), left: 1, right: MAX_COLS };
  }
  m = /^([A-Z]{1,3}):([A-Z]{1,3})$/i.exec(a);
  if (m && m[1] && m[2]) {
    return { top: 1, bottom: MAX_ROWS, left: columnNumber(m[1]), right: columnNumber(m[2]) };
  }
  return null;
}

function a1Of(r: FakeRect): string {
  const tl = `${columnLetters(r.left)}${r.top}`;
  return r.top === r.bottom && r.left === r.right
    ? tl
    : `${tl}:${columnLetters(r.right)}${r.bottom}`;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function* cellsOf(r: FakeRect): Generator<[number, number]> {
  for (let row = r.top; row <= r.bottom; row++) {
    for (let col = r.left; col <= r.right; col++) yield [row, col];
  }
}

function normalizeColor(color: unknown): string {
  if (typeof color !== 'string' || !/^#[0-9A-Fa-f]{6}$/.test(color)) {
    throw new FakeOfficeError(
      'InvalidArgument',
      `The argument is invalid or missing or has an incorrect format: colour ${String(color)}`,
    );
  }
  return color.toUpperCase();
}

/** One worksheet of the fake workbook, with helpers that take A1 addresses. */
export class FakeSheet {
  readonly values = new Map<number, FakeValue>();
  readonly formulas = new Map<number, string>();
  readonly numberFormats = new Map<number, string>();
  readonly fills = new Map<number, FakeFill>();
  readonly styles = new Map<number, FakeCellStyle>();
  merges: FakeRect[] = [];
  readonly hiddenRows = new Set<number>();
  readonly columnWidths = new Map<number, number>();
  /** Row heights in points set through format.rowHeight. */
  readonly rowHeights = new Map<number, number>();
  isProtected = false;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  pageLayout: {
    orientation?: string;
    paperSize?: string;
    zoom?: unknown;
    printTitleRows?: string;
  } = {};
  readonly charts: FakeChart[] = [];
  /** The sheet's own selection, as Excel keeps one per sheet ("B5", "B5:C9"). */
  selection = 'A1';

  constructor(public name: string) {}

  private cell(a1: string): [number, number] {
    const r = parseA1Range(a1);
    if (!r) throw new Error(`not an A1 address: ${a1}`);
    return [r.top, r.left];
  }

  private rect(a1: string): FakeRect {
    const r = parseA1Range(a1);
    if (!r) throw new Error(`not an A1 address: ${a1}`);
    return r;
  }

  /** The cell's value (a formula cell reads null: the fake does not calculate). */
  value(a1: string): FakeValue {
    const [r, c] = this.cell(a1);
    return this.values.get(key(r, c)) ?? null;
  }

  formula(a1: string): string | undefined {
    const [r, c] = this.cell(a1);
    return this.formulas.get(key(r, c));
  }

  numberFormat(a1: string): string {
    const [r, c] = this.cell(a1);
    return this.numberFormats.get(key(r, c)) ?? 'General';
  }

  /** The cell's fill ("#RRGGBB", or "#RRGGBB|Pattern|#RRGGBB" when patterned), null for none. */
  fillOf(a1: string): string | null {
    const [r, c] = this.cell(a1);
    const f = this.fills.get(key(r, c));
    if (!f) return null;
    return f.pattern === 'Solid' ? f.color : `${f.color}|${f.pattern}|${f.patternColor ?? ''}`;
  }

  style(a1: string): FakeCellStyle {
    const [r, c] = this.cell(a1);
    return this.styles.get(key(r, c)) ?? {};
  }

  /** Writes values from `topLeft` on, as a user would have typed them (no formula parsing). */
  setValues(topLeft: string, rows: readonly (readonly FakeValue[])[]): this {
    const [r0, c0] = this.cell(topLeft);
    rows.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v === null || v === '') this.values.delete(key(r0 + i, c0 + j));
        else this.values.set(key(r0 + i, c0 + j), v);
      }),
    );
    return this;
  }

  /** Sets (or, with null, removes) the fill of every cell of `range`. */
  setFill(range: string, color: string | null, pattern = 'Solid', patternColor?: string): this {
    for (const [r, c] of cellsOf(this.rect(range))) {
      if (color === null) this.fills.delete(key(r, c));
      else {
        const fill: FakeFill =
          patternColor === undefined
            ? { color: color.toUpperCase(), pattern }
            : { color: color.toUpperCase(), pattern, patternColor: patternColor.toUpperCase() };
        this.fills.set(key(r, c), fill);
      }
    }
    return this;
  }

  setNumberFormat(range: string, format: string): this {
    for (const [r, c] of cellsOf(this.rect(range))) this.numberFormats.set(key(r, c), format);
    return this;
  }

  merge(range: string): this {
    this.merges.push(this.rect(range));
    return this;
  }

  /**
   * Inserts `count` rows before row `at`, as Excel's Insert does: rows below move down, merges
   * across the line grow, and the new rows take the formats (fills included) of the row above.
   */
  insertRows(at: number, count = 1): this {
    this.shift('row', at, count);
    return this;
  }

  /** Deletes rows at..at+count-1: rows below move up, merges shrink or go. */
  deleteRows(at: number, count = 1): this {
    this.shift('row', at, -count);
    return this;
  }

  /** Inserts `count` columns before column `at` (letters), taking the formats of the column left of it. */
  insertColumns(at: string, count = 1): this {
    this.shift('col', columnNumber(at), count);
    return this;
  }

  deleteColumns(at: string, count = 1): this {
    this.shift('col', columnNumber(at), -count);
    return this;
  }

  /** Moves every cell, merge, hidden row and column width across an insertion or deletion. */
  private shift(axis: 'row' | 'col', at: number, delta: number): void {
    const move = (i: number): number | null => {
      if (i < at) return i;
      if (delta > 0) return i + delta;
      return i < at - delta ? null : i + delta;
    };
    const moveKey = (k: number): number | null => {
      const r = rowOf(k);
      const c = colOf(k);
      const m = move(axis === 'row' ? r : c);
      if (m === null) return null;
      return axis === 'row' ? key(m, c) : key(r, m);
    };
    const remap = <V>(map: Map<number, V>): void => {
      const entries = [...map];
      map.clear();
      for (const [k, v] of entries) {
        const n = moveKey(k);
        if (n !== null) map.set(n, v);
      }
    };
    // Formats the inserted rows or columns copy: those of the row above or the column to the left.
    const copied: [Map<number, unknown>, number, unknown][] = [];
    if (delta > 0 && at > 1) {
      for (const map of [this.numberFormats, this.fills, this.styles] as Map<number, unknown>[]) {
        for (const [k, v] of map) {
          if ((axis === 'row' ? rowOf(k) : colOf(k)) !== at - 1) continue;
          for (let i = 0; i < delta; i++) {
            copied.push([map, axis === 'row' ? key(at + i, colOf(k)) : key(rowOf(k), at + i), v]);
          }
        }
      }
    }
    remap(this.values);
    remap(this.formulas);
    remap(this.numberFormats);
    remap(this.fills);
    remap(this.styles);
    for (const [map, k, v] of copied) map.set(k, v);

    const lo = axis === 'row' ? 'top' : 'left';
    const hi = axis === 'row' ? 'bottom' : 'right';
    this.merges = this.merges.flatMap((m) => {
      let a = m[lo];
      let b = m[hi];
      if (delta > 0) {
        if (a >= at) a += delta;
        if (b >= at) b += delta;
      } else {
        const gone = -delta;
        a = a < at ? a : Math.max(at, a - gone);
        b = b < at ? b : b < at + gone ? at - 1 : b - gone;
      }
      const next = { ...m, [lo]: a, [hi]: b };
      const single = next.top === next.bottom && next.left === next.right;
      return b < a || single ? [] : [next];
    });
    if (axis === 'row') {
      const hidden = [...this.hiddenRows];
      this.hiddenRows.clear();
      for (const r of hidden) {
        const m = move(r);
        if (m !== null) this.hiddenRows.add(m);
      }
    } else {
      const widths = [...this.columnWidths];
      this.columnWidths.clear();
      for (const [c, w] of widths) {
        const m = move(c);
        if (m !== null) this.columnWidths.set(m, w);
      }
    }
  }

  /**
   * Everything about the sheet a user could see, as plain sorted data: values, formulas, number
   * formats, fills, styles, merges, hidden rows, column widths and visibility. Two snapshots are
   * equal exactly when the sheets look the same.
   */
  snapshot(): SheetSnapshot {
    const a1 = (k: number): string => `${columnLetters(colOf(k))}${rowOf(k)}`;
    const sorted = <V>(m: Map<number, V>, f: (v: V) => unknown = (v) => v): [string, unknown][] =>
      [...m].sort(([a], [b]) => a - b).map(([k, v]) => [a1(k), f(v)]);
    return {
      values: sorted(this.values),
      formulas: sorted(this.formulas),
      numberFormats: sorted(this.numberFormats),
      fills: sorted(this.fills, (f) => ({ ...f })),
      styles: sorted(this.styles, (st) => ({ ...st })),
      merges: this.merges.map(a1Of).sort(),
      hiddenRows: [...this.hiddenRows].sort((a, b) => a - b),
      columnWidths: [...this.columnWidths].sort(([a], [b]) => a - b),
      visibility: this.visibility,
    };
  }

  /** Every cell value and formula, keyed by A1 address: to compare before and after. */
  contents(): Map<string, FakeValue | string> {
    const out = new Map<string, FakeValue | string>();
    for (const [k, v] of this.values) out.set(`${columnLetters(colOf(k))}${rowOf(k)}`, v);
    for (const [k, f] of this.formulas) out.set(`${columnLetters(colOf(k))}${rowOf(k)}`, f);
    return out;
  }

  /** Every fill, keyed by A1 address. */
  fillMap(): Map<string, string> {
    const out = new Map<string, string>();
    for (const k of this.fills.keys()) {
      const a1 = `${columnLetters(colOf(k))}${rowOf(k)}`;
      out.set(a1, this.fillOf(a1) as string);
    }
    return out;
  }

  /**
   * The smallest rectangle holding every value (and, unless valuesOnly, every format), within
   * `within` when given.
   */
  usedRect(valuesOnly: boolean, within?: FakeRect): FakeRect | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -Infinity;
    let right = -Infinity;
    const take = (k: number): void => {
      const r = rowOf(k);
      const c = colOf(k);
      if (within && (r < within.top || r > within.bottom || c < within.left || c > within.right)) {
        return;
      }
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    };
    for (const k of this.values.keys()) take(k);
    for (const k of this.formulas.keys()) take(k);
    if (!valuesOnly) {
      for (const k of this.fills.keys()) take(k);
      for (const k of this.numberFormats.keys()) take(k);
    }
    return top === Infinity ? null : { top, left, bottom, right };
  }
}

interface Op {
  readonly json: unknown;
  readonly apply: () => void;
}

/** One Excel.run's request context: the queue and the proxies' ids. */
class FakeContext {
  queue: Op[] = [];
  private ids = 0;
  readonly workbook: WorkbookProxy;

  constructor(
    readonly excel: RecordingExcel,
    readonly options: FakeRunOptions = {},
  ) {
    this.workbook = new WorkbookProxy(this);
  }

  nextId(): number {
    return ++this.ids;
  }

  sync(): Promise<void> {
    return this.excel.runSync(this);
  }
}

function notLoaded(name: string): FakeOfficeError {
  return new FakeOfficeError(
    'PropertyNotLoaded',
    `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

/** What every fake proxy shares: an id, a creation op, loads, queued sets and calls. */
abstract class FakeProxy<T> {
  readonly _id: number;
  protected _target: T | undefined;
  protected _null = false;
  protected _synced = false;
  protected readonly _loaded = new Map<string, unknown>();
  private readonly _nav = new Map<string, unknown>();

  constructor(
    readonly _ctx: FakeContext,
    creation: { parent: FakeProxy<unknown> | null; name: string; args?: unknown[] } | null,
    resolve: () => T | null,
  ) {
    this._id = _ctx.nextId();
    if (creation === null) {
      this._target = resolve() ?? undefined;
      this._synced = true;
      return;
    }
    _ctx.excel.stats.proxies++;
    _ctx.queue.push({
      json: {
        i: this._id,
        k: 'new',
        p: creation.parent?._id ?? 0,
        n: creation.name,
        a: creation.args,
      },
      apply: () => {
        const t = resolve();
        if (t === null) this._null = true;
        else this._target = t;
        this._synced = true;
      },
    });
  }

  get isNullObject(): boolean {
    if (!this._synced) throw notLoaded('isNullObject');
    return this._null;
  }

  /** The resolved target; a programming error in the fake's user when used before its sync. */
  protected target(): T {
    if (this._null) {
      throw new FakeOfficeError('InvalidOperation', 'The operation is not valid on a null object.');
    }
    if (this._target === undefined) throw new Error('fake proxy used before it was resolved');
    return this._target;
  }

  /** A navigation property: one proxy per parent, created on first use like Office.js does. */
  protected nav<P>(name: string, make: () => P): P {
    let p = this._nav.get(name) as P | undefined;
    if (p === undefined) {
      p = make();
      this._nav.set(name, p);
    }
    return p;
  }

  protected get<V>(name: string): V {
    if (!this._loaded.has(name)) throw notLoaded(name);
    return this._loaded.get(name) as V;
  }

  protected queueSet(name: string, value: unknown, apply: () => void): void {
    this._ctx.queue.push({ json: { i: this._id, k: 'set', n: name, v: value }, apply });
  }

  protected queueCall(name: string, args: unknown[], apply: () => void): void {
    this._ctx.queue.push({ json: { i: this._id, k: 'call', n: name, a: args }, apply });
  }

  /** Queues a load; at sync each named property is read from the model (see read). */
  load(props?: string | string[] | Record<string, unknown>): this {
    const all =
      props === undefined
        ? this.allProps()
        : typeof props === 'string'
          ? props.split(',').map((p) => p.trim())
          : Array.isArray(props)
            ? props
            : Object.keys(props);
    // "protection/protected" loads a property of a navigation property, as Office.js does.
    const names: string[] = [];
    for (const n of all) {
      const slash = n.indexOf('/');
      if (slash < 0) {
        names.push(n);
        continue;
      }
      const child: unknown = Reflect.get(this, n.slice(0, slash));
      if (!(child instanceof FakeProxy)) {
        throw new FakeOfficeError('InvalidArgument', `The fake cannot load '${n}'.`);
      }
      child.load(n.slice(slash + 1));
    }
    if (names.length === 0) return this;
    this._ctx.queue.push({
      json: { i: this._id, k: 'load', n: names },
      apply: () => {
        if (this._null) return;
        for (const n of names) {
          const v = this.read(n);
          this._loaded.set(n, v);
          this._ctx.excel.addResponse(v);
        }
      },
    });
    return this;
  }

  protected allProps(): string[] {
    return [];
  }

  /** Reads property `name` from the model at sync time. */
  protected read(name: string): unknown {
    throw new FakeOfficeError('InvalidArgument', `The fake cannot load '${name}'.`);
  }
}

/** A value a method returns, readable after the sync (OfficeExtension.ClientResult). */
class FakeClientResult<V> {
  private v: V | undefined;
  private done = false;

  constructor(ctx: FakeContext, id: number, name: string, args: unknown[], compute: () => V) {
    ctx.excel.stats.proxies++;
    ctx.queue.push({
      json: { i: id, k: 'call', n: name, a: args },
      apply: () => {
        this.v = compute();
        this.done = true;
        ctx.excel.addResponse(this.v);
      },
    });
  }

  get value(): V {
    if (!this.done) throw notLoaded('value');
    return this.v as V;
  }
}

class WorkbookProxy extends FakeProxy<RecordingExcel> {
  constructor(ctx: FakeContext) {
    super(ctx, null, () => ctx.excel);
  }

  get worksheets(): WorksheetCollectionProxy {
    return this.nav('worksheets', () => new WorksheetCollectionProxy(this._ctx, this));
  }

  get settings(): SettingsProxy {
    return this.nav('settings', () => new SettingsProxy(this._ctx, this));
  }

  get application(): ApplicationProxy {
    return this.nav('application', () => new ApplicationProxy(this._ctx, this));
  }

  get functions(): FunctionsProxy {
    return this.nav('functions', () => new FunctionsProxy(this._ctx, this));
  }

  /** What the user sees selected: the active sheet's selection (excel.selection). */
  getSelectedRange(): RangeProxy {
    return new RangeProxy(this._ctx, this, 'getSelectedRange', [], () => {
      const s = this._ctx.excel.activeSheet;
      if (!s) throw new FakeOfficeError('ItemNotFound', 'No active worksheet.');
      const rects = s.selection.split(',').map((a) => parseA1Range(a) as FakeRect);
      return { sheet: s, rects };
    });
  }
}

/** Excel's serial number of a date in the 1900 or the 1904 date system, as DATE() gives it. */
export function dateSerial(year: number, month: number, day: number, date1904: boolean): number {
  const ms = Date.UTC(year, month - 1, day);
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const serial = Math.round((ms - epoch) / 86_400_000);
  // The 1900 system counts a 29 February 1900 that never was: dates before March 1900 are one less.
  return !date1904 && serial < 61 ? serial - 1 : serial;
}

class FunctionsProxy extends FakeProxy<RecordingExcel> {
  constructor(ctx: FakeContext, parent: WorkbookProxy) {
    super(ctx, { parent, name: 'functions' }, () => ctx.excel);
  }

  /** DATE(year, month, day): a serial number counted in the workbook's date system. */
  date(year: number, month: number, day: number): FunctionResultProxy {
    return new FunctionResultProxy(this._ctx, this, 'date', [year, month, day], () =>
      dateSerial(year, month, day, this._ctx.excel.date1904),
    );
  }
}

/** Excel.FunctionResult: `value` (and `error`, null on success) after a load and a sync. */
class FunctionResultProxy extends FakeProxy<{ value: unknown }> {
  constructor(
    ctx: FakeContext,
    parent: FunctionsProxy,
    name: string,
    args: unknown[],
    compute: () => unknown,
  ) {
    super(ctx, { parent, name, args }, () => ({ value: compute() }));
  }

  get value(): unknown {
    return this.get('value');
  }

  get error(): string | null {
    return this.get('error');
  }

  protected override read(name: string): unknown {
    if (name === 'value') return this.target().value;
    if (name === 'error') return null;
    return super.read(name);
  }
}

class ApplicationProxy extends FakeProxy<RecordingExcel> {
  constructor(ctx: FakeContext, parent: WorkbookProxy) {
    super(ctx, { parent, name: 'application' }, () => ctx.excel);
  }

  suspendApiCalculationUntilNextSync(): void {
    this.queueCall('suspendApiCalculationUntilNextSync', [], () => {
      this._ctx.excel.stats.suspendCalls++;
      this._ctx.excel.calculationSuspended = true;
    });
  }

  calculate(type: string): void {
    this.queueCall('calculate', [type], () => {
      // Recalculating inside a suspended request would not help: the adapter must do it after.
      this._ctx.excel.stats.calculations.push(
        this._ctx.excel.calculationSuspended ? `${type} (suspended)` : type,
      );
    });
  }

  get calculationMode(): string {
    return this.get('calculationMode');
  }

  protected override read(name: string): unknown {
    return name === 'calculationMode' ? this.target().calculationMode : super.read(name);
  }
}

class WorksheetCollectionProxy extends FakeProxy<RecordingExcel> {
  constructor(ctx: FakeContext, parent: WorkbookProxy) {
    super(ctx, { parent, name: 'worksheets' }, () => ctx.excel);
  }

  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this._ctx, this, 'getItem', [name], () => {
      const s = this._ctx.excel.findSheet(name);
      if (!s) {
        throw new FakeOfficeError(
          'ItemNotFound',
          "The requested resource doesn't exist.",
          'WorksheetCollection.getItem',
        );
      }
      return s;
    });
  }

  getItemOrNullObject(name: string): WorksheetProxy {
    return new WorksheetProxy(this._ctx, this, 'getItemOrNullObject', [name], () => {
      return this._ctx.excel.findSheet(name) ?? null;
    });
  }

  add(name: string): WorksheetProxy {
    return new WorksheetProxy(this._ctx, this, 'add', [name], () => {
      if (this._ctx.excel.findSheet(name)) {
        throw new FakeOfficeError(
          'ItemAlreadyExists',
          'A resource with the same name or identifier already exists.',
          'WorksheetCollection.add',
        );
      }
      const s = this._ctx.excel.addSheet(name);
      this._ctx.excel.stats.writes.push({ sheet: name, address: '', what: 'addSheet' });
      return s;
    });
  }

  get items(): WorksheetProxy[] {
    return this.get<WorksheetProxy[]>('items');
  }

  /** The sheet Excel shows (excel.activeSheet). */
  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this._ctx, this, 'getActiveWorksheet', [], () => {
      const s = this._ctx.excel.activeSheet;
      if (!s) throw new FakeOfficeError('ItemNotFound', 'No active worksheet.');
      return s;
    });
  }

  protected override read(name: string): unknown {
    if (!name.startsWith('items')) return super.read(name);
    // One proxy per sheet, each with the sheet-level properties loaded.
    return this._ctx.excel.sheets.map((s) => {
      const p = new WorksheetProxy(this._ctx, this, 'item', [s.name], () => s, true);
      return p;
    });
  }

  override load(props?: string | string[] | Record<string, unknown>): this {
    const names = typeof props === 'string' ? props.split(',') : Array.isArray(props) ? props : [];
    this._ctx.queue.push({
      json: { i: this._id, k: 'load', n: names },
      apply: () => {
        const items = this.read('items') as WorksheetProxy[];
        this._loaded.set('items', items);
        this._ctx.excel.addResponse(items.map((p) => p.snapshot()));
      },
    });
    return this;
  }
}

class WorksheetProxy extends FakeProxy<FakeSheet> {
  constructor(
    ctx: FakeContext,
    parent: FakeProxy<unknown>,
    how: string,
    args: unknown[],
    resolve: () => FakeSheet | null,
    /** An item of a loaded collection: resolved already, with name and visibility loaded. */
    loadedItem = false,
  ) {
    super(ctx, loadedItem ? null : { parent, name: how, args }, resolve);
    if (loadedItem) {
      ctx.excel.stats.proxies++;
      const s = this.target();
      this._loaded.set('name', s.name);
      this._loaded.set('visibility', s.visibility);
    }
  }

  snapshot(): unknown {
    return { name: this._loaded.get('name'), visibility: this._loaded.get('visibility') };
  }

  get name(): string {
    return this.get('name');
  }

  get visibility(): string {
    return this.get('visibility');
  }

  set visibility(v: string) {
    this.queueSet('visibility', v, () => {
      this.target().visibility = v as FakeSheet['visibility'];
    });
  }

  protected override read(name: string): unknown {
    const s = this.target();
    if (name === 'name') return s.name;
    if (name === 'visibility') return s.visibility;
    return super.read(name);
  }

  get protection(): ProtectionProxy {
    return this.nav('protection', () => new ProtectionProxy(this._ctx, this, () => this.target()));
  }

  get pageLayout(): PageLayoutProxy {
    return this.nav('pageLayout', () => new PageLayoutProxy(this._ctx, this, () => this.target()));
  }

  get charts(): ChartCollectionProxy {
    return this.nav('charts', () => new ChartCollectionProxy(this._ctx, this, () => this.target()));
  }

  getRange(address: string): RangeProxy {
    return new RangeProxy(this._ctx, this, 'getRange', [address], () => {
      const r = parseA1Range(address);
      if (!r)
        throw new FakeOfficeError(
          'InvalidArgument',
          `Bad address ${address}`,
          'Worksheet.getRange',
        );
      return { sheet: this.target(), rects: [r] };
    });
  }

  getRanges(address: string): RangeProxy {
    return new RangeProxy(this._ctx, this, 'getRanges', [address], () => {
      // office-js issue #5198: Excel rejects union addresses near 8,192 characters.
      if (address.length > 8_192) {
        throw new FakeOfficeError(
          'InvalidArgument',
          'The argument is invalid or missing or has an incorrect format.',
          'Worksheet.getRanges',
        );
      }
      const rects = address.split(',').map((a) => parseA1Range(a));
      if (rects.some((r) => r === null)) {
        throw new FakeOfficeError(
          'InvalidArgument',
          `Bad address ${address}`,
          'Worksheet.getRanges',
        );
      }
      return { sheet: this.target(), rects: rects as FakeRect[] };
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(this._ctx, this, 'getUsedRangeOrNullObject', [valuesOnly], () => {
      const s = this.target();
      const r = s.usedRect(valuesOnly === true);
      return r ? { sheet: s, rects: [r] } : null;
    });
  }

  /** Worksheet.activate(): Excel shows this sheet. */
  activate(): void {
    this.queueCall('activate', [], () => {
      this._ctx.excel.activeSheet = this.target();
    });
  }

  delete(): void {
    this.queueCall('delete', [], () => {
      const s = this.target();
      // Excel's reference: deleting a very hidden sheet fails; make it hidden or visible first.
      if (s.visibility === 'VeryHidden') {
        throw new FakeOfficeError(
          'InvalidOperation',
          'The operation is not valid for a very hidden worksheet.',
          'Worksheet.delete',
        );
      }
      this._ctx.excel.removeSheet(s);
      this._ctx.excel.stats.writes.push({ sheet: s.name, address: '', what: 'deleteSheet' });
    });
  }
}

class ProtectionProxy extends FakeProxy<FakeSheet> {
  constructor(ctx: FakeContext, parent: WorksheetProxy, resolve: () => FakeSheet) {
    super(ctx, { parent, name: 'protection' }, resolve);
  }

  get protected(): boolean {
    return this.get('protected');
  }

  protected override read(name: string): unknown {
    return name === 'protected' ? this.target().isProtected : super.read(name);
  }
}

interface RangeTarget {
  readonly sheet: FakeSheet;
  readonly rects: readonly FakeRect[];
}

/** Range and RangeAreas alike: a sheet and one or more rectangles. */
class RangeProxy extends FakeProxy<RangeTarget> {
  constructor(
    ctx: FakeContext,
    parent: FakeProxy<unknown>,
    how: string,
    args: unknown[],
    resolve: () => RangeTarget | null,
  ) {
    super(ctx, { parent, name: how, args }, resolve);
  }

  private single(): FakeRect {
    const rects = this.target().rects;
    if (rects.length !== 1) {
      throw new FakeOfficeError('InvalidOperation', 'This operation needs a single area.');
    }
    return rects[0] as FakeRect;
  }

  /** Records a write and refuses it on a protected sheet, like Excel does. */
  private mutate(what: string, apply: (t: RangeTarget) => void): () => void {
    return () => {
      const t = this.target();
      if (t.sheet.isProtected) {
        throw new FakeOfficeError(
          'AccessDenied',
          'You cannot perform the requested operation.',
          `Range.${what}`,
        );
      }
      this._ctx.excel.stats.writes.push({
        sheet: t.sheet.name,
        address: t.rects.map(a1Of).join(','),
        what,
      });
      apply(t);
    };
  }

  get address(): string {
    return this.get('address');
  }

  /** The address as Excel would report it now (for charts that take a range argument). */
  currentAddress(): string {
    return this.read('address') as string;
  }

  get values(): unknown[][] {
    return this.get('values');
  }

  set values(v: unknown[][]) {
    this.queueSet(
      'values',
      v,
      this.mutate('values', (t) => {
        const r = this.single();
        this.checkShape(v, r, 'values');
        v.forEach((row, i) =>
          row.forEach((x, j) => this._ctx.excel.writeCell(t.sheet, r.top + i, r.left + j, x)),
        );
      }),
    );
  }

  get numberFormat(): unknown[][] {
    return this.get('numberFormat');
  }

  set numberFormat(v: unknown[][]) {
    this.queueSet(
      'numberFormat',
      v,
      this.mutate('numberFormat', (t) => {
        const r = this.single();
        this.checkShape(v, r, 'numberFormat');
        v.forEach((row, i) =>
          row.forEach((f, j) => {
            if (f === null || f === undefined) return;
            const k = key(r.top + i, r.left + j);
            if (f === 'General') t.sheet.numberFormats.delete(k);
            else t.sheet.numberFormats.set(k, typeof f === 'string' ? f : JSON.stringify(f));
          }),
        );
      }),
    );
  }

  get valueTypes(): string[][] {
    return this.get('valueTypes');
  }

  private checkShape(v: unknown, r: FakeRect, what: string): void {
    const rows = r.bottom - r.top + 1;
    const cols = r.right - r.left + 1;
    if (
      !Array.isArray(v) ||
      v.length !== rows ||
      v.some((row) => !Array.isArray(row) || row.length !== cols)
    ) {
      throw new FakeOfficeError(
        'InvalidArgument',
        `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}).`,
      );
    }
  }

  protected override read(name: string): unknown {
    const t = this.target();
    if (name === 'address') {
      return t.rects.map((r) => `${quoteSheet(t.sheet.name)}!${a1Of(r)}`).join(', ');
    }
    const r = this.single();
    const grid = <V>(f: (row: number, col: number) => V): V[][] => {
      const out: V[][] = [];
      for (let row = r.top; row <= r.bottom; row++) {
        const line: V[] = [];
        for (let col = r.left; col <= r.right; col++) line.push(f(row, col));
        out.push(line);
      }
      return out;
    };
    const s = t.sheet;
    if (name === 'values') {
      return grid((row, col) => {
        const v = s.values.get(key(row, col));
        if (v === undefined || v === null) return s.formulas.has(key(row, col)) ? 0 : '';
        return typeof v === 'object' ? v.error : v;
      });
    }
    if (name === 'valueTypes') {
      return grid((row, col) => {
        const v = s.values.get(key(row, col));
        if (v === undefined || v === null)
          return s.formulas.has(key(row, col)) ? 'Double' : 'Empty';
        if (typeof v === 'object') return 'Error';
        if (typeof v === 'string') return 'String';
        if (typeof v === 'boolean') return 'Boolean';
        return Number.isInteger(v) ? 'Integer' : 'Double';
      });
    }
    if (name === 'numberFormat')
      return grid((row, col) => s.numberFormats.get(key(row, col)) ?? 'General');
    if (name === 'rowCount') return r.bottom - r.top + 1;
    if (name === 'columnCount') return r.right - r.left + 1;
    return super.read(name);
  }

  get format(): FormatProxy {
    return this.nav(
      'format',
      () =>
        new FormatProxy(
          this._ctx,
          this,
          () => this.target(),
          (w, a) => this.mutate(w, a),
        ),
    );
  }

  getCellProperties(options: {
    format?: { fill?: { color?: boolean; pattern?: boolean; patternColor?: boolean } };
  }): FakeClientResult<unknown[][]> {
    return new FakeClientResult(this._ctx, this._id, 'getCellProperties', [options], () => {
      const r = this.single();
      const s = this.target().sheet;
      const want = options.format?.fill ?? {};
      const out: unknown[][] = [];
      for (let row = r.top; row <= r.bottom; row++) {
        const line: unknown[] = [];
        for (let col = r.left; col <= r.right; col++) {
          const f = s.fills.get(key(row, col));
          const fill: Record<string, string> = {};
          if (want.color) fill.color = f ? f.color : '#FFFFFF';
          if (want.pattern) fill.pattern = f ? f.pattern : 'None';
          if (want.patternColor) fill.patternColor = f?.patternColor ?? '#000000';
          line.push({ format: { fill } });
        }
        out.push(line);
      }
      return out;
    });
  }

  getRowProperties(options: { rowHidden?: boolean }): FakeClientResult<unknown[]> {
    return new FakeClientResult(this._ctx, this._id, 'getRowProperties', [options], () => {
      const r = this.single();
      const s = this.target().sheet;
      const out: unknown[] = [];
      for (let row = r.top; row <= r.bottom; row++) {
        out.push(
          options.rowHidden
            ? { rowIndex: row - 1, rowHidden: s.hiddenRows.has(row) }
            : { rowIndex: row - 1 },
        );
      }
      return out;
    });
  }

  /** The part of this range holding values (and, unless valuesOnly, formats); null when none. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(this._ctx, this, 'getUsedRangeOrNullObject', [valuesOnly], () => {
      const t = this.target();
      const r = t.sheet.usedRect(valuesOnly === true, this.single());
      return r ? { sheet: t.sheet, rects: [r] } : null;
    });
  }

  getMergedAreasOrNullObject(): RangeProxy {
    return new RangeProxy(this._ctx, this, 'getMergedAreasOrNullObject', [], () => {
      const t = this.target();
      const r = this.single();
      const hits = t.sheet.merges.filter(
        (m) => m.top <= r.bottom && m.bottom >= r.top && m.left <= r.right && m.right >= r.left,
      );
      if (hits.length > 512) {
        throw new FakeOfficeError(
          'GeneralException',
          'There was an internal error while processing the request.',
          'Range.getMergedAreasOrNullObject',
        );
      }
      return hits.length === 0 ? null : { sheet: t.sheet, rects: hits };
    });
  }

  /** Range.select(): the selection of the range's sheet; the sheet shown stays as it was. */
  /** Range.insert("Down") on whole rows ("4:4"): Excel's Insert of rows there. */
  insert(shift: string): void {
    this.queueCall(
      'insert',
      [shift],
      this.mutate('insert', (t) => {
        const r = this.single();
        if (shift !== 'Down') {
          throw new FakeOfficeError('InvalidArgument', `The fake inserts rows only (${shift}).`);
        }
        t.sheet.insertRows(r.top, r.bottom - r.top + 1);
      }),
    );
  }

  select(): void {
    this.queueCall('select', [], () => {
      const t = this.target();
      t.sheet.selection = t.rects.map(a1Of).join(',');
    });
  }

  merge(across?: boolean): void {
    this.queueCall(
      'merge',
      [across],
      this.mutate('merge', (t) => {
        const r = this.single();
        // Merging cells that are already merged exactly so changes nothing.
        const same = (m: FakeRect): boolean =>
          m.top === r.top && m.left === r.left && m.bottom === r.bottom && m.right === r.right;
        if (!t.sheet.merges.some(same)) t.sheet.merges.push(r);
        // Like Excel, only the top-left value survives a merge.
        for (const [row, col] of cellsOf(r)) {
          if (row === r.top && col === r.left) continue;
          t.sheet.values.delete(key(row, col));
          t.sheet.formulas.delete(key(row, col));
        }
      }),
    );
  }

  unmerge(): void {
    this.queueCall(
      'unmerge',
      [],
      this.mutate('unmerge', (t) => {
        const r = this.single();
        t.sheet.merges = t.sheet.merges.filter(
          (m) =>
            !(m.top <= r.bottom && m.bottom >= r.top && m.left <= r.right && m.right >= r.left),
        );
      }),
    );
  }

  clear(applyTo?: string): void {
    this.queueCall(
      'clear',
      [applyTo],
      this.mutate(`clear${applyTo ?? 'All'}`, (t) => {
        const what = applyTo ?? 'All';
        const inside = (k: number): boolean =>
          t.rects.some((r) => {
            const row = rowOf(k);
            const col = colOf(k);
            return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
          });
        const drop = (m: Map<number, unknown>): void => {
          for (const k of [...m.keys()]) if (inside(k)) m.delete(k);
        };
        if (what === 'Contents' || what === 'All') {
          drop(t.sheet.values);
          drop(t.sheet.formulas);
        }
        if (what === 'Formats' || what === 'All') {
          drop(t.sheet.numberFormats);
          drop(t.sheet.fills);
          drop(t.sheet.styles);
        }
      }),
    );
  }

  replaceAll(
    text: string,
    replacement: string,
    criteria: { completeMatch?: boolean; matchCase?: boolean },
  ): FakeClientResult<number> {
    let count = 0;
    const apply = this.mutate('replaceAll', (t) => {
      const r = this.single();
      for (const [row, col] of cellsOf(r)) {
        const v = t.sheet.values.get(key(row, col));
        if (v === undefined || v === null || typeof v === 'object') continue;
        const s = String(v);
        const a = criteria.matchCase ? s : s.toLowerCase();
        const b = criteria.matchCase ? text : text.toLowerCase();
        if (criteria.completeMatch ? a !== b : !a.includes(b)) continue;
        const next = criteria.completeMatch ? replacement : s.split(text).join(replacement);
        this._ctx.excel.writeCell(t.sheet, row, col, next);
        count++;
      }
    });
    return new FakeClientResult(
      this._ctx,
      this._id,
      'replaceAll',
      [text, replacement, criteria],
      () => {
        apply();
        return count;
      },
    );
  }
}

class FormatProxy extends FakeProxy<RangeTarget> {
  constructor(
    ctx: FakeContext,
    parent: RangeProxy,
    resolve: () => RangeTarget,
    private readonly mutate: (what: string, apply: (t: RangeTarget) => void) => () => void,
  ) {
    super(ctx, { parent, name: 'format' }, resolve);
  }

  private style(
    apply: (s: FakeCellStyle, row: number, col: number) => void,
    what: string,
    v: unknown,
  ): void {
    this.queueSet(
      what,
      v,
      this.mutate(what, (t) => {
        for (const r of t.rects) {
          for (const [row, col] of cellsOf(r)) {
            const k = key(row, col);
            const s = { ...(t.sheet.styles.get(k) ?? {}) };
            apply(s, row, col);
            t.sheet.styles.set(k, s);
          }
        }
      }),
    );
  }

  get fill(): FillProxy {
    return this.nav('fill', () => new FillProxy(this._ctx, this, () => this.target(), this.mutate));
  }

  get font(): FontProxy {
    return this.nav(
      'font',
      () => new FontProxy(this._ctx, this, (what, v, f) => this.style(f, what, v)),
    );
  }

  get borders(): BordersProxy {
    return this.nav(
      'borders',
      () => new BordersProxy(this._ctx, this, (what, v, f) => this.style(f, what, v)),
    );
  }

  set horizontalAlignment(v: string) {
    this.style((s) => (s.horizontalAlignment = v), 'horizontalAlignment', v);
  }

  set wrapText(v: boolean) {
    this.style((s) => (s.wrapText = v), 'wrapText', v);
  }

  set rowHeight(v: number) {
    this.queueSet(
      'rowHeight',
      v,
      this.mutate('rowHeight', (t) => {
        for (const r of t.rects)
          for (let row = r.top; row <= r.bottom; row++) t.sheet.rowHeights.set(row, v);
      }),
    );
  }

  set columnWidth(v: number) {
    this.queueSet(
      'columnWidth',
      v,
      this.mutate('columnWidth', (t) => {
        for (const r of t.rects)
          for (let c = r.left; c <= r.right; c++) t.sheet.columnWidths.set(c, v);
      }),
    );
  }
}

type StyleSetter = (what: string, v: unknown, f: (s: FakeCellStyle) => void) => void;

class FontProxy extends FakeProxy<null> {
  constructor(
    ctx: FakeContext,
    parent: FormatProxy,
    private readonly setStyle: StyleSetter,
  ) {
    super(ctx, { parent, name: 'font' }, () => null);
  }

  set bold(v: boolean) {
    this.setStyle('font.bold', v, (s) => (s.bold = v));
  }

  set size(v: number) {
    this.setStyle('font.size', v, (s) => (s.fontSize = v));
  }
}

class BordersProxy extends FakeProxy<null> {
  constructor(
    ctx: FakeContext,
    parent: FormatProxy,
    private readonly setStyle: StyleSetter,
  ) {
    super(ctx, { parent, name: 'borders' }, () => null);
  }

  getItem(edge: string): { style: string } {
    const setStyle = this.setStyle;
    const ctx = this._ctx;
    ctx.excel.stats.proxies++;
    return {
      set style(v: string) {
        setStyle(`border.${edge}`, v, (s) => {
          s.borders = [...new Set([...(s.borders ?? []), edge])];
        });
      },
      get style(): string {
        throw notLoaded('style');
      },
    };
  }
}

class FillProxy extends FakeProxy<RangeTarget> {
  constructor(
    ctx: FakeContext,
    parent: FormatProxy,
    resolve: () => RangeTarget,
    private readonly mutate: (what: string, apply: (t: RangeTarget) => void) => () => void,
  ) {
    super(ctx, { parent, name: 'fill' }, resolve);
  }

  private each(t: RangeTarget, f: (k: number, old: FakeFill | undefined) => FakeFill | null): void {
    for (const r of t.rects) {
      for (const [row, col] of cellsOf(r)) {
        const k = key(row, col);
        const next = f(k, t.sheet.fills.get(k));
        if (next === null) t.sheet.fills.delete(k);
        else t.sheet.fills.set(k, next);
      }
    }
  }

  get color(): string | null {
    return this.get('color');
  }

  set color(v: string | null) {
    this.queueSet(
      'color',
      v,
      this.mutate('fill', (t) => {
        const color = normalizeColor(v);
        this.each(t, (_k, old) =>
          old && old.pattern !== 'Solid' ? { ...old, color } : { color, pattern: 'Solid' },
        );
      }),
    );
  }

  get pattern(): string | null {
    return this.get('pattern');
  }

  set pattern(v: string | null) {
    this.queueSet(
      'pattern',
      v,
      this.mutate('fill', (t) => {
        this.each(t, (_k, old) => {
          if (v === 'None') return null;
          const base = old ?? { color: '#FFFFFF', pattern: 'Solid' };
          if (v === 'Solid') return { color: base.color, pattern: 'Solid' };
          return { ...base, pattern: String(v), patternColor: base.patternColor ?? '#000000' };
        });
      }),
    );
  }

  get patternColor(): string | null {
    return this.get('patternColor');
  }

  set patternColor(v: string | null) {
    this.queueSet(
      'patternColor',
      v,
      this.mutate('fill', (t) => {
        const c = normalizeColor(v);
        this.each(t, (_k, old) => (old ? { ...old, patternColor: c } : null));
      }),
    );
  }

  clear(): void {
    this.queueCall(
      'clear',
      [],
      this.mutate('fill', (t) => this.each(t, () => null)),
    );
  }

  protected override read(name: string): unknown {
    const t = this.target();
    let first: unknown;
    let uniform = true;
    let seen = false;
    for (const r of t.rects) {
      for (const [row, col] of cellsOf(r)) {
        const f = t.sheet.fills.get(key(row, col));
        const v =
          name === 'color'
            ? (f?.color ?? '#FFFFFF')
            : name === 'pattern'
              ? (f?.pattern ?? 'None')
              : name === 'patternColor'
                ? (f?.patternColor ?? '#000000')
                : undefined;
        if (v === undefined) return super.read(name);
        if (!seen) {
          first = v;
          seen = true;
        } else if (v !== first) {
          uniform = false;
          break;
        }
      }
      if (!uniform) break;
    }
    return uniform ? first : null;
  }
}

class SettingsProxy extends FakeProxy<RecordingExcel> {
  constructor(ctx: FakeContext, parent: WorkbookProxy) {
    super(ctx, { parent, name: 'settings' }, () => ctx.excel);
  }

  add(name: string, value: unknown): SettingProxy {
    return new SettingProxy(this._ctx, this, 'add', [name, value], name, () => {
      // Excel stores settings as JSON: what comes back is a copy, never the same object.
      this._ctx.excel.settings.set(name, JSON.parse(JSON.stringify(value)) as unknown);
      return name;
    });
  }

  getItem(name: string): SettingProxy {
    return new SettingProxy(this._ctx, this, 'getItem', [name], name, () => {
      if (!this._ctx.excel.settings.has(name)) {
        throw new FakeOfficeError(
          'ItemNotFound',
          "The requested resource doesn't exist.",
          'SettingCollection.getItem',
        );
      }
      return name;
    });
  }

  getItemOrNullObject(name: string): SettingProxy {
    return new SettingProxy(this._ctx, this, 'getItemOrNullObject', [name], name, () =>
      this._ctx.excel.settings.has(name) ? name : null,
    );
  }
}

class SettingProxy extends FakeProxy<string> {
  constructor(
    ctx: FakeContext,
    parent: SettingsProxy,
    how: string,
    args: unknown[],
    readonly key: string,
    resolve: () => string | null,
  ) {
    super(ctx, { parent, name: how, args }, resolve);
  }

  get value(): unknown {
    return this.get('value');
  }

  protected override read(name: string): unknown {
    if (name !== 'value') return super.read(name);
    return JSON.parse(JSON.stringify(this._ctx.excel.settings.get(this.target()))) as unknown;
  }

  delete(): void {
    this.queueCall('delete', [], () => {
      this._ctx.excel.settings.delete(this.target());
    });
  }
}

class PageLayoutProxy extends FakeProxy<FakeSheet> {
  constructor(ctx: FakeContext, parent: WorksheetProxy, resolve: () => FakeSheet) {
    super(ctx, { parent, name: 'pageLayout' }, resolve);
  }

  private write(name: 'orientation' | 'paperSize' | 'zoom', v: unknown): void {
    this.queueSet(name, v, () => {
      const s = this.target();
      if (s.isProtected)
        throw new FakeOfficeError('AccessDenied', 'You cannot perform the requested operation.');
      const rejects = this._ctx.excel.rejectZoom;
      if (name === 'zoom' && rejects && rejects(v)) {
        throw new FakeOfficeError(
          'InvalidArgument',
          'The argument is invalid or missing or has an incorrect format.',
          'PageLayout.zoom',
        );
      }
      s.pageLayout[name] = v as never;
    });
  }

  set orientation(v: string) {
    this.write('orientation', v);
  }

  set paperSize(v: string) {
    this.write('paperSize', v);
  }

  set zoom(v: unknown) {
    this.write('zoom', v);
  }

  setPrintTitleRows(rows: string): void {
    this.queueCall('setPrintTitleRows', [rows], () => {
      this.target().pageLayout.printTitleRows = rows;
    });
  }

  get zoom(): Excel.PageLayoutZoomOptions {
    return this.get('zoom');
  }

  protected override read(name: string): unknown {
    if (name !== 'zoom') return super.read(name);
    // Excel answers with an object of its own: a copy, never what was set.
    const zoom = this.target().pageLayout.zoom;
    return zoom === undefined ? {} : (JSON.parse(JSON.stringify(zoom)) as unknown);
  }
}

class ChartCollectionProxy extends FakeProxy<FakeSheet> {
  constructor(ctx: FakeContext, parent: WorksheetProxy, resolve: () => FakeSheet) {
    super(ctx, { parent, name: 'charts' }, resolve);
  }

  add(type: string, source: RangeProxy, seriesBy?: string): ChartProxy {
    return new ChartProxy(this._ctx, this, [type, source._id, seriesBy], () => {
      const s = this.target();
      const address = source.currentAddress();
      const r = parseA1Range(address.slice(address.lastIndexOf('!') + 1)) as FakeRect;
      const byColumns =
        seriesBy !== 'Rows' && (seriesBy === 'Columns' || r.bottom - r.top >= r.right - r.left);
      const n = byColumns ? r.right - r.left + 1 : r.bottom - r.top + 1;
      const chart: FakeChart = {
        type,
        source: a1Of(r),
        seriesBy: seriesBy ?? 'Auto',
        series: Array.from({ length: n }, () => ({})),
      };
      s.charts.push(chart);
      return chart;
    });
  }
}

class ChartProxy extends FakeProxy<FakeChart> {
  constructor(
    ctx: FakeContext,
    parent: ChartCollectionProxy,
    args: unknown[],
    resolve: () => FakeChart,
  ) {
    super(ctx, { parent, name: 'add', args }, resolve);
  }

  get title(): { text: string } {
    const chart = (): FakeChart => this.target();
    return this.nav('title', () => {
      const queueSet = (v: string): void => {
        this._ctx.queue.push({
          json: { i: this._id, k: 'set', n: 'title.text', v },
          apply: () => (chart().title = v),
        });
      };
      this._ctx.excel.stats.proxies++;
      return {
        set text(v: string) {
          queueSet(v);
        },
        get text(): string {
          throw notLoaded('text');
        },
      };
    });
  }

  get series(): SeriesCollectionProxy {
    return this.nav(
      'series',
      () => new SeriesCollectionProxy(this._ctx, this, () => this.target()),
    );
  }

  setPosition(start: string, end?: string): void {
    this.queueCall('setPosition', end === undefined ? [start] : [start, end], () => {
      this.target().position = end === undefined ? start : `${start}:${end}`;
    });
  }
}

class SeriesCollectionProxy extends FakeProxy<FakeChart> {
  constructor(ctx: FakeContext, parent: ChartProxy, resolve: () => FakeChart) {
    super(ctx, { parent, name: 'series' }, resolve);
  }

  getItemAt(i: number): SeriesProxy {
    return new SeriesProxy(this._ctx, this, 'getItemAt', [i], () => {
      const s = this.target().series[i];
      if (!s) throw new FakeOfficeError('ItemNotFound', 'No such series.');
      return s;
    });
  }

  add(name: string): SeriesProxy {
    return new SeriesProxy(this._ctx, this, 'add', [name], () => {
      const s = { name };
      this.target().series.push(s);
      return s;
    });
  }
}

class SeriesProxy extends FakeProxy<FakeChart['series'][number]> {
  constructor(
    ctx: FakeContext,
    parent: SeriesCollectionProxy,
    how: string,
    args: unknown[],
    resolve: () => FakeChart['series'][number],
  ) {
    super(ctx, { parent, name: how, args }, resolve);
  }

  set name(v: string) {
    this.queueSet('name', v, () => (this.target().name = v));
  }

  setValues(range: RangeProxy): void {
    this.queueCall('setValues', [range._id], () => {
      this.target().values = range.currentAddress();
    });
  }

  setXAxisValues(range: RangeProxy): void {
    this.queueCall('setXAxisValues', [range._id], () => {
      this.target().xValues = range.currentAddress();
    });
  }

  get format(): { fill: { setSolidColor(c: string): void } } {
    return this.nav('format', () => {
      const series = (): FakeChart['series'][number] => this.target();
      const ctx = this._ctx;
      const id = this._id;
      ctx.excel.stats.proxies += 2;
      return {
        fill: {
          setSolidColor(c: string): void {
            ctx.queue.push({
              json: { i: id, k: 'call', n: 'format.fill.setSolidColor', a: [c] },
              apply: () => (series().color = normalizeColor(c)),
            });
          },
        },
      };
    });
  }
}

/** The fake Excel: a workbook, its recordings and its faults. See the top of this file. */
export class RecordingExcel {
  readonly sheets: FakeSheet[] = [];
  readonly settings = new Map<string, unknown>();
  stats: FakeStats = RecordingExcel.emptyStats();
  maxRequestBytes: number | undefined;
  maxResponseBytes: number | undefined;
  /** application.calculationMode: "Automatic", "AutomaticExceptTables" or "Manual". */
  calculationMode = 'Automatic';
  /** True from a suspendApiCalculationUntilNextSync until the end of that sync. */
  calculationSuspended = false;
  /** When set, a zoom this returns true for is refused with InvalidArgument. */
  rejectZoom: ((zoom: unknown) => boolean) | undefined;
  /** The workbook's date system: DATE() counts from 1904-01-01 when true, else from 1900. */
  date1904 = false;
  private active: FakeSheet | undefined;
  private readonly faults = new Map<number, { error: FakeOfficeError; applied: number }>();
  private readonly hooks = new Map<number, (() => void)[]>();
  private editing: { ended: Promise<void>; end: () => void } | null = null;
  private responseBytes = 0;

  private static emptyStats(): FakeStats {
    return {
      syncs: 0,
      runs: 0,
      proxies: 0,
      requests: [],
      responses: [],
      writes: [],
      suspendCalls: 0,
      calculations: [],
    };
  }

  /** Adds a sheet; `rows` are written from `topLeft` (A1 unless given) as typed values. */
  addSheet(name: string, rows: readonly (readonly FakeValue[])[] = [], topLeft = 'A1'): FakeSheet {
    const s = new FakeSheet(name);
    this.sheets.push(s);
    if (rows.length > 0) s.setValues(topLeft, rows);
    return s;
  }

  sheet(name: string): FakeSheet {
    const s = this.findSheet(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  findSheet(name: string): FakeSheet | undefined {
    const n = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === n);
  }

  removeSheet(s: FakeSheet): void {
    const i = this.sheets.indexOf(s);
    if (i >= 0) this.sheets.splice(i, 1);
    if (this.active === s) this.active = undefined;
  }

  /** The sheet Excel shows: the one last activated, else the first. */
  get activeSheet(): FakeSheet | undefined {
    return this.active ?? this.sheets[0];
  }

  set activeSheet(s: FakeSheet | undefined) {
    this.active = s;
  }

  /** The user clicks the tab of sheet `name`. */
  activate(name: string): void {
    this.active = this.sheet(name);
  }

  /** What the user sees selected: the active sheet's selection; null in a workbook of no sheets. */
  get selection(): { readonly sheet: string; readonly address: string } | null {
    const s = this.activeSheet;
    return s ? { sheet: s.name, address: s.selection } : null;
  }

  protect(name: string): void {
    this.sheet(name).isProtected = true;
  }

  /**
   * The n-th sync from now on (1-based, counted since the last resetStats) throws `code`. By
   * default it applies none of its operations, as when Excel refuses a request; `applied` (0 to 1)
   * applies that share of them first, in order, as when an operation part way fails or the answer
   * to a request that was carried out is lost.
   */
  failAtSync(
    n: number,
    code: string,
    options: string | { readonly message?: string; readonly applied?: number } = {},
  ): void {
    const o = typeof options === 'string' ? { message: options } : options;
    this.faults.set(n, {
      error: new FakeOfficeError(code, o.message ?? `Injected ${code}`),
      applied: o.applied ?? 0,
    });
  }

  /** Runs `fn` right after the n-th sync (since the last resetStats), as a user acting in between. */
  afterSync(n: number, fn: () => void): void {
    const list = this.hooks.get(n) ?? [];
    list.push(fn);
    this.hooks.set(n, list);
  }

  /** The user starts typing in a cell: requests fail, or wait under delayForCellEdit. */
  startCellEdit(): void {
    if (this.editing) return;
    let end = (): void => undefined;
    const ended = new Promise<void>((resolve) => (end = resolve));
    this.editing = { ended, end };
  }

  /** The user presses Enter: waiting requests go on. */
  endCellEdit(): void {
    const e = this.editing;
    this.editing = null;
    e?.end();
  }

  get cellEditing(): boolean {
    return this.editing !== null;
  }

  resetStats(): void {
    this.stats = RecordingExcel.emptyStats();
    this.faults.clear();
    this.hooks.clear();
  }

  /** Largest request seen, in bytes. */
  get largestRequest(): number {
    return this.stats.requests.reduce((m, r) => Math.max(m, r.bytes), 0);
  }

  get largestResponse(): number {
    return this.stats.responses.reduce((m, r) => Math.max(m, r), 0);
  }

  /**
   * Excel.run(options, batch): a fresh context per batch; queued work left unsynced at the end is
   * a bug. With delayForCellEdit, a request made while the user edits a cell waits until they stop.
   */
  runWith(options: FakeRunOptions): ExcelRun {
    return async (batch) => {
      this.stats.runs++;
      const ctx = new FakeContext(this, options);
      const out = await batch(ctx as unknown as Excel.RequestContext);
      if (ctx.queue.length > 0) {
        throw new Error(`the batch returned with ${ctx.queue.length} operations never synced`);
      }
      return out;
    };
  }

  /** Excel.run without options. */
  readonly run: ExcelRun = this.runWith({});

  addResponse(v: unknown): void {
    this.responseBytes += utf8Length(JSON.stringify(v) ?? '');
  }

  async runSync(ctx: FakeContext): Promise<void> {
    const ops = ctx.queue;
    ctx.queue = [];
    this.stats.syncs++;
    const n = this.stats.syncs;
    const bytes = utf8Length(JSON.stringify(ops.map((o) => o.json)));
    this.stats.requests.push({ bytes, ops: ops.length });
    try {
      if (this.editing) {
        if (ctx.options.delayForCellEdit !== true) {
          throw new FakeOfficeError(
            'InvalidOperationInCellEditMode',
            'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.',
          );
        }
        await this.editing.ended;
      }
      const fault = this.faults.get(n);
      if (fault) {
        this.apply(ops.slice(0, Math.floor(ops.length * fault.applied)));
        throw fault.error;
      }
      if (this.maxRequestBytes !== undefined && bytes > this.maxRequestBytes) {
        throw new FakeOfficeError(
          'RequestPayloadSizeLimitExceeded',
          'The request payload size has exceeded the limit.',
        );
      }
      this.apply(ops);
      if (this.maxResponseBytes !== undefined && this.responseBytes > this.maxResponseBytes) {
        throw new FakeOfficeError(
          'ResponsePayloadSizeLimitExceeded',
          'The response payload size has exceeded the limit.',
        );
      }
    } finally {
      for (const hook of this.hooks.get(n) ?? []) hook();
    }
  }

  /** Carries out operations in order; one that fails stops the rest, as in Excel. */
  private apply(ops: readonly Op[]): void {
    this.responseBytes = 0;
    try {
      for (const op of ops) op.apply();
    } finally {
      this.calculationSuspended = false;
      this.stats.responses.push(this.responseBytes);
    }
  }

  /** Writes one cell as Excel would take a value from Range.values. */
  writeCell(s: FakeSheet, row: number, col: number, v: unknown): void {
    if (v === null || v === undefined) return;
    const k = key(row, col);
    s.formulas.delete(k);
    if (typeof v !== 'string') {
      s.values.set(k, v as FakeValue);
      return;
    }
    if (v === '') {
      s.values.delete(k);
      return;
    }
    const text = s.numberFormats.get(k) === '@';
    const numeric = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(v.trim());
    if (!text && numeric) s.values.set(k, Number(v));
    else if (!text && /^[=+\-@]/.test(v)) {
      s.values.delete(k);
      s.formulas.set(k, v);
    } else s.values.set(k, v);
  }
}
