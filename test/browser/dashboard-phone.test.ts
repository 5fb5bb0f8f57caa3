import AxeBuilder from '@axe-core/playwright';
import { describe, expect, test } from 'vitest';
import {
  chromiumPath,
  openPage,
  phonePage,
  screenshot,
  signIn,
  useLive,
} from '../helpers/browser.js';

/** How wide the page is (its sideways scroll) and how tall the header, as the phone shows them. */
async function measure(page: import('playwright-core').Page) {
  return page.evaluate(() => ({
    width: document.documentElement.scrollWidth,
    header: Math.round(document.querySelector('header.topbar')!.getBoundingClientRect().height),
  }));
}

/** The serious and critical axe violations, by rule: a scroll box must be focusable and named. */
async function seriousViolations(page: import('playwright-core').Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

describe.skipIf(!chromiumPath)('the staff dashboard on a 360 px phone', () => {
  const live = useLive();

  test('no page scrolls sideways and the header stays short', async () => {
    const page = await phonePage(live.browser);
    await signIn(page, live.server.url, 'admin@demo.vn');
    const menu = page.getByRole('button', { name: 'Menu' });
    await menu.waitFor();
    const nav = page.getByRole('navigation', { name: 'Điều hướng' });
    // The page list is behind the Menu button: the header is one short row.
    expect(await nav.isVisible()).toBe(false);
    await menu.click();
    const names = await nav.getByRole('link').allTextContents();
    expect(names.length).toBeGreaterThanOrEqual(11);
    await menu.click();
    const seen: { page: string; width: number; header: number }[] = [];
    for (const name of names) {
      await openPage(page, name);
      await page.waitForLoadState('networkidle');
      await page.locator('main.content h1').first().waitFor();
      // Choosing a page closes the menu; opened again, it marks that page as the current one.
      expect(await nav.isVisible()).toBe(false);
      seen.push({ page: name, ...(await measure(page)) });
      await menu.click();
      const link = nav.getByRole('link', { name, exact: true });
      expect(await link.getAttribute('aria-current')).toBe('page');
      const box = (await link.boundingBox())!;
      expect(box.x >= 0 && box.x + box.width <= 360).toBe(true);
      expect((await measure(page)).width).toBeLessThanOrEqual(360);
      await menu.click();
      expect({ page: name, violations: await seriousViolations(page) }).toEqual({
        page: name,
        violations: [],
      });
      await screenshot(page, `phone-dashboard-${name}`);
    }
    // One feedback item's own page too, opened from the inbox (shown as cards).
    await openPage(page, 'Phản ánh');
    await page.locator('a.tracking-code').first().click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    seen.push({ page: 'feedback detail', ...(await measure(page)) });
    for (const s of seen)
      expect({ page: s.page, wide: s.width > 360 }).toEqual({ page: s.page, wide: false });
    for (const s of seen)
      expect({ page: s.page, tall: s.header > 60 }).toEqual({ page: s.page, tall: false });
    await page.context().close();
  }, 120_000);

  test('the calendar fits with a removal awaiting confirmation', async () => {
    const page = await phonePage(live.browser);
    await signIn(page, live.server.url, 'admin@demo.vn');
    await openPage(page, 'Ngày nghỉ');
    await page.getByRole('button', { name: 'Xoá Thứ Năm, 1/1/2026' }).click();
    const confirm = page.getByRole('button', { name: 'Xác nhận xoá' });
    await confirm.waitFor();
    expect((await measure(page)).width).toBeLessThanOrEqual(360);
    const box = (await confirm.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(360);
    await page.context().close();
  });
});
