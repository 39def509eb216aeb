import { z } from 'zod';
import type { Lang } from '../issue';

/**
 * What the user sets for the generated documents, as the workbook keeps it: every field optional,
 * a missing one takes the default of the language the documents are written in. Templates hold
 * placeholders ({单位}, {截止日期}, {回复日期}, {事项数}, {发文机关}; English names in English) that
 * fillTemplate replaces. Defaults never name a person: only what the user types does.
 */
export const DocumentSettingsSchema = z
  .object({
    /** 发文机关署名, e.g. "XX区人民政府办公室"; a placeholder until the user fills it. */
    issuingOffice: z.string().max(200).optional(),
    /** 发文字号, e.g. "X政办督〔2023〕5号". */
    docNumber: z.string().max(100).optional(),
    /** 成文日期 as it is to be printed, e.g. "2023年7月5日". */
    issueDate: z.string().max(50).optional(),
    /** The notice's title. */
    noticeTitle: z.string().max(100).optional(),
    /** The notice's body before its list of items. */
    noticeBody: z.string().max(2000).optional(),
    /** The notice's last line ("特此通知。"). */
    noticeClosing: z.string().max(500).optional(),
    /** Days after the report date by which the written reply is due. */
    replyDays: z.number().int().min(1).max(366).optional(),
  })
  .strict();

export type DocumentSettings = z.infer<typeof DocumentSettingsSchema>;
export type ResolvedDocumentSettings = {
  readonly [K in keyof DocumentSettings]-?: NonNullable<DocumentSettings[K]>;
};

const DEFAULTS: Record<Lang, ResolvedDocumentSettings> = {
  zh: {
    issuingOffice: '【发文机关】',
    docNumber: '【发文字号】',
    issueDate: '【成文日期】',
    noticeTitle: '督办通知单',
    noticeBody:
      '截至{截止日期}，你单位牵头负责的以下{事项数}个事项进度滞后。请认真分析滞后原因，' +
      '制定整改措施，加快推进，并于{回复日期}前将书面情况说明报送{发文机关}。',
    noticeClosing: '特此通知。',
    replyDays: 7,
  },
  en: {
    issuingOffice: '[Issuing office]',
    docNumber: '[Document number]',
    issueDate: '[Date of issue]',
    noticeTitle: 'Notice of overdue items',
    noticeBody:
      'As of {asOf}, the {count} items below, for which your unit is responsible, are behind ' +
      'schedule. Please find the causes, set out how you will catch up, and send a written reply ' +
      'to {office} by {replyBy}.',
    noticeClosing: 'Thank you.',
    replyDays: 7,
  },
};

/** The placeholders of each language, by what they stand for. */
export const PLACEHOLDERS: Record<Lang, Readonly<Record<TemplateKey, string>>> = {
  zh: {
    unit: '{单位}',
    asOf: '{截止日期}',
    replyBy: '{回复日期}',
    count: '{事项数}',
    office: '{发文机关}',
  },
  en: {
    unit: '{unit}',
    asOf: '{asOf}',
    replyBy: '{replyBy}',
    count: '{count}',
    office: '{office}',
  },
};

export type TemplateKey = 'unit' | 'asOf' | 'replyBy' | 'count' | 'office';

/** The settings with every field the user left out taken from the language's defaults. */
export function resolveDocumentSettings(saved: unknown, lang: Lang): ResolvedDocumentSettings {
  const parsed = DocumentSettingsSchema.safeParse(saved ?? {});
  const given = parsed.success ? parsed.data : {};
  const out: Record<string, unknown> = { ...DEFAULTS[lang] };
  for (const [k, v] of Object.entries(given)) {
    // A field emptied in a form means "the usual one", not a blank line on paper.
    if (v !== undefined && !(typeof v === 'string' && v.trim() === '')) {
      out[k] = v;
    }
  }
  return out as ResolvedDocumentSettings;
}

/** The default settings of a language (what a form shows before the user changes anything). */
export function defaultDocumentSettings(lang: Lang): ResolvedDocumentSettings {
  return { ...DEFAULTS[lang] };
}

/**
 * The template with its placeholders replaced, in one pass so a value that itself looks like a
 * placeholder (a unit named "{回复日期}") is printed as it is. Both languages' names are understood,
 * so a template written in Chinese still fills in an English run.
 */
export function fillTemplate(
  template: string,
  values: Readonly<Partial<Record<TemplateKey, string>>>,
): string {
  const byName = new Map<string, string>();
  for (const lang of ['zh', 'en'] as const) {
    for (const [key, name] of Object.entries(PLACEHOLDERS[lang])) {
      const v = values[key as TemplateKey];
      if (v !== undefined) byName.set(name, v);
    }
  }
  return template.replace(/\{[^{}]{1,20}\}/g, (m) => byName.get(m) ?? m);
}
