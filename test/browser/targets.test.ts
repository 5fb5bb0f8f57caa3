import { describe, expect, test } from 'vitest';
import { chromiumPath, screenshot, signIn, useLive } from '../helpers/browser.js';

describe.skipIf(!chromiumPath)('targets and reports pages in Chromium', () => {
  const live = useLive();

  test('an office manager opens the on-time card and follows a failing item to the feedback page', async () => {
    const page = await live.browser.newPage({ viewport: { width: 1200, height: 900 } });
    page.setDefaultTimeout(10_000);
    await signIn(page, live.server.url, 'tayho@demo.vn');
    await page.getByRole('link', { name: 'Chỉ tiêu', exact: true }).click();
    const card = page.getByRole('article', {
      name: 'Phản ánh, kiến nghị được giải quyết đúng hạn',
    });
    await card.waitFor();
    // The demo feedback is dated relative to today: look at the past year, whatever the quarter.
    const day = (offset: number) =>
      new Date(Date.now() + 7 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);
    const loaded = page.waitForResponse((r) =>
      r.url().includes(`/api/targets?from=${day(-365)}&to=${day(0)}`),
    );
    await page.getByLabel('Từ ngày').fill(day(-365));
    await page.getByLabel('Đến ngày').fill(day(0));
    await loaded;
    expect(await page.getByRole('article').count()).toBe(8);
    // The demo data has late and overdue feedback this quarter: the card must say so and name them.
    expect(await card.getByText('Không đạt', { exact: true }).count()).toBe(1);
    await card.locator('summary').click();
    const first = card
      .getByRole('list', { name: 'Trường hợp không đạt' })
      .getByRole('link')
      .first();
    const href = await first.getAttribute('href');
    expect(href).toMatch(/^\/app\/feedback\/[0-9a-f-]{36}$/);
    await screenshot(page, 'staff-targets');
    await first.click();
    await page.waitForURL(`${live.server.url}${href}`);
  });

  test('the reports page names the next report due and offers the downloads', async () => {
    const page = await live.browser.newPage({ viewport: { width: 1200, height: 900 } });
    await signIn(page, live.server.url, 'tayho@demo.vn');
    await page.getByRole('link', { name: 'Báo cáo', exact: true }).click();
    const next = page.getByRole('status');
    await next.getByText(/hạn nộp \d\d\/\d\d\/\d{4}/).waitFor();
    const xlsx = await next.getByRole('link', { name: 'Tải Excel (XLSX)' }).getAttribute('href');
    const res = await page.request.get(`${live.server.url}${xlsx}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('spreadsheetml');
    await screenshot(page, 'staff-reports');
  });
});
