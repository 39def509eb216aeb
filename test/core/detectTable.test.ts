import { detectTable } from '../../src/core/detectTable';
import { matchField, type FieldKey } from '../../src/core/fields';
import { gridOf } from '../support/gridOf';

const opts = { lang: 'zh' as const, statusHeader: '三色状态' };

describe('header synonyms', () => {
  // Every variant domain.md names, in simplified and traditional characters.
  it.each<[string, FieldKey]>([
    ['序号', 'seq'],
    ['编号', 'seq'],
    ['序號', 'seq'],
    ['編號', 'seq'],
    ['项目名称', 'name'],
    ['工作任务', 'name'],
    ['任务名称', 'name'],
    ['重点工作', 'name'],
    ['议定事项', 'name'],
    ['事项名称', 'name'],
    ['工作内容', 'name'],
    ['項目名稱', 'name'],
    ['工作任務', 'name'],
    ['議定事項', 'name'],
    ['责任单位', 'unit'],
    ['牵头单位', 'unit'],
    ['承办单位', 'unit'],
    ['主办单位', 'unit'],
    ['实施单位', 'unit'],
    ['责任部门', 'unit'],
    ['責任單位', 'unit'],
    ['牽頭單位', 'unit'],
    ['責任部門', 'unit'],
    ['配合单位', 'partner'],
    ['协办单位', 'partner'],
    ['配合單位', 'partner'],
    ['協辦單位', 'partner'],
    ['责任领导', 'leader'],
    ['分管领导', 'leader'],
    ['牵头领导', 'leader'],
    ['联系领导', 'leader'],
    ['責任領導', 'leader'],
    ['项目类别', 'category'],
    ['类别', 'category'],
    ['行业', 'category'],
    ['所属领域', 'category'],
    ['項目類別', 'category'],
    ['建设性质', 'nature'],
    ['项目性质', 'nature'],
    ['建設性質', 'nature'],
    ['计划节点', 'deadline'],
    ['完成时限', 'deadline'],
    ['时间节点', 'deadline'],
    ['计划完成时间', 'deadline'],
    ['完成时间要求', 'deadline'],
    ['办结时限', 'deadline'],
    ['完成時限', 'deadline'],
    ['計劃節點', 'deadline'],
    ['是否完成', 'done'],
    ['完成状态', 'done'],
    ['是否销号', 'done'],
    ['办结情况', 'done'],
    ['是否銷號', 'done'],
    ['实际完成时间', 'doneDate'],
    ['办结时间', 'doneDate'],
    ['销号时间', 'doneDate'],
    ['實際完成時間', 'doneDate'],
    ['形象进度', 'progress'],
    ['进展情况', 'progress'],
    ['推进情况', 'progress'],
    ['落实情况', 'progress'],
    ['完成进度', 'progress'],
    ['進展情況', 'progress'],
    ['落實情況', 'progress'],
    ['年度计划投资', 'planInvest'],
    ['年度计划投资(万元)', 'planInvest'],
    ['年度計劃投資', 'planInvest'],
    ['累计完成投资', 'doneInvest'],
    ['1-6月完成投资', 'doneInvest'],
    ['1-N月完成投资', 'doneInvest'],
    ['1—9月完成投资(亿元)', 'doneInvest'],
    ['完成投资', 'doneInvest'],
    ['累計完成投資', 'doneInvest'],
    ['总投资', 'totalInvest'],
    ['总投资(亿元)', 'totalInvest'],
    ['總投資', 'totalInvest'],
    ['计划开工时间', 'plannedStart'],
    ['实际开工时间', 'actualStart'],
    ['計劃開工時間', 'plannedStart'],
    ['状态', 'reportedStatus'],
    ['推进状态', 'reportedStatus'],
    ['进度状态', 'reportedStatus'],
    ['狀態', 'reportedStatus'],
    ['存在问题', 'problem'],
    ['存在困难和问题', 'problem'],
    ['需协调事项', 'problem'],
    ['存在問題', 'problem'],
    ['备注', 'note'],
    ['備註', 'note'],
    ['项 目 名 称', 'name'],
    ['责任\n单位', 'unit'],
    ['*计划节点', 'deadline'],
  ])('reads %j as %s', (header, field) => {
    expect(matchField(header)).toBe(field);
  });

  it.each(['2023年度XX区重点项目推进计划表', '单位:万元', '占年度计划%', '金额', ''])(
    'does not read %j as a field',
    (header) => {
      expect(matchField(header)).toBeNull();
    },
  );
});

describe('detectTable', () => {
  it('finds a header below title rows and reads the year from the title', () => {
    const g = gridOf('s', [
      ['2024年重点工作任务清单'],
      ['填报单位:县政府办'],
      [],
      ['序号', '工作任务', '牵头单位', '完成时限'],
      [1, '甲', '县发改局', '6月底'],
    ]);
    const r = detectTable(g, opts);
    expect(r.ok && r.layout).toMatchObject({
      headerTop: 3,
      headerBottom: 3,
      titleYear: 2024,
      dataRows: [4],
    });
  });

  it('flags two columns that name the same field and uses the first', () => {
    const g = gridOf('s', [
      ['项目名称', '计划节点', '责任单位', '完成时限'],
      ['甲', '6月底', '区发改局', '7月底'],
    ]);
    const r = detectTable(g, opts);
    expect(r.ok && r.layout.fields.deadline).toBe(1);
    expect(r.issues).toMatchObject([
      { code: 'header_duplicate', cell: 'D1', params: { other: 'B1' } },
    ]);
  });

  it('finds the status column it wrote before and does not read it as the reported status', () => {
    const g = gridOf('s', [
      ['项目名称', '计划节点', '三色状态'],
      ['甲', '6月底', '滞后'],
    ]);
    const r = detectTable(g, opts);
    expect(r.ok && r.layout.statusColumn).toBe(2);
    expect(r.ok && r.layout.fields.reportedStatus).toBeUndefined();
  });

  it('lets the user’s column choices override detection', () => {
    const g = gridOf('s', [
      ['项目名称', '计划节点', '调整后节点', '责任单位'],
      ['甲', '6月底', '9月底', '区发改局'],
    ]);
    const r = detectTable(g, { ...opts, overrides: { deadline: 'C', unit: null } });
    expect(r.ok && r.layout.fields).toEqual({ name: 0, deadline: 2 });
    expect(r.ok && r.layout.columns.map((c) => c.field)).toEqual([
      'name',
      null,
      'deadline',
      'unit',
    ]);
  });

  it('ends the table where a second table’s header begins', () => {
    const g = gridOf('s', [
      ['项目名称', '责任单位', '计划节点'],
      ['甲', '区发改局', '6月底'],
      [],
      ['项目名称', '责任单位', '计划节点'],
      ['乙', '区财政局', '7月底'],
    ]);
    const r = detectTable(g, opts);
    expect(r.ok && r.layout.dataRows).toEqual([1]);
    expect(r.ok && r.layout.lastRow).toBe(1);
  });

  it('reports a merge that reaches from the header into the data', () => {
    const g = gridOf(
      's',
      [
        ['项目名称', '计划节点'],
        ['甲', '6月底'],
        ['乙', '7月底'],
      ],
      { merges: ['B1:B2'] },
    );
    const r = detectTable(g, opts);
    expect(r.issues).toMatchObject([{ code: 'merge_crosses_header', cell: 'B1' }]);
  });

  it('names the sheet when there is no table', () => {
    const r = detectTable(gridOf('说明', [['请各单位按时报送。']]), opts);
    expect(r).toMatchObject({ ok: false, issues: [{ code: 'no_table', cell: '' }] });
    expect(r.issues[0]?.message).toBe(
      '工作表“说明”中没有找到计划表(需要“项目名称/工作任务”等表头),已跳过。',
    );
  });
});

describe('row kinds', () => {
  const kindsOf = (rows: (string | number | null)[][], merges: string[] = []) => {
    const g = gridOf('s', [['序号', '项目名称', '责任单位', '计划节点'], ...rows], { merges });
    const r = detectTable(g, opts);
    if (!r.ok) throw new Error('no table');
    return { kinds: r.layout.kinds, sections: r.layout.sections.map((s) => s.category) };
  };

  it.each([
    [['一、产业项目(18项)'], '产业项目'],
    [['(二)民生项目'], '民生项目'],
    [['(三)生态环境类(共5个)'], '生态环境类'],
    [['第一部分 基础设施'], '基础设施'],
    [['四', '文化旅游项目'], '文化旅游项目'],
  ])('reads %j as a section naming %s', (cells, category) => {
    const r = kindsOf([cells, [1, '甲', '区发改局', '6月底']]);
    expect(r.kinds).toEqual(['section', 'data']);
    expect(r.sections).toEqual([category]);
  });

  it('reads a caption merged across columns as a section', () => {
    const r = kindsOf([['产业项目'], [1, '甲', '区发改局', '6月底']], ['A2:C2']);
    expect(r.kinds).toEqual(['section', 'data']);
  });

  it.each([[[null, '小计']], [['合计']], [['总 计', null, null, null]], [[null, '全区合计']]])(
    'reads %j as a subtotal',
    (cells) => {
      expect(kindsOf([[1, '甲', '区发改局', '6月底'], cells]).kinds).toEqual(['data', 'subtotal']);
    },
  );

  it.each([['注:计划节点以常务会议审定为准。'], ['填表说明:每月报送'], ['注1.金额单位为万元']])(
    'reads %j as a note',
    (text) => {
      expect(kindsOf([[1, '甲', '区发改局', '6月底'], [text]]).kinds).toEqual(['data', 'note']);
    },
  );

  it('skips blank rows and template rows that only have a number, and keeps data after them', () => {
    const r = kindsOf([
      [1, '甲', '区发改局', '6月底'],
      [],
      [2],
      [3, '乙', '区财政局', '7月底'],
      [4],
      [5],
    ]);
    expect(r.kinds).toEqual(['data', 'blank', 'blank', 'data']);
  });

  it('keeps a row whose only content is a name as data, so nothing is dropped silently', () => {
    expect(kindsOf([[null, '丙项目']]).kinds).toEqual(['data']);
  });
});
