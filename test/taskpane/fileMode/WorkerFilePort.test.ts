import { Workbook } from 'exceljs';
import { readFileSync } from 'fs';
import { analyzeWorkbook } from '../../../src/core/analyzeWorkbook';
import type { BulletinBook, BulletinSheet } from '../../../src/core/bulletinBook';
import { dayNumber } from '../../../src/core/dates';
import { defaultRules } from '../../../src/core/rules';
import { PackageWorkbook } from '../../../src/adapters/xlsxPackage/PackageWorkbook';
import { PortError } from '../../../src/port/WorkbookPort';
import { WorkerFailure, WorkerFilePort } from '../../../src/taskpane/fileMode/WorkerFilePort';
import { InProcessWorker } from '../../support/inProcessWorker';
import { SAMPLE } from '../../support/samples';

function sampleBytes(): ArrayBuffer {
  const b = readFileSync(SAMPLE);
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
}

describe('WorkerFilePort', () => {
  it('reads, paints and saves a workbook through the worker, reporting progress', async () => {
    const worker = new InProcessWorker();
    const port = await WorkerFilePort.open(worker, sampleBytes(), 'zh');
    expect(await port.listSheets()).toEqual([
      { name: '重点项目', visible: true },
      { name: '填表说明', visible: true },
    ]);
    const progress: number[] = [];
    const grid = await port.readSheet('重点项目', (done) => progress.push(done));
    expect(grid.values[0]?.[0]).toBe('2023年度XX区重点项目推进计划表');
    expect(progress.length).toBeGreaterThan(0);

    const analysis = analyzeWorkbook([grid], {
      asOf: dayNumber(2023, 6, 30),
      rules: defaultRules(),
      lang: 'zh',
    });
    const plan = analysis.sheets[0]?.paint;
    if (!plan) throw new Error('the sample has a table');
    const report = await port.applyPaint(plan);
    expect(report).toMatchObject({ sheet: '重点项目', statusHeaderCell: 'N3' });
    await port.saveSettings({ lastAsOf: '2023-06-30' });
    expect(await port.loadSettings()).toEqual({ lastAsOf: '2023-06-30' });

    const bytes = await port.save();
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]);
    const reread = await WorkerFilePort.open(new InProcessWorker(), bytes.slice().buffer, 'zh');
    const again = await reread.readSheet('重点项目');
    expect(again.values[5]?.[13]).toBe('滞后');
  });

  it('hands a long sheet to the page in pieces of 5,000 rows and puts it back together as read', async () => {
    const book = new Workbook();
    const ws = book.addWorksheet('长表');
    ws.addRow(['序号', '项目名称', '计划节点']);
    for (let i = 1; i < 12_345; i++) {
      ws.addRow([i, `项目${i}`, i % 3 === 0 ? new Date(Date.UTC(2023, 5, 30)) : '6月底']);
      if (i % 3 === 0) ws.getCell(i + 1, 3).numFmt = 'yyyy-mm-dd';
    }
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const direct = await PackageWorkbook.open(bytes.slice().buffer, 'zh');
    const worker = new InProcessWorker();
    const port = await WorkerFilePort.open(worker, bytes.slice().buffer, 'zh');
    const grid = await port.readSheet('长表');
    expect(grid).toEqual(await direct.readSheet('长表'));
    expect(grid.values).toHaveLength(12_345);
    expect(worker.replies.filter((r) => r.startsWith('rows'))).toEqual([
      'rows 0+5000',
      'rows 5000+5000',
      'rows 10000+2345',
    ]);
    expect(worker.replies.at(-1)).toBe('result');
  });

  it('sends a long bulletin to the worker in pieces of 20,000 cells and writes it whole', async () => {
    const sheet = (name: string, rows: number): BulletinSheet => ({
      name,
      cells: Array.from({ length: rows * 5 }, (_, i) => ({
        row: Math.floor(i / 5),
        col: i % 5,
        value: i % 5 === 0 ? Math.floor(i / 5) + 1 : `项目${Math.floor(i / 5) + 1}-${i % 5}`,
      })),
      styles: {},
      merges: [],
      columnWidths: [6, 20, 20, 20, 20],
      print: { orientation: 'landscape', paperSize: 'A4', fitToWidth: true },
    });
    const book: BulletinBook = {
      reportDate: '2023-06-30',
      sheets: [sheet('通报2023-06-30', 3), sheet('滞后清单2023-06-30', 9_000)],
      text: '截至2023年6月30日……',
    };
    const worker = new InProcessWorker();
    const port = await WorkerFilePort.open(worker, sampleBytes(), 'zh');
    expect(await port.writeBulletin(book)).toEqual({
      sheets: ['通报2023-06-30', '滞后清单2023-06-30'],
    });
    expect(worker.methods.filter((m) => /Bulletin/.test(m))).toEqual([
      'stageBulletinCells',
      'stageBulletinCells',
      'stageBulletinCells',
      'stageBulletinCells',
      'writeBulletin',
    ]);
    const summary = await port.readSheet('通报2023-06-30');
    expect(summary.values).toEqual([
      [1, '项目1-1', '项目1-2', '项目1-3', '项目1-4'],
      [2, '项目2-1', '项目2-2', '项目2-3', '项目2-4'],
      [3, '项目3-1', '项目3-2', '项目3-3', '项目3-4'],
    ]);
    const list = await port.readSheet('滞后清单2023-06-30');
    expect(list.values).toHaveLength(9_000);
    expect(list.values[8_999]).toEqual([
      9_000,
      '项目9000-1',
      '项目9000-2',
      '项目9000-3',
      '项目9000-4',
    ]);
  });

  it('sends a short bulletin in one message', async () => {
    const worker = new InProcessWorker();
    const port = await WorkerFilePort.open(worker, sampleBytes(), 'zh');
    const book: BulletinBook = {
      reportDate: '2023-06-30',
      sheets: [
        {
          name: '通报2023-06-30',
          cells: [{ row: 0, col: 0, value: '截至2023年6月30日重点项目推进情况' }],
          styles: {},
          merges: [],
          columnWidths: [40],
          print: { orientation: 'landscape', paperSize: 'A4', fitToWidth: true },
        },
      ],
      text: '',
    };
    await port.writeBulletin(book);
    expect(worker.methods.filter((m) => /Bulletin/.test(m))).toEqual(['writeBulletin']);
    expect((await port.readSheet('通报2023-06-30')).values[0]?.[0]).toBe(
      '截至2023年6月30日重点项目推进情况',
    );
  });

  it('brings a PortError back from the worker as a PortError with its code', async () => {
    const worker = new InProcessWorker();
    const opening = WorkerFilePort.open(
      worker,
      new TextEncoder().encode('not a workbook').buffer,
      'en',
    );
    await expect(opening).rejects.toBeInstanceOf(PortError);
    await expect(opening).rejects.toMatchObject({ code: 'not_xlsx' });
    expect(worker.terminated).toBe(true);
  });

  it('fails the calls in flight when the worker dies, and stops it when disposed', async () => {
    const worker = new InProcessWorker();
    const port = await WorkerFilePort.open(worker, sampleBytes(), 'zh');
    const reading = port.readSheet('重点项目');
    worker.crash('out of memory');
    await expect(reading).rejects.toBeInstanceOf(WorkerFailure);
    await expect(reading).rejects.toMatchObject({ name: 'PortError', message: 'out of memory' });
    port.dispose();
    expect(worker.terminated).toBe(true);
  });
});
