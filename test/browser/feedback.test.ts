import { describe, expect, test } from 'vitest';
import { chromiumPath, screenshot, signIn, useLive } from '../helpers/browser.js';

describe.skipIf(!chromiumPath)('feedback (PAKN) in Chromium', () => {
  const live = useLive();

  test('a parent files feedback on a phone with JavaScript off and reads the tracking code', async () => {
    const ctx = await live.browser.newContext({
      viewport: { width: 360, height: 740 },
      isMobile: true,
      javaScriptEnabled: false,
    });
    const page = await ctx.newPage();
    await page.goto(`${live.server.url}/feedback`);
    await page.getByLabel('Đơn vị nhận phản ánh').selectOption('HN-TAYHO-THCS-DONGTHAI');
    await page.getByLabel('Lĩnh vực').selectOption('thu_phi');
    await page.getByLabel('Tiêu đề').fill('Khoản thu quỹ lớp');
    await page.getByLabel('Nội dung').fill('Lớp 7A thu quỹ lớp mà chưa họp phụ huynh thống nhất.');
    await page.getByRole('button', { name: 'Gửi phản ánh' }).click();
    const code = await page.locator('#tracking-code').textContent();
    expect(code).toMatch(/^PA-[A-Z0-9]{8}$/);
    await screenshot(page, 'feedback-filed');
    await page.getByRole('link', { name: 'Xem trạng thái' }).click();
    await page.getByText('Đã tiếp nhận').first().waitFor();
    await ctx.close();
  });

  test('with JavaScript on, typing in the search box narrows the unit list', async () => {
    const page = await live.browser.newPage();
    await page.goto(`${live.server.url}/feedback`);
    await page.getByLabel('Tìm đơn vị').fill('nhat tan');
    const hidden = (id: string) =>
      page.locator(`option[value="${id}"]`).evaluate((o) => (o as HTMLOptionElement).hidden);
    expect(await hidden('HN-TAYHO-TH-NHATTAN')).toBe(false);
    expect(await hidden('HN-TAYHO-THCS-DONGTHAI')).toBe(true);
  });

  test('a school manager opens a new item from the inbox and accepts it', async () => {
    const page = await live.browser.newPage({ viewport: { width: 1024, height: 768 } });
    await signIn(page, live.server.url, 'dongthai@demo.vn');
    await page.getByRole('link', { name: 'Phản ánh' }).click();
    await page.getByRole('cell', { name: /Quạt trần lớp 8A kêu to/ }).waitFor();
    await screenshot(page, 'feedback-inbox');
    await page
      .getByRole('row', { name: /Quạt trần lớp 8A/ })
      .getByRole('link')
      .click();
    await page.getByText('Nguyễn Thị Hoa').waitFor(); // the school sees its citizen's contact
    await page.getByRole('button', { name: 'Thụ lý' }).first().click();
    await page.locator('form.card').getByRole('button', { name: 'Thụ lý' }).click();
    await page.locator('.card strong', { hasText: 'Đã thụ lý' }).waitFor();
    await screenshot(page, 'feedback-detail');
  });
});
