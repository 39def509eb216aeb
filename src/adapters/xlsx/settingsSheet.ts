import { z } from 'zod';
import { DocumentSettingsSchema } from '../../core/documents/documentSettings';
import { FIELD_KEYS } from '../../core/fields';
import { RuleInputSchema, type RuleInput } from '../../core/rules';
import type { WorkbookSettings } from '../../port/WorkbookPort';
import type { StateStore } from './stateSheet';

const SETTINGS_KEY = 'settings';

/** The part of a record store the settings use; both xlsx adapters' stores have it. */
export type SettingsStore = Pick<StateStore, 'get' | 'set'>;

const overridesSchema = z.record(
  z.string(),
  z.record(
    z.enum(FIELD_KEYS),
    z
      .string()
      .regex(/^[A-Z]{1,3}$/)
      .nullable(),
  ),
);

/** Reads the settings saved in the workbook; a part that is damaged is left out, not guessed. */
export function loadSettings(store: SettingsStore): WorkbookSettings {
  const raw = store.get(SETTINGS_KEY);
  if (typeof raw !== 'object' || raw === null) return {};
  const o = raw as Record<string, unknown>;
  const out: { -readonly [K in keyof WorkbookSettings]: WorkbookSettings[K] } = {};
  // Rules are kept as the user wrote them (a RuleInput); they are resolved when used.
  if (o.rules !== undefined && RuleInputSchema.safeParse(o.rules).success) {
    out.rules = o.rules as RuleInput;
  }
  const overrides = overridesSchema.safeParse(o.overrides);
  if (o.overrides !== undefined && overrides.success) out.overrides = overrides.data;
  if (typeof o.lastAsOf === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(o.lastAsOf)) {
    out.lastAsOf = o.lastAsOf;
  }
  const documents = DocumentSettingsSchema.safeParse(o.documents);
  if (o.documents !== undefined && documents.success) out.documents = documents.data;
  return out;
}

export function saveSettings(store: SettingsStore, settings: WorkbookSettings): void {
  const empty =
    settings.rules === undefined &&
    settings.overrides === undefined &&
    settings.lastAsOf === undefined &&
    settings.documents === undefined;
  store.set(SETTINGS_KEY, empty ? undefined : settings);
}
