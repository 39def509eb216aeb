import { dateSerial, RecordingExcel } from '../../fakes/recordingExcel';

/** The recording Excel fake's own behaviour, where the adapter's tests rely on it. */

async function write(excel: RecordingExcel, address: string, values: unknown[][]): Promise<void> {
  await excel.run(async (ctx) => {
    ctx.workbook.worksheets.getItem('表').getRange(address).values = values;
    await ctx.sync();
  });
}

describe('the recording Excel fake', () => {
  it('counts DATE() from 1900-01-01 as 1, or from 1904-01-01 as 0 in the 1904 date system', async () => {
    expect(dateSerial(1900, 1, 1, false)).toBe(1);
    expect(dateSerial(1900, 3, 1, false)).toBe(61);
    expect(dateSerial(2023, 6, 30, false)).toBe(45107);
    expect(dateSerial(1904, 1, 1, false)).toBe(1462);
    expect(dateSerial(1904, 1, 1, true)).toBe(0);
    const excel = new RecordingExcel();
    excel.date1904 = true;
    const value = await excel.run(async (ctx) => {
      const d = ctx.workbook.functions.date(2023, 6, 30);
      d.load('value');
      await ctx.sync();
      return d.value;
    });
    expect(value).toBe(45107 - 1462);
  });

  it('inserts rows as Excel does: cells move down, merges across the line grow, new rows take the formats above', () => {
    const excel = new RecordingExcel();
    const s = excel.addSheet('表', [['a'], ['b'], ['c']]);
    s.setFill('A2', '#FFFF00').setNumberFormat('A2', '@').merge('B1:B3');
    s.hiddenRows.add(3);
    s.insertRows(3, 2);
    expect([s.value('A1'), s.value('A2'), s.value('A3'), s.value('A5')]).toEqual([
      'a',
      'b',
      null,
      'c',
    ]);
    expect([s.fillOf('A3'), s.fillOf('A4'), s.fillOf('A5')]).toEqual(['#FFFF00', '#FFFF00', null]);
    expect(s.numberFormat('A4')).toBe('@');
    expect(s.merges).toEqual([{ top: 1, left: 2, bottom: 5, right: 2 }]);
    expect([...s.hiddenRows]).toEqual([5]);
  });

  it('deletes rows and columns: cells move up or left, merges shrink, a merge deleted whole goes', () => {
    const excel = new RecordingExcel();
    const s = excel.addSheet('表', [
      ['a', 'x', 'p'],
      ['b', 'y', 'q'],
      ['c', 'z', 'r'],
    ]);
    s.merge('A1:A3').merge('B2:C2');
    s.deleteRows(2);
    expect([s.value('A1'), s.value('A2'), s.value('C2')]).toEqual(['a', 'c', 'r']);
    expect(s.merges).toEqual([{ top: 1, left: 1, bottom: 2, right: 1 }]);
    s.deleteColumns('A');
    expect([s.value('A1'), s.value('B2')]).toEqual(['x', 'r']);
    expect(s.merges).toEqual([]);
  });

  it('fails a sync having carried out the share of its operations asked for, in order', async () => {
    const excel = new RecordingExcel();
    const s = excel.addSheet('表');
    excel.failAtSync(1, 'ActivityLimitReached', { applied: 0.7 });
    const error = await excel
      .run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('表');
        ws.getRange('A2').values = [['first']];
        ws.getRange('A3').values = [['second']];
        await ctx.sync();
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ActivityLimitReached' });
    // Six operations (worksheets, sheet, range, values, range, values): the first four ran.
    expect([s.value('A2'), s.value('A3')]).toEqual(['first', null]);
  });

  it('fails requests while the user edits a cell, or makes them wait under delayForCellEdit', async () => {
    const excel = new RecordingExcel();
    const s = excel.addSheet('表');
    excel.startCellEdit();
    await expect(write(excel, 'A1', [['x']])).rejects.toMatchObject({
      code: 'InvalidOperationInCellEditMode',
    });
    const waiting = excel.runWith({ delayForCellEdit: true })(async (ctx) => {
      ctx.workbook.worksheets.getItem('表').getRange('A1').values = [['y']];
      await ctx.sync();
    });
    await new Promise((r) => setTimeout(r, 5));
    expect(s.value('A1')).toBeNull();
    excel.endCellEdit();
    await waiting;
    expect(s.value('A1')).toBe('y');
  });

  it('runs what a user does between two syncs', async () => {
    const excel = new RecordingExcel();
    excel.addSheet('表');
    excel.afterSync(1, () => excel.protect('表'));
    await write(excel, 'A1', [['x']]);
    await expect(write(excel, 'A2', [['y']])).rejects.toMatchObject({ code: 'AccessDenied' });
  });

  it('activates sheets and selects ranges at sync, each sheet keeping its own selection', async () => {
    const excel = new RecordingExcel();
    excel.addSheet('表');
    excel.addSheet('汇总');
    expect(excel.selection).toEqual({ sheet: '表', address: 'A1' });
    await excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('汇总');
      ws.getRange('B2:C3').select();
      await ctx.sync();
      // Selecting on a sheet not shown leaves the user where they were.
      expect(excel.selection).toEqual({ sheet: '表', address: 'A1' });
      ws.activate();
      expect(excel.activeSheet?.name).toBe('表');
      await ctx.sync();
    });
    expect(excel.selection).toEqual({ sheet: '汇总', address: 'B2:C3' });
    expect(excel.stats.writes).toEqual([]);
    excel.activate('表');
    expect(excel.selection).toEqual({ sheet: '表', address: 'A1' });
    excel.removeSheet(excel.sheet('表'));
    expect(excel.activeSheet?.name).toBe('汇总');
  });

  it('refuses to delete a very hidden sheet, as Excel does', async () => {
    const excel = new RecordingExcel();
    excel.addSheet('表').visibility = 'VeryHidden';
    await expect(
      excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('表').delete();
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperation' });
  });
});
