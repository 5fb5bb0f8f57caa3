import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import {
  chromiumPath,
  phonePage,
  screenshot,
  signIn,
  useLive,
  openPage,
} from '../helpers/browser.js';
import { findAndOpen as findItem, staffMove } from '../helpers/citizen-steps.js';
import { liveApi } from '../helpers/live.js';

/** The serious and critical axe violations, by rule. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

const TITLE = 'Giáo viên chủ nhiệm lớp 8B thu tiền ngoài quy định';

/** Files an item at Đông Thái as a citizen would; returns its tracking code. */
async function prepare(base: string): Promise<string> {
  const res = await liveApi(base, '/api/public/feedback', {
    body: {
      unitId: 'HN-TAYHO-THCS-DONGTHAI',
      category: 'thu_phi',
      title: TITLE,
      content: 'Đầu tháng cô chủ nhiệm yêu cầu mỗi học sinh đóng thêm 200.000 đồng quỹ lớp.',
    },
  });
  expect(res.status).toBe(201);
  const { trackingCode } = (await res.json()) as { trackingCode: string };
  return trackingCode;
}

/** Searches the inbox for words typed without diacritics and opens the one item found. */
async function findAndOpen(page: Page, trackingCode: string) {
  await findItem(page, 'giao vien chu nhiem lop 8b', trackingCode, TITLE);
}

describe.skipIf(!chromiumPath)('the staff inbox in Chromium', () => {
  const live = useLive();

  test('a manager finds an item without diacritics, takes it, filters "mine" and answers from a template', async () => {
    const base = live.server.url;
    const trackingCode = await prepare(base);
    const ctx = await live.browser.newContext({ viewport: { width: 1200, height: 900 } });
    const page = await ctx.newPage();
    page.setDefaultTimeout(10_000);
    await signIn(page, base, 'dongthai@demo.vn');
    // The school writes its reply template first.
    await openPage(page, 'Phản ánh');
    await page.getByRole('link', { name: 'Mẫu trả lời' }).click();
    await page.getByLabel('Tên mẫu').fill('Đã xác minh khoản thu');
    await page
      .getByLabel('Nội dung mẫu')
      .fill('Nhà trường đã nhận phản ánh {ma} ngày {ngay_nhan} và đã xác minh khoản thu.');
    await page.getByRole('button', { name: 'Thêm mẫu' }).click();
    await page.getByRole('heading', { name: 'Đã xác minh khoản thu' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await findAndOpen(page, trackingCode);

    await page.getByRole('button', { name: 'Nhận xử lý' }).click();
    const assign = page.locator('.card.assign');
    await assign.getByText('THCS Đông Thái', { exact: true }).waitFor();
    await page.getByRole('cell', { name: 'Giao cho THCS Đông Thái' }).waitFor(); // in the timeline

    await page.getByRole('link', { name: '← Hộp phản ánh' }).click();
    await page.getByLabel('Người xử lý').selectOption('me');
    await page.getByText('1 mục', { exact: true }).waitFor();
    const rows = page.locator('table.inbox tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain(trackingCode);
    expect(await seriousViolations(page)).toEqual([]);

    await rows.first().getByRole('link', { name: trackingCode }).click();
    for (const verb of ['Thụ lý', 'Xử lý']) await staffMove(page, verb);
    await page.getByRole('button', { name: 'Trả lời', exact: true }).first().click();
    await page
      .getByLabel('Mẫu trả lời')
      .selectOption({ label: 'Đã xác minh khoản thu (Trường THCS Đông Thái)' });
    await page.getByRole('button', { name: 'Dùng mẫu' }).click();
    const answer = page.getByLabel('Nội dung trả lời (sẽ được công khai)');
    const text = await answer.inputValue();
    expect(text).toMatch(
      new RegExp(`^Nhà trường đã nhận phản ánh ${trackingCode} ngày \\d{2}/\\d{2}/\\d{4} và`),
    );
    expect(text).not.toContain('{');
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('form.card').getByRole('button', { name: 'Trả lời', exact: true }).click();
    await page.getByRole('heading', { name: 'Trả lời', exact: true }).waitFor();
    expect(await page.locator('p', { hasText: 'đã xác minh khoản thu' }).count()).toBe(1);
    // Every timeline time reads "dd/mm/yyyy hh:mm".
    const times = await page.locator('table.timeline td.date').allTextContents();
    expect(times.length).toBeGreaterThanOrEqual(5);
    for (const at of times) expect(at).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    await screenshot(page, 'inbox-desktop');
    await ctx.close();
  }, 60_000);

  test('on a 360 px phone the inbox is cards, the filters fold away, and the detail fits', async () => {
    const base = live.server.url;
    const page = await phonePage(live.browser);
    await signIn(page, base, 'tayho@demo.vn');
    await openPage(page, 'Phản ánh');
    await page.locator('table.inbox tbody tr').first().waitFor();
    const filters = page.locator('details.filters');
    expect(await filters.getAttribute('open')).toBeNull(); // folded on a phone
    expect(await page.getByLabel('Người xử lý').isVisible()).toBe(false);
    const row = page.locator('table.inbox tbody tr').first();
    expect(await row.evaluate((el) => getComputedStyle(el).display)).toBe('flex'); // a card
    const width = () => page.evaluate(() => document.documentElement.scrollWidth);
    expect(await width()).toBeLessThanOrEqual(360);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'inbox-360');
    // The README's picture: what a phone shows first (the search, the folded filters, the cards).
    mkdirSync('client/screenshots', { recursive: true });
    await page.screenshot({ path: 'client/screenshots/inbox-360.png' });
    await page.getByText('Bộ lọc và sắp xếp').click();
    await page.getByLabel('Người xử lý').waitFor();
    expect(await width()).toBeLessThanOrEqual(360);

    await row.locator('a.tracking-code').click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.locator('table.timeline').waitFor();
    expect(await width()).toBeLessThanOrEqual(360);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  }, 60_000);
});
