import { z } from 'zod';
import type { SheetAnalysis, WorkbookAnalysis } from './analysis';
import { summarizeWithLabels, type BulletinSummary } from './bulletin/summarize';
import { formatIsoDay } from './dates';
import { summarizeChanges } from './history/changesSummary';
import { CHANGES, rowKeys, type SheetChanges } from './history/rowChanges';
import { FIELD_KEYS, type FieldKey } from './fields';
import { excelColumn, excelRow } from './grid';
import type { Lang } from './issue';
import { PRESET_IDS, type RuleSet } from './rules';
import { STATUSES, type Counts } from './status';

/**
 * The report: what a run decided, as JSON for other programs (docs/report-format.md). Excel row
 * numbers and column letters throughout, never grid indices.
 */
export const REPORT_SCHEMA_VERSION = 2;

const statusEnum = z.enum(STATUSES);
const countsShape = {
  normal: z.number().int().min(0),
  lagging: z.number().int().min(0),
  severe: z.number().int().min(0),
  done: z.number().int().min(0),
  unknown: z.number().int().min(0),
};
const countsSchema = z.object(countsShape).strict();
const groupShape = { total: z.number().int().min(0), ...countsShape };
const column = z.string().regex(/^[A-Z]{1,3}$/);
const hex = z.string().regex(/^[0-9A-F]{6}$/);
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const fraction = z.number().min(0).max(1);
const statusRecord = <T extends z.ZodTypeAny>(v: T) =>
  z.object({ normal: v, lagging: v, severe: v, done: v, unknown: v }).strict();

export const ReportSchema = z
  .object({
    schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
    asOf: isoDay,
    /** The language of issues[].message and summary.text. */
    lang: z.enum(['zh', 'en']).optional(),
    /** Set by the caller (the CLI): when and from what file the report was made, and by what. */
    generatedAt: z.string().optional(),
    input: z.string().optional(),
    tool: z.object({ name: z.string(), version: z.string() }).strict().optional(),
    rules: z
      .object({
        preset: z.enum(PRESET_IDS),
        lagMonths: z.number(),
        severeMonths: z.number(),
        dueSoonDays: z.number(),
        seqLagGap: z.number(),
        seqSevereGap: z.number(),
        behindPeriods: z.number().int().min(1),
        assessment: z
          .object({ lagging: z.number(), severe: z.number(), ahead: z.number() })
          .strict()
          .nullable(),
        palette: z.enum(['ryg', 'ryb']),
        colors: statusRecord(hex),
        labels: statusRecord(z.string()),
        statusHeader: z.string(),
      })
      .strict(),
    sheets: z.array(
      z
        .object({
          name: z.string(),
          table: z
            .object({
              headerRows: z.tuple([z.number().int().min(1), z.number().int().min(1)]),
              firstDataRow: z.number().int().min(1).nullable(),
              lastDataRow: z.number().int().min(1).nullable(),
              statusColumn: column,
              columns: z.record(z.enum(FIELD_KEYS), column),
            })
            .strict(),
          /** One object per data row, in table order (version 1 had row number → status). */
          rows: z.array(
            z
              .object({
                row: z.number().int().min(1),
                key: z.string().regex(/^[0-9a-z]+$/),
                status: statusEnum,
                previousStatus: statusEnum.nullable(),
                change: z.enum(CHANGES).nullable(),
                periodsBehind: z.number().int().min(0),
                deadline: isoDay.nullable(),
                overdueDays: z.number().int().min(0),
                overdueMonths: z.number().int().min(0),
                unit: z.string().nullable(),
                category: z.string().nullable(),
              })
              .strict(),
          ),
          issues: z.array(
            z
              .object({
                cell: z.string(),
                severity: z.enum(['error', 'warning', 'info']),
                code: z.string(),
                message: z.string(),
              })
              .strict(),
          ),
          counts: countsSchema,
          // Known sections are checked; sections added later pass through (readers ignore them).
          summary: z
            .object({
              byUnit: z.array(z.object({ unit: z.string(), ...groupShape }).strict()),
              byCategory: z.array(z.object({ category: z.string(), ...groupShape }).strict()),
              investment: z
                .object({
                  plan: z.number(),
                  done: z.number(),
                  rate: z.number().nullable(),
                  expectedRate: fraction,
                  /** The end of the period the header names; null: measured to asOf. */
                  periodEnd: isoDay.nullable(),
                  unitLabel: z.string().nullable(),
                })
                .strict()
                .optional(),
              starts: z
                .object({
                  planned: z.number().int().min(1),
                  started: z.number().int().min(0),
                  rate: fraction,
                })
                .strict()
                .optional(),
              lagging: z.array(
                z
                  .object({
                    name: z.string().nullable(),
                    unit: z.string().nullable(),
                    deadline: isoDay.nullable(),
                    deadlineText: z.string(),
                    overdueDays: z.number().int().min(0),
                    overdueMonths: z.number().int().min(0),
                    status: z.enum(['lagging', 'severe']),
                    problem: z.string().nullable(),
                    sheet: z.string(),
                    excelRow: z.number().int().min(1),
                  })
                  .strict(),
              ),
              changes: z
                .object({
                  previousAsOf: isoDay,
                  newlyBehind: z.number().int().min(0),
                  turnedRed: z.number().int().min(0),
                  improved: z.number().int().min(0),
                  completed: z.number().int().min(0),
                  added: z.number().int().min(0),
                  removed: z.number().int().min(0),
                  behindPeriods: z.number().int().min(1),
                  /** Excel rows behind for behindPeriods report dates or more, and for how many. */
                  longBehind: z.array(
                    z.object({ row: z.number().int().min(1), periods: z.number().int() }).strict(),
                  ),
                  unitsRising: z.array(
                    z
                      .object({
                        unit: z.string(),
                        previous: z.number().int().min(0),
                        current: z.number().int().min(0),
                      })
                      .strict(),
                  ),
                })
                .strict()
                .optional(),
              recognition: z
                .object({
                  ahead: z.array(
                    z
                      .object({
                        row: z.number().int().min(1),
                        unit: z.string().nullable(),
                        doneDate: isoDay,
                        deadline: isoDay,
                      })
                      .strict(),
                  ),
                  praisedUnits: z.array(z.string()),
                  criticizedUnits: z.array(
                    z
                      .object({
                        unit: z.string(),
                        severe: z.number().int().min(0),
                        longBehind: z.number().int().min(0),
                      })
                      .strict(),
                  ),
                })
                .strict()
                .optional(),
              assessment: z
                .array(
                  z
                    .object({
                      unit: z.string(),
                      ahead: z.number().int().min(0),
                      lagging: z.number().int().min(0),
                      severe: z.number().int().min(0),
                      points: z.number(),
                    })
                    .strict(),
                )
                .optional(),
              text: z.string(),
            })
            .passthrough(),
        })
        .strict(),
    ),
    skippedSheets: z.array(
      z.object({ name: z.string(), reason: z.enum(['no_table', 'no_room']) }).strict(),
    ),
  })
  .strict();

export type Report = z.infer<typeof ReportSchema>;
export type ReportSheet = Report['sheets'][number];
export type ReportSummary = ReportSheet['summary'];

/** Facts only the caller knows; each one given appears in the report, none is invented. */
export interface ReportExtra {
  readonly generatedAt?: string;
  readonly input?: string;
  readonly tool?: { readonly name: string; readonly version: string };
  /** The language the analysis was made in, and the draft text is written in; zh when not given. */
  readonly lang?: Lang;
  /** Each sheet compared with its previous period (see session/history.ts); absent: none. */
  readonly changes?: readonly SheetChanges[];
}

function countsOf(c: Counts): Counts {
  return {
    normal: c.normal,
    lagging: c.lagging,
    severe: c.severe,
    done: c.done,
    unknown: c.unknown,
  };
}

/** What a summary section is built from: the sheet, and the bulletin summary of that sheet alone. */
export interface SummaryInput {
  readonly sheet: SheetAnalysis;
  readonly bulletin: BulletinSummary;
}

/**
 * The summary sections of one sheet, each built by its own function; a section that returns
 * undefined is left out (a sheet without investment columns has no `investment`, never zeros). To
 * add a section, add an entry here, and its shape to ReportSchema's summary to have it checked.
 */
export const SUMMARY_SECTIONS: Readonly<Record<string, (input: SummaryInput) => unknown>> = {
  byUnit: ({ sheet }) => sheet.byUnit.map((g) => ({ unit: g.key, total: g.total, ...countsOf(g) })),
  byCategory: ({ sheet }) =>
    sheet.byCategory.map((g) => ({ category: g.key, total: g.total, ...countsOf(g) })),
  investment: ({ bulletin: { investment: i } }) =>
    i && {
      plan: i.plan,
      done: i.done,
      rate: i.rate,
      expectedRate: i.expectedRate,
      periodEnd: i.periodEnd,
      unitLabel: i.unitLabel,
    },
  starts: ({ bulletin: { starts: s } }) =>
    s && { planned: s.planned, started: s.started, rate: s.rate },
  changes: ({ bulletin: { changes: c } }) =>
    c && {
      previousAsOf: c.previousAsOf,
      newlyBehind: c.newlyBehind,
      turnedRed: c.turnedRed,
      improved: c.improved,
      completed: c.completed,
      added: c.added,
      removed: c.removed,
      behindPeriods: c.behindPeriods,
      longBehind: c.longBehind.map((i) => ({ row: i.excelRow, periods: i.periodsBehind })),
      unitsRising: c.unitsRising.map((u) => ({ ...u })),
    },
  lagging: ({ bulletin }) =>
    bulletin.lagging.map((l) => ({
      name: l.name,
      unit: l.unit,
      deadline: l.deadline,
      deadlineText: l.deadlineText,
      overdueDays: l.overdueDays,
      overdueMonths: l.overdueMonths,
      status: l.status,
      problem: l.problem,
      sheet: l.sheet,
      excelRow: l.excelRow,
    })),
  recognition: ({ bulletin: { recognition: r } }) => ({
    ahead: r.ahead.map((a) => ({
      row: a.excelRow,
      unit: a.unit,
      doneDate: a.doneDate,
      deadline: a.deadline,
    })),
    praisedUnits: [...r.praisedUnits],
    criticizedUnits: r.criticizedUnits.map((u) => ({ ...u })),
  }),
  assessment: ({ bulletin: { assessment } }) => assessment?.map((a) => ({ ...a })),
  text: ({ bulletin }) => bulletin.text,
};

function summaryOf(
  sheet: SheetAnalysis,
  analysis: WorkbookAnalysis,
  lang: Lang,
  changes: SheetChanges | undefined,
): ReportSummary {
  // The sheet alone, so each sheet's figures can be read without the others; the bulletin sheets
  // a run writes add up all analysed sheets, and for a one-table workbook the two agree.
  const compared =
    changes === undefined
      ? undefined
      : summarizeChanges([sheet], [changes], analysis.rules.behindPeriods);
  const bulletin = summarizeWithLabels(
    [sheet],
    analysis.asOf,
    lang,
    analysis.rules.labels,
    analysis.rules.preset,
    compared,
    analysis.rules.assessment,
  );
  const out: Record<string, unknown> = {};
  for (const [key, build] of Object.entries(SUMMARY_SECTIONS)) {
    const section = build({ sheet, bulletin });
    if (section !== undefined) out[key] = section;
  }
  return out as ReportSummary;
}

function rulesOf(r: RuleSet): Report['rules'] {
  return {
    preset: r.preset,
    lagMonths: r.lagMonths,
    severeMonths: r.severeMonths,
    dueSoonDays: r.dueSoonDays,
    seqLagGap: r.seqLagGap,
    seqSevereGap: r.seqSevereGap,
    behindPeriods: r.behindPeriods,
    assessment: r.assessment === null ? null : { ...r.assessment },
    palette: r.palette,
    colors: { ...r.colors },
    labels: { ...r.labels },
    statusHeader: r.statusHeader,
  };
}

function rowsOf(s: SheetAnalysis, changes: SheetChanges | undefined): ReportSheet['rows'] {
  const keys = rowKeys(s);
  return s.statuses.map((st, i) => {
    const row = s.rows[i];
    const c = changes?.rows[i];
    return {
      row: excelRow(s, st.row),
      key: keys[i] ?? '',
      status: st.status,
      previousStatus: c?.previousStatus ?? null,
      change: c?.change ?? null,
      periodsBehind:
        c?.periodsBehind ?? (st.status === 'lagging' || st.status === 'severe' ? 1 : 0),
      deadline: row?.deadline.kind === 'date' ? formatIsoDay(row.deadline.day) : null,
      overdueDays: st.overdueDays,
      overdueMonths: st.overdueMonths,
      unit: row?.unit ?? null,
      category: row?.category ?? null,
    };
  });
}

function sheetOf(
  s: SheetAnalysis,
  analysis: WorkbookAnalysis,
  lang: Lang,
  changes: SheetChanges | undefined,
): ReportSheet {
  const { layout, origin } = s;
  const columns: Partial<Record<FieldKey, string>> = {};
  for (const key of FIELD_KEYS) {
    const c = layout.fields[key];
    if (c !== undefined) columns[key] = excelColumn({ origin }, c);
  }
  const first = layout.dataRows[0];
  const last = layout.dataRows[layout.dataRows.length - 1];
  return {
    name: s.sheet,
    table: {
      headerRows: [
        excelRow({ origin }, layout.headerTop),
        excelRow({ origin }, layout.headerBottom),
      ],
      firstDataRow: first === undefined ? null : excelRow({ origin }, first),
      lastDataRow: last === undefined ? null : excelRow({ origin }, last),
      statusColumn: excelColumn({ origin }, s.paint.statusColumn),
      columns,
    },
    rows: rowsOf(s, changes),
    issues: s.issues.map((i) => ({
      cell: i.cell,
      severity: i.severity,
      code: i.code,
      message: i.message,
    })),
    counts: countsOf(s.counts),
    summary: summaryOf(s, analysis, lang, changes),
  };
}

/** Builds the report of one run from the engine's analysis; pure, so the same analysis gives the same report. */
export function buildReport(analysis: WorkbookAnalysis, extra: ReportExtra = {}): Report {
  const lang = extra.lang ?? 'zh';
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    asOf: formatIsoDay(analysis.asOf),
    ...(extra.lang !== undefined ? { lang: extra.lang } : {}),
    ...(extra.generatedAt !== undefined ? { generatedAt: extra.generatedAt } : {}),
    ...(extra.input !== undefined ? { input: extra.input } : {}),
    ...(extra.tool !== undefined
      ? { tool: { name: extra.tool.name, version: extra.tool.version } }
      : {}),
    rules: rulesOf(analysis.rules),
    sheets: analysis.sheets.map((s) =>
      sheetOf(
        s,
        analysis,
        lang,
        extra.changes?.find((c) => c.sheet === s.sheet),
      ),
    ),
    skippedSheets: analysis.skipped.map((s) => ({ name: s.name, reason: s.reason })),
  };
}
