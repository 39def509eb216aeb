import { z } from 'zod';
import { DocumentSettingsSchema, type DocumentSettings } from '../documents/documentSettings';
import { FIELD_KEYS, type FieldKey } from '../fields';
import { RuleInputSchema, type RuleInput } from '../rules';

/**
 * What the add-in remembers of the user's choices in a workbook: rules, column choices, the last
 * report date, the documents' wording. Never cell contents or people's names.
 */
export interface WorkbookSettings {
  readonly rules?: RuleInput;
  /** Per sheet: field → column letters chosen by the user (null = "not this field"). */
  readonly overrides?: Readonly<Record<string, Readonly<Partial<Record<FieldKey, string | null>>>>>;
  /** Last report date used, "YYYY-MM-DD". */
  readonly lastAsOf?: string;
  /** The documents' placeholders and notice wording (DocumentSettingsSchema), as the user set them. */
  readonly documents?: DocumentSettings;
}

const OverridesSchema = z.record(
  z.string(),
  z.record(
    z.enum(FIELD_KEYS),
    z
      .string()
      .regex(/^[A-Z]{1,3}$/)
      .nullable(),
  ),
);

/**
 * Reads settings as stored (a record's JSON, or Office's workbook settings): each part is kept
 * only when it is well-formed, so one damaged part, edited by hand, does not lose the others.
 */
export function parseSettings(raw: unknown): WorkbookSettings {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  const o = raw as Record<string, unknown>;
  const out: { -readonly [K in keyof WorkbookSettings]: WorkbookSettings[K] } = {};
  // Rules are kept as the user wrote them (a RuleInput); they are resolved when used.
  const rules = RuleInputSchema.safeParse(o.rules);
  if (o.rules !== undefined && rules.success) out.rules = o.rules as RuleInput;
  const overrides = OverridesSchema.safeParse(o.overrides);
  if (o.overrides !== undefined && overrides.success) out.overrides = overrides.data;
  if (typeof o.lastAsOf === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(o.lastAsOf)) {
    out.lastAsOf = o.lastAsOf;
  }
  const documents = DocumentSettingsSchema.safeParse(o.documents);
  if (o.documents !== undefined && documents.success) out.documents = documents.data;
  return out;
}

/** The settings record's text, or undefined when there is nothing to remember. */
export function settingsText(settings: WorkbookSettings): string | undefined {
  const kept = parseSettings(JSON.parse(JSON.stringify(settings)) as unknown);
  return Object.keys(kept).length === 0 ? undefined : JSON.stringify(kept);
}

/** Settings from a record's text; {} when there is none or it is not JSON. */
export function settingsOfText(text: string | undefined): WorkbookSettings {
  if (text === undefined) return {};
  try {
    return parseSettings(JSON.parse(text) as unknown);
  } catch {
    return {};
  }
}
