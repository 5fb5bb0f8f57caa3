import AxeBuilder from '@axe-core/playwright';
import { describe, expect, test } from 'vitest';
import { DEMO_CAMPAIGNS } from '../../cli/seed/campaigns.js';
import { chromiumPath, phonePage, screenshot, signIn, useLive } from '../helpers/browser.js';
import { liveApi } from '../helpers/live.js';

const DONGTHAI = 'HN-TAYHO-THCS-DONGTHAI';

describe.skipIf(!chromiumPath)('public results (công khai) on a phone', () => {
  const live = useLive();

  test('a parent reads the published results of their school with JavaScript off', async () => {
    const base = live.server.url;
    // The office publishes last school year's THCS results from the campaign's page.
    const staff = await phonePage(live.browser);
    await signIn(staff, base, 'tayho@demo.vn');
    await staff.locator('header.topbar').waitFor();
    await staff.goto(`${base}/app/campaigns/${DEMO_CAMPAIGNS.previous.THCS}`);
    await staff.getByText('Kết quả đợt này chưa được công khai.').waitFor();
    await staff.getByRole('button', { name: 'Công khai kết quả' }).click();
    await staff.getByRole('button', { name: 'Công khai', exact: true }).click();
    await staff.getByText(/^Kết quả đã được công khai từ \d\d\/\d\d\/\d{4} \d\d:\d\d\./).waitFor();
    await screenshot(staff, 'public-results-published-360');
    await staff.context().close();

    const api = await liveApi(base, `/api/public/results?unitId=${DONGTHAI}`);
    const [r] = (await api.json()) as { overall: { index: number; low: number; high: number } }[];

    const ctx = await live.browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 360, height: 740 },
      isMobile: true,
      locale: 'vi-VN',
    });
    const page = await ctx.newPage();
    await page.goto(`${base}/results/${DONGTHAI}`);
    await page.getByRole('heading', { level: 1, name: /Kết quả khảo sát sự hài lòng/ }).waitFor();
    const card = page.locator('section.card').first();
    await expect
      .poll(() => card.innerText())
      .toContain(`từ ${Math.round(r!.overall.low)}% đến ${Math.round(r!.overall.high)}%`);
    expect(await card.innerText()).toContain(
      'Khảo sát sự hài lòng của cha mẹ học sinh năm học 2025–2026',
    );
    expect(await card.getByRole('row').count()).toBeGreaterThan(3); // header + the factors
    expect(await page.locator('body').innerText()).not.toContain('±');
    await screenshot(page, 'public-results-nojs-360');
    await page.getByRole('link', { name: 'Bản công khai hằng tháng' }).click();
    await page.getByRole('heading', { level: 1, name: /Công khai kết quả tháng/ }).waitFor();
    await ctx.close();

    // axe needs JavaScript itself; the page has none of its own, so this is the same page.
    const phone = await phonePage(live.browser);
    for (const path of [`/results/${DONGTHAI}`, `/results/${DONGTHAI}/month/2026-06`]) {
      await phone.goto(base + path);
      const fits = await phone.evaluate(() => document.documentElement.scrollWidth <= 360);
      expect({ path, fits }).toEqual({ path, fits: true });
      const { violations } = await new AxeBuilder({ page: phone })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
        .analyze();
      const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect({ path, violations: serious.map((v) => v.id) }).toEqual({ path, violations: [] });
    }
    await phone.context().close();
  }, 60_000);
});
