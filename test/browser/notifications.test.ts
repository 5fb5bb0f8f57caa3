import AxeBuilder from '@axe-core/playwright';
import { describe, expect, test } from 'vitest';
import { chromiumPath, phonePage, screenshot, signIn, useLive } from '../helpers/browser.js';
import { liveApi } from '../helpers/live.js';

describe.skipIf(!chromiumPath)('Thông báo lỗi (failed notifications)', () => {
  const live = useLive();

  test('a manager on a phone sees a message that could not be sent and sends it again', async () => {
    const res = await liveApi(live.server.url, '/api/public/feedback', {
      body: {
        unitId: 'HN-TAYHO-TH-NHATTAN',
        category: 'co_so_vat_chat',
        title: 'Cổng trường hỏng khoá',
        content: 'Cổng phụ của trường hỏng khoá từ tuần trước.',
        contact: { name: 'Phụ huynh', email: 'phuhuynh@example.vn' },
        consent: true,
      },
    });
    expect(res.status).toBe(201);
    const { trackingCode } = (await res.json()) as { trackingCode: string };
    const db = live.server.handle.db;
    // As the sender leaves a message the mail server refused six times.
    await db
      .updateTable('outbox')
      .set({
        attempts: 6,
        next_attempt_at: null,
        attempted_at: new Date().toISOString(),
        last_error: 'Message failed: 550 5.1.1 Mailbox unavailable',
      })
      .where('recipient', '=', 'phuhuynh@example.vn')
      .execute();

    const page = await phonePage(live.browser);
    await signIn(page, live.server.url, 'tayho@demo.vn');
    await page.locator('header.topbar').waitFor();
    await page.goto(`${live.server.url}/app/notifications`);
    await page.getByRole('heading', { name: 'Thông báo lỗi' }).waitFor();
    const row = page.getByRole('listitem').filter({ hasText: trackingCode });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('phuhuynh@example.vn');
    await expect(row.textContent()).resolves.toContain(
      'Máy chủ thư từ chối thư (có thể địa chỉ không đúng).',
    );
    await expect(row.textContent()).resolves.toContain('Đã dừng sau 6 lần');
    expect(await page.getByText(/Chưa cấu hình kênh gửi: thư điện tử/).count()).toBe(1);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    const { violations } = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
      .analyze();
    expect(
      violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
    ).toEqual([]);
    await screenshot(page, 'phone-notifications');

    await row.getByRole('button', { name: `Gửi lại thông báo ${trackingCode}` }).click();
    await page.getByRole('status').filter({ hasText: 'gửi lại ngay' }).waitFor();
    await page.getByText('Không có thông báo lỗi.').waitFor();
    const stored = await db
      .selectFrom('outbox')
      .select(['attempts', 'next_attempt_at'])
      .where('recipient', '=', 'phuhuynh@example.vn')
      .executeTakeFirstOrThrow();
    expect(stored.attempts).toBe(0);
    expect(stored.next_attempt_at).not.toBeNull();
  });
});
