import type { Lang } from '../issue';

/** Words the documents add to those of the bulletin sheets (bulletinWords). */
export interface DocWords {
  readonly bulletinTitle: (sheetTitle: string) => string;
  readonly laggingSection: string;
  readonly severeGroup: (label: string) => string;
  readonly laggingGroup: (label: string) => string;
  readonly addressee: (unit: string) => string;
  readonly noticeFile: string;
}

export const DOC_WORDS: Record<Lang, DocWords> = {
  zh: {
    bulletinTitle: (t) => `关于${t}的通报`,
    laggingSection: '滞后事项清单',
    severeGroup: (l) => `（一）${l}事项`,
    laggingGroup: (l) => `（二）${l}事项`,
    addressee: (u) => `${u}：`,
    noticeFile: '督办通知单',
  },
  en: {
    bulletinTitle: (t) => t,
    laggingSection: 'Items behind schedule',
    severeGroup: (l) => `(1) ${l}`,
    laggingGroup: (l) => `(2) ${l}`,
    addressee: (u) => `To: ${u}`,
    noticeFile: 'notice',
  },
};
