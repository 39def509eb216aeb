import type { BulletinSummary, LaggingItem } from '../../../src/core/bulletin/summarize';
import { defaultRules } from '../../../src/core/rules';

function item(
  name: string,
  unit: string | null,
  status: 'lagging' | 'severe',
  problem: string | null,
): LaggingItem {
  return {
    sheet: '重点项目',
    excelRow: 5,
    name,
    unit,
    deadline: '2023-03-31',
    deadlineText: '一季度',
    overdueDays: status === 'severe' ? 120 : 40,
    overdueMonths: status === 'severe' ? 4 : 1,
    status,
    problem,
  };
}

/** A small summary written out by hand: three units behind, one item with no unit. */
export function summaryFixture(items?: readonly LaggingItem[]): BulletinSummary {
  const lagging = items ?? [
    item('污水处理厂扩建', '区水利局', 'severe', '征地未完成'),
    item('城南路改造', '区交通运输局', 'lagging', null),
    item('防洪堤加固', '区水利局', 'lagging', '资金未到位'),
    item('无主项目', null, 'lagging', null),
  ];
  const group = (key: string, lagging: number, severe: number) => ({
    key,
    total: 5,
    normal: 5 - lagging - severe,
    lagging,
    severe,
    done: 0,
    unknown: 0,
  });
  return {
    asOf: '2023-06-30',
    sheets: ['重点项目'],
    subject: 'projects',
    preset: 'node-lag',
    labels: defaultRules('zh').labels,
    totals: {
      total: 15,
      counts: { normal: 11, lagging: 3, severe: 1, done: 0, unknown: 0 },
      shares: { normal: 11 / 15, lagging: 3 / 15, severe: 1 / 15, done: 0, unknown: 0 },
    },
    byUnit: [group('区水利局', 1, 1), group('区交通运输局', 1, 0), group('(未填写单位)', 1, 0)],
    byCategory: [],
    lagging,
    recognition: { ahead: [], praisedUnits: [], criticizedUnits: [] },
    text: '截至2023年6月30日，纳入调度的重点项目15项。',
  };
}

export { item as laggingItem };
