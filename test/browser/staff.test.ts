import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromiumPath, launchBrowser, screenshot, signIn, startServer, type LiveServer } from '../helpers/browser.js';

describe.skipIf(!chromiumPath)('staff dashboard in Chromium', () => {
  let browser: Browser;
  let server: LiveServer;
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startServer()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('a school manager signs in and sees only its own school in the unit tree', async () => {
    const page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
    await signIn(page, server.url, 'dongthai@demo.vn');
    await page.getByRole('link', { name: 'Đơn vị' }).click();
    const tree = page.getByRole('list', { name: 'Cây đơn vị' });
    await tree.getByText('Trường THCS Đông Thái').waitFor();
    expect(await tree.getByText('Trường Tiểu học Nhật Tân').count()).toBe(0);
    await screenshot(page, 'staff-units');
  });

  test('a wrong password shows the error in Vietnamese', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/app`);
    await page.getByLabel('Email').fill('admin@demo.vn');
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('Email hoặc mật khẩu không đúng.');
  });
});
