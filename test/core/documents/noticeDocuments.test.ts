import { bulletinDocument } from '../../../src/core/documents/bulletinDocument';
import type { DocTable } from '../../../src/core/documents/documentModel';
import { resolveDocumentSettings } from '../../../src/core/documents/documentSettings';
import { fileNamePart, noticeDocuments } from '../../../src/core/documents/noticeDocuments';
import { laggingItem, summaryFixture } from './summaryFixture';

const settings = resolveDocumentSettings({ replyDays: 10 }, 'zh');

function tableOf(blocks: readonly { kind: string }[]): DocTable {
  const t = blocks.find((b) => b.kind === 'table');
  if (t === undefined) throw new Error('no table');
  return t as DocTable;
}

describe('noticeDocuments', () => {
  it('writes one notice per unit behind, in the bulletin ranking, each with only its items', () => {
    const notices = noticeDocuments(summaryFixture(), 'zh', settings);
    expect(notices.map((n) => [n.unit, n.items.map((i) => i.name)])).toEqual([
      ['区水利局', ['污水处理厂扩建', '防洪堤加固']],
      ['区交通运输局', ['城南路改造']],
    ]);
    const table = tableOf(notices[0]?.model.blocks ?? []);
    expect(table.header).toEqual(['序号', '项目名称', '计划节点', '滞后月数', '状态', '存在问题']);
    expect(table.rows).toEqual([
      ['1', '污水处理厂扩建', '一季度', '4', '严重滞后', '征地未完成'],
      ['2', '防洪堤加固', '一季度', '1', '滞后', '资金未到位'],
    ]);
  });

  it('asks for a reply by the report date plus the days set, addressed to the unit', () => {
    const [first] = noticeDocuments(summaryFixture(), 'zh', settings);
    const texts = first?.model.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
    expect(texts).toContain('区水利局：');
    expect(texts?.join('\n')).toContain('于2023年7月10日前将书面情况说明报送【发文机关】');
    expect(texts?.join('\n')).toContain('以下2个事项');
  });

  it('leaves out the problems column when no item has one', () => {
    const summary = summaryFixture([laggingItem('甲', '乙局', 'lagging', null)]);
    const [n] = noticeDocuments(summary, 'zh', settings);
    expect(tableOf(n?.model.blocks ?? []).header).not.toContain('存在问题');
  });

  it('writes no notice when nothing is behind', () => {
    expect(noticeDocuments(summaryFixture([]), 'zh', settings)).toEqual([]);
  });

  it('numbers file names in order and keeps characters file systems refuse out of them', () => {
    const names = noticeDocuments(summaryFixture(), 'en', resolveDocumentSettings({}, 'en')).map(
      (n) => n.fileName,
    );
    expect(names).toEqual(['notice-01-区水利局.docx', 'notice-02-区交通运输局.docx']);
    expect(fileNamePart('a/b\\c:d*?"<>|\u0001.')).toBe('a_b_c_d_______');
    expect(fileNamePart('...')).toBe('_');
  });
});

describe('bulletinDocument', () => {
  it('drops the characters XML cannot hold from cell text, as the sheets do', () => {
    const summary = summaryFixture([
      laggingItem('名\u0001称\u000b', '单\u0000位', 'severe', '问\ufffe题'),
    ]);
    const doc = bulletinDocument(summary, 'zh', settings);
    const rows = doc.blocks.flatMap((b) => (b.kind === 'table' ? b.rows : []));
    expect(rows).toContainEqual(['1', '名称', '单位', '一季度', '4', '严重滞后', '问题']);
  });

  it('says nothing is behind, with no list table, when nothing is', () => {
    const doc = bulletinDocument(summaryFixture([]), 'zh', settings);
    const texts = doc.blocks.map((b) =>
      b.kind === 'table' ? `table:${b.header[0] ?? ''}` : b.text,
    );
    expect(texts.slice(-4)).toEqual([
      '三、滞后事项清单',
      '无滞后事项',
      '【发文机关】',
      '【成文日期】',
    ]);
  });
});
