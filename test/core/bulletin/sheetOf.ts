import type { SheetAnalysis } from '../../../src/core/analysis';
import { countBy, countStatuses } from '../../../src/core/counts';
import { parseIsoDay, wholeMonthsBetween, type DayNumber } from '../../../src/core/dates';
import type { FieldKey } from '../../../src/core/fields';
import type { Lang } from '../../../src/core/issue';
import type { Deadline, PlanRow } from '../../../src/core/planRow';
import type { RuleSet } from '../../../src/core/rules';
import { defaultRules } from '../../../src/core/rules';
import { STATUSES, type RowStatus, type Status } from '../../../src/core/status';

/** One data row in a test's words: only what the bulletin reads, the rest blank. */
export interface RowSpec {
  readonly name: string | null;
  readonly unit?: string | null;
  readonly category?: string | null;
  readonly nature?: string | null;
  /** "YYYY-MM-DD", "ongoing", or absent for no deadline. */
  readonly deadline?: string;
  /** As written; defaults to the ISO date. */
  readonly deadlineText?: string;
  readonly status: Status;
  readonly planInvest?: number | null;
  readonly doneInvest?: number | null;
  readonly actualStart?: string | null;
  readonly problem?: string | null;
}

export interface SheetSpec {
  readonly fields: readonly FieldKey[];
  readonly asOf: string;
  readonly amountUnit?: string | null;
  readonly planYear?: number;
  /** Section rows before the row at this index, naming its category (and the rows after). */
  readonly sections?: Readonly<Record<number, string>>;
  readonly lang?: Lang;
  readonly rules?: RuleSet;
}

export function day(iso: string): DayNumber {
  const d = parseIsoDay(iso);
  if (d === null) throw new Error(`bad date in test: ${iso}`);
  return d;
}

/**
 * A SheetAnalysis as the engine would hand it over, built by hand so a bulletin test states each
 * row's status itself; overdue days and months follow from the deadline and the report date.
 */
export function sheetOf(sheet: string, specs: readonly RowSpec[], spec: SheetSpec): SheetAnalysis {
  const asOf = day(spec.asOf);
  const lang = spec.lang ?? 'zh';
  const rules = spec.rules ?? defaultRules(lang);
  const headerBottom = 2;
  const rows: PlanRow[] = [];
  const statuses: RowStatus[] = [];
  const sections: { row: number; category: string }[] = [];
  let r = headerBottom + 1;
  let category: string | null = null;
  specs.forEach((s, i) => {
    const section = spec.sections?.[i];
    if (section !== undefined) {
      sections.push({ row: r, category: section });
      category = section;
      r++;
    }
    const deadline: Deadline =
      s.deadline === undefined
        ? { kind: 'missing' }
        : s.deadline === 'ongoing'
          ? { kind: 'ongoing' }
          : { kind: 'date', day: day(s.deadline) };
    rows.push({
      row: r,
      seq: String(i + 1),
      name: s.name,
      unit: s.unit ?? null,
      unitText: s.unit ?? null,
      partner: null,
      leader: null,
      category: s.category !== undefined ? s.category : category,
      nature: s.nature ?? null,
      deadline,
      deadlineText: s.deadlineText ?? (s.deadline === undefined ? '' : s.deadline),
      doneBy: s.status === 'done' ? 'done_column' : null,
      progress: null,
      progressText: null,
      planInvest: s.planInvest ?? null,
      doneInvest: s.doneInvest ?? null,
      totalInvest: null,
      plannedStart: null,
      actualStart: s.actualStart ? day(s.actualStart) : null,
      reportedStatus: null,
      problem: s.problem ?? null,
      note: null,
    });
    const late = deadline.kind === 'date' && asOf > deadline.day;
    statuses.push({
      row: r,
      status: s.status,
      overdueDays: late && deadline.kind === 'date' ? asOf - deadline.day : 0,
      overdueMonths: late && deadline.kind === 'date' ? wholeMonthsBetween(deadline.day, asOf) : 0,
      reason: s.status === 'done' ? 'done_column' : late ? 'overdue' : 'not_due',
    });
    r++;
  });
  const fields: Partial<Record<FieldKey, number>> = {};
  spec.fields.forEach((f, c) => (fields[f] = c));
  const lastRow = r - 1;
  return {
    sheet,
    layout: {
      sheet,
      title: null,
      titleYear: spec.planYear ?? null,
      headerTop: headerBottom,
      headerBottom,
      left: 0,
      right: spec.fields.length - 1,
      columns: spec.fields.map((field, col) => ({ col, header: field, field })),
      fields,
      kinds: [],
      dataRows: rows.map((x) => x.row),
      sections,
      lastRow,
      statusColumn: null,
      amountUnit: spec.amountUnit ?? null,
    },
    planYear: spec.planYear ?? Number(spec.asOf.slice(0, 4)),
    rows,
    statuses,
    issues: [],
    counts: countStatuses(statuses),
    byUnit: countBy(rows, statuses, 'unit', lang),
    byCategory: countBy(rows, statuses, 'category', lang),
    paint: {
      sheet,
      origin: { row: 1, col: 1 },
      statusColumn: spec.fields.length,
      statusColumnExists: false,
      headerTop: headerBottom,
      headerBottom,
      header: rules.statusHeader,
      left: 0,
      right: spec.fields.length,
      firstRow: headerBottom + 1,
      lastRow,
      codes: new Uint8Array(0),
      labels: ['', ...STATUSES.map((s) => rules.labels[s])],
      fills: [],
      keys: [],
    },
    origin: { row: 1, col: 1 },
  };
}
