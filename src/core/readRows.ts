import { cellText } from './cellText';
import { deadlineDisplay } from './deadlineDisplay';
import { readDeadlineCell } from './deadlineCell';
import { formatChineseDay, type DayNumber } from './dates';
import { firstUnit, isDoneText } from './doneText';
import type { FieldKey } from './fields';
import type { CellValue, SheetGrid } from './grid';
import { a1, formatAt, isCellError, NO_SAVED_RESULT } from './grid';
import type { Issue, Lang } from './issue';
import type { MergeIndex } from './mergeIndex';
import { makeIssue } from './messages';
import { parseDay, parseDeadline, type DateContext } from './parseDeadline';
import { parseNumber, parsePercent } from './parseNumber';
import type { Deadline, DoneBy, PlanRow } from './planRow';
import { runSteps, STEP_ROWS, type Steps } from './steps';
import type { TableLayout } from './tableLayout';

export interface ReadRowsOptions {
  readonly asOf: DayNumber;
  readonly planYear: number;
  readonly lang: Lang;
}

const MISSING: Deadline = { kind: 'missing' };

/**
 * Reads the cells of one row at a time. One instance serves every row (its methods take the
 * field), so reading 100,000 rows allocates no closures per row.
 */
class RowReader {
  r = 0;
  private readonly date1904: boolean;

  constructor(
    private readonly grid: SheetGrid,
    private readonly merges: MergeIndex,
    private readonly fields: Readonly<Partial<Record<FieldKey, number>>>,
    private readonly issues: Issue[],
    private readonly lang: Lang,
    private readonly headerBottom: number,
  ) {
    this.date1904 = grid.date1904 === true;
  }

  /** The top-left cell of the merge covering (r, c), or (r, c) itself. */
  private source(c: number): [number, number] | null {
    if (!this.merges.rowHasMerges(this.r)) return null;
    const m = this.merges.mergeAt(this.r, c);
    return m ? [m.top, m.left] : null;
  }

  /** The value a field's cell shows (a merge's value for every row it covers); errors become issues. */
  value(key: FieldKey): CellValue {
    const c = this.fields[key];
    if (c === undefined) return null;
    const src = this.source(c);
    // A header merged down into the data (merge_crosses_header) leaves those data cells blank:
    // "计划节点" is the header's text, not the row's deadline.
    if (src && src[0] <= this.headerBottom) return null;
    const v = src
      ? (this.grid.values[src[0]]?.[src[1]] ?? null)
      : (this.grid.values[this.r]?.[c] ?? null);
    if (v !== null && typeof v === 'object') {
      // A merged error is reported once, at the merge's own cell.
      if (!src || src[0] === this.r) {
        const cell = a1(this.grid, this.r, c);
        this.issues.push(
          v.error === NO_SAVED_RESULT
            ? makeIssue(this.lang, 'formula_no_result', this.grid.name, cell, {
                text: v.formula ?? '',
              })
            : makeIssue(this.lang, 'cell_error', this.grid.name, cell, { text: v.error }),
        );
      }
      return null;
    }
    return v;
  }

  isError(key: FieldKey): boolean {
    const c = this.fields[key];
    return c !== undefined && isCellError(this.merges.valueAt(this.r, c));
  }

  format(key: FieldKey): string | null {
    const c = this.fields[key];
    if (c === undefined) return null;
    const src = this.source(c);
    return src ? formatAt(this.grid, src[0], src[1]) : formatAt(this.grid, this.r, c);
  }

  text(key: FieldKey): string | null {
    if (this.fields[key] === undefined) return null;
    const v = this.value(key);
    if (v === null) return null;
    if (typeof v === 'string') {
      const t = v.trim();
      return t === '' ? null : t;
    }
    const t = cellText(v, this.format(key), this.date1904);
    return t === '' ? null : t;
  }

  number(key: FieldKey): number | null {
    const c = this.fields[key];
    if (c === undefined) return null;
    const v = this.value(key);
    if (typeof v === 'number') return v;
    const n = parseNumber(v);
    if (n.kind === 'number') return n.value;
    if (n.kind === 'unreadable') {
      this.issues.push(
        makeIssue(this.lang, 'number_unreadable', this.grid.name, a1(this.grid, this.r, c), {
          text: n.text,
        }),
      );
    }
    return null;
  }

  cell(key: FieldKey): string {
    return a1(this.grid, this.r, this.fields[key] ?? 0);
  }

  display(v: CellValue, key: FieldKey): string {
    return typeof v === 'string' ? v.trim() : cellText(v, this.format(key), this.date1904);
  }
}

/**
 * Remembers a parse per distinct string: a sheet repeats its units, done marks and deadline forms
 * thousands of times, and every parse here depends only on the text (and the sheet's plan year).
 */
function memo<T>(fn: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    let v = cache.get(text);
    if (v === undefined && !cache.has(text)) {
      v = fn(text);
      cache.set(text, v);
    }
    return v as T;
  };
}

/** Turns every data row of a detected table into a typed PlanRow, with an issue for each bad cell. */
export function readRows(
  grid: SheetGrid,
  layout: TableLayout,
  merges: MergeIndex,
  opts: ReadRowsOptions,
): { rows: PlanRow[]; issues: Issue[] } {
  return runSteps(readRowsSteps(grid, layout, merges, opts));
}

/** readRows as steps, yielding every STEP_ROWS data rows. */
export function* readRowsSteps(
  grid: SheetGrid,
  layout: TableLayout,
  merges: MergeIndex,
  opts: ReadRowsOptions,
): Steps<{ rows: PlanRow[]; issues: Issue[] }> {
  const { lang, asOf } = opts;
  const sheet = grid.name;
  const ctx: DateContext = { planYear: opts.planYear, date1904: grid.date1904 === true };
  const f = layout.fields;
  const issues: Issue[] = [];
  const rows: PlanRow[] = new Array<PlanRow>(layout.dataRows.length);
  const read = new RowReader(grid, merges, f, issues, lang, layout.headerBottom);
  const progressHeader = layout.columns.find((c) => c.col === f.progress)?.header ?? '';
  const progressIsPercentHeader = /[%％]/.test(progressHeader);
  const hasDeadline = f.deadline !== undefined;

  const deadlineOfText = memo((t) => readDeadlineCell(t, ctx));
  const unitOf = memo(firstUnit);
  const doneOfText = memo(isDoneText);

  let sectionIndex = 0;
  let category: string | null = null;

  for (let i = 0; i < layout.dataRows.length; i++) {
    if ((i & (STEP_ROWS - 1)) === STEP_ROWS - 1) yield;
    const r = layout.dataRows[i] as number;
    read.r = r;
    while (
      sectionIndex < layout.sections.length &&
      (layout.sections[sectionIndex]?.row ?? Infinity) < r
    ) {
      category = layout.sections[sectionIndex]?.category ?? null;
      sectionIndex++;
    }

    const progressValue = read.value('progress');
    const progressRead = parsePercent(
      progressValue,
      read.format('progress'),
      progressIsPercentHeader,
    );
    const progress = progressRead.kind === 'number' ? progressRead.value : null;
    const progressText =
      progressValue === null ? null : read.display(progressValue, 'progress') || null;

    let doneBy: DoneBy | null = null;
    const doneValue = f.done === undefined ? null : read.value('done');
    if (
      doneValue !== null &&
      (typeof doneValue === 'string' ? doneOfText(doneValue) : isDoneText(doneValue))
    ) {
      doneBy = 'done_column';
    } else if (progress !== null && progress >= 1) doneBy = 'progress';
    let doneDate: DayNumber | undefined;
    if (f.doneDate !== undefined) {
      const v = read.value('doneDate');
      const dd = parseDay(v, read.format('doneDate'), ctx);
      if (dd.kind === 'date' && dd.day <= asOf) {
        doneBy ??= 'done_date';
        doneDate = dd.day;
      } else if (dd.kind === 'unreadable') {
        issues.push(
          makeIssue(lang, 'done_date_unreadable', sheet, read.cell('doneDate'), {
            text: read.display(v, 'doneDate'),
          }),
        );
      }
    }

    const deadlineValue = read.value('deadline');
    const deadlineFormat = read.format('deadline');
    // Text is read as text whatever the cell's format (a formula's "三季度" in a yyyy/m/d cell).
    const cellRead =
      hasDeadline && typeof deadlineValue === 'string' ? deadlineOfText(deadlineValue) : null;
    const deadline = !hasDeadline
      ? MISSING
      : cellRead !== null
        ? cellRead.deadline
        : parseDeadline(deadlineValue, deadlineFormat, ctx);
    const deadlineText =
      deadlineValue === null
        ? ''
        : typeof deadlineValue === 'number'
          ? deadlineDisplay(deadlineValue, deadlineFormat, deadline, ctx.date1904)
          : read.display(deadlineValue, 'deadline');
    if (cellRead !== null && doneBy === null) {
      const cell = read.cell('deadline');
      if (cellRead.nodes !== null && deadline.kind === 'date') {
        issues.push(
          makeIssue(lang, 'deadline_nodes', sheet, cell, {
            nodes: cellRead.nodes.join('；'),
            date: formatChineseDay(deadline.day),
          }),
        );
      }
      if (cellRead.remark !== null)
        issues.push(makeIssue(lang, 'deadline_remark', sheet, cell, { remark: cellRead.remark }));
    }
    // A done row needs no deadline, so its deadline cell is not worth a complaint; nor is an
    // error value, which has its own issue already.
    if (
      doneBy === null &&
      hasDeadline &&
      deadline.kind !== 'date' &&
      deadline.kind !== 'ongoing' &&
      !read.isError('deadline')
    ) {
      const cell = read.cell('deadline');
      if (deadline.kind === 'missing')
        issues.push(makeIssue(lang, 'deadline_missing', sheet, cell));
      else {
        const code =
          deadline.reason === 'impossible'
            ? 'date_impossible'
            : deadline.reason === 'ambiguous'
              ? 'deadline_ambiguous'
              : 'deadline_unreadable';
        issues.push(makeIssue(lang, code, sheet, cell, { text: deadlineText }));
      }
    }

    const unitText = read.text('unit');
    const plannedStart =
      f.plannedStart === undefined
        ? null
        : parseDay(read.value('plannedStart'), read.format('plannedStart'), ctx);
    const actualStart =
      f.actualStart === undefined
        ? null
        : parseDay(read.value('actualStart'), read.format('actualStart'), ctx);
    rows[i] = {
      row: r,
      seq: read.text('seq'),
      name: read.text('name'),
      unit: unitText === null ? null : unitOf(unitText),
      unitText,
      partner: read.text('partner'),
      leader: read.text('leader'),
      category: read.text('category') ?? category,
      nature: read.text('nature'),
      deadline,
      deadlineText,
      doneBy,
      ...(doneDate === undefined ? {} : { doneDate }),
      progress,
      progressText,
      planInvest: read.number('planInvest'),
      doneInvest: read.number('doneInvest'),
      totalInvest: read.number('totalInvest'),
      plannedStart: plannedStart?.kind === 'date' ? plannedStart.day : null,
      actualStart: actualStart?.kind === 'date' ? actualStart.day : null,
      reportedStatus: read.text('reportedStatus'),
      problem: read.text('problem'),
      note: read.text('note'),
    };
  }
  return { rows, issues };
}
