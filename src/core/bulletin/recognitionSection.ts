import type { Lang } from '../issue';
import type { CellSink } from './changesSection';
import type { AssessmentRow, Recognition } from './recognition';

interface RecognitionWords {
  readonly heading: string;
  readonly praise: string;
  readonly ahead: string;
  readonly praisedUnits: string;
  readonly criticism: string;
  readonly assessment: string;
  readonly seq: string;
  readonly name: string;
  readonly unit: string;
  readonly doneDate: string;
  readonly deadline: string;
  readonly severe: string;
  readonly longBehind: (n: number) => string;
  readonly aheadCount: string;
  readonly lagging: string;
  readonly points: string;
  readonly none: string;
}

const WORDS: Record<Lang, RecognitionWords> = {
  zh: {
    heading: '表扬与批评',
    praise: '通报表扬',
    ahead: '提前完成的事项',
    praisedUnits: '无滞后事项的单位',
    criticism: '批评通报（约谈）',
    assessment: '目标责任制考核',
    seq: '序号',
    name: '名称',
    unit: '责任单位',
    doneDate: '实际完成时间',
    deadline: '计划节点',
    severe: '严重滞后（项）',
    longBehind: (n) => `连续${n}期以上滞后（项）`,
    aheadCount: '提前完成（项）',
    lagging: '滞后（项）',
    points: '得分',
    none: '无',
  },
  en: {
    heading: 'Praise and criticism',
    praise: 'Praise',
    ahead: 'Done ahead of the deadline',
    praisedUnits: 'Units with nothing behind',
    criticism: 'Criticism (to be interviewed)',
    assessment: 'Assessment points',
    seq: 'No.',
    name: 'Name',
    unit: 'Unit',
    doneDate: 'Done on',
    deadline: 'Deadline',
    severe: 'Severe',
    longBehind: (n) => `Behind ${n}+ periods`,
    aheadCount: 'Ahead',
    lagging: 'Lagging',
    points: 'Points',
    none: 'None',
  },
};

/**
 * The summary sheet's 表扬与批评 (and, when the rules set points, the ranked 考核 table), written
 * from row `top`; `heading` writes the numbered section heading. Returns the row after it.
 */
export function recognitionSection(
  out: CellSink,
  top: number,
  rec: Recognition,
  assessment: readonly AssessmentRow[] | undefined,
  behindPeriods: number,
  lang: Lang,
  heading: (row: number, name: string) => void,
): number {
  const w = WORDS[lang];
  const colon = lang === 'zh' ? '：' : ': ';
  heading(top, w.heading);
  let r = top + 1;
  out.put(r++, 0, `${w.praise}${colon}${w.ahead}`, 'subheading');
  if (rec.ahead.length === 0) out.put(r++, 1, w.none, 'text');
  else {
    [w.seq, w.name, w.unit, w.doneDate, w.deadline].forEach((h, c) => out.put(r, c, h, 'header'));
    rec.ahead.forEach((a, i) => {
      const row = r + 1 + i;
      out.put(row, 0, i + 1, 'int');
      out.put(row, 1, a.name ?? '', 'text');
      out.put(row, 2, a.unit ?? '', 'text');
      out.put(row, 3, a.doneDate, 'center');
      out.put(row, 4, a.deadline, 'center');
    });
    r += 1 + rec.ahead.length;
  }
  out.put(r++, 0, `${w.praise}${colon}${w.praisedUnits}`, 'subheading');
  out.put(r++, 1, rec.praisedUnits.length === 0 ? w.none : rec.praisedUnits.join('、'), 'text');
  out.put(r++, 0, w.criticism, 'subheading');
  if (rec.criticizedUnits.length === 0) out.put(r++, 1, w.none, 'text');
  else {
    [w.seq, w.unit, w.severe, w.longBehind(behindPeriods)].forEach((h, c) =>
      out.put(r, c, h, 'header'),
    );
    rec.criticizedUnits.forEach((u, i) => {
      const row = r + 1 + i;
      out.put(row, 0, i + 1, 'int');
      out.put(row, 1, u.unit, 'text');
      out.put(row, 2, u.severe, 'int');
      out.put(row, 3, u.longBehind, 'int');
    });
    r += 1 + rec.criticizedUnits.length;
  }
  r++;
  if (assessment !== undefined) {
    out.put(r++, 0, w.assessment, 'subheading');
    [w.seq, w.unit, w.aheadCount, w.lagging, w.severe, w.points].forEach((h, c) =>
      out.put(r, c, h, 'header'),
    );
    assessment.forEach((a, i) => {
      const row = r + 1 + i;
      out.put(row, 0, i + 1, 'int');
      out.put(row, 1, a.unit, 'text');
      out.put(row, 2, a.ahead, 'int');
      out.put(row, 3, a.lagging, 'int');
      out.put(row, 4, a.severe, 'int');
      out.put(row, 5, a.points, 'amount');
    });
    r += 2 + assessment.length;
  }
  return r;
}
