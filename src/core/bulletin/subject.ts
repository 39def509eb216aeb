import type { SheetAnalysis } from '../analysis';
import type { Lang } from '../issue';
import { normalizeText } from '../normalizeText';

/**
 * What the tables track, which decides the bulletin's nouns (domain.md: 重点项目, 重点任务 or 议定事项
 * as the title says): projects, tasks, or the decided items of a meeting ledger.
 */
export type BulletinSubject = 'projects' | 'tasks' | 'items';

const PROJECT_ONLY_FIELDS = [
  'planInvest',
  'doneInvest',
  'totalInvest',
  'nature',
  'plannedStart',
  'actualStart',
] as const;

/** The subject a title or name header names, or null: 议定事项 before 项目, so "项目建设议定事项台账" is a ledger. */
function subjectOfText(text: string | null | undefined): BulletinSubject | null {
  if (text === null || text === undefined) return null;
  const t = normalizeText(text);
  if (/议定事项|台账|交办事项|督办事项/.test(t)) return 'items';
  if (t.includes('项目')) return 'projects';
  if (/任务|工作/.test(t)) return 'tasks';
  return null;
}

/**
 * The subject of a bulletin over these tables: what the first table's title says, else its name
 * column's header when it says 项目 or 议定事项, else projects when a table has columns only
 * project tables have (investment, 建设性质, 开工), else tasks.
 */
export function bulletinSubject(analyses: readonly SheetAnalysis[]): BulletinSubject {
  for (const a of analyses) {
    const fromTitle = subjectOfText(a.layout.title);
    if (fromTitle !== null) return fromTitle;
  }
  for (const a of analyses) {
    const nameCol = a.layout.fields.name;
    const header = a.layout.columns.find((c) => c.col === nameCol)?.header;
    const fromHeader = subjectOfText(header);
    // "任务名称" over investment columns is still a project table: the columns say more.
    if (fromHeader === 'projects' || fromHeader === 'items') return fromHeader;
  }
  const projectColumns = analyses.some((a) =>
    PROJECT_ONLY_FIELDS.some((f) => a.layout.fields[f] !== undefined),
  );
  return projectColumns ? 'projects' : 'tasks';
}

const NOUNS: Record<Lang, Record<BulletinSubject, string>> = {
  zh: { projects: '重点项目', tasks: '重点任务', items: '议定事项' },
  en: { projects: 'key projects', tasks: 'key tasks', items: 'decided items' },
};

/** The noun of a subject: 重点项目 / 重点任务 / 议定事项 (lower-case in English). */
export function subjectNoun(subject: BulletinSubject, lang: Lang): string {
  return NOUNS[lang][subject];
}
