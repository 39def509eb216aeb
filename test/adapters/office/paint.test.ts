import { OfficeWorkbook } from '../../../src/adapters/office/OfficeWorkbook';
import { MINIMUM_CAPABILITIES } from '../../../src/adapters/office/capabilities';
import { columnLetters } from '../../../src/core/grid';
import { PortError } from '../../../src/port/WorkbookPort';
import { RecordingExcel } from '../../fakes/recordingExcel';
import { addPlanTable, colorOf, truncatePlan } from './planTable';

function port(excel: RecordingExcel): OfficeWorkbook {
  return new OfficeWorkbook({ run: excel.run, capabilities: MINIMUM_CAPABILITIES });
}

const MB = 1_000_000;

/** Paints a fresh table of `rows` rows with a few user fills in it and returns what was recorded. */
async function paintTable(rows: number) {
  const excel = new RecordingExcel();
  const { sheet, plan } = addPlanTable(excel, { rows });
  // A few user fills (a highlighted row and a banded block) so fills are read cell by cell too.
  sheet.setFill('B10:C10', '#FFFF00');
  sheet.setFill('A40:J42', '#DDEBF7');
  excel.resetStats();
  await port(excel).applyPaint(plan);
  return { excel, sheet, plan };
}

describe('applyPaint at scale', () => {
  it('uses the same number of syncs for 10,000 and 100,000 rows, each request under 1 MB', async () => {
    const small = await paintTable(10_000);
    const large = await paintTable(100_000);

    expect(large.excel.stats.syncs).toBe(small.excel.stats.syncs);
    // Open, read records and fills, read fills cell by cell, status column (with the record), fills.
    expect(small.excel.stats.syncs).toBe(5);
    expect(small.excel.largestRequest).toBeLessThan(MB);
    expect(large.excel.largestRequest).toBeLessThan(MB);
    // Responses too stay far from Excel on the web's 5 MB.
    expect(large.excel.largestResponse).toBeLessThan(2.5 * MB);
  }, 120_000);

  it('paints again, paints a shorter table and clears in as many syncs at 100,000 rows as at 10,000', async () => {
    const counts = async (rows: number) => {
      const { excel, plan } = await paintTable(rows);
      const wb = port(excel);
      const syncs = async (f: () => Promise<unknown>): Promise<number> => {
        excel.resetStats();
        await f();
        return excel.stats.syncs;
      };
      return {
        again: await syncs(() => wb.applyPaint(plan)),
        shorter: await syncs(() => wb.applyPaint(truncatePlan(plan, plan.codes.length - 100))),
        clear: await syncs(() => wb.clearPaint(plan.sheet)),
        largestResponse: excel.largestResponse,
      };
    };
    const small = await counts(10_000);
    const large = await counts(100_000);
    // Each also reads the status column once, to check it still holds what was written.
    expect({ ...large, largestResponse: 0 }).toEqual({ ...small, largestResponse: 0 });
    expect(small).toMatchObject({ again: 5, shorter: 5, clear: 5 });
    expect(large.largestResponse).toBeLessThan(2.5 * MB);
  }, 180_000);

  it('creates proxies per address chunk and row block, far fewer than rows', async () => {
    const small = await paintTable(10_000);
    const large = await paintTable(100_000);
    // Ten times the rows: proxies grow with chunks and blocks, a small share of the rows.
    expect(large.excel.stats.proxies).toBeLessThan(large.plan.codes.length / 20);
    expect(large.excel.stats.proxies).toBeGreaterThan(small.excel.stats.proxies);
    expect(large.excel.stats.proxies).toBeLessThan(small.excel.stats.proxies * 15);
  }, 120_000);

  it('paints every status row in its colour across the table and writes its label', async () => {
    const { sheet, plan } = await paintTable(10_000);
    for (const i of [1, 2, 3, 17, 499, 501, 9_998]) {
      const row = 3 + i; // Excel row of grid row firstRow + i
      const code = plan.codes[i] as number;
      expect(code).toBeGreaterThan(0);
      for (const col of ['A', 'F', 'K']) expect(sheet.fillOf(`${col}${row}`)).toBe(colorOf(code));
      expect(sheet.fillOf(`L${row}`)).toBeNull();
      expect(sheet.value(`K${row}`)).toBe(plan.labels[code]);
    }
    expect(sheet.value('K2')).toBe('三色状态');
  }, 60_000);

  it('leaves section rows unpainted and without a label', async () => {
    const { sheet, plan } = await paintTable(10_000);
    expect(plan.codes[500]).toBe(0);
    expect(sheet.value('A503')).toBe('第2部分项目');
    expect(sheet.fillOf('A503')).toBeNull();
    expect(sheet.value('K503')).toBeNull();
  }, 60_000);

  it('uses a RangeAreas address no longer than 4,000 characters', async () => {
    const { excel } = await paintTable(10_000);
    const unions = excel.stats.writes.filter((w) => w.what === 'fill' && w.address.includes(','));
    expect(unions.length).toBeGreaterThan(1);
    for (const w of unions) expect(w.address.length).toBeLessThanOrEqual(4_000);
  }, 60_000);

  it('suspends recalculation while writing the status column, then recalculates', async () => {
    const { excel } = await paintTable(10_000);
    expect(excel.stats.suspendCalls).toBeGreaterThanOrEqual(1);
    expect(excel.stats.calculations).toEqual(['Recalculate']);
  }, 60_000);

  it('never recalculates a workbook the user set to manual calculation', async () => {
    const excel = new RecordingExcel();
    excel.calculationMode = 'Manual';
    const { plan } = addPlanTable(excel, { rows: 100 });
    const wb = port(excel);
    await wb.applyPaint(plan);
    await wb.clearPaint(plan.sheet);
    expect(excel.stats.calculations).toEqual([]);
  });
});

describe('applyPaint and user cells', () => {
  it('changes only the status column and fills: every user value stays as it was', async () => {
    const excel = new RecordingExcel();
    const { sheet, plan } = addPlanTable(excel, { rows: 2_000 });
    const before = sheet.contents();
    await port(excel).applyPaint(plan);
    const after = sheet.contents();
    for (const [a1, v] of before) expect(after.get(a1)).toEqual(v);
    const added = [...after.keys()].filter((a1) => !before.has(a1));
    expect(added.every((a1) => a1.startsWith('K'))).toBe(true);
    const valueWrites = excel.stats.writes.filter(
      (w) => w.sheet === plan.sheet && (w.what === 'values' || w.what === 'replaceAll'),
    );
    expect(valueWrites.every((w) => /^K\d+(:K\d+)?$/.test(w.address))).toBe(true);
  });

  it('keeps a label that starts with "=" as text', async () => {
    const excel = new RecordingExcel();
    const { sheet, plan } = addPlanTable(excel, { rows: 50 });
    const labels = [...plan.labels];
    labels[3] = '=严重';
    await port(excel).applyPaint({ ...plan, labels });
    const row = 3 + plan.codes.findIndex((c) => c === 3);
    expect(sheet.value(`K${row}`)).toBe('=严重');
    expect(sheet.formula(`K${row}`)).toBeUndefined();
  });

  it('writes labels directly when a label equals one of its temporary codes', async () => {
    const excel = new RecordingExcel();
    const { sheet, plan } = addPlanTable(excel, { rows: 50 });
    const labels = ['', 'b', 'a', 'c', 'd', 'e'];
    await port(excel).applyPaint({ ...plan, labels });
    plan.codes.forEach((c, i) => {
      expect(sheet.value(`K${3 + i}`)).toBe(c === 0 ? null : labels[c]);
    });
  });

  it('merges the status header over a two-row header', async () => {
    const excel = new RecordingExcel();
    const { sheet, plan } = addPlanTable(excel, { rows: 20 });
    await port(excel).applyPaint({ ...plan, headerTop: 0, headerBottom: 1 });
    expect(sheet.value('K1')).toBe('三色状态');
    expect(sheet.merges).toContainEqual({ top: 1, left: 11, bottom: 2, right: 11 });
  });
});

describe('applyPaint run twice and clearPaint', () => {
  it('restores exactly the fills that were there before painting', async () => {
    const excel = new RecordingExcel();
    const { sheet, plan } = addPlanTable(excel, { rows: 3_000 });
    sheet.setFill('A5:J5', '#FFFF00');
    sheet.setFill('C6', '#FF0000');
    sheet.setFill('D7:E9', '#92D050', 'Gray50', '#000000');
    sheet.setFill('A2:J2', '#D9D9D9'); // the header, which is not painted
    sheet.setFill('K2000', '#00B0F0'); // inside the new status column
    const before = sheet.fillMap();

    const wb = port(excel);
    await wb.applyPaint(plan);
    expect(sheet.fillOf('C6')).not.toBe('#FF0000');
    const report = await wb.clearPaint(plan.sheet);

    expect(sheet.fillMap()).toEqual(before);
    expect(report).toEqual({
      sheet: plan.sheet,
      fillsRestored: 3_000 * 11,
      statusColumnRemoved: true,
      uncertainRows: [],
    });
    expect(sheet.value('K2')).toBeNull();
    expect(sheet.value('K4')).toBeNull();
    // Once when painting, once after clearing the status column under suspended calculation.
    expect(excel.stats.calculations).toEqual(['Recalculate', 'Recalculate']);
  });

  it('does not save its own paint as the user fill when painting again', async () => {
    const excel = new RecordingExcel();
    const { sheet, plan } = addPlanTable(excel, { rows: 1_000 });
    sheet.setFill('B20', '#FFFF00');
    const before = sheet.fillMap();
    const wb = port(excel);
    await wb.applyPaint(plan);
    // The second run sees only its own colours under the table.
    await wb.applyPaint(plan);
    await wb.clearPaint(plan.sheet);
    expect(sheet.fillMap()).toEqual(before);
  });

  it('puts the user fill back on a row that stops being a data row on the next run', async () => {
    const excel = new RecordingExcel();
    const { sheet, plan } = addPlanTable(excel, { rows: 100 });
    sheet.setFill('A10:J10', '#FFFF00');
    const wb = port(excel);
    await wb.applyPaint(plan);
    const codes = Uint8Array.from(plan.codes);
    codes[7] = 0; // Excel row 10 becomes, say, a subtotal row
    await wb.applyPaint({ ...plan, codes });
    expect(sheet.fillOf('A10')).toBe('#FFFF00');
    expect(sheet.fillOf('K10')).toBeNull();
    expect(sheet.value('K10')).toBeNull();
  });

  it('saves the fills of rows added since the last run before painting them', async () => {
    const excel = new RecordingExcel();
    const { sheet, plan } = addPlanTable(excel, { rows: 200 });
    sheet.setFill('A150:J150', '#FFC000');
    const wb = port(excel);
    await wb.applyPaint(truncatePlan(plan, 100));
    expect(sheet.fillOf('A110')).toBeNull();
    await wb.applyPaint(plan);
    expect(sheet.fillOf('A150')).not.toBe('#FFC000');
    await wb.clearPaint(plan.sheet);
    expect(sheet.fillOf('A150')).toBe('#FFC000');
    expect(sheet.fillOf('A149')).toBeNull();
  });

  it('removes its labels and paint below a table that got shorter', async () => {
    const excel = new RecordingExcel();
    const { sheet, plan } = addPlanTable(excel, { rows: 200 });
    sheet.setFill('A150:J150', '#FFC000');
    const wb = port(excel);
    await wb.applyPaint(plan);
    await wb.applyPaint(truncatePlan(plan, 100));
    expect(sheet.value('K150')).toBeNull();
    expect(sheet.fillOf('A150')).toBe('#FFC000');
    expect(sheet.fillOf('K150')).toBeNull();
    expect(sheet.value('K100')).toBe(plan.labels[plan.codes[97] as number]);
  });

  it('adds its record below what the xlsx adapter keeps on the same hidden sheet', async () => {
    const excel = new RecordingExcel();
    const { sheet, plan } = addPlanTable(excel, { rows: 30 });
    sheet.setFill('A5:J5', '#FFFF00');
    const state = excel.addSheet('_tricolor', [
      ['三色督办 Tricolor: saved fills and settings. Do not edit. 请勿修改。', 1],
      ['paint:其他表', '{"v":1}'],
      ['settings', '{"lastAsOf":"2023-06-30"}'],
    ]);
    const wb = port(excel);
    await wb.applyPaint(plan);
    expect(state.value('A4')).toBe('paint:重点项目');
    await wb.applyPaint(plan);
    await wb.clearPaint(plan.sheet);
    expect(sheet.fillOf('A5')).toBe('#FFFF00');
    expect(state.value('A2')).toBe('paint:其他表');
    expect(state.value('B3')).toBe('{"lastAsOf":"2023-06-30"}');
    expect(state.value('A4')).toBeNull();
  });

  it('still finds, moves on and clears its record after the xlsx adapter rewrote the hidden sheet, the phase letter joined to the JSON', async () => {
    const excel = new RecordingExcel();
    // Long enough that the record takes more than one 30,000-character cell.
    const { sheet, plan } = addPlanTable(excel, { rows: 65_000 });
    sheet.setFill('A5:J5', '#FFFF00');
    const before = sheet.snapshot();
    const wb = port(excel);
    await wb.applyPaint(plan);
    const state = excel.sheet('_tricolor');
    const parts: string[] = [];
    for (let c = 2; ; c++) {
      const part = state.value(`${columnLetters(c)}2`);
      if (part === null) break;
      parts.push(typeof part === 'string' ? part : JSON.stringify(part));
    }
    expect(parts.length).toBeGreaterThan(2);
    expect(parts[0]).toBe('D');
    // What a file adapter may do when it saves (the first, ExcelJS one did): the text joined, split again from B.
    const text = parts.join('');
    state.setValues('B2', [parts.map(() => null)]);
    const chunks: string[] = [];
    for (let i = 0; i < text.length; i += 30_000) chunks.push(text.slice(i, i + 30_000));
    state.setValues('B2', [chunks]);

    await wb.applyPaint(plan);
    expect(state.value('B2')).toMatch(/^D\{/);
    await wb.clearPaint(plan.sheet);
    expect(sheet.snapshot()).toEqual(before);
  }, 60_000);

  it('never puts its record in the note row of a hidden sheet someone emptied', async () => {
    const excel = new RecordingExcel();
    const { plan } = addPlanTable(excel, { rows: 10 });
    const state = excel.addSheet('_tricolor');
    await port(excel).applyPaint(plan);
    expect(state.value('A1')).toBeNull();
    expect(state.value('A2')).toBe('paint:重点项目');
  });

  it('reports nothing to clear on a sheet it never painted', async () => {
    const excel = new RecordingExcel();
    addPlanTable(excel, { rows: 10 });
    await expect(port(excel).clearPaint('重点项目')).resolves.toEqual({
      sheet: '重点项目',
      fillsRestored: 0,
      statusColumnRemoved: false,
      uncertainRows: [],
    });
  });

  it('keeps its state on a very hidden sheet, beside records it does not own', async () => {
    const excel = new RecordingExcel();
    const { plan } = addPlanTable(excel, { rows: 10 });
    const wb = port(excel);
    await wb.applyPaint(plan);
    const state = excel.sheet('_tricolor');
    expect(state.visibility).toBe('VeryHidden');
    state.setValues('A3', [['paint:其他表', '{"v":1}']]);
    await wb.clearPaint(plan.sheet);
    expect(state.value('A3')).toBe('paint:其他表');
    expect(state.value('A2')).toBeNull();
    expect(await wb.listSheets()).toEqual([{ name: '重点项目', visible: true }]);
  });
});

describe('applyPaint failures', () => {
  it('refuses a protected sheet with a message naming it, before writing anything', async () => {
    const excel = new RecordingExcel();
    const { plan } = addPlanTable(excel, { rows: 10 });
    excel.protect(plan.sheet);
    const error = await port(excel)
      .applyPaint(plan)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PortError);
    expect(error).toMatchObject({
      code: 'sheet_protected',
      message: '工作表“重点项目”受保护,请先在“审阅”中撤销工作表保护,再点一次。',
    });
    expect(excel.stats.writes).toEqual([]);
  });

  it('tells the user to leave cell editing when Excel is in cell-edit mode', async () => {
    const excel = new RecordingExcel();
    const { plan } = addPlanTable(excel, { rows: 10 });
    excel.failAtSync(1, 'InvalidOperationInCellEditMode');
    await expect(port(excel).applyPaint(plan)).rejects.toMatchObject({
      code: 'cell_edit_mode',
      message: '请先退出单元格编辑状态(按 Enter 或 Esc),再点一次。',
    });
  });

  it('names the sheet when it no longer exists', async () => {
    const excel = new RecordingExcel();
    const { plan } = addPlanTable(excel, { rows: 10 });
    const painting = port(excel).applyPaint({ ...plan, sheet: '已删除' });
    await expect(painting).rejects.toMatchObject({ code: 'sheet_not_found' });
    await expect(painting).rejects.toThrow('“已删除”');
  });
});
