import { describe, expect, test } from 'vitest';
import { chromiumPath, openPage, screenshot, signIn, useLive } from '../helpers/browser.js';

describe.skipIf(!chromiumPath)('staff dashboard in Chromium', () => {
  const live = useLive();

  test('a school manager signs in and sees only its own school in the unit tree', async () => {
    const page = await live.browser.newPage({ viewport: { width: 1024, height: 768 } });
    await signIn(page, live.server.url, 'dongthai@demo.vn');
    await page.getByRole('link', { name: 'Đơn vị' }).click();
    const tree = page.getByRole('list', { name: 'Cây đơn vị' });
    await tree.getByText('Trường THCS Đông Thái').waitFor();
    expect(await tree.getByText('Trường Tiểu học Nhật Tân').count()).toBe(0);
    await screenshot(page, 'staff-units');
  });

  test('a wrong password shows the error in Vietnamese', async () => {
    const page = await live.browser.newPage();
    await page.goto(`${live.server.url}/app`);
    await page.getByLabel('Email').fill('admin@demo.vn');
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('Email hoặc mật khẩu không đúng.');
  });

  test('an office manager creates a link campaign for two schools and opens its QR code, poster and form', async () => {
    const page = await live.browser.newPage({ viewport: { width: 1200, height: 900 } });
    page.setDefaultTimeout(10_000);
    await signIn(page, live.server.url, 'tayho@demo.vn');
    await page.getByRole('link', { name: 'Đợt khảo sát', exact: true }).click();
    await page.getByRole('link', { name: 'Tạo đợt khảo sát' }).click();
    await page.getByLabel('Phiếu khảo sát').selectOption('edu-thcs');
    await page.getByLabel('Tên đợt').fill('Khảo sát THCS học kỳ II');
    // The THCS questionnaire picks the office's two THCS schools by default.
    const boxes = page.locator('.campaign-form fieldset').nth(1).getByRole('checkbox');
    await page.getByText('(2/7)').waitFor();
    expect(await boxes.count()).toBe(7);
    await page.getByRole('button', { name: 'Tạo đợt khảo sát' }).click();
    await page.getByRole('heading', { name: 'Khảo sát THCS học kỳ II' }).waitFor();
    const rows = page.locator('tbody tr');
    expect(await rows.count()).toBe(2);
    expect(await rows.allTextContents()).toEqual([
      expect.stringContaining('THCS'),
      expect.stringContaining('THCS'),
    ]);
    const qr = rows.first().getByRole('img');
    await qr.waitFor();
    expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(
      true,
    );
    await screenshot(page, 'staff-campaign');
    const formUrl = (await rows.first().locator('a[href*="/s/"]').getAttribute('href'))!;
    const form = await live.browser.newPage();
    await form.goto(formUrl);
    expect(await form.locator('h1').first().textContent()).toContain('hài lòng');
    const stored = await live.server.handle.db
      .selectFrom('campaigns')
      .select('name')
      .where('name', '=', 'Khảo sát THCS học kỳ II')
      .execute();
    expect(stored).toHaveLength(1);
  });

  test("the Department's admin adds a day off and a working day, and removes one after confirming", async () => {
    const page = await live.browser.newPage({ viewport: { width: 1200, height: 900 } });
    page.setDefaultTimeout(10_000);
    const db = live.server.handle.db;
    await signIn(page, live.server.url, 'admin@demo.vn');
    await page.getByRole('link', { name: 'Ngày nghỉ', exact: true }).click();
    await page.getByLabel('Ngày', { exact: true }).fill('2026-12-31');
    await page.getByLabel('Tên', { exact: true }).fill('Nghỉ bù cuối năm');
    await page.getByRole('button', { name: 'Thêm vào lịch' }).click();
    // Shown the Vietnamese way, with the weekday, never as 2026-12-31.
    await page.getByRole('cell', { name: 'Thứ Năm, 31/12/2026', exact: true }).waitFor();
    expect(
      (
        await db
          .selectFrom('holidays')
          .selectAll()
          .where('date', '=', '2026-12-31')
          .executeTakeFirst()
      )?.name,
    ).toBe('Nghỉ bù cuối năm');

    await page.getByLabel('Ngày', { exact: true }).fill('2026-12-26');
    await page.getByLabel('Loại', { exact: true }).selectOption('working');
    await page.getByLabel('Tên', { exact: true }).fill('Làm bù cho 31/12');
    await page.getByRole('button', { name: 'Thêm vào lịch' }).click();
    await page.getByRole('cell', { name: 'Thứ Bảy, 26/12/2026', exact: true }).waitFor();
    expect(
      await db
        .selectFrom('working_days')
        .selectAll()
        .where('date', '=', '2026-12-26')
        .executeTakeFirst(),
    ).toBeDefined();

    await page.getByRole('button', { name: 'Xoá Thứ Năm, 31/12/2026' }).click();
    // Nothing is removed before the confirmation.
    expect(
      await db
        .selectFrom('holidays')
        .selectAll()
        .where('date', '=', '2026-12-31')
        .executeTakeFirst(),
    ).toBeDefined();
    await page.getByRole('button', { name: 'Xác nhận xoá' }).click();
    await page.getByRole('cell', { name: 'Nghỉ bù cuối năm' }).waitFor({ state: 'detached' });
    expect(
      await db
        .selectFrom('holidays')
        .selectAll()
        .where('date', '=', '2026-12-31')
        .executeTakeFirst(),
    ).toBeUndefined();
  });

  test('the 2027 calendar says it is an estimate', async () => {
    const page = await live.browser.newPage({ viewport: { width: 360, height: 800 } });
    page.setDefaultTimeout(10_000);
    await signIn(page, live.server.url, 'dongthai@demo.vn');
    await openPage(page, 'Ngày nghỉ');
    await page.getByLabel('Năm', { exact: true }).selectOption('2027');
    await page.getByText('Lịch năm 2027 là dự kiến', { exact: false }).waitFor();
    await page.getByRole('cell', { name: 'Thứ Sáu, 16/4/2027', exact: true }).waitFor();
    await screenshot(page, 'staff-holidays-360');
  });

  test('a school manager sees the holidays but cannot edit them', async () => {
    const page = await live.browser.newPage({ viewport: { width: 1200, height: 900 } });
    page.setDefaultTimeout(10_000);
    await signIn(page, live.server.url, 'dongthai@demo.vn');
    await page.getByRole('link', { name: 'Ngày nghỉ', exact: true }).click();
    await page.getByRole('cell').first().waitFor();
    expect(await page.getByRole('button', { name: 'Thêm vào lịch' }).count()).toBe(0);
  });
});
