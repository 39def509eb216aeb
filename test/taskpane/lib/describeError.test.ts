import { PortError } from '../../../src/port/WorkbookPort';
import { stringsFor } from '../../../src/taskpane/i18n/strings';
import { describeError } from '../../../src/taskpane/lib/describeError';

const zh = stringsFor('zh');
const en = stringsFor('en');

describe('describeError', () => {
  it("shows the adapter's sentence in the pane's language, whichever language the adapter used", () => {
    const words = { zh: '工作表“重点项目”受保护。', en: 'Sheet "重点项目" is protected.' };
    const err = new PortError('sheet_protected', words.zh, undefined, words);
    expect(describeError(err, zh, 'zh')).toBe(words.zh);
    expect(describeError(err, en, 'en')).toBe(words.en);
  });

  it('words the code itself when the error carries no sentences, never guessing their language', () => {
    const err = new PortError('cell_edit_mode', 'Leave cell editing first.');
    expect(describeError(err, zh, 'zh')).toBe(zh.portErrors.cell_edit_mode);
    expect(describeError(err, en, 'en')).toBe(en.portErrors.cell_edit_mode);
  });

  it('recognises a PortError from another bundle (or the worker) by its name, code and sentences', () => {
    const foreign = Object.assign(new Error('locked'), {
      name: 'PortError',
      code: 'sheet_protected',
      words: { zh: '已锁定', en: 'locked' },
    });
    expect(describeError(foreign, en, 'en')).toBe('locked');
    expect(describeError(foreign, zh, 'zh')).toBe('已锁定');
    const bare = Object.assign(new Error('locked'), { name: 'PortError', code: 'sheet_protected' });
    expect(describeError(bare, zh, 'zh')).toBe(zh.portErrors.sheet_protected);
  });

  it('says an unexpected failure is unexpected, with its message', () => {
    expect(describeError(new TypeError('x is undefined'), zh, 'zh')).toBe(
      '出现意外错误:x is undefined',
    );
  });
});
