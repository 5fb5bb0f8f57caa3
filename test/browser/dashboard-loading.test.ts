import { describe, expect, test } from 'vitest';
import type { Route } from 'playwright-core';
import { chromiumPath, phonePage, signIn, useLive } from '../helpers/browser.js';

/**
 * Issue 20: each dashboard page is a chunk fetched when it is opened. While it travels the page
 * says so (a status line in an aria-busy box); if it cannot be fetched, an alert says what to do.
 */
describe.skipIf(!chromiumPath)('the dashboard while a page is on its way', () => {
  const live = useLive();

  test('the overview says it is loading until its chunk arrives, then shows itself', async () => {
    const page = await phonePage(live.browser);
    // The overview's chunk is held until the loading state has been read.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route(/\/assets\/overview-[A-Z0-9]+\.js$/, async (route: Route) => {
      await held;
      await route.continue();
    });
    await signIn(page, live.server.url, 'tayho@demo.vn');
    const busy = page.locator('main.content [aria-busy="true"]');
    await busy.getByRole('status').waitFor();
    expect(await busy.getByRole('status').textContent()).toBe('Đang tải…');
    release();
    await page.getByRole('heading', { name: 'Tổng quan chỉ số hài lòng' }).waitFor();
    expect(await page.locator('[aria-busy="true"]').count()).toBe(0);
    await page.context().close();
  });

  test('a page whose chunk cannot be fetched says so and offers to load it again', async () => {
    const page = await phonePage(live.browser);
    let blocked = true;
    await page.route(/\/assets\/overview-[A-Z0-9]+\.js$/, (route: Route) =>
      blocked ? route.abort('internetdisconnected') : route.continue(),
    );
    await signIn(page, live.server.url, 'tayho@demo.vn');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Không tải được trang này');
    blocked = false;
    await alert.getByRole('button', { name: 'Tải lại' }).click();
    await page.getByRole('heading', { name: 'Tổng quan chỉ số hài lòng' }).waitFor();
    await page.context().close();
  });

  test('the sign-in form refuses a wrong password in Vietnamese, then signs in', async () => {
    const page = await phonePage(live.browser);
    await page.goto(`${live.server.url}/app`);
    await page.getByLabel('Email').fill('tayho@demo.vn');
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('Email hoặc mật khẩu không đúng.');
    await page.getByLabel('Mật khẩu').fill('demo-2024');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { name: 'Tổng quan chỉ số hài lòng' }).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.context().close();
  });
});
