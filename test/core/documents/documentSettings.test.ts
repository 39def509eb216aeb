import {
  defaultDocumentSettings,
  fillTemplate,
  resolveDocumentSettings,
} from '../../../src/core/documents/documentSettings';

describe('document settings', () => {
  it('takes every field the user left out from the language defaults', () => {
    const s = resolveDocumentSettings({ issuingOffice: 'XX区人民政府办公室' }, 'zh');
    expect(s).toEqual({ ...defaultDocumentSettings('zh'), issuingOffice: 'XX区人民政府办公室' });
  });

  it('treats a field emptied in a form as the default, not a blank line', () => {
    expect(resolveDocumentSettings({ noticeTitle: '  ' }, 'zh').noticeTitle).toBe('督办通知单');
  });

  it('falls back to the defaults when the stored value is malformed', () => {
    expect(resolveDocumentSettings({ replyDays: 'soon', extra: 1 }, 'en')).toEqual(
      defaultDocumentSettings('en'),
    );
    expect(resolveDocumentSettings('nonsense', 'zh')).toEqual(defaultDocumentSettings('zh'));
  });

  it('names no person in any default', () => {
    for (const lang of ['zh', 'en'] as const) {
      const text = JSON.stringify(defaultDocumentSettings(lang));
      expect(text).not.toMatch(/同志|先生|女士|Mr\.|Ms\./);
    }
  });

  it('fills the placeholders of either language', () => {
    expect(
      fillTemplate('{单位}:请于{回复日期}前回复 / {unit} by {replyBy}', {
        unit: '区水利局',
        replyBy: '2023年7月7日',
      }),
    ).toBe('区水利局:请于2023年7月7日前回复 / 区水利局 by 2023年7月7日');
  });

  it('prints a value that looks like a placeholder as it is, and leaves unknown braces alone', () => {
    expect(fillTemplate('{单位}与{事项数}及{其他}', { unit: '{事项数}', count: '3' })).toBe(
      '{事项数}与3及{其他}',
    );
  });
});
