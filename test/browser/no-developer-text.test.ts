import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { chromiumPath, phonePage, signIn, useLive, openPage } from '../helpers/browser.js';
import { developerLines } from '../helpers/developer-text.js';

/**
 * Pages whose text another change owns while this one is made, and what they still show: remove
 * an entry once that change is merged (the walk then guards the page too).
 */
const OWNED_ELSEWHERE: Record<string, string> = {};

async function desktopPage(page: { browser: import('playwright-core').Browser }): Promise<Page> {
  const ctx = await page.browser.newContext({ viewport: { width: 1280, height: 900 } });
  ctx.setDefaultTimeout(10_000);
  return ctx.newPage();
}

/** The unit picker of the targets page. */
const unitPicker = (page: Page) => page.getByRole('combobox', { name: 'Đơn vị', exact: true });

/** Every page of the menu, its folded parts opened, as the person sees it: lines of developer text. */
async function walkMenu(page: Page): Promise<string[]> {
  const nav = page.getByRole('navigation', { name: 'Điều hướng' });
  await page.locator('header.topbar').waitFor();
  // On a phone the links sit behind the Menu button: open it to read them, then close it.
  const menu = page.getByRole('button', { name: 'Menu' });
  const folded = await menu.isVisible();
  if (folded) await menu.click();
  const names = await nav.getByRole('link').allTextContents();
  if (folded) await page.keyboard.press('Escape');
  expect(names.length).toBeGreaterThanOrEqual(11);
  const found: string[] = [];
  for (const name of names) {
    if (name in OWNED_ELSEWHERE) continue;
    await openPage(page, name);
    await page.waitForLoadState('networkidle');
    await page.locator('main.content h1').first().waitFor();
    await page.evaluate(() =>
      document.querySelectorAll<HTMLDetailsElement>('main details').forEach((d) => (d.open = true)),
    );
    const text = await page.locator('main.content').innerText();
    found.push(...developerLines(text).map((l) => `${name}: ${l}`));
  }
  return found;
}

async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

describe.skipIf(!chromiumPath)(
  'no developer text on the dashboard, and the target settings',
  () => {
    const live = useLive();

    test('every page of the menu, on a desktop and on a 360 px phone, shows no developer text', async () => {
      const desktop = await desktopPage(live);
      await signIn(desktop, live.server.url, 'admin@demo.vn');
      expect(await walkMenu(desktop)).toEqual([]);
      const phone = await phonePage(live.browser);
      await signIn(phone, live.server.url, 'tayho@demo.vn');
      expect(await walkMenu(phone)).toEqual([]);
    });

    test('an admin sets a target for an office, sees where it comes from, and resets it (360 px)', async () => {
      const page = await phonePage(live.browser);
      await signIn(page, live.server.url, 'admin@demo.vn');
      await openPage(page, 'Chỉ tiêu');
      await unitPicker(page).selectOption('HN-TAYHO');
      const settings = page.getByRole('region', { name: 'Cài đặt chỉ tiêu' });
      const row = settings.getByRole('listitem').filter({
        hasText: 'Phản ánh, kiến nghị được giải quyết đúng hạn',
      });
      await row.getByText(/^Mặc định: Kế hoạch/).waitFor();
      // Vietnamese labels, never the internal id.
      expect(await settings.innerText()).not.toMatch(/pakn_|_on_time|satisfaction_index/);

      await row.getByLabel('Phản ánh, kiến nghị được giải quyết đúng hạn').fill('95');
      await row.getByRole('button', { name: 'Lưu' }).click();
      await row.getByText(/^Đặt tại đơn vị này từ ngày \d\d\/\d\d\/\d{4}$/).waitFor();
      // The card judges with the value just set, and says where it comes from.
      const card = page.getByRole('article', {
        name: 'Phản ánh, kiến nghị được giải quyết đúng hạn',
      });
      await card.getByText(/chỉ tiêu 95/).waitFor();
      await card.getByText(/Căn cứ: Đặt tại Phòng GDĐT quận Tây Hồ/).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        360,
      );
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: 'client/screenshots/targets-360.png', fullPage: true });

      // A school of the office inherits it, named as such.
      await unitPicker(page).selectOption('HN-TAYHO-THCS-DONGTHAI');
      await settings
        .getByRole('listitem')
        .filter({ hasText: 'Phản ánh, kiến nghị được giải quyết đúng hạn' })
        .getByText(/^Kế thừa: đặt tại Phòng GDĐT quận Tây Hồ/)
        .waitFor();

      await unitPicker(page).selectOption('HN-TAYHO');
      await row.getByRole('button', { name: /^Bỏ mức đặt từ/ }).click();
      await row.getByText(/^Mặc định: Kế hoạch/).waitFor();
      await card.getByText(/chỉ tiêu 100/).waitFor();
    });

    test('a value out of range is explained in Vietnamese, and a manager sees no settings', async () => {
      const page = await desktopPage(live);
      await signIn(page, live.server.url, 'admin@demo.vn');
      await openPage(page, 'Chỉ tiêu');
      const settings = page.getByRole('region', { name: 'Cài đặt chỉ tiêu' });
      const row = settings.getByRole('listitem').filter({ hasText: 'Đơn vị khảo sát đạt cỡ mẫu' });
      await row.getByLabel('Đơn vị khảo sát đạt cỡ mẫu').fill('120');
      await row.getByRole('button', { name: 'Lưu' }).click();
      await row.getByRole('alert').getByText('Nhập một số từ 0 đến 100.').waitFor();
      expect(await seriousViolations(page)).toEqual([]);

      const manager = await desktopPage(live);
      await signIn(manager, live.server.url, 'tayho@demo.vn');
      await openPage(manager, 'Chỉ tiêu');
      await manager.getByRole('article').first().waitFor();
      expect(await manager.getByRole('region', { name: 'Cài đặt chỉ tiêu' }).count()).toBe(0);
    });
  },
);
