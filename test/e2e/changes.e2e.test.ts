import { join } from 'path';
import { OUT, pageInChromium, paintAsOf, TEST_TIMEOUT } from './harness';

/**
 * The 变化 view in file mode: the sample painted at 30 June and again at 15 October, in the same
 * file; the view lists what changed since June, and a row selects its cell in the grid.
 */
const openPage = pageInChromium();

describe('the 变化 view in Chromium', () => {
  it(
    'lists the rows that changed since the previous 标注, and a row selects its cell',
    async () => {
      const { page, errors } = await openPage('index.html');
      await page.getByRole('grid').waitFor();
      await page.getByRole('tab', { name: '变化' }).click();
      await page.getByText('标注后,这里列出与上期相比状态有变化的事项。').waitFor();

      await paintAsOf(page, '2023-06-30');
      await page.getByRole('tab', { name: '变化' }).click();
      await page.getByText('这是第一次标注', { exact: false }).waitFor();

      await paintAsOf(page, '2023-10-15');
      await page.getByRole('tab', { name: '变化' }).click();
      await page.getByText('与上期(2023-06-30)相比,截至2023-10-15:').waitFor();
      const list = page.getByRole('list', { name: '变化' });
      const items = list.getByRole('button');
      // The sample at these dates: 3 turned red, 7 newly behind (as the command line finds).
      expect(await list.getByText('由黄转红').count()).toBe(3);
      expect(await list.getByText('新增滞后').count()).toBe(7);
      const first = items.first();
      const cell = ((await first.getAttribute('title')) ?? '').replace(/^转到 /, '');
      expect(cell).toMatch(/^B\d+$/);
      await first.click();
      await page.locator(`[data-cell="${cell}"][aria-selected="true"]`).waitFor();
      await page.screenshot({ path: join(OUT, 'fileMode-changes.png') });
      expect(errors).toEqual([]);
      await page.context().close();
    },
    TEST_TIMEOUT,
  );
});
