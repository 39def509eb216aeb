import { isPayloadError, toPortError } from '../../../src/adapters/office/errors';
import { PortError } from '../../../src/port/WorkbookPort';
import { FakeOfficeError } from '../../fakes/recordingExcel';

describe('toPortError', () => {
  it('tells the user to leave cell editing', () => {
    const e = toPortError(
      new FakeOfficeError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.'),
    );
    expect(e).toMatchObject({
      code: 'cell_edit_mode',
      message: '请先退出单元格编辑状态(按 Enter 或 Esc),再点一次。',
    });
  });

  it('names the protected sheet and where to unprotect it', () => {
    const e = toPortError(
      new FakeOfficeError('AccessDenied', 'You cannot perform the requested operation.'),
      {
        sheet: '重点项目',
      },
    );
    expect(e).toMatchObject({
      code: 'sheet_protected',
      message: '工作表“重点项目”受保护,请先在“审阅”中撤销工作表保护,再点一次。',
      detail: 'AccessDenied: You cannot perform the requested operation.',
    });
  });

  it('blames the workbook, not the sheet, when adding a sheet is refused', () => {
    const e = toPortError(
      new FakeOfficeError(
        'AccessDenied',
        'You cannot perform the requested operation.',
        'WorksheetCollection.add',
      ),
      { sheet: '重点项目' },
    );
    expect(e.message).toBe(
      '工作簿受保护或为只读,请先在“审阅”中撤销保护(或另存一份可编辑的副本),再点一次。',
    );
  });

  it('asks for a newer Excel when an API is missing', () => {
    const e = toPortError(
      new FakeOfficeError('ApiNotFound', 'The API you are trying to use could not be found.'),
      {
        feature: '多区域选择',
      },
    );
    expect(e).toMatchObject({
      code: 'api_not_supported',
      message: '此版本的Excel不支持多区域选择,请升级到Excel 2021或Microsoft 365。',
    });
  });

  it('maps both payload limits to one message and knows them for retrying', () => {
    for (const code of ['RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded']) {
      const error = new FakeOfficeError(code, 'too big');
      expect(isPayloadError(error)).toBe(true);
      expect(toPortError(error)).toMatchObject({ code: 'payload_too_large' });
    }
    expect(isPayloadError(new FakeOfficeError('GeneralException', 'x'))).toBe(false);
  });

  it('keeps the original message of anything else as the detail', () => {
    const e = toPortError(new FakeOfficeError('GeneralException', 'There was an internal error.'));
    expect(e).toMatchObject({
      code: 'unknown',
      message: '操作Excel时出错:There was an internal error.',
      detail: 'There was an internal error.',
    });
    expect(toPortError(new TypeError('x is undefined'))).toMatchObject({
      code: 'unknown',
      detail: 'x is undefined',
    });
  });

  it('speaks English when asked', () => {
    const e = toPortError(
      new FakeOfficeError('ActivityLimitReached', 'Activity limit has been reached.'),
      {},
      'en',
    );
    expect(e).toMatchObject({
      code: 'busy',
      message: 'Excel is busy (calculating or syncing). Wait a moment, then click again.',
    });
  });

  it('passes a PortError through unchanged', () => {
    const original = new PortError('sheet_not_found', '找不到工作表');
    expect(toPortError(original)).toBe(original);
  });
});
