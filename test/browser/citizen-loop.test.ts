import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { chromiumPath, screenshot, useLive } from '../helpers/browser.js';
import { fileOnForm, photo } from '../helpers/citizen-steps.js';
import { liveApi, liveLogin } from '../helpers/live.js';

async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

/** What a person would see wrong: an axe violation or a page wider than the screen. */
async function checkPage(page: Page, width: number) {
  expect(await seriousViolations(page)).toEqual([]);
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scroll).toBeLessThanOrEqual(width);
}

const SIZES = [
  { name: 'phone', viewport: { width: 360, height: 740 }, isMobile: true },
  { name: 'desktop', viewport: { width: 1280, height: 800 }, isMobile: false },
];

async function newPage(browser: Browser, size: (typeof SIZES)[number]) {
  const ctx = await browser.newContext({
    viewport: size.viewport,
    isMobile: size.isMobile,
    locale: 'vi-VN',
  });
  ctx.setDefaultTimeout(10_000);
  return ctx.newPage();
}

describe.skipIf(!chromiumPath)('the citizen’s loop in Chromium', () => {
  const live = useLive();

  test('with JavaScript, an anonymous complaint is stopped before it leaves and can go as feedback', async () => {
    const page = await newPage(live.browser, SIZES[0]!);
    await page.goto(`${live.server.url}/feedback`);
    await page.getByLabel('Đơn vị nhận phản ánh').selectOption('HN-TAYHO-THCS-DONGTHAI');
    await page.getByLabel('Khiếu nại').check();
    await page.getByLabel('Lĩnh vực').selectOption('thu_phi');
    await page.getByLabel('Tiêu đề').fill('Khoản thu chưa đúng quy định');
    await page.getByLabel('Nội dung').fill('Nhà trường thu thêm khoản chưa được họp phụ huynh.');
    await page.evaluate(() => ((window as unknown as { same: boolean }).same = true));
    await page.getByRole('button', { name: 'Gửi phản ánh' }).click();
    await page
      .locator('#identity-check')
      .getByText(/Khiếu nại, tố cáo cần họ tên/)
      .waitFor();
    // Said on this page, before anything was sent (no new page loaded).
    expect(await page.evaluate(() => (window as unknown as { same?: boolean }).same)).toBe(true);
    await checkPage(page, 360);
    await page.getByRole('button', { name: 'Gửi dưới dạng phản ánh (ẩn danh)' }).click();
    const code = (await page.locator('#tracking-code').textContent())!.trim();
    const row = await live.server.handle.db
      .selectFrom('feedback')
      .select('kind')
      .where('tracking_code', '=', code)
      .executeTakeFirstOrThrow();
    expect(row.kind).toBe('feedback');
    await page.context().close();
  });

  for (const size of SIZES) {
    test(`${size.name}: file with a photo, reply with a second through the link, read the answer, appeal`, async () => {
      const base = live.server.url;
      const page = await newPage(live.browser, size);
      const width = size.viewport.width;
      const { code } = await fileOnForm(page, base, {
        title: `Mái che sân trường bị thủng (${size.name})`,
        content: 'Mái che sân trường bị thủng, trời mưa học sinh bị ướt.',
        name: 'Nguyễn Thị Hoa',
        email: 'hoa@example.vn',
        consent: true,
        photoColor: '#c00000',
      });
      await page.getByText('Đã nhận 1 ảnh').waitFor();
      await checkPage(page, width);
      await screenshot(page, `citizen-receipt-${size.name}`);

      // Staff ask for more information (through the API, as the dashboard would).
      const cookie = await liveLogin(base, 'dongthai@demo.vn');
      const row = await live.server.handle.db
        .selectFrom('feedback')
        .select('id')
        .where('tracking_code', '=', code)
        .executeTakeFirstOrThrow();
      const moveTo = async (body: Record<string, unknown>) => {
        const res = await liveApi(base, `/api/feedback/${row.id}/transitions`, { cookie, body });
        expect(res.status).toBe(200);
      };
      await moveTo({ to: 'accepted' });
      await moveTo({ to: 'in_progress' });
      await moveTo({ to: 'waiting_citizen', note: 'Xin gửi thêm ảnh chụp gần chỗ thủng.' });

      await page.getByRole('link', { name: 'Mở trang theo dõi riêng của bạn' }).click();
      await page.getByText('Xin gửi thêm ảnh chụp gần chỗ thủng.').waitFor();
      await page.getByLabel('Nội dung bổ sung').fill('Ảnh chụp gần chỗ thủng, sáng nay.');
      await page.locator('#reply-photos').setInputFiles(await photo('#0050c0'));
      await checkPage(page, width);
      await page.getByRole('button', { name: 'Gửi bổ sung' }).click();
      await page.getByText('Đã gửi thông tin bổ sung').waitFor();
      expect(await page.getByRole('img', { name: /Ảnh/ }).count()).toBe(2);
      const loaded = await page
        .getByRole('img', { name: 'Ảnh bổ sung 1' })
        .evaluate((img) => (img as HTMLImageElement).naturalWidth);
      expect(loaded).toBe(64);

      await moveTo({ to: 'answered', answer: 'Nhà trường đã thay tấm lợp mái che.' });
      await page.reload();
      await page.getByText('Nhà trường đã thay tấm lợp mái che.').waitFor();
      await page.getByText(/sẽ được công khai/).waitFor();
      await checkPage(page, width);
      await screenshot(page, `citizen-answer-${size.name}`);

      await page.getByLabel('Lý do đề nghị xem xét lại').fill('Mái che vẫn dột khi mưa to.');
      await page.getByRole('button', { name: 'Đề nghị xem xét lại' }).click();
      await page.getByRole('heading', { name: 'Đã nhận đề nghị xem xét lại' }).waitFor();
      const appealCode = (await page.locator('#tracking-code').textContent())!.trim();
      expect(appealCode).not.toBe(code);
      await checkPage(page, width);

      // Nothing of the citizen's on the public page: no name, no reply, no photo.
      await page.goto(`${base}/feedback/status/${code}`);
      const pub = await page.content();
      expect(pub).not.toContain('Nguyễn Thị Hoa');
      expect(pub).not.toContain('Ảnh chụp gần chỗ thủng');
      expect(await page.getByRole('img').count()).toBe(0);
      await checkPage(page, width);
      await page.context().close();
    });
  }
});
