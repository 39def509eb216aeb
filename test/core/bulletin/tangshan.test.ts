import { analyzeWorkbook } from '../../../src/core/analyzeWorkbook';
import { buildBulletin } from '../../../src/core/bulletin/buildBulletin';
import { formatAmount, formatPercent } from '../../../src/core/bulletin/formatFigures';
import { summarizeBulletin } from '../../../src/core/bulletin/summarize';
import { defaultRules } from '../../../src/core/rules';
import { sheetNamed, shownBelow } from './cells';
import { day } from './sheetOf';
import {
  DONE_TENTHS,
  doneTenths,
  PLAN_TENTHS,
  planTenths,
  PROJECTS,
  tangshanGrid,
} from './tangshan';

const rules = defaultRules();

function run(quarter: 'Q1' | 'Q2', asOfIso: string) {
  const asOf = day(asOfIso);
  const analysis = analyzeWorkbook([tangshanGrid(quarter)], { asOf, rules, lang: 'zh' });
  const summary = summarizeBulletin(analysis.sheets, asOf, 'zh');
  const book = buildBulletin(analysis.sheets, asOf, { lang: 'zh', rules });
  const sheet = sheetNamed(book.sheets, `通报${asOfIso}`);
  return { analysis, summary, book, sheet };
}

describe('the Tangshan 2023 fixture', () => {
  it('is built from whole tenths that add up to the published totals', () => {
    const idx = Array.from({ length: PROJECTS }, (_, i) => i);
    expect(idx.reduce((n, i) => n + planTenths(i), 0)).toBe(PLAN_TENTHS);
    expect(idx.reduce((n, i) => n + doneTenths(i, 'Q1'), 0)).toBe(DONE_TENTHS.Q1);
    expect(idx.reduce((n, i) => n + doneTenths(i, 'Q2'), 0)).toBe(DONE_TENTHS.Q2);
    expect(idx.every((i) => doneTenths(i, 'Q2') <= planTenths(i))).toBe(true);
  });
});

describe('the Tangshan bulletin at the Q1 report date (2023-03-31)', () => {
  const { analysis, summary, book, sheet } = run('Q1', '2023-03-31');

  it('reads every project and not the 合计 row', () => {
    expect(analysis.sheets).toHaveLength(1);
    expect(summary.totals.total).toBe(PROJECTS);
  });

  it('gives the published investment figures in the summary', () => {
    const inv = summary.investment;
    expect(inv?.unitLabel).toBe('亿元');
    expect(inv && formatAmount(inv.plan)).toBe('1127.4');
    expect(inv && formatAmount(inv.done)).toBe('162.5');
    expect(inv?.rate != null && formatPercent(inv.rate)).toBe('14.4%');
    expect(inv && formatPercent(inv.expectedRate)).toBe('24.7%');
  });

  it('gives the published start rate in the summary', () => {
    expect(summary.starts).toMatchObject({ planned: 73, started: 37 });
    expect(summary.starts && formatPercent(summary.starts.rate)).toBe('50.7%');
  });

  it('shows the same figures in the bulletin cells', () => {
    expect(shownBelow(sheet, '年度计划投资（亿元）')).toBe('1127.4');
    expect(shownBelow(sheet, '1-3月完成投资（亿元）')).toBe('162.5');
    expect(shownBelow(sheet, '完成率')).toBe('14.4%');
    expect(shownBelow(sheet, '序时进度（1-3月）')).toBe('24.7%');
    expect(shownBelow(sheet, '计划新开工（个）')).toBe('73');
    expect(shownBelow(sheet, '已开工（个）')).toBe('37');
    expect(shownBelow(sheet, '开工率')).toBe('50.7%');
  });

  it('writes the same figures in the draft text', () => {
    expect(book.text).toBe(summary.text);
    expect(book.text).toContain('截至2023年3月31日，纳入调度的重点项目300项');
    expect(book.text).toContain(
      '年度计划投资1127.4亿元，1-3月完成投资162.5亿元，完成率14.4%，序时进度24.7%。',
    );
    expect(book.text).toContain('新开工项目73个，已开工37个，开工率50.7%。');
  });
});

describe('the Tangshan bulletin at the Q2 report date (2023-06-30)', () => {
  const { summary, book, sheet } = run('Q2', '2023-06-30');

  it('gives the published Q2 figures in the summary', () => {
    const inv = summary.investment;
    expect(inv && formatAmount(inv.plan)).toBe('1127.4');
    expect(inv?.rate != null && formatPercent(inv.rate)).toBe('44.7%');
    expect(inv && formatPercent(inv.expectedRate)).toBe('49.6%');
    expect(summary.starts).toMatchObject({ planned: 73, started: 61 });
    expect(summary.starts && formatPercent(summary.starts.rate)).toBe('83.6%');
  });

  it('shows them in the bulletin cells', () => {
    expect(shownBelow(sheet, '年度计划投资（亿元）')).toBe('1127.4');
    expect(shownBelow(sheet, '完成率')).toBe('44.7%');
    expect(shownBelow(sheet, '序时进度（1-6月）')).toBe('49.6%');
    expect(shownBelow(sheet, '已开工（个）')).toBe('61');
    expect(shownBelow(sheet, '开工率')).toBe('83.6%');
  });

  it('writes them in the draft text', () => {
    expect(book.text).toContain('年度计划投资1127.4亿元');
    expect(book.text).toContain('完成率44.7%，序时进度49.6%。');
    expect(book.text).toContain('新开工项目73个，已开工61个，开工率83.6%。');
  });

  it('counts a start on the report date itself but not one after it', () => {
    const early = summarizeBulletin(
      analyzeWorkbook([tangshanGrid('Q2')], { asOf: day('2023-06-29'), rules, lang: 'zh' }).sheets,
      day('2023-06-29'),
      'zh',
    );
    expect(early.starts?.started).toBe(60);
  });
});
