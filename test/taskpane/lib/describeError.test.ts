import { PortError } from '../../../src/port/WorkbookPort';
import { stringsFor } from '../../../src/taskpane/i18n/strings';
import { describeError } from '../../../src/taskpane/lib/describeError';

const zh = stringsFor('zh');
const en = stringsFor('en');

describe('describeError', () => {
  it("shows the adapter's sentence when it is in the pane's language", () => {
    const err = new PortError('cell_edit_mode', '请先按 Enter 结束单元格编辑。');
    expect(describeError(err, zh, 'zh')).toBe('请先按 Enter 结束单元格编辑。');
  });

  it("words the code itself when the adapter's sentence is in the other language", () => {
    const err = new PortError('cell_edit_mode', '请先按 Enter 结束单元格编辑。');
    expect(describeError(err, en, 'en')).toBe(en.portErrors.cell_edit_mode);
  });

  it('recognises a PortError from another bundle by its name and code', () => {
    const foreign = Object.assign(new Error('locked'), {
      name: 'PortError',
      code: 'sheet_protected',
    });
    expect(describeError(foreign, en, 'en')).toBe('locked');
    expect(describeError(foreign, zh, 'zh')).toBe(zh.portErrors.sheet_protected);
  });

  it('says an unexpected failure is unexpected, with its message', () => {
    expect(describeError(new TypeError('x is undefined'), zh, 'zh')).toBe(
      '出现意外错误:x is undefined',
    );
  });
});
