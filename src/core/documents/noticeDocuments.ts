import { formatLongDay } from '../bulletin/formatFigures';
import type { BulletinSummary, LaggingItem } from '../bulletin/summarize';
import { parseIsoDay } from '../dates';
import type { Lang } from '../issue';
import { docText, hasProblems, laggingTable } from './bulletinDocument';
import type { DocModel } from './documentModel';
import { fillTemplate, type ResolvedDocumentSettings } from './documentSettings';
import { DOC_WORDS } from './docWords';

/** One 督办通知单: the unit it goes to, its items, the document and a file name for it. */
export interface NoticeDocument {
  readonly unit: string;
  readonly items: readonly LaggingItem[];
  /** "督办通知单-01-住建局.docx": numbered in the bulletin's order, safe on every file system. */
  readonly fileName: string;
  readonly model: DocModel;
}

// Characters Windows, macOS or a zip reader refuse in a file name, and control characters.
// eslint-disable-next-line no-control-regex
const UNSAFE_IN_FILE_NAME = /[\u0000-\u001f\u007f<>:"/\\|?*]/g;

/** A unit's name as a file name part: unsafe characters become "_", at most 40 characters. */
export function fileNamePart(name: string): string {
  const safe = name.replace(UNSAFE_IN_FILE_NAME, '_').replace(/^[.\s]+|[.\s]+$/g, '');
  return [...safe].slice(0, 40).join('') || '_';
}

/**
 * Items by first-listed unit, units in the order the bulletin ranks them. An item with no unit has
 * no one to send a notice to: it stays on the bulletin's list only.
 */
function byUnit(summary: BulletinSummary): Map<string, LaggingItem[]> {
  const groups = new Map<string, LaggingItem[]>();
  for (const g of summary.byUnit) if (g.lagging + g.severe > 0) groups.set(g.key, []);
  for (const item of summary.lagging) {
    const key = item.unit;
    if (key === null) continue;
    const list = groups.get(key) ?? [];
    list.push(item);
    groups.set(key, list);
  }
  for (const [k, v] of groups) if (v.length === 0) groups.delete(k);
  return groups;
}

/**
 * One notice per unit with lagging or severe items, each listing only that unit's items with
 * deadline, months overdue and 存在问题 (when the tables have one), and asking for a written reply
 * by the report date plus the days the settings give. Items with no unit get no notice.
 */
export function noticeDocuments(
  summary: BulletinSummary,
  lang: Lang,
  settings: ResolvedDocumentSettings,
): NoticeDocument[] {
  const d = DOC_WORDS[lang];
  const asOf = parseIsoDay(summary.asOf) ?? 0;
  const withProblem = hasProblems(summary);
  const replyBy = formatLongDay(asOf + settings.replyDays, lang);
  const notices: NoticeDocument[] = [];
  const groups = byUnit(summary);
  // Numbers as wide as the largest, so the files sort in the bulletin's order.
  const width = Math.max(2, String(groups.size).length);
  for (const [unit, items] of groups) {
    const body = fillTemplate(settings.noticeBody, {
      unit,
      asOf: formatLongDay(asOf, lang),
      replyBy,
      count: String(items.length),
      office: settings.issuingOffice,
    });
    const title = docText(settings.noticeTitle);
    const seq = String(notices.length + 1).padStart(width, '0');
    notices.push({
      unit,
      items,
      fileName: `${d.noticeFile}-${seq}-${fileNamePart(unit)}.docx`,
      model: {
        title: `${title} ${docText(unit)}`,
        blocks: [
          { kind: 'paragraph', role: 'docNumber', text: docText(settings.docNumber) },
          { kind: 'paragraph', role: 'title', text: title },
          { kind: 'paragraph', role: 'addressee', text: docText(d.addressee(unit)) },
          { kind: 'paragraph', role: 'body', text: docText(body) },
          laggingTable(items, summary, lang, { withUnit: false, withProblem }),
          { kind: 'paragraph', role: 'body', text: docText(settings.noticeClosing) },
          { kind: 'paragraph', role: 'signature', text: docText(settings.issuingOffice) },
          { kind: 'paragraph', role: 'signature', text: docText(settings.issueDate) },
        ],
      },
    });
  }
  return notices;
}
