import { useCallback, useEffect, useMemo, useState } from 'react';
import { parseIsoDay, type DayNumber } from '../../core/dates';
import type { Lang } from '../../core/issue';
import {
  defaultRules,
  resolveRules,
  type PresetId,
  type RuleInput,
  type RuleSet,
} from '../../core/rules';
import { STATUSES, type Status } from '../../core/status';

export type NumberField =
  'lagMonths' | 'severeMonths' | 'dueSoonDays' | 'seqLagGap' | 'seqSevereGap';

/** The rule form as typed: numbers stay text until the run, so a half-typed value is not lost. */
export interface RuleFields {
  readonly asOf: string;
  readonly preset: PresetId;
  readonly numbers: Readonly<Record<NumberField, string>>;
  readonly palette: 'ryg' | 'ryb';
  /** Only the labels the user changed. */
  readonly labels: Readonly<Partial<Record<Status, string>>>;
}

export type ResolvedForm =
  | {
      readonly ok: true;
      readonly asOf: DayNumber;
      readonly rules: RuleSet;
      readonly input: RuleInput;
    }
  | { readonly ok: false; readonly errors: readonly string[]; readonly badAsOf: boolean };

export interface RuleForm {
  readonly fields: RuleFields;
  readonly resolved: ResolvedForm;
  /** The rules the form shows as defaults (labels, colours), valid even while the input is not. */
  readonly preview: RuleSet;
  /** Which thresholds the chosen preset uses. */
  readonly thresholdFields: readonly NumberField[];
  setAsOf(text: string): void;
  setPreset(preset: PresetId): void;
  setNumber(field: NumberField, text: string): void;
  setPalette(palette: 'ryg' | 'ryb'): void;
  setLabel(status: Status, text: string): void;
}

const THRESHOLDS: Record<PresetId, readonly NumberField[]> = {
  'node-lag': ['lagMonths', 'severeMonths'],
  'due-soon': ['dueSoonDays'],
  'sequential-progress': ['seqLagGap', 'seqSevereGap'],
  'reported-status': ['lagMonths', 'severeMonths'],
};

// Gaps are fractions in the rules and percents in the form.
const PERCENT: ReadonlySet<NumberField> = new Set(['seqLagGap', 'seqSevereGap']);

function fieldsFrom(input: RuleInput | undefined, asOf: string, lang: Lang): RuleFields {
  const resolved = resolveRules(input ?? {}, lang);
  const base = resolved.ok ? resolved.value : defaultRules(lang);
  const pct = (x: number) => String(Math.round(x * 1000) / 10);
  return {
    asOf,
    preset: base.preset,
    numbers: {
      lagMonths: String(base.lagMonths),
      severeMonths: String(base.severeMonths),
      dueSoonDays: String(base.dueSoonDays),
      seqLagGap: pct(base.seqLagGap),
      seqSevereGap: pct(base.seqSevereGap),
    },
    palette: base.palette,
    labels: resolved.ok ? definedLabels(input?.labels) : {},
  };
}

function definedLabels(
  labels: Partial<Record<Status, string | undefined>> | undefined,
): Partial<Record<Status, string>> {
  const out: Partial<Record<Status, string>> = {};
  for (const s of STATUSES) {
    const l = labels?.[s];
    if (l !== undefined) out[s] = l;
  }
  return out;
}

function parseNumber(text: string): number | null {
  const t = text.trim();
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : Number.NaN;
}

/** The rule form's state and what it resolves to; the report date defaults to today. */
export function useRuleForm(lang: Lang, today: string, saved: RuleInput | undefined): RuleForm {
  const [fields, setFields] = useState<RuleFields>(() => fieldsFrom(saved, today, lang));

  // A workbook remembers its rules: take them over when they arrive, keeping the typed date.
  useEffect(() => {
    if (saved !== undefined) setFields((f) => fieldsFrom(saved, f.asOf, lang));
    // Only a newly loaded rule input resets the form; a language switch must not undo edits.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [saved]);

  const input = useMemo((): RuleInput => {
    const out: Record<string, unknown> = { preset: fields.preset, palette: fields.palette };
    for (const key of THRESHOLDS[fields.preset]) {
      const n = parseNumber(fields.numbers[key]);
      if (n !== null) out[key] = PERCENT.has(key) ? n / 100 : n;
    }
    const labels: Partial<Record<Status, string>> = {};
    for (const s of STATUSES) {
      const l = fields.labels[s];
      if (l !== undefined && l.trim() !== '') labels[s] = l.trim();
    }
    if (Object.keys(labels).length > 0) out.labels = labels;
    return out;
  }, [fields]);

  const resolved = useMemo((): ResolvedForm => {
    const asOf = parseIsoDay(fields.asOf);
    const rules = resolveRules(input, lang);
    if (asOf !== null && rules.ok) return { ok: true, asOf, rules: rules.value, input };
    return { ok: false, errors: rules.ok ? [] : rules.errors, badAsOf: asOf === null };
  }, [fields.asOf, input, lang]);

  const preview = useMemo((): RuleSet => {
    const r = resolveRules({ preset: fields.preset, palette: fields.palette }, lang);
    if (!r.ok) throw new Error('a preset with a palette is always valid'); // a bug, never input
    return r.value;
  }, [fields.preset, fields.palette, lang]);

  const setAsOf = useCallback((asOf: string) => setFields((f) => ({ ...f, asOf })), []);
  const setPreset = useCallback((preset: PresetId) => setFields((f) => ({ ...f, preset })), []);
  const setPalette = useCallback(
    (palette: 'ryg' | 'ryb') => setFields((f) => ({ ...f, palette })),
    [],
  );
  const setNumber = useCallback(
    (field: NumberField, text: string) =>
      setFields((f) => ({ ...f, numbers: { ...f.numbers, [field]: text } })),
    [],
  );
  const setLabel = useCallback(
    (status: Status, text: string) =>
      setFields((f) => ({ ...f, labels: { ...f.labels, [status]: text } })),
    [],
  );

  return {
    fields,
    resolved,
    preview,
    thresholdFields: THRESHOLDS[fields.preset],
    setAsOf,
    setPreset,
    setNumber,
    setPalette,
    setLabel,
  };
}
