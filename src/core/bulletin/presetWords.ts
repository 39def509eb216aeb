import type { Lang } from '../issue';
import type { PresetId } from '../rules';

/**
 * The words a bulletin uses for "behind", which follow the rule the rows were judged by (domain.md):
 * under due-soon the list holds items overdue or due soon, and an item not yet due is never 滞后.
 */
export interface PresetWords {
  /** The draft's clause naming units: "滞后较多的单位". */
  readonly unitsBehind: string;
  /** The list's title, around the date and noun. */
  readonly listTitle: (date: string, noun: string) => string;
  /** The list sheet's column of whole months past the deadline. */
  readonly overdueMonths: string;
  /** The unit table's column of the share lagging or severe. */
  readonly shareBehind: string;
  /** The list's line when it is empty. */
  readonly nothingBehind: string;
}

const ZH_NODE_LAG: PresetWords = {
  unitsBehind: '滞后较多的单位',
  listTitle: (date, noun) => `截至${date}滞后${noun}清单`,
  overdueMonths: '滞后月数',
  shareBehind: '滞后占比',
  nothingBehind: '无滞后事项',
};

const EN_NODE_LAG: PresetWords = {
  unitsBehind: 'Units furthest behind',
  listTitle: (date, noun) => `Lagging ${noun} as of ${date}`,
  overdueMonths: 'Months overdue',
  shareBehind: 'Share behind',
  nothingBehind: 'Nothing is lagging.',
};

const WORDS: Record<Lang, Record<PresetId, PresetWords>> = {
  zh: {
    'node-lag': ZH_NODE_LAG,
    'reported-status': ZH_NODE_LAG,
    'due-soon': {
      unitsBehind: '已逾期和即将到期事项较多的单位',
      listTitle: (date, noun) => `截至${date}已逾期和即将到期${noun}清单`,
      overdueMonths: '逾期月数',
      shareBehind: '逾期及临期占比',
      nothingBehind: '无已逾期或即将到期事项',
    },
    'sequential-progress': {
      unitsBehind: '低于序时进度较多的单位',
      listTitle: (date, noun) => `截至${date}低于序时进度${noun}清单`,
      overdueMonths: '逾期月数',
      shareBehind: '低于序时占比',
      nothingBehind: '无低于序时进度事项',
    },
  },
  en: {
    'node-lag': EN_NODE_LAG,
    'reported-status': EN_NODE_LAG,
    'due-soon': {
      unitsBehind: 'Units with most items overdue or due soon',
      listTitle: (date, noun) => `Overdue and due-soon ${noun} as of ${date}`,
      overdueMonths: 'Months overdue',
      shareBehind: 'Share overdue or due soon',
      nothingBehind: 'Nothing is overdue or due soon.',
    },
    'sequential-progress': {
      unitsBehind: 'Units most behind schedule',
      listTitle: (date, noun) => `${noun} behind schedule as of ${date}`,
      overdueMonths: 'Months overdue',
      shareBehind: 'Share behind schedule',
      nothingBehind: 'Nothing is behind schedule.',
    },
  },
};

/** The bulletin's words for what is behind, under a preset. */
export function presetWords(preset: PresetId, lang: Lang): PresetWords {
  return WORDS[lang][preset];
}
