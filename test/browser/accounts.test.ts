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

/** The serious and critical axe violations of the page as it stands. */
async function violations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

/** Fills the Tạo tài khoản form and returns the one-time password the page shows. */
async function createAccount(page: Page, name: string, email: string, unit: string) {
  await page.getByLabel('Họ và tên').first().fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Vai trò').first().selectOption({ label: 'Cán bộ xử lý' });
  await page.locator('#acc-unit').selectOption({ label: unit });
  await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
  const shown = page.getByLabel('Mật khẩu dùng một lần');
  await shown.waitFor();
  return (await shown.textContent())!.trim();
}

describe.skipIf(!chromiumPath)('the accounts page', () => {
  const live = useLive();

  test('an admin creates an account on a desktop; its owner signs in and must choose a password', async () => {
    const desk = await live.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await desk.newPage();
    page.setDefaultTimeout(10_000);
    await signIn(page, live.server.url, 'admin@demo.vn');
    await openPage(page, 'Tài khoản');
    await page.getByRole('cell', { name: 'tayho@demo.vn' }).waitFor();
    const password = await createAccount(
      page,
      'Phạm Minh Châu',
      'chau@demo.vn',
      '\u00a0\u00a0\u00a0\u00a0Trường THCS Đông Thái',
    );
    expect(password).toMatch(/^[2-9A-Z]{12}$/);
    await page.getByText('Mật khẩu này chỉ hiện một lần').waitFor();
    await page.getByRole('button', { name: 'Sao chép mật khẩu' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: 'chau@demo.vn' });
    await row.getByText('Chờ đổi mật khẩu').waitFor();
    expect(await row.getByRole('cell', { name: 'Trường THCS Đông Thái' }).count()).toBe(1);
    expect(await violations(page)).toEqual([]);
    await screenshot(page, 'accounts-desktop');

    // The new user: signed in with the one-time password, sent to choose a password first.
    const ctx = await live.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const own = await ctx.newPage();
    own.setDefaultTimeout(10_000);
    await own.goto(`${live.server.url}/app`);
    await own.getByLabel('Email').fill('chau@demo.vn');
    await own.getByLabel('Mật khẩu').fill(password);
    await own.getByRole('button', { name: 'Đăng nhập' }).click();
    await own.getByText('Bạn đang dùng mật khẩu tạm').waitFor();
    // Another page of the menu still shows the same form.
    await openPage(own, 'Phản ánh');
    await own.getByRole('heading', { name: 'Đổi mật khẩu' }).waitFor();
    expect(await violations(own)).toEqual([]);
    await own.getByLabel('Mật khẩu hiện tại').fill(password);
    await own.getByLabel('Mật khẩu mới', { exact: true }).fill('ngan');
    await own.getByLabel('Nhập lại mật khẩu mới').fill('ngan');
    await own.getByRole('button', { name: 'Đổi mật khẩu' }).last().click();
    expect(await own.getByRole('alert').textContent()).toBe('Mật khẩu mới cần ít nhất 10 ký tự.');
    await own.getByLabel('Mật khẩu mới', { exact: true }).fill('hoa-sen-mua-ha-2026');
    await own.getByLabel('Nhập lại mật khẩu mới').fill('hoa-sen-mua-ha-2026');
    await own.getByRole('button', { name: 'Đổi mật khẩu' }).last().click();
    await own.getByRole('heading', { name: 'Phản ánh, kiến nghị', level: 1 }).waitFor();
    await ctx.close();
    const stored = await live.server.handle.db
      .selectFrom('users')
      .select('must_change_password')
      .where('email', '=', 'chau@demo.vn')
      .executeTakeFirstOrThrow();
    expect(stored.must_change_password).toBe(0);

    // The audit trail names who did it, in Vietnam time, never an ISO timestamp.
    await openPage(page, 'Nhật ký');
    const entry = page.getByRole('row').filter({ hasText: 'Tạo tài khoản Phạm Minh Châu' });
    await entry.waitFor();
    expect(await entry.textContent()).toMatch(/\d\d\/\d\d\/\d{4} \d\d:\d\d/);
    await page.getByRole('row').filter({ hasText: 'đổi mật khẩu của mình' }).waitFor();
    expect(await page.locator('main').textContent()).not.toMatch(/\d{4}-\d\d-\d\dT/);
    expect(await violations(page)).toEqual([]);
    await desk.close();
  }, 120_000);

  test('on a 360 px phone the accounts are cards, and disabling one asks first', async () => {
    const page = await phonePage(live.browser);
    await signIn(page, live.server.url, 'admin@demo.vn');
    await openPage(page, 'Tài khoản');
    const card = page.getByRole('row').filter({ hasText: 'dongthai@demo.vn' });
    await card.waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(360);
    // A card: its cells stacked, not side by side.
    const cells = card.getByRole('cell');
    const first = (await cells.nth(0).boundingBox())!;
    const second = (await cells.nth(1).boundingBox())!;
    expect(second.y).toBeGreaterThan(first.y);
    expect(await violations(page)).toEqual([]);
    mkdirSync('client/screenshots', { recursive: true });
    await page.screenshot({ path: 'client/screenshots/accounts-360.png', fullPage: true });

    await card.getByRole('button', { name: 'Khoá' }).click();
    await card.getByText('Người này bị đăng xuất ngay').waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(360);
    await card.getByRole('button', { name: 'Đồng ý' }).click();
    await page
      .getByRole('row')
      .filter({ hasText: 'dongthai@demo.vn' })
      .getByText('Đã khoá')
      .waitFor();
    const stored = await live.server.handle.db
      .selectFrom('users')
      .select('disabled')
      .where('email', '=', 'dongthai@demo.vn')
      .executeTakeFirstOrThrow();
    expect(stored.disabled).toBe(1);
    await screenshot(page, 'accounts-phone-disabled');
    await page.context().close();
  }, 120_000);

  test('a manager has neither Tài khoản nor Nhật ký in its menu, but can change its password', async () => {
    const page = await phonePage(live.browser);
    await signIn(page, live.server.url, 'tayho@demo.vn');
    const nav = page.getByRole('navigation', { name: 'Điều hướng' });
    // On a phone the pages and the account menu fold behind the Menu button.
    await page.locator('header.topbar').waitFor();
    await page.getByRole('button', { name: 'Menu' }).click();
    await nav.getByRole('link', { name: 'Tổng quan' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Tài khoản' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'Nhật ký' }).count()).toBe(0);
    await page.locator('.account-menu summary').click();
    await page.getByText('tayho@demo.vn').waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(360);
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await page.getByLabel('Mật khẩu hiện tại').waitFor();
    await screenshot(page, 'password-phone');
    expect(await pageWidth(page)).toBeLessThanOrEqual(360);
    expect(await violations(page)).toEqual([]);
    await page.context().close();
  }, 60_000);
});
