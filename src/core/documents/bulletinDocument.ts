import { investmentPeriodLabel } from '../bulletin/investmentPeriod';
import { behindShare } from '../bulletin/groups';
import { bulletinWords, type Words } from '../bulletin/bulletinSheets';
import { presetWords } from '../bulletin/presetWords';
import { subjectNoun } from '../bulletin/subject';
import {
  amountUnitName,
  formatAmount,
  formatLongDay,
  formatPercent,
} from '../bulletin/formatFigures';
import type { BulletinSummary, LaggingItem } from '../bulletin/summarize';
import type { GroupCount } from '../analysis';
import { parseIsoDay } from '../dates';
import type { Lang } from '../issue';
import { STATUSES, type Status } from '../status';
import { xmlSafeText } from '../xmlSafeText';
import { TEXT_MM, type DocBlock, type DocModel, type DocTable } from './documentModel';
import type { ResolvedDocumentSettings } from './documentSettings';
import { DOC_WORDS } from './docWords';

/** Text from cells as a document can hold it: the characters XML cannot keep are dropped, as on the sheets. */
export function docText(value: string | null): string {
  return value === null ? '' : xmlSafeText(value);
}

function groupTable(
  groups: readonly GroupCount[],
  keyHeader: string,
  w: Words,
  labels: Readonly<Record<Status, string>>,
  shareBehind: string,
): DocTable {
  return {
    kind: 'table',
    header: [w.seq, keyHeader, w.total, ...STATUSES.map((s) => labels[s]), shareBehind],
    rows: groups.map((g, i) => [
      String(i + 1),
      docText(g.key),
      String(g.total),
      ...STATUSES.map((s) => String(g[s])),
      formatPercent(behindShare(g)),
    ]),
    // Millimetres of the 156 mm line: four 五号 characters ("严重滞后") need 17 mm with padding.
    widths: [10, 32, 12, ...STATUSES.map(() => 17), 17],
    centred: [0, 2, 3, 4, 5, 6, 7, 8],
  };
}

/** The lagging list's table; `withUnit` false for a notice, whose items are all one unit's. */
export function laggingTable(
  items: readonly LaggingItem[],
  summary: BulletinSummary,
  lang: Lang,
  opts: { readonly withUnit: boolean; readonly withProblem: boolean },
): DocTable {
  const w = bulletinWords(lang);
  const cols: {
    header: string;
    width: number;
    centred: boolean;
    cell: (i: LaggingItem) => string;
  }[] = [
    // The name takes what the other columns leave (set below).
    { header: w.name(summary.subject), width: 0, centred: false, cell: (i) => docText(i.name) },
  ];
  if (opts.withUnit)
    cols.push({ header: w.unit, width: 24, centred: false, cell: (i) => docText(i.unit) });
  cols.push(
    { header: w.deadline, width: 22, centred: true, cell: (i) => docText(i.deadlineText) },
    {
      header: presetWords(summary.preset, lang).overdueMonths,
      width: 17,
      centred: true,
      cell: (i) => String(i.overdueMonths),
    },
    { header: w.status, width: 17, centred: true, cell: (i) => docText(summary.labels[i.status]) },
  );
  const SEQ = 10;
  const rest = TEXT_MM - SEQ - cols.reduce((n, c) => n + c.width, 0);
  const problemWidth = opts.withProblem ? Math.round(rest * 0.45) : 0;
  const name = cols[0];
  if (name !== undefined) name.width = rest - problemWidth;
  if (opts.withProblem) {
    cols.push({
      header: w.problem,
      width: problemWidth,
      centred: false,
      cell: (i) => docText(i.problem),
    });
  }
  return {
    kind: 'table',
    header: [w.seq, ...cols.map((c) => c.header)],
    rows: items.map((item, n) => [String(n + 1), ...cols.map((c) => c.cell(item))]),
    widths: [SEQ, ...cols.map((c) => c.width)],
    centred: [0, ...cols.flatMap((c, i) => (c.centred ? [i + 1] : []))],
  };
}

/** True when any lagging item has a 存在问题: a table without that column gets no empty one. */
export function hasProblems(summary: BulletinSummary): boolean {
  return summary.lagging.some((i) => i.problem !== null && i.problem.trim() !== '');
}

/**
 * The 通报 as a document, from the summary the bulletin sheets are built from: title, the draft,
 * then totals, investment against 序时进度, 开工率, units, categories and the lagging list as tables,
 * signed with the issuing office and date the user set (placeholders until then).
 */
export function bulletinDocument(
  summary: BulletinSummary,
  lang: Lang,
  settings: ResolvedDocumentSettings,
): DocModel {
  const w = bulletinWords(lang);
  const d = DOC_WORDS[lang];
  const asOf = parseIsoDay(summary.asOf) ?? 0;
  const { labels, totals } = summary;
  const title = docText(
    d.bulletinTitle(w.title(formatLongDay(asOf, lang), subjectNoun(summary.subject, lang))),
  );
  const blocks: DocBlock[] = [
    { kind: 'paragraph', role: 'docNumber', text: docText(settings.docNumber) },
    { kind: 'paragraph', role: 'title', text: title },
    { kind: 'paragraph', role: 'body', text: docText(summary.text) },
  ];
  let n = 0;
  const heading = (name: string) =>
    blocks.push({ kind: 'heading', level: 1, text: w.section(++n, name) });

  heading(w.overview);
  blocks.push({
    kind: 'table',
    header: [w.measure, w.total, ...STATUSES.map((s) => labels[s])],
    rows: [
      [w.count, String(totals.total), ...STATUSES.map((s) => String(totals.counts[s]))],
      [
        w.share,
        formatPercent(totals.total > 0 ? 1 : 0),
        ...STATUSES.map((s) => formatPercent(totals.shares[s])),
      ],
    ],
    widths: [26, 15, ...STATUSES.map(() => 23)],
    centred: [1, 2, 3, 4, 5, 6],
  });

  const inv = summary.investment;
  if (inv) {
    heading(w.investment);
    const u = inv.unitLabel === null ? null : amountUnitName(inv.unitLabel, lang);
    blocks.push({
      kind: 'table',
      header: [
        w.planInvest(lang === 'zh' ? u : inv.unitLabel),
        w.doneInvest(lang === 'zh' ? u : inv.unitLabel, investmentPeriodLabel(inv.periodEnd, lang)),
        w.rate,
        w.expectedRateTo(investmentPeriodLabel(inv.periodEnd, lang)),
      ],
      rows: [
        [
          formatAmount(inv.plan),
          formatAmount(inv.done),
          inv.rate === null ? '—' : formatPercent(inv.rate),
          formatPercent(inv.expectedRate),
        ],
      ],
      widths: [1, 1, 1, 1],
      centred: [0, 1, 2, 3],
    });
  }
  const starts = summary.starts;
  if (starts) {
    heading(w.starts);
    blocks.push({
      kind: 'table',
      header: [w.planned, w.started, w.startRate],
      rows: [[String(starts.planned), String(starts.started), formatPercent(starts.rate)]],
      widths: [1, 1, 1],
      centred: [0, 1, 2],
    });
  }
  heading(w.byUnit);
  blocks.push(
    groupTable(summary.byUnit, w.unit, w, labels, presetWords(summary.preset, lang).shareBehind),
  );
  if (summary.byCategory.length > 0) {
    heading(w.byCategory);
    blocks.push(
      groupTable(
        summary.byCategory,
        w.category,
        w,
        labels,
        presetWords(summary.preset, lang).shareBehind,
      ),
    );
  }

  heading(d.laggingSection);
  const withProblem = hasProblems(summary);
  const severe = summary.lagging.filter((i) => i.status === 'severe');
  const lagging = summary.lagging.filter((i) => i.status === 'lagging');
  if (severe.length === 0 && lagging.length === 0) {
    blocks.push({
      kind: 'paragraph',
      role: 'body',
      text: presetWords(summary.preset, lang).nothingBehind,
    });
  }
  // Severe first, as the list on the sheet orders them, each under a （一）/（二） heading.
  for (const [items, head] of [
    [severe, d.severeGroup(labels.severe)],
    [lagging, d.laggingGroup(labels.lagging)],
  ] as const) {
    if (items.length === 0) continue;
    blocks.push({ kind: 'heading', level: 2, text: docText(head) });
    blocks.push(laggingTable(items, summary, lang, { withUnit: true, withProblem }));
  }
  blocks.push(
    { kind: 'paragraph', role: 'signature', text: docText(settings.issuingOffice) },
    { kind: 'paragraph', role: 'signature', text: docText(settings.issueDate) },
  );
  return { title, blocks };
}
