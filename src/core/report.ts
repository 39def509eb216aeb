import { z } from 'zod';
import type { SheetAnalysis, WorkbookAnalysis } from './analysis';
import { formatIsoDay } from './dates';
import { FIELD_KEYS, type FieldKey } from './fields';
import { excelColumn, excelRow } from './grid';
import { PRESET_IDS, type RuleSet } from './rules';
import { STATUSES, type Counts, type Status } from './status';

/**
 * The report: what a run decided, as JSON for other programs (docs/report-format.md). Excel row
 * numbers and column letters throughout, never grid indices.
 */
export const REPORT_SCHEMA_VERSION = 1;

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
const statusRecord = <T extends z.ZodTypeAny>(v: T) =>
  z.object({ normal: v, lagging: v, severe: v, done: v, unknown: v }).strict();

export const ReportSchema = z
  .object({
    schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
    asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
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
          /** Excel row number → status, for every data row and nothing else. */
          rows: z.record(z.string().regex(/^[1-9]\d*$/), statusEnum),
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
          // Open for more sections (investment, starts, lagging list, draft text…): known sections
          // are checked, others pass through.
          summary: z
            .object({
              byUnit: z.array(z.object({ unit: z.string(), ...groupShape }).strict()),
              byCategory: z.array(z.object({ category: z.string(), ...groupShape }).strict()),
            })
            .passthrough(),
        })
        .strict(),
    ),
    skippedSheets: z.array(z.object({ name: z.string(), reason: z.literal('no_table') }).strict()),
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

/**
 * The summary sections of one sheet, each built by its own function. To add a section (say
 * `investment`), add an entry here, and its shape to ReportSchema's summary if it should be checked.
 */
export const SUMMARY_SECTIONS: Readonly<Record<string, (sheet: SheetAnalysis) => unknown>> = {
  byUnit: (s) => s.byUnit.map((g) => ({ unit: g.key, total: g.total, ...countsOf(g) })),
  byCategory: (s) => s.byCategory.map((g) => ({ category: g.key, total: g.total, ...countsOf(g) })),
};

function summaryOf(sheet: SheetAnalysis): ReportSummary {
  const out: Record<string, unknown> = {};
  for (const [key, build] of Object.entries(SUMMARY_SECTIONS)) out[key] = build(sheet);
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
    palette: r.palette,
    colors: { ...r.colors },
    labels: { ...r.labels },
    statusHeader: r.statusHeader,
  };
}

function sheetOf(s: SheetAnalysis): ReportSheet {
  const { layout, origin } = s;
  const columns: Partial<Record<FieldKey, string>> = {};
  for (const key of FIELD_KEYS) {
    const c = layout.fields[key];
    if (c !== undefined) columns[key] = excelColumn({ origin }, c);
  }
  const rows: Record<string, Status> = {};
  for (const st of s.statuses) rows[String(excelRow({ origin }, st.row))] = st.status;
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
    rows,
    issues: s.issues.map((i) => ({
      cell: i.cell,
      severity: i.severity,
      code: i.code,
      message: i.message,
    })),
    counts: countsOf(s.counts),
    summary: summaryOf(s),
  };
}

/** Builds the report of one run from the engine's analysis; pure, so the same analysis gives the same report. */
export function buildReport(analysis: WorkbookAnalysis, extra: ReportExtra = {}): Report {
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    asOf: formatIsoDay(analysis.asOf),
    ...(extra.generatedAt !== undefined ? { generatedAt: extra.generatedAt } : {}),
    ...(extra.input !== undefined ? { input: extra.input } : {}),
    ...(extra.tool !== undefined
      ? { tool: { name: extra.tool.name, version: extra.tool.version } }
      : {}),
    rules: rulesOf(analysis.rules),
    sheets: analysis.sheets.map(sheetOf),
    skippedSheets: analysis.skipped.map((s) => ({ name: s.name, reason: s.reason })),
  };
}
