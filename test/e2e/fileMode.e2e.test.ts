import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readFileSync } from 'fs';
import { join } from 'path';
import type { Browser, Page } from 'playwright-core';
import { gzipSync } from 'zlib';
import {
  distUnderTest,
  expected,
  initialScripts,
  LABELS,
  launchChromium,
  STATUSES,
  OUT,
  paintAsOf,
  TEST_TIMEOUT,
  withoutTelemetryBlock,
  writeBulletinStep,
  type OpenPageOptions,
  openPage as openOn,
} from './harness';
import { SAMPLE } from '../support/samples';
import { serveStatic } from './staticServer';

const BUDGET_GZIP = 350 * 1024;

let dist = '';
let server: { url: string; close: () => Promise<void> };
let browser: Browser;

beforeAll(async () => {
  dist = distUnderTest();
  server = await serveStatic(dist);
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A page that fails the test on any console error or uncaught exception it reports. */
function openPage(path: string, options?: OpenPageOptions) {
  return openOn(browser, server.url, path, options);
}

/** The status column's label on each expected row, read from the grid view. */
async function gridStatuses(page: Page, rows: readonly string[]): Promise<Record<string, string>> {
  const header = page.locator('[role=gridcell]', { hasText: /^三色状态$/ });
  const address = (await header.getAttribute('data-cell')) ?? '';
  const column = address.replace(/\d+$/, '');
  const out: Record<string, string> = {};
  for (const r of rows) {
    out[r] = (await page.locator(`[data-cell="${column}${r}"]`).textContent()) ?? '';
  }
  return out;
}

describe('file mode in Chromium', () => {
  it(
    'loads the built-in sample and paints it with the expected counts for 2023-06-30',
    async () => {
      const want = expected();
      const { page, errors } = await openPage('index.html');
      await page.getByRole('grid', { name: `工作表“${want.sheet}”` }).waitFor();
      expect(await paintAsOf(page, '2023-06-30')).toEqual(want.counts);
      const labels = await gridStatuses(page, Object.keys(want.rows));
      expect(labels).toEqual(
        Object.fromEntries(Object.entries(want.rows).map(([r, s]) => [r, LABELS[s]])),
      );
      // A lagging row is filled with the palette's yellow across the table.
      const lagging = Object.keys(want.rows).find((r) => want.rows[r] === 'lagging');
      const fill = await page
        .locator(`[data-cell="B${lagging}"]`)
        .evaluate((el) => getComputedStyle(el).backgroundColor);
      expect(fill).toBe('rgb(255, 235, 156)');
      // ExcelJS ran in the worker, not on the page.
      const scripts = await page.evaluate(() =>
        performance.getEntriesByType('resource').map((r) => r.name.split('/').pop() ?? ''),
      );
      expect(scripts.some((n) => /^tricolor-xlsx\./.test(n))).toBe(true);
      await page.screenshot({ path: join(OUT, 'fileMode-sample.png') });
      expect(errors).toEqual([]);
      await page.context().close();
    },
    TEST_TIMEOUT,
  );

  it(
    'reads a file chosen in the file picker and downloads it painted as a valid workbook',
    async () => {
      const want = expected();
      const { page, errors } = await openPage('index.html');
      await page.getByRole('grid').waitFor();
      await page.locator('input[type=file]').setInputFiles(SAMPLE);
      await page.getByText('当前文件:projects.xlsx').waitFor();
      expect(await paintAsOf(page, '2023-06-30')).toEqual(want.counts);
      await page.screenshot({ path: join(OUT, 'fileMode-projects.png') });

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: '下载', exact: true }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('projects.三色.xlsx');
      const saved = join(OUT, download.suggestedFilename());
      await download.saveAs(saved);

      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(saved);
      const sheet = book.getWorksheet(want.sheet);
      if (!sheet) throw new Error(`no sheet ${want.sheet} in the download`);
      let statusColumn = 0;
      sheet.getRow(3).eachCell((cell, col) => {
        if (cell.value === '三色状态') statusColumn = col;
      });
      expect(statusColumn).toBeGreaterThan(0);
      for (const [row, status] of Object.entries(want.rows)) {
        expect([row, sheet.getCell(Number(row), statusColumn).value]).toEqual([
          row,
          LABELS[status],
        ]);
      }
      const lagging = Object.keys(want.rows).find((r) => want.rows[r] === 'lagging');
      const fill = sheet.getCell(Number(lagging), 2).fill;
      expect(fill).toMatchObject({
        type: 'pattern',
        pattern: 'solid',
        fgColor: { argb: 'FFFFEB9C' },
      });
      expect(errors).toEqual([]);
      await page.context().close();
    },
    TEST_TIMEOUT,
  );

  it(
    'writes the bulletin for the built-in sample, shows its 通报 sheet as a grid and keeps it in the download',
    async () => {
      const want = expected();
      const { page, errors } = await openPage('index.html', {
        context: { permissions: ['clipboard-read', 'clipboard-write'] },
      });
      await page.getByRole('grid', { name: `工作表“${want.sheet}”` }).waitFor();
      await writeBulletinStep(page, '2023-06-30');

      const title = '截至2023年6月30日重点项目推进情况';
      const grid = page.getByRole('grid', { name: '工作表“通报2023-06-30”' });
      await grid.waitFor();
      expect(await grid.locator('[data-cell="A1"]').textContent()).toBe(title);
      const sheets = page.getByRole('tablist', { name: '工作表' });
      expect(
        await sheets.getByRole('tab', { name: '通报2023-06-30' }).getAttribute('aria-selected'),
      ).toBe('true');

      const total = Object.values(want.counts).reduce((a, b) => a + b, 0);
      const figures = page.getByRole('region', { name: '主要数据' });
      const badges = await figures
        .getByRole('group', { name: `纳入调度 ${total} 项` })
        .locator('.fui-Badge')
        .allTextContents();
      expect(badges).toEqual(STATUSES.map((s) => `${LABELS[s]} ${want.counts[s]}`));
      expect(await figures.textContent()).toMatch(/完成率\d+\.\d%序时进度\d+\.\d%/);
      expect(await figures.getByRole('list', { name: '滞后较多的单位' }).count()).toBe(1);

      const draft = page.getByLabel('通报文字(草稿)');
      const text = await draft.inputValue();
      expect(text).toMatch(new RegExp(`^截至2023年6月30日，纳入调度的重点项目${total}项`));
      await page.getByRole('button', { name: '复制' }).click();
      await page.getByText('已复制到剪贴板。').waitFor();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
      await page.screenshot({ path: join(OUT, 'bulletin-sample.png') });

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: '下载', exact: true }).click(),
      ]);
      const saved = join(OUT, 'bulletin-sample.三色.xlsx');
      await download.saveAs(saved);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(saved);
      expect(book.getWorksheet('通报2023-06-30')?.getCell('A1').value).toBe(title);
      expect(book.getWorksheet('滞后清单2023-06-30')).toBeDefined();
      expect(errors).toEqual([]);
      await page.context().close();
    },
    TEST_TIMEOUT,
  );

  it(
    'downloads the bulletin as a Word document and the notices as one .zip, fetching docx only then',
    async () => {
      const { page, errors } = await openPage('index.html');
      await page.getByRole('grid').waitFor();
      const fetched: string[] = [];
      page.on('request', (r) => fetched.push(r.url()));
      await writeBulletinStep(page, '2023-06-30');
      const docs = page.getByRole('region', { name: '公文' });
      await docs.waitFor();
      expect(fetched.filter((u) => /\bdocx\b[^/]*\.js$/.test(u))).toEqual([]);
      await docs.getByLabel('发文机关').fill('XX区人民政府办公室');

      const [word] = await Promise.all([
        page.waitForEvent('download'),
        docs.getByRole('button', { name: '下载通报(Word)' }).click(),
      ]);
      expect(word.suggestedFilename()).toBe('通报2023-06-30.docx');
      expect(fetched.filter((u) => /\bdocx\b[^/]*\.js$/.test(u))).toHaveLength(1);
      const docx = join(OUT, word.suggestedFilename());
      await word.saveAs(docx);
      const xml =
        (await (
          await JSZip.loadAsync(readFileSync(docx))
        )
          .file('word/document.xml')
          ?.async('string')) ?? '';
      expect(xml).toContain('截至2023年6月30日');
      expect(xml).toContain('XX区人民政府办公室');

      const [notices] = await Promise.all([
        page.waitForEvent('download'),
        docs.getByRole('button', { name: '下载通知单' }).click(),
      ]);
      expect(notices.suggestedFilename()).toBe('督办通知单2023-06-30.zip');
      const zipFile = join(OUT, notices.suggestedFilename());
      await notices.saveAs(zipFile);
      const names = Object.keys((await JSZip.loadAsync(readFileSync(zipFile))).files);
      expect(names.length).toBeGreaterThan(0);
      for (const n of names) expect(n).toMatch(/^督办通知单-\d{2}-.+\.docx$/);
      expect(errors).toEqual([]);
      await page.context().close();
    },
    TEST_TIMEOUT,
  );

  it(
    'opens taskpane.html outside Excel in file mode, with office.js loaded',
    async () => {
      const { page, errors } = await openPage('taskpane.html');
      await page.getByRole('grid').waitFor();
      expect(await page.evaluate(() => typeof (window as { Office?: unknown }).Office)).toBe(
        'object',
      );
      await page.getByRole('tab', { name: '检查' }).click();
      // Outside Office, office.js frames Microsoft's telemetry page after 3 s; the page's CSP
      // blocks that on purpose (no telemetry from an office's network), which Chromium reports.
      expect(withoutTelemetryBlock(errors)).toEqual([]);
      await page.context().close();
    },
    TEST_TIMEOUT,
  );

  it(
    'reaches every step and the run button from the keyboard',
    async () => {
      const { page, errors } = await openPage('index.html');
      await page.getByRole('grid').waitFor();
      const focused = () =>
        page.evaluate(() => {
          const el = document.activeElement;
          return `${el?.getAttribute('role') ?? el?.tagName.toLowerCase()}:${(el as HTMLElement | null)?.innerText.trim() ?? ''}`;
        });
      let found = false;
      for (let i = 0; i < 20 && !found; i++) {
        await page.keyboard.press('Tab');
        found = (await focused()) === 'tab:识别';
      }
      expect(found).toBe(true);
      // 识别 → 检查 → 汇总 → 标注, the steps in the order the month goes.
      for (const step of ['检查', '汇总', '标注']) {
        await page.keyboard.press('ArrowRight');
        expect(await focused()).toBe(`tab:${step}`);
      }
      await page.keyboard.press('Enter');
      await page.getByLabel('截至日期').waitFor();
      let run = false;
      for (let i = 0; i < 30 && !run; i++) {
        await page.keyboard.press('Tab');
        run = (await focused()) === 'button:运行';
      }
      expect(run).toBe(true);
      await page.keyboard.press('Enter');
      await page.getByRole('group', { name: '合计' }).waitFor();
      expect(errors).toEqual([]);
      await page.context().close();
    },
    TEST_TIMEOUT,
  );

  it(
    "downloads LibreOffice's workbook with its chart, picture, comment and pivot table kept, untouched parts byte for byte",
    async () => {
      const input = join(__dirname, '..', 'fixtures', 'corpus', 'libreoffice-pivot.xlsx');
      const { page, errors } = await openPage('index.html');
      await page.getByRole('grid').waitFor();
      await page.locator('input[type=file]').setInputFiles(input);
      await page.getByText('当前文件:libreoffice-pivot.xlsx').waitFor();
      const counts = await paintAsOf(page, '2023-06-30');
      expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(20);
      await writeBulletinStep(page, '2023-06-30');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: '下载', exact: true }).click(),
      ]);
      const saved = join(OUT, download.suggestedFilename());
      await download.saveAs(saved);
      const before = await JSZip.loadAsync(readFileSync(input));
      const after = await JSZip.loadAsync(readFileSync(saved));
      const names = Object.keys(before.files);
      expect(names.filter((n) => after.file(n) === null)).toEqual([]);
      // The painted sheet, the styles and the workbook's sheet list change; nothing else does.
      const untouched = names.filter(
        (n) =>
          !before.files[n]?.dir &&
          !/^(xl\/worksheets\/sheet1\.xml|xl\/styles\.xml|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|\[Content_Types\]\.xml)$/.test(
            n,
          ),
      );
      expect(untouched.some((n) => n.startsWith('xl/pivotTables/'))).toBe(true);
      for (const n of untouched) {
        expect({ n, same: await after.file(n)?.async('string') }).toEqual({
          n,
          same: await before.file(n)?.async('string'),
        });
      }
      // The bulletin's chart is a chart part of its own beside LibreOffice's.
      expect(
        Object.keys(after.files).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n)).length,
      ).toBe(2);
      expect(errors).toEqual([]);
      await page.context().close();
    },
    TEST_TIMEOUT,
  );

  it(
    'keeps the first download under 350 KB gzipped, without the xlsx adapter or docx',
    () => {
      for (const html of ['index.html', 'taskpane.html']) {
        const scripts = initialScripts(dist, html);
        expect(scripts.length).toBeGreaterThan(0);
        let total = 0;
        for (const src of scripts) {
          const code = readFileSync(join(dist, src));
          total += gzipSync(code, { level: 9 }).length;
          // ExcelJS's content-type table: present in the xlsx chunk, never in the first download.
          expect([src, code.includes('sharedStrings+xml')]).toEqual([src, false]);
          // Nor the docx package (its main part's content type), fetched only for a document.
          expect([src, code.includes('wordprocessingml.document.main+xml')]).toEqual([src, false]);
        }
        expect(total).toBeLessThanOrEqual(BUDGET_GZIP);
      }
    },
    TEST_TIMEOUT,
  );
});
