import { join } from 'path';
import { OUT, pageInChromium, TEST_TIMEOUT } from './harness';

const RETURNS = join(__dirname, '../fixtures/collect');
const FILES = [
  '01-区发改局-已排序.xlsx',
  '03-区水利局-加了一行.xlsx',
  '04-区农业农村局.xlsx',
  '05-区农业农村局-更正.xlsx',
  '21-空文件.xlsx',
].map((f) => join(RETURNS, f));

const openPage = pageInChromium();

describe('汇总 in file mode in Chromium', () => {
  it(
    'collects returns picked in the page into the built-in sample, lists the conflicts, applies and undoes',
    async () => {
      const { page, errors } = await openPage('index.html');
      await page.getByRole('grid').waitFor();
      await page.getByRole('tab', { name: '汇总' }).click();
      await page.getByTestId('collect-files').setInputFiles(FILES);
      await page.getByText('5 个文件:将写入 11 个单元格,冲突 3 处').waitFor();
      await page.getByText(/“21-空文件.xlsx”无法读取/).waitFor();
      await page.getByText(/填得不一样/).waitFor();
      await page.screenshot({ path: join(OUT, 'collect-preview.png') });

      await page.getByRole('button', { name: '应用' }).click();
      await page.getByText(/已写入,并加上“汇总记录\d{4}-\d{2}-\d{2}”工作表/).waitFor();
      // The grid shows the collected value.
      await page.locator('[data-cell="I20"]', { hasText: '完成主体工程' }).waitFor();
      await page.screenshot({ path: join(OUT, 'collect-applied.png') });

      await page.getByRole('button', { name: '撤销汇总' }).click();
      await page.getByText('已恢复 11 个单元格的原值。').waitFor();
      await page.locator('[data-cell="I20"]', { hasText: '前期手续办理中' }).waitFor();
      expect(errors).toEqual([]);
      await page.context().close();
    },
    TEST_TIMEOUT,
  );
});
