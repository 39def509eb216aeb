import * as fs from 'fs';
import * as path from 'path';
import { PackageWorkbook } from '../../../src/adapters/xlsxPackage/PackageWorkbook';
import { analyzeWorkbook } from '../../../src/core/analyzeWorkbook';
import type { WorkbookAnalysis } from '../../../src/core/analysis';
import { dayNumber } from '../../../src/core/dates';
import type { CellRange, SheetGrid } from '../../../src/core/grid';
import { a1, excelColumn, formatAt, parseA1 } from '../../../src/core/grid';
import type { Lang } from '../../../src/core/issue';
import { defaultRules } from '../../../src/core/rules';
import { PortError, type PortErrorCode } from '../../../src/port/WorkbookPort';
import {
  asOfOf,
  expectedOutcome,
  gridFixtureFiles,
  gridFrom,
  issueList,
  loadGridFixture,
  outcomeOf,
  XLSX_FILES_DIR,
  XLSX_GRIDS_DIR,
} from '../../fixtures/bad/corpus';
import { cellsByAddress } from '../../fixtures/bad/writeWorkbook';

describe('the package adapter', () => {
  /**
   * The bad-input corpus as files, through the xlsx adapter: every grid fixture written as a
   * workbook must read back cell for cell and give the fixture's exact outcome, and painting it must
   * change nothing of the user's; files that are no workbook, or a damaged one, must fail with the
   * right PortError and its sentence; workbooks only a file can express give their exact outcome.
   */

  const file = (dir: string, name: string): Uint8Array =>
    new Uint8Array(fs.readFileSync(path.join(dir, name)));

  async function readAll(book: PackageWorkbook): Promise<SheetGrid[]> {
    const grids: SheetGrid[] = [];
    for (const s of await book.listSheets()) grids.push(await book.readSheet(s.name));
    return grids;
  }

  const ASOF = dayNumber(2023, 6, 30);

  async function analyzeFile(
    bytes: Uint8Array,
    lang: Lang = 'zh',
  ): Promise<{ book: PackageWorkbook; grids: SheetGrid[]; result: WorkbookAnalysis }> {
    const book = await PackageWorkbook.open(bytes, lang);
    const grids = await readAll(book);
    return {
      book,
      grids,
      result: analyzeWorkbook(grids, { asOf: ASOF, rules: defaultRules(lang), lang }),
    };
  }

  const rangeText = (g: SheetGrid, m: CellRange): string =>
    `${a1(g, m.top, m.left)}:${a1(g, m.bottom, m.right)}`;

  describe('grid fixtures written as workbooks', () => {
    const grids = gridFixtureFiles();

    it('has a workbook for every grid fixture and nothing else', () => {
      const books = fs
        .readdirSync(XLSX_GRIDS_DIR)
        .filter((f) => f.endsWith('.xlsx'))
        .sort();
      expect(books).toEqual(grids.map((f) => f.replace(/\.json$/, '.xlsx')));
    });

    describe.each(grids)('%s', (name) => {
      const g = loadGridFixture(name);
      const fixture = gridFrom(g);
      const bytes = file(XLSX_GRIDS_DIR, name.replace(/\.json$/, '.xlsx'));

      it('reads back every value, number format, merge and hidden row the sheet holds', async () => {
        const book = await PackageWorkbook.open(bytes);
        expect(await book.listSheets()).toEqual([{ name: g.sheet.name, visible: true }]);
        const read = await book.readSheet(g.sheet.name);
        expect(cellsByAddress(read)).toEqual(cellsByAddress(fixture));
        for (const [addr, fmt] of Object.entries(g.sheet.formats ?? {})) {
          const p = parseA1(addr)!;
          expect([addr, formatAt(read, p.row - read.origin.row, p.col - read.origin.col)]).toEqual([
            addr,
            fmt,
          ]);
        }
        expect(read.merges.map((m) => rangeText(read, m)).sort()).toEqual(
          fixture.merges.map((m) => rangeText(fixture, m)).sort(),
        );
        expect((read.hiddenRows ?? []).map((r) => read.origin.row + r)).toEqual(
          g.sheet.hidden ?? [],
        );
        expect(read.date1904 === true).toBe(g.sheet.date1904 === true);
      });

      it('gives exactly the outcome the grid fixture gives', async () => {
        const { result } = await analyzeFile(bytes);
        expect(outcomeOf(result, g)).toEqual(expectedOutcome(g));
      });

      if (!name.startsWith('error.')) {
        it('changes no user value, merge or sheet when painted, only the status column', async () => {
          const { book, grids: before, result } = await analyzeFile(bytes);
          const sheet = result.sheets[0]!;
          await book.applyPaint(sheet.paint);
          const after = await PackageWorkbook.open(await book.save());
          expect(await after.listSheets()).toEqual(await book.listSheets());
          const grid = await after.readSheet(g.sheet.name);
          const col = excelColumn(grid, sheet.paint.statusColumn);
          const inStatusColumn = (addr: string): boolean => addr.replace(/\d+$/, '') === col;
          const userCells = (m: Map<string, unknown>) =>
            [...m].filter(([addr]) => !inStatusColumn(addr));
          expect(userCells(cellsByAddress(grid))).toEqual(userCells(cellsByAddress(before[0]!)));
          const added = grid.merges
            .map((m) => rangeText(grid, m))
            .filter((m) => !before[0]!.merges.some((b) => rangeText(grid, b) === m));
          const header = `${col}${sheet.paint.headerTop + 1}:${col}${sheet.paint.headerBottom + 1}`;
          expect(added).toEqual(sheet.paint.headerBottom > sheet.paint.headerTop ? [header] : []);
          expect(grid.merges.length).toBe(before[0]!.merges.length + added.length);
          const again = analyzeWorkbook([grid], {
            asOf: asOfOf(g),
            rules: defaultRules(),
            lang: 'zh',
          });
          expect(again.sheets[0]?.statuses).toEqual(sheet.statuses);
        });
      }
    });
  });

  async function failure(bytes: Uint8Array, lang: Lang): Promise<PortError> {
    try {
      await PackageWorkbook.open(bytes, lang);
    } catch (e) {
      if (e instanceof PortError) return e;
      throw e;
    }
    throw new Error('the file was opened');
  }

  const NOT_XLSX_ZH = '这个文件不是 Excel 工作簿(.xlsx),无法读取。';
  const NOT_XLSX_EN = 'This file is not an Excel workbook (.xlsx) and cannot be read.';
  const CUT_ZH = '文件已损坏或不完整(可能没有下载或复制完整),无法读取。';
  const CUT_EN =
    'The file is damaged or incomplete (perhaps not fully downloaded or copied) and cannot be read.';
  const DAMAGED_ZH = '工作簿内容已损坏,无法读取。请在 Excel 中打开并另存一次后重试。';
  const DAMAGED_EN =
    'The workbook content is damaged and cannot be read. Open it in Excel, save it once, and try again.';

  describe('files that cannot be opened', () => {
    it.each<[string, PortErrorCode, string, string]>([
      [
        'zero-bytes.xlsx',
        'not_xlsx',
        '文件是空的,不是 Excel 工作簿(.xlsx)。',
        'The file is empty: it is not an Excel workbook (.xlsx).',
      ],
      ['csv-named-xlsx.xlsx', 'not_xlsx', NOT_XLSX_ZH, NOT_XLSX_EN],
      ['html-named-xlsx.xlsx', 'not_xlsx', NOT_XLSX_ZH, NOT_XLSX_EN],
      ['png-named-xlsx.xlsx', 'not_xlsx', NOT_XLSX_ZH, NOT_XLSX_EN],
      [
        'legacy-xls-named-xlsx.xlsx',
        'not_xlsx',
        '这是旧版 .xls 文件或设置了打开密码的文件,无法读取。请在 Excel 中另存为不加密的 .xlsx 后重试。',
        'This is an old .xls file or a password-protected file, which cannot be read. Save it as an unencrypted .xlsx in Excel and try again.',
      ],
      [
        'docx-named-xlsx.xlsx',
        'not_xlsx',
        '这个文件是压缩包,但不是 Excel 工作簿(.xlsx),无法读取。',
        'This file is a zip archive but not an Excel workbook (.xlsx).',
      ],
      ['truncated-half.xlsx', 'unreadable_file', CUT_ZH, CUT_EN],
      ['truncated-last-byte.xlsx', 'unreadable_file', CUT_ZH, CUT_EN],
      ['zip-magic-then-garbage.xlsx', 'unreadable_file', CUT_ZH, CUT_EN],
      // Compressed bytes flipped: JSZip says "uncompressed data size mismatch".
      ['corrupt-entry-bytes.xlsx', 'unreadable_file', CUT_ZH, CUT_EN],
      // xl/workbook.xml lists a sheet whose part is not in the zip.
      ['missing-sheet-part.xlsx', 'unreadable_file', CUT_ZH, CUT_EN],
      ['broken-sheet-xml.xlsx', 'unreadable_file', DAMAGED_ZH, DAMAGED_EN],
      ['broken-workbook-xml.xlsx', 'unreadable_file', DAMAGED_ZH, DAMAGED_EN],
    ])('refuses %s with %s and one sentence in each language', async (name, code, zh, en) => {
      const bytes = file(XLSX_FILES_DIR, name);
      const e = await failure(bytes, 'zh');
      expect([e.code, e.message]).toEqual([code, zh]);
      const f = await failure(bytes, 'en');
      expect([f.code, f.message]).toEqual([code, en]);
    });
  });

  describe('workbooks only a file can express', () => {
    const open = (name: string) => analyzeFile(file(XLSX_FILES_DIR, name));
    const statusesOf = (r: WorkbookAnalysis) =>
      r.sheets.map((s) => [
        s.sheet,
        Object.fromEntries(s.statuses.map((x) => [x.row + 1, x.status])),
      ]);
    const issuesOf = (r: WorkbookAnalysis) => r.sheets.map((s) => [s.sheet, issueList(s.issues)]);

    it('lists no sheets and finds nothing in a workbook without sheets', async () => {
      const { grids, result } = await open('no-sheets.xlsx');
      expect(grids).toEqual([]);
      expect(result).toMatchObject({ sheets: [], skipped: [] });
    });

    it('skips and names each blank sheet', async () => {
      const { result } = await open('blank-sheets.xlsx');
      expect(result.sheets).toEqual([]);
      expect(result.skipped.map((s) => [s.name, issueList(s.issues)])).toEqual([
        ['Sheet1', [['no_table', '']]],
        ['Sheet2', [['no_table', '']]],
      ]);
    });

    it('never reads a sheet named like one of its own bulletins', async () => {
      const { grids, result } = await open('only-bulletin-sheets.xlsx');
      expect(grids.map((g) => g.name)).toEqual(['通报2023-06-30']);
      expect(result).toMatchObject({ sheets: [], skipped: [] });
    });

    it('reads 32,767-character cells whole, and quotes a long deadline briefly', async () => {
      const { grids, result } = await open('cells-32767-characters.xlsx');
      expect((grids[0]?.values[2]?.[1] as string).length).toBe(32767);
      expect((grids[0]?.values[3]?.[3] as string).length).toBe(32767);
      expect(statusesOf(result)).toEqual([['长文本', { 3: 'lagging', 4: 'unknown' }]]);
      expect(issuesOf(result)).toEqual([['长文本', [['deadline_unreadable', 'D4']]]]);
      expect(result.sheets[0]?.issues[0]?.message.length).toBeLessThan(300);
    });

    it('reads a protected sheet like any other', async () => {
      const { result } = await open('protected-sheet.xlsx');
      expect(statusesOf(result)).toEqual([['重点项目', { 3: 'lagging', 4: 'normal' }]]);
      expect(issuesOf(result)).toEqual([['重点项目', []]]);
    });

    it.each<[Lang, string]>([
      ['zh', '工作表“重点项目”受保护,请先在“审阅”中撤销工作表保护(在 Excel 中撤销后保存),再重试。'],
      [
        'en',
        'Sheet "重点项目" is protected. Unprotect it under Review in Excel and save, then try again.',
      ],
    ])(
      'refuses to paint or clear a protected sheet (%s), changing nothing',
      async (lang, sentence) => {
        const bytes = file(XLSX_FILES_DIR, 'protected-sheet.xlsx');
        const { book, grids, result } = await analyzeFile(bytes, lang);
        const refusal = async (run: () => Promise<unknown>): Promise<unknown[]> => {
          try {
            await run();
          } catch (e) {
            if (e instanceof PortError) return [e.code, e.message];
            throw e;
          }
          return ['done'];
        };
        expect(await refusal(() => book.applyPaint(result.sheets[0]!.paint))).toEqual([
          'sheet_protected',
          sentence,
        ]);
        expect(await refusal(() => book.clearPaint('重点项目'))).toEqual([
          'sheet_protected',
          sentence,
        ]);
        const after = await PackageWorkbook.open(await book.save(), lang);
        expect(await after.listSheets()).toEqual([{ name: '重点项目', visible: true }]);
        expect(cellsByAddress(await after.readSheet('重点项目'))).toEqual(
          cellsByAddress(grids[0]!),
        );
        // Still protected: a second run refuses it the same way.
        expect(await refusal(() => after.applyPaint(result.sheets[0]!.paint))).toEqual([
          'sheet_protected',
          sentence,
        ]);
      },
    );

    it('reads a right-to-left sheet with an emoji name, and does not guess an emoji deadline', async () => {
      const { result } = await open('right-to-left-sheet.xlsx');
      expect(statusesOf(result)).toEqual([['📊مشاريع', { 3: 'lagging', 4: 'unknown' }]]);
      expect(issuesOf(result)).toEqual([['📊مشاريع', [['deadline_unreadable', 'D4']]]]);
    });

    it('reads rows an autofilter hides, and says they are hidden', async () => {
      const { grids, result } = await open('autofilter-hiding-rows.xlsx');
      expect(grids[0]?.hiddenRows).toEqual([3, 4]);
      expect(statusesOf(result)).toEqual([
        ['重点项目', { 3: 'lagging', 4: 'severe', 5: 'normal' }],
      ]);
    });

    it('reports formulas whose saved results are errors at their cells', async () => {
      const { result } = await open('formula-error-results.xlsx');
      expect(statusesOf(result)).toEqual([
        ['重点项目', { 3: 'unknown', 4: 'normal', 5: 'severe' }],
      ]);
      expect(issuesOf(result)).toEqual([
        [
          '重点项目',
          [
            ['cell_error', 'D3'],
            ['cell_error', 'E4'],
            ['cell_error', 'C5'],
          ],
        ],
      ]);
    });

    it('reads real dates of a 1904-system workbook as the days they are', async () => {
      const { grids, result } = await open('date1904-real-dates.xlsx');
      expect(grids[0]?.date1904).toBe(true);
      expect(statusesOf(result)).toEqual([['重点项目', { 3: 'normal', 4: 'severe' }]]);
      expect(result.sheets[0]?.rows.map((r) => r.deadlineText)).toEqual([
        '2023-06-30',
        '2023-03-01',
      ]);
    });
  });
});
