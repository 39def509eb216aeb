import { cellText } from './cellText';
import type { DayNumber } from './dates';
import { firstUnit, isDoneText } from './doneText';
import type { FieldKey } from './fields';
import type { CellValue, SheetGrid } from './grid';
import { a1, formatAt, isCellError, NO_SAVED_RESULT } from './grid';
import type { Issue, Lang } from './issue';
import type { MergeIndex } from './mergeIndex';
import { makeIssue } from './messages';
import { parseDay, parseDeadline, type DateContext } from './parseDeadline';
import { parseNumber, parsePercent } from './parseNumber';
import type { DoneBy, PlanRow } from './planRow';
import type { TableLayout } from './tableLayout';

export interface ReadRowsOptions {
  readonly asOf: DayNumber;
  readonly planYear: number;
  readonly lang: Lang;
}

type TextField = 'seq' | 'name' | 'partner' | 'leader' | 'nature' | 'reportedStatus' | 'problem' | 'note';

/** Turns every data row of a detected table into a typed PlanRow, with an issue for each bad cell. */
export function readRows(
  grid: SheetGrid,
  layout: TableLayout,
  merges: MergeIndex,
  opts: ReadRowsOptions,
): { rows: PlanRow[]; issues: Issue[] } {
  const { lang, asOf } = opts;
  const sheet = grid.name;
  const date1904 = grid.date1904 === true;
  const ctx: DateContext = { planYear: opts.planYear, date1904 };
  const f = layout.fields;
  const issues: Issue[] = [];
  const rows: PlanRow[] = [];
  const progressIsPercentHeader =
    f.progress !== undefined && /[%％]/.test(layout.columns.find((c) => c.col === f.progress)?.header ?? '');

  let sectionIndex = 0;
  let category: string | null = null;

  for (const r of layout.dataRows) {
    while (sectionIndex < layout.sections.length && (layout.sections[sectionIndex]?.row ?? Infinity) < r) {
      category = layout.sections[sectionIndex]?.category ?? null;
      sectionIndex++;
    }

    /** The value a field's cell shows (a merge's value for every row it covers), errors reported. */
    const value = (key: FieldKey): CellValue => {
      const c = f[key];
      if (c === undefined) return null;
      const v = merges.valueAt(r, c);
      if (isCellError(v)) {
        const m = merges.mergeAt(r, c);
        // A merged error is reported once, at the merge's own cell.
        if (!m || m.top === r) {
          const cell = a1(grid, r, c);
          issues.push(
            v.error === NO_SAVED_RESULT
              ? makeIssue(lang, 'formula_no_result', sheet, cell, { text: v.formula ?? '' })
              : makeIssue(lang, 'cell_error', sheet, cell, { text: v.error }),
          );
        }
        return null;
      }
      return v;
    };
    const format = (key: FieldKey): string | null => {
      const c = f[key];
      if (c === undefined) return null;
      const m = merges.mergeAt(r, c);
      return m ? formatAt(grid, m.top, m.left) : formatAt(grid, r, c);
    };
    const textOf = (key: FieldKey): string | null => {
      const t = cellText(value(key), format(key), date1904);
      return t === '' ? null : t;
    };
    const numberOf = (key: FieldKey): number | null => {
      const v = value(key);
      const n = parseNumber(v);
      if (n.kind === 'number') return n.value;
      if (n.kind === 'unreadable' && f[key] !== undefined) {
        issues.push(makeIssue(lang, 'number_unreadable', sheet, a1(grid, r, f[key] as number), { text: n.text }));
      }
      return null;
    };
    const dayOf = (key: FieldKey): DayNumber | null => {
      const d = parseDay(value(key), format(key), ctx);
      return d.kind === 'date' ? d.day : null;
    };

    const text: Record<TextField, string | null> = {
      seq: textOf('seq'),
      name: textOf('name'),
      partner: textOf('partner'),
      leader: textOf('leader'),
      nature: textOf('nature'),
      reportedStatus: textOf('reportedStatus'),
      problem: textOf('problem'),
      note: textOf('note'),
    };
    const unitText = textOf('unit');

    const progressValue = value('progress');
    const progressRead = parsePercent(progressValue, format('progress'), progressIsPercentHeader);
    const progress = progressRead.kind === 'number' ? progressRead.value : null;
    const progressText = cellText(progressValue, format('progress'), date1904) || null;

    let doneBy: DoneBy | null = null;
    if (f.done !== undefined && isDoneText(value('done'))) doneBy = 'done_column';
    else if (progress !== null && progress >= 1) doneBy = 'progress';
    if (f.doneDate !== undefined) {
      const dd = parseDay(value('doneDate'), format('doneDate'), ctx);
      if (dd.kind === 'date' && dd.day <= asOf) doneBy ??= 'done_date';
      else if (dd.kind === 'unreadable') {
        issues.push(
          makeIssue(lang, 'done_date_unreadable', sheet, a1(grid, r, f.doneDate), {
            text: cellText(value('doneDate'), format('doneDate'), date1904),
          }),
        );
      }
    }

    const deadlineValue = value('deadline');
    const deadline = f.deadline === undefined ? ({ kind: 'missing' } as const) : parseDeadline(deadlineValue, format('deadline'), ctx);
    const deadlineText = cellText(deadlineValue, format('deadline'), date1904);
    // A done row needs no deadline, so its deadline cell is not worth a complaint.
    if (doneBy === null && f.deadline !== undefined) {
      const cell = a1(grid, r, f.deadline);
      if (deadline.kind === 'missing' && !isCellError(merges.valueAt(r, f.deadline))) {
        issues.push(makeIssue(lang, 'deadline_missing', sheet, cell));
      } else if (deadline.kind === 'unreadable' && !isCellError(merges.valueAt(r, f.deadline))) {
        issues.push(
          makeIssue(lang, deadline.reason === 'impossible' ? 'date_impossible' : 'deadline_unreadable', sheet, cell, {
            text: deadlineText,
          }),
        );
      }
    }

    rows.push({
      row: r,
      ...text,
      unit: firstUnit(unitText),
      unitText,
      category: textOf('category') ?? category,
      deadline,
      deadlineText,
      doneBy,
      progress,
      progressText,
      planInvest: numberOf('planInvest'),
      doneInvest: numberOf('doneInvest'),
      totalInvest: numberOf('totalInvest'),
      plannedStart: dayOf('plannedStart'),
      actualStart: dayOf('actualStart'),
    });
  }
  return { rows, issues };
}
