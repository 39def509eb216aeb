import { normalizeText } from './normalizeText';

/** The canonical fields a plan table's columns map to (see shared/design/domain.md). */
export const FIELD_KEYS = [
  'seq',
  'name',
  'unit',
  'partner',
  'leader',
  'category',
  'nature',
  'deadline',
  'done',
  'doneDate',
  'progress',
  'planInvest',
  'doneInvest',
  'totalInvest',
  'plannedStart',
  'actualStart',
  'reportedStatus',
  'problem',
  'note',
] as const;

export type FieldKey = (typeof FIELD_KEYS)[number];

/**
 * Header synonyms in simplified form (traditional headers are normalized to these first).
 * Exact matches win; otherwise the longest synonym the header contains decides.
 */
const SYNONYMS: Record<FieldKey, readonly string[]> = {
  seq: ['序号', '编号', '序'],
  name: [
    '项目名称',
    '工作任务',
    '任务名称',
    '重点工作',
    '议定事项',
    '事项名称',
    '工作内容',
    '任务内容',
    '重点任务',
    '项目',
    '任务',
    '事项',
  ],
  unit: [
    '责任单位',
    '牵头单位',
    '承办单位',
    '主办单位',
    '实施单位',
    '责任部门',
    '牵头部门',
    '责任主体',
    '业主单位',
  ],
  partner: ['配合单位', '协办单位', '配合部门', '参与单位'],
  leader: ['责任领导', '分管领导', '牵头领导', '联系领导', '包联领导', '县级领导', '区级领导'],
  category: ['项目类别', '类别', '行业', '所属领域', '项目类型', '类型', '领域'],
  nature: ['建设性质', '项目性质'],
  deadline: [
    '计划节点',
    '完成时限',
    '时间节点',
    '计划完成时间',
    '完成时间要求',
    '办结时限',
    '完成时间节点',
    '计划完成时限',
    '时限要求',
    '节点目标时间',
    '截止时间',
  ],
  done: ['是否完成', '完成状态', '是否销号', '办结情况', '完成情况', '是否办结'],
  doneDate: ['实际完成时间', '办结时间', '销号时间', '完成时间', '实际办结时间'],
  progress: ['形象进度', '进展情况', '推进情况', '落实情况', '完成进度', '工作进展', '进度'],
  planInvest: ['年度计划投资', '年计划投资', '计划投资', '年度投资计划'],
  doneInvest: ['累计完成投资', '完成投资', '已完成投资'],
  totalInvest: ['总投资', '计划总投资', '项目总投资'],
  plannedStart: ['计划开工时间', '计划开工日期', '计划开工'],
  actualStart: ['实际开工时间', '实际开工日期', '实际开工', '开工时间'],
  reportedStatus: ['状态', '推进状态', '进度状态', '项目状态', '任务状态'],
  problem: [
    '存在问题',
    '存在困难和问题',
    '需协调事项',
    '存在的问题',
    '问题及建议',
    '困难问题',
    '需协调解决的问题',
  ],
  note: ['备注', '说明'],
};

interface Entry {
  readonly key: FieldKey;
  readonly text: string;
}

// Longest first, so "计划完成时间" is tried before "完成时间" and "年度计划投资" before "计划投资".
const BY_LENGTH: readonly Entry[] = FIELD_KEYS.flatMap((key) =>
  SYNONYMS[key].map((text) => ({ key, text })),
).sort((a, b) => b.text.length - a.text.length);

const EXACT = new Map<string, FieldKey>(BY_LENGTH.map((e) => [e.text, e.key]));

// "1-6月完成投资", "1—6月份完成投资", "一至六月完成投资": cumulative investment to date.
const CUMULATIVE_INVEST =
  /^(?:\d{1,2}|[一二三四五六七八九十]{1,3})[-—~至到](?:\d{1,2}|[一二三四五六七八九十]{1,3})月份?(?:累计)?完成(?:投资|额)/;
// Units and notes in brackets: "(万元)", "(亿元)", "(单位:万元)".
const BRACKETED = /[((【[][^))】\]]*[))】\]]/g;
const DECORATION = /[*※★☆:：、,，.。]/g;

/** The form of header text synonyms are compared in: normalized, without bracketed units or marks. */
export function headerKey(raw: string): string {
  return normalizeText(raw).replace(BRACKETED, '').replace(DECORATION, '');
}

/** The field a header names word for word (after normalizing), or null: cheap enough for every data row. */
export function exactField(rawHeader: string): FieldKey | null {
  if (rawHeader === '' || rawHeader.length > 24) return null;
  return EXACT.get(headerKey(rawHeader)) ?? null;
}

/** The field a header names, or null. Header text may be raw; it is normalized here. */
export function matchField(rawHeader: string): FieldKey | null {
  const key = headerKey(rawHeader);
  if (key === '') return null;
  const exact = EXACT.get(key);
  if (exact) return exact;
  if (CUMULATIVE_INVEST.test(key)) return 'doneInvest';
  // Headers longer than any synonym by far are prose (a title or a note), not a column name.
  if (key.length > 16) return null;
  for (const e of BY_LENGTH) {
    // One-character synonyms and the bare "项目"/"任务" only count as exact matches.
    if (e.text.length <= 2) continue;
    if (key.includes(e.text)) return e.key;
  }
  return null;
}

/** Amount unit named in a header, e.g. "(万元)" → "万元". */
export function amountUnit(rawHeader: string): string | null {
  const m = /(亿元|万元|千元|元)/.exec(normalizeText(rawHeader));
  return m && m[1] !== undefined ? m[1] : null;
}
