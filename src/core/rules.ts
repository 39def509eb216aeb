import { z } from 'zod';
import type { Lang } from './issue';
import type { Status } from './status';
import { xmlSafeText } from './xmlSafeText';

export const PRESET_IDS = [
  'node-lag',
  'due-soon',
  'sequential-progress',
  'reported-status',
] as const;
export type PresetId = (typeof PRESET_IDS)[number];

const hexColor = z
  .string()
  .regex(/^[0-9A-Fa-f]{6}$/, 'colour as six hex digits, e.g. "FFC7CE"')
  .transform((s) => s.toUpperCase());

const statusMap = <T extends z.ZodTypeAny>(v: T) =>
  z.object({ normal: v, lagging: v, severe: v, done: v, unknown: v }).partial().strict();

/** What a user (or a rules.json) may set; everything is optional and filled from the preset. */
export const RuleInputSchema = z
  .object({
    preset: z.enum(PRESET_IDS).default('node-lag'),
    /** node-lag: lagging once the report date is past deadline + lagMonths. */
    lagMonths: z.number().int().min(0).max(24).optional(),
    /** node-lag: severe once past deadline + severeMonths. */
    severeMonths: z.number().int().min(0).max(60).optional(),
    /** due-soon: yellow when due within this many days, red once overdue. */
    dueSoonDays: z.number().int().min(0).max(366).optional(),
    /** sequential-progress: yellow when progress trails the elapsed share by more than this. */
    seqLagGap: z.number().min(0).max(1).optional(),
    /** sequential-progress: red when it trails by more than this. */
    seqSevereGap: z.number().min(0).max(1).optional(),
    palette: z.enum(['ryg', 'ryb']).optional(),
    colors: statusMap(hexColor).optional(),
    labels: statusMap(
      z.string().transform(xmlSafeText).pipe(z.string().trim().min(1).max(20)),
    ).optional(),
    /** Header of the status column the add-in writes and finds again. */
    statusHeader: z
      .string()
      .transform(xmlSafeText)
      .pipe(z.string().trim().min(1).max(30))
      .optional(),
  })
  .strict();

export type RuleInput = z.input<typeof RuleInputSchema>;

/** A complete rule set: every threshold, label and colour decided. */
export interface RuleSet {
  readonly preset: PresetId;
  readonly lagMonths: number;
  readonly severeMonths: number;
  readonly dueSoonDays: number;
  readonly seqLagGap: number;
  readonly seqSevereGap: number;
  readonly palette: 'ryg' | 'ryb';
  readonly colors: Readonly<Record<Status, string>>;
  readonly labels: Readonly<Record<Status, string>>;
  readonly statusHeader: string;
}

export const DEFAULT_STATUS_HEADER = '三色状态';

const PALETTES: Record<'ryg' | 'ryb', Record<Status, string>> = {
  // Excel's own "good / neutral / bad" fills, so the chart looks like what staff already use.
  ryg: { normal: 'C6EFCE', lagging: 'FFEB9C', severe: 'FFC7CE', done: 'D9E1F2', unknown: 'E7E6E6' },
  ryb: { normal: 'BDD7EE', lagging: 'FFEB9C', severe: 'FFC7CE', done: 'E2EFDA', unknown: 'E7E6E6' },
};

const LABELS: Record<Lang, Record<PresetId, Record<Status, string>>> = {
  zh: {
    'node-lag': {
      normal: '正常',
      lagging: '滞后',
      severe: '严重滞后',
      done: '已完成',
      unknown: '无法判定',
    },
    'due-soon': {
      normal: '正常',
      lagging: '即将到期',
      severe: '已逾期',
      done: '已完成',
      unknown: '无法判定',
    },
    'sequential-progress': {
      normal: '正常',
      lagging: '低于序时',
      severe: '严重低于序时',
      done: '已完成',
      unknown: '无法判定',
    },
    'reported-status': {
      normal: '正常',
      lagging: '滞后',
      severe: '严重滞后',
      done: '已完成',
      unknown: '无法判定',
    },
  },
  en: {
    'node-lag': {
      normal: 'On track',
      lagging: 'Lagging',
      severe: 'Severely lagging',
      done: 'Done',
      unknown: 'Unknown',
    },
    'due-soon': {
      normal: 'On track',
      lagging: 'Due soon',
      severe: 'Overdue',
      done: 'Done',
      unknown: 'Unknown',
    },
    'sequential-progress': {
      normal: 'On track',
      lagging: 'Behind schedule',
      severe: 'Far behind',
      done: 'Done',
      unknown: 'Unknown',
    },
    'reported-status': {
      normal: 'On track',
      lagging: 'Lagging',
      severe: 'Severely lagging',
      done: 'Done',
      unknown: 'Unknown',
    },
  },
};

/** The words of rule errors, so the pane and the command line say them in the user's language. */
const RULE_ERRORS: Record<
  Lang,
  {
    invalid: (path: string, detail: string) => string;
    order: (higher: string, h: number, lower: string, l: number) => string;
  }
> = {
  zh: {
    invalid: (path, detail) =>
      `规则${path === '' ? '' : `中的“${path}”`}不符合要求(${detail}),请改正后重试。`,
    order: (higher, h, lower, l) => `“${higher}”(${h})不能小于“${lower}”(${l})。`,
  },
  en: {
    invalid: (path, detail) => `${path === '' ? 'The rules' : path}: ${detail}`,
    order: (higher, h, lower, l) => `${higher} (${h}) must not be less than ${lower} (${l})`,
  },
};

/** Validates user rule input and fills every gap from its preset; errors in the user's language. */
export function resolveRules(
  input: unknown,
  lang: Lang = 'zh',
): { ok: true; value: RuleSet } | { ok: false; errors: string[] } {
  const parsed = RuleInputSchema.safeParse(input ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      // zod words its detail in English; the sentence around it names the setting in `lang`.
      errors: parsed.error.issues.map((i) =>
        RULE_ERRORS[lang].invalid(i.path.join('.'), i.message),
      ),
    };
  }
  const r = parsed.data;
  const lagMonths = r.lagMonths ?? 1;
  const severeMonths = r.severeMonths ?? 3;
  if (severeMonths < lagMonths) {
    return {
      ok: false,
      errors: [RULE_ERRORS[lang].order('severeMonths', severeMonths, 'lagMonths', lagMonths)],
    };
  }
  const seqLagGap = r.seqLagGap ?? 0.1;
  const seqSevereGap = r.seqSevereGap ?? 0.2;
  if (seqSevereGap < seqLagGap) {
    return {
      ok: false,
      errors: [RULE_ERRORS[lang].order('seqSevereGap', seqSevereGap, 'seqLagGap', seqLagGap)],
    };
  }
  const palette = r.palette ?? 'ryg';
  return {
    ok: true,
    value: {
      preset: r.preset,
      lagMonths,
      severeMonths,
      dueSoonDays: r.dueSoonDays ?? 3,
      seqLagGap,
      seqSevereGap,
      palette,
      colors: { ...PALETTES[palette], ...stripUndefined(r.colors) },
      labels: { ...LABELS[lang][r.preset], ...stripUndefined(r.labels) },
      statusHeader: r.statusHeader ?? DEFAULT_STATUS_HEADER,
    },
  };
}

/** The default rule set (node-lag), for callers that need no validation. */
export function defaultRules(lang: Lang = 'zh'): RuleSet {
  const r = resolveRules({}, lang);
  if (!r.ok) throw new Error('default rules are invalid'); // a bug, never input
  return r.value;
}

/** Keeps only the statuses the user set, so the preset's value stays for the rest. */
function stripUndefined(
  o: Partial<Record<Status, string | undefined>> | undefined,
): Partial<Record<Status, string>> {
  const out: Partial<Record<Status, string>> = {};
  if (!o) return out;
  for (const [k, v] of Object.entries(o) as [Status, string | undefined][])
    if (v !== undefined) out[k] = v;
  return out;
}
