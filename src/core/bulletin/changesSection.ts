import { parseIsoDay } from '../dates';
import type { ChangedItem, ChangesSummary } from '../history/changesSummary';
import type { Lang } from '../issue';
import type { Status } from '../status';
import { formatLongDay } from './formatFigures';

/** Where the section writes: the summary sheet's layout. */
export interface CellSink {
  put(row: number, col: number, value: string | number | null, style?: string): void;
}

interface ChangeWords {
  readonly heading: (date: string) => string;
  readonly counts: (lagging: string, n: number) => readonly string[];
  readonly turnedRed: string;
  readonly longBehind: (n: number, lagging: string) => string;
  readonly unitsRising: (lagging: string) => string;
  readonly seq: string;
  readonly name: string;
  readonly unit: string;
  readonly status: string;
  readonly periods: string;
  readonly previous: string;
  readonly current: string;
}

const WORDS: Record<Lang, ChangeWords> = {
  zh: {
    // "与上期相比" stays whole: it is what readers (and the tests) look for.
    heading: (date) => `与上期相比（上期：${date}）`,
    counts: (lagging, n) => [
      `新增${lagging}`,
      '由黄转红',
      '好转',
      '新完成',
      '新纳入',
      '不再列入',
      `连续${n}期以上${lagging}`,
    ],
    turnedRed: '由黄转红事项',
    longBehind: (n, lagging) => `连续${n}期以上${lagging}事项`,
    unitsRising: (lagging) => `${lagging}事项增加的单位`,
    seq: '序号',
    name: '名称',
    unit: '责任单位',
    status: '状态',
    periods: '连续期数',
    previous: '上期',
    current: '本期',
  },
  en: {
    heading: (date) => `Compared with the previous period (${date})`,
    counts: (_lagging, n) => [
      'Newly behind',
      'Yellow to red',
      'Improved',
      'Newly completed',
      'Added',
      'No longer listed',
      `Behind ${n}+ periods`,
    ],
    turnedRed: 'Turned from yellow to red',
    longBehind: (n) => `Behind for ${n} or more periods running`,
    unitsRising: () => 'Units with more items behind',
    seq: 'No.',
    name: 'Name',
    unit: 'Unit',
    status: 'Status',
    periods: 'Periods behind',
    previous: 'Previous',
    current: 'Now',
  },
};

function itemTable(
  out: CellSink,
  top: number,
  items: readonly ChangedItem[],
  w: ChangeWords,
  labels: Readonly<Record<Status, string>>,
): number {
  [w.seq, w.name, w.unit, w.status, w.periods].forEach((h, c) => out.put(top, c, h, 'header'));
  items.forEach((it, i) => {
    const r = top + 1 + i;
    out.put(r, 0, i + 1, 'int');
    out.put(r, 1, it.name ?? '', 'text');
    out.put(r, 2, it.unit ?? '', 'text');
    out.put(r, 3, labels[it.status], `status_${it.status}`);
    out.put(r, 4, it.periodsBehind, 'int');
  });
  return top + 1 + items.length + 1;
}

/**
 * The summary sheet's "与上期相比": the counts of each change, then the items turned red, the items
 * behind for N periods or more, and the units with more items behind than last time. `heading`
 * writes the numbered section heading at a row; returns the row after the section.
 */
export function changesSection(
  out: CellSink,
  top: number,
  c: ChangesSummary,
  lang: Lang,
  labels: Readonly<Record<Status, string>>,
  heading: (row: number, name: string) => void,
): number {
  const w = WORDS[lang];
  const day = parseIsoDay(c.previousAsOf);
  heading(top, w.heading(day === null ? c.previousAsOf : formatLongDay(day, lang)));
  let r = top + 1;
  const values = [
    c.newlyBehind,
    c.turnedRed,
    c.improved,
    c.completed,
    c.added,
    c.removed,
    c.longBehind.length,
  ];
  w.counts(labels.lagging, c.behindPeriods).forEach((h, i) => {
    out.put(r, 1 + i, h, 'header');
    out.put(r + 1, 1 + i, values[i] ?? 0, 'int');
  });
  r += 3;
  if (c.turnedRedItems.length > 0) {
    out.put(r, 0, w.turnedRed, 'subheading');
    r = itemTable(out, r + 1, c.turnedRedItems, w, labels);
  }
  if (c.longBehind.length > 0) {
    out.put(r, 0, w.longBehind(c.behindPeriods, labels.lagging), 'subheading');
    r = itemTable(out, r + 1, c.longBehind, w, labels);
  }
  if (c.unitsRising.length > 0) {
    out.put(r, 0, w.unitsRising(labels.lagging), 'subheading');
    [w.seq, w.unit, w.previous, w.current].forEach((h, i) => out.put(r + 1, i, h, 'header'));
    c.unitsRising.forEach((u, i) => {
      out.put(r + 2 + i, 0, i + 1, 'int');
      out.put(r + 2 + i, 1, u.unit, 'text');
      out.put(r + 2 + i, 2, u.previous, 'int');
      out.put(r + 2 + i, 3, u.current, 'int');
    });
    r += 2 + c.unitsRising.length + 1;
  }
  return r;
}
