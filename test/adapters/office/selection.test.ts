import { OfficeWorkbook } from '../../../src/adapters/office/OfficeWorkbook';
import { MINIMUM_CAPABILITIES } from '../../../src/adapters/office/capabilities';
import type { BulletinBook } from '../../../src/core/bulletinBook';
import { PortError } from '../../../src/port/WorkbookPort';
import { RecordingExcel } from '../../fakes/recordingExcel';
import type { FakeRunOptions } from '../../fakes/recordingExcel';

/** Showing the user an issue's cell, or a bulletin sheet just written. */

function port(excel: RecordingExcel, options: FakeRunOptions = {}, lang?: 'zh' | 'en') {
  return new OfficeWorkbook({
    run: excel.runWith(options),
    capabilities: MINIMUM_CAPABILITIES,
    ...(lang === undefined ? {} : { lang }),
  });
}

const BOOK: BulletinBook = {
  reportDate: '2023-06-30',
  sheets: [
    {
      name: '通报2023-06-30',
      cells: [{ row: 0, col: 0, value: '2023年重点项目推进情况通报', style: 'title' }],
      styles: { title: { bold: true } },
      merges: [],
      columnWidths: [20],
      print: { orientation: 'portrait', paperSize: 'A4', fitToWidth: true },
    },
  ],
  text: '截至2023年6月30日……',
};

/** A workbook showing 汇总 with C3 selected, and a plan sheet whose own selection is elsewhere. */
function workbook(planName = '重点项目'): RecordingExcel {
  const excel = new RecordingExcel();
  excel.addSheet('汇总').selection = 'C3';
  excel.addSheet(planName, [['序号', '事项', '完成时限']]).selection = 'H40';
  excel.activate('汇总');
  excel.resetStats();
  return excel;
}

async function rejection(p: Promise<unknown>): Promise<PortError> {
  const e = await p.then(
    () => {
      throw new Error('expected a rejection');
    },
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(PortError);
  return e as PortError;
}

describe('selectCell', () => {
  it('shows the sheet with the cell selected, in one request that writes nothing', async () => {
    const excel = workbook();
    await port(excel).selectCell('重点项目', 'C7');
    expect(excel.selection).toEqual({ sheet: '重点项目', address: 'C7' });
    expect(excel.stats.runs).toBe(1);
    expect(excel.stats.syncs).toBe(1);
    expect(excel.stats.writes).toEqual([]);
    // The sheet the user left keeps its own selection.
    expect(excel.sheet('汇总').selection).toBe('C3');
  });

  it('selects on the sheet already shown without leaving it', async () => {
    const excel = workbook();
    await port(excel).selectCell('汇总', 'B2');
    expect(excel.selection).toEqual({ sheet: '汇总', address: 'B2' });
    expect(excel.stats.syncs).toBe(1);
  });

  it('takes sheet names Excel would quote in an address as they are', async () => {
    const name = "O'Neil 计划!(2023)";
    const excel = workbook(name);
    await port(excel).selectCell(name, 'AB1048576');
    expect(excel.selection).toEqual({ sheet: name, address: 'AB1048576' });
  });

  it('says in Chinese that a sheet deleted since is gone, and leaves the view as it was', async () => {
    const excel = workbook();
    excel.removeSheet(excel.sheet('重点项目'));
    const e = await rejection(port(excel).selectCell('重点项目', 'C7'));
    expect(e.code).toBe('sheet_not_found');
    expect(e.message).toBe('找不到工作表“重点项目”,可能已被重命名或删除。请刷新后再试。');
    expect(excel.selection).toEqual({ sheet: '汇总', address: 'C3' });
    expect(excel.stats.syncs).toBe(1);
  });

  it('says in English that the sheet is gone when the pane is in English', async () => {
    const excel = workbook();
    excel.removeSheet(excel.sheet('重点项目'));
    const e = await rejection(port(excel, {}, 'en').selectCell('重点项目', 'C7'));
    expect(e).toMatchObject({ code: 'sheet_not_found' });
    expect(e.message).toContain('Sheet "重点项目" was not found');
  });

  it('asks the user to leave cell editing, and selects nothing', async () => {
    const excel = workbook();
    excel.startCellEdit();
    const e = await rejection(port(excel).selectCell('重点项目', 'C7'));
    expect(e.code).toBe('cell_edit_mode');
    expect(e.message).toBe('请先退出单元格编辑状态(按 Enter 或 Esc),再点一次。');
    expect(excel.selection).toEqual({ sheet: '汇总', address: 'C3' });
    expect(excel.sheet('重点项目').selection).toBe('H40');
  });

  it('waits for the user to finish editing where Excel can delay the request', async () => {
    const excel = workbook();
    excel.startCellEdit();
    const done = port(excel, { delayForCellEdit: true }).selectCell('重点项目', 'C7');
    await new Promise((r) => setTimeout(r, 5));
    expect(excel.selection).toEqual({ sheet: '汇总', address: 'C3' });
    excel.endCellEdit();
    await done;
    expect(excel.selection).toEqual({ sheet: '重点项目', address: 'C7' });
  });
});

describe('activateSheet', () => {
  it('shows the sheet from its top, A1 selected, in one request that writes nothing', async () => {
    const excel = workbook();
    await port(excel).activateSheet('重点项目');
    expect(excel.activeSheet?.name).toBe('重点项目');
    expect(excel.selection).toEqual({ sheet: '重点项目', address: 'A1' });
    expect(excel.stats.runs).toBe(1);
    expect(excel.stats.syncs).toBe(1);
    expect(excel.stats.writes).toEqual([]);
  });

  it('shows a bulletin sheet the adapter just wrote', async () => {
    const excel = workbook();
    const wb = port(excel);
    const { sheets } = await wb.writeBulletin(BOOK);
    const written = sheets[0] as string;
    excel.resetStats();
    await wb.activateSheet(written);
    expect(excel.selection).toEqual({ sheet: written, address: 'A1' });
    expect(excel.stats.syncs).toBe(1);
  });

  it('says in Chinese that a sheet deleted since is gone', async () => {
    const excel = workbook();
    excel.removeSheet(excel.sheet('重点项目'));
    const e = await rejection(port(excel).activateSheet('重点项目'));
    expect(e.code).toBe('sheet_not_found');
    expect(e.message).toBe('找不到工作表“重点项目”,可能已被重命名或删除。请刷新后再试。');
    expect(excel.activeSheet?.name).toBe('汇总');
  });

  it('asks the user to leave cell editing', async () => {
    const excel = workbook();
    excel.startCellEdit();
    const e = await rejection(port(excel).activateSheet('重点项目'));
    expect(e).toMatchObject({
      code: 'cell_edit_mode',
      message: '请先退出单元格编辑状态(按 Enter 或 Esc),再点一次。',
    });
    expect(excel.activeSheet?.name).toBe('汇总');
  });
});
