import { join } from 'path';
import { OUT, pageInChromium, TEST_TIMEOUT } from './harness';

const openPage = pageInChromium();

describe('自检 in the page in Chromium', () => {
  it(
    'runs every scenario on a generated workbook, shows pass or fail for each, and copies the report',
    async () => {
      const { page, errors } = await openPage('index.html', {
        context: { permissions: ['clipboard-read', 'clipboard-write'] },
      });
      await page.getByRole('grid').waitFor();
      await page.getByRole('button', { name: '更多' }).click();
      await page.getByRole('menuitem', { name: '自检' }).click();
      const list = page.getByRole('list', { name: '自检结果' });
      await list.waitFor({ timeout: 120_000 });
      const items = list.getByRole('listitem');
      expect(await items.count()).toBe(11);
      expect(await list.getByLabel('通过').count()).toBe(11);
      await expect(list.locator('[data-scenario=read]').getByLabel('通过').count()).resolves.toBe(
        1,
      );
      await expect(
        list.locator('[data-scenario=addressChunks]').getByLabel('通过').count(),
      ).resolves.toBe(1);
      await page.screenshot({ path: join(OUT, 'selfTest-page.png') });
      await page.getByRole('button', { name: '复制报告' }).click();
      await page.getByText('报告已复制').waitFor();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toContain('Tricolor 自检');
      expect(copied).toContain('通过 读取');
      // The user's open file is not touched: its sheets are still the ones shown, no scratch sheet.
      await page.getByRole('button', { name: '关闭' }).click();
      await page.getByRole('grid', { name: '工作表“重点项目”' }).waitFor();
      expect(await page.getByText('_tricolor自检').count()).toBe(0);
      expect(errors).toEqual([]);
      await page.context().close();
    },
    TEST_TIMEOUT,
  );
});
