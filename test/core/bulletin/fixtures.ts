import type { SheetAnalysis } from '../../../src/core/analysis';
import type { FieldKey } from '../../../src/core/fields';
import type { Lang } from '../../../src/core/issue';
import type { RuleSet } from '../../../src/core/rules';
import { sheetOf } from './sheetOf';

const PROJECT_FIELDS: readonly FieldKey[] = [
  'seq',
  'name',
  'unit',
  'category',
  'nature',
  'deadline',
  'planInvest',
  'doneInvest',
  'actualStart',
  'problem',
];

/**
 * A district's key projects at 30 June 2023, amounts in 万元, with a category column: two severe
 * units tied on every count but the name, a unit with a blank plan, a start after the report date,
 * a row with no unit and no deadline, and user text that starts with "=".
 */
export function projectsSheet(lang: Lang = 'zh', rules?: RuleSet): SheetAnalysis {
  return sheetOf(
    '2023年重点项目',
    [
      {
        name: '市民中心改造',
        unit: '区住建局',
        category: '民生',
        nature: '续建',
        deadline: '2023-12-31',
        deadlineText: '年底',
        status: 'normal',
        planInvest: 5000,
        doneInvest: 2600,
      },
      {
        name: '滨河路拓宽工程',
        unit: '区交通局',
        category: '基础设施',
        nature: '新开工',
        deadline: '2023-02-28',
        deadlineText: '2月底',
        status: 'severe',
        planInvest: 8000,
        doneInvest: 1200.5,
        actualStart: '2023-05-10',
        problem: '征地拆迁未完成',
      },
      {
        name: '污水处理厂二期',
        unit: '区水利局',
        category: '生态环境',
        nature: '新开工',
        deadline: '2023-05-15',
        deadlineText: '5月15日',
        status: 'lagging',
        planInvest: 3000,
        doneInvest: 400,
        problem: '环评批复未下达',
      },
      {
        name: '智能制造产业园',
        unit: '区发改局',
        category: '产业',
        nature: '新开工',
        deadline: '2023-09-30',
        deadlineText: '三季度',
        status: 'normal',
        planInvest: 12000,
        doneInvest: 5000,
        actualStart: '2023-07-15',
      },
      {
        name: '=SUM(A1:A3)物流园',
        unit: '区商务局',
        category: '产业',
        nature: '续建',
        deadline: '2023-01-31',
        deadlineText: '1月底',
        status: 'severe',
        planInvest: null,
        doneInvest: null,
        problem: '=资金未到位',
      },
      {
        name: '老旧小区改造',
        unit: '区住建局',
        category: '民生',
        nature: '续建',
        deadline: '2023-04-30',
        deadlineText: '4月底',
        status: 'done',
        planInvest: 2000,
        doneInvest: 2000,
      },
      {
        name: '防洪堤加固',
        unit: '区水利局',
        category: '基础设施',
        nature: '续建',
        deadline: '2023-04-30',
        deadlineText: '4月底',
        status: 'lagging',
        planInvest: 1500.5,
        doneInvest: 300.25,
        problem: '汛期施工受限',
      },
      {
        name: '农村公路提升',
        unit: null,
        category: '基础设施',
        nature: '前期',
        deadlineText: '',
        status: 'unknown',
        planInvest: 800,
        doneInvest: 0,
      },
      {
        name: '河道治理',
        unit: '区水利局',
        category: '生态环境',
        nature: '续建',
        deadline: '2023-03-20',
        deadlineText: '2023.3.20',
        status: 'severe',
        planInvest: 600,
        doneInvest: 50,
        problem: '施工单位未进场',
      },
    ],
    {
      fields: PROJECT_FIELDS,
      asOf: '2023-06-30',
      amountUnit: '万元',
      planYear: 2023,
      lang,
      ...(rules ? { rules } : {}),
    },
  );
}

/**
 * A task list at 30 September 2023 with no investment or 建设性质 columns, its categories set by
 * section rows ("一、经济发展"), one ongoing task and one whose deadline could not be read.
 */
export function tasksSheet(): SheetAnalysis {
  return sheetOf(
    '重点工作任务清单',
    [
      {
        name: '规上工业增加值增长6%',
        unit: '区工信局',
        deadline: '2023-09-30',
        deadlineText: '三季度',
        status: 'normal',
      },
      {
        name: '招商引资签约项目20个',
        unit: '区商务局',
        deadline: '2023-06-30',
        deadlineText: '6月底',
        status: 'lagging',
        problem: '在谈项目落地慢',
      },
      {
        name: '优化营商环境',
        unit: '区发改局',
        deadline: 'ongoing',
        deadlineText: '长期',
        status: 'normal',
      },
      {
        name: '新建幼儿园2所',
        unit: '区教育局',
        deadline: '2023-05-31',
        deadlineText: '5月底',
        status: 'severe',
        problem: '用地手续未办结',
      },
      {
        name: '建设老年食堂10个',
        unit: '区民政局',
        deadline: '2023-06-30',
        deadlineText: '上半年',
        status: 'done',
      },
      {
        name: '黑臭水体整治',
        unit: '区生态环境分局',
        deadline: '2023-04-30',
        deadlineText: '2023年4月',
        status: 'severe',
      },
      { name: '植树造林1000亩', unit: '区自然资源局', deadlineText: '待定', status: 'unknown' },
    ],
    {
      fields: ['seq', 'name', 'unit', 'deadline', 'done', 'problem'],
      asOf: '2023-09-30',
      planYear: 2023,
      sections: { 0: '经济发展', 3: '民生保障', 5: '生态环境' },
    },
  );
}
