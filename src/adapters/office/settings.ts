import {
  DocumentSettingsSchema,
  type DocumentSettings,
} from '../../core/documents/documentSettings';
import { FIELD_KEYS, type FieldKey } from '../../core/fields';
import { RuleInputSchema, type RuleInput } from '../../core/rules';
import { SETTINGS_KEY } from '../../core/workbookRecord/recordKeys';
import {
  settingsOfText,
  settingsText,
  type WorkbookSettings,
} from '../../core/workbookRecord/settings';
import { readRecords, writeRecords } from './recordStore';

/**
 * Keys in Workbook.settings (ExcelApi 1.4), which Excel saves inside the workbook. Only choices
 * are stored here, never cell contents: the saved fills live on the hidden sheet instead.
 */
export const SETTING_KEYS = {
  rules: 'tricolor.rules',
  overrides: 'tricolor.overrides',
  lastAsOf: 'tricolor.lastAsOf',
  documents: 'tricolor.documents',
  /** Bulletin sheets this add-in created, so it replaces only its own. */
  bulletinSheets: 'tricolor.bulletinSheets',
} as const;

type Overrides = NonNullable<WorkbookSettings['overrides']>;

const FIELDS = new Set<string>(FIELD_KEYS);

/** Keeps only well-formed overrides: a value edited by hand must not break the add-in. */
function readOverrides(v: unknown): Overrides | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
  const out: Record<string, Partial<Record<FieldKey, string | null>>> = {};
  for (const [sheet, map] of Object.entries(v as Record<string, unknown>)) {
    if (typeof map !== 'object' || map === null || Array.isArray(map)) continue;
    const fields: Partial<Record<FieldKey, string | null>> = {};
    for (const [field, col] of Object.entries(map as Record<string, unknown>)) {
      if (!FIELDS.has(field)) continue;
      if (col === null || (typeof col === 'string' && /^[A-Z]{1,3}$/.test(col))) {
        fields[field as FieldKey] = col;
      }
    }
    out[sheet] = fields;
  }
  return out;
}

function readRules(v: unknown): RuleInput | undefined {
  return RuleInputSchema.safeParse(v).success ? (v as RuleInput) : undefined;
}

function readDocuments(v: unknown): DocumentSettings | undefined {
  const parsed = DocumentSettingsSchema.safeParse(v);
  return parsed.success ? parsed.data : undefined;
}

function readDate(v: unknown): string | undefined {
  return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined;
}

/**
 * The settings record on the hidden sheet, where every host keeps it; else (a workbook from an
 * earlier version) Workbook.settings, each part kept only when it is still well-formed.
 */
export async function loadSettings(context: Excel.RequestContext): Promise<WorkbookSettings> {
  const text = (await readRecords(context)).get(SETTINGS_KEY);
  if (text !== undefined) return settingsOfText(text);
  const settings = context.workbook.settings;
  const rules = settings.getItemOrNullObject(SETTING_KEYS.rules);
  const overrides = settings.getItemOrNullObject(SETTING_KEYS.overrides);
  const lastAsOf = settings.getItemOrNullObject(SETTING_KEYS.lastAsOf);
  const documents = settings.getItemOrNullObject(SETTING_KEYS.documents);
  for (const s of [rules, overrides, lastAsOf, documents]) s.load('value');
  await context.sync();
  const value = (s: Excel.Setting): unknown => (s.isNullObject ? undefined : s.value);
  const out: { -readonly [K in keyof WorkbookSettings]: WorkbookSettings[K] } = {};
  const r = readRules(value(rules));
  if (r !== undefined) out.rules = r;
  const o = readOverrides(value(overrides));
  if (o !== undefined) out.overrides = o;
  const d = readDate(value(lastAsOf));
  if (d !== undefined) out.lastAsOf = d;
  if (!documents.isNullObject) {
    const docs = readDocuments(documents.value);
    if (docs !== undefined) out.documents = docs;
  }
  return out;
}

/**
 * Each setting present is stored and each absent one removed, so a load returns exactly this.
 * One sync, plus one to find the settings to remove when some are absent.
 */
export async function saveSettings(
  context: Excel.RequestContext,
  settings: WorkbookSettings,
): Promise<void> {
  await writeRecords(context, new Map([[SETTINGS_KEY, settingsText(settings)]]));
  // Mirrored in Workbook.settings, where earlier versions of the add-in look for them.
  const all = context.workbook.settings;
  const entries: [string, unknown][] = [
    [SETTING_KEYS.rules, settings.rules],
    [SETTING_KEYS.overrides, settings.overrides],
    [SETTING_KEYS.lastAsOf, settings.lastAsOf],
    [SETTING_KEYS.documents, settings.documents],
  ];
  // Methods of a null object are not to be called, so look the absent ones up before deleting.
  const absent = entries
    .filter(([, v]) => v === undefined)
    .map(([key]) => all.getItemOrNullObject(key));
  if (absent.length > 0) await context.sync();
  for (const s of absent) if (!s.isNullObject) s.delete();
  for (const [key, v] of entries) {
    // A JSON round trip drops undefined members, which a setting cannot hold.
    if (v !== undefined) all.add(key, JSON.parse(JSON.stringify(v)));
  }
  await context.sync();
}
