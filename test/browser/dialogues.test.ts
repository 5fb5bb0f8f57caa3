import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { chromiumPath, openPage, screenshot, signIn, useLive } from '../helpers/browser.js';

const TOPIC = 'Đối thoại về bữa ăn bán trú';
const QUESTION = 'Thực đơn bán trú của các trường có được công khai hằng tuần không?';
const ANSWER = 'Từ học kỳ này, mọi trường công khai thực đơn hằng tuần trên bảng tin và trang web.';
const NAME = 'Phạm Minh Châu';
const PHONE = '0911222333';

async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

/** 'YYYY-MM-DDTHH:mm' in Vietnam, `days` from now, as a datetime-local input takes it. */
function vnInput(days: number): string {
  return new Date(Date.now() + days * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 16);
}

describe.skipIf(!chromiumPath)('dialogues (đối thoại) in Chromium', () => {
  const live = useLive();

  test('a citizen’s question sent from a phone is answered and published, and the citizen reads it', async () => {
    // Staff of the Tây Hồ office schedule the dialogue in the dashboard.
    // On a phone too: the office's clerk works from one as often as from a desk.
    const staffCtx = await live.browser.newContext({
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
    });
    const staff = await staffCtx.newPage();
    await signIn(staff, live.server.url, 'tayho@demo.vn');
    await openPage(staff, 'Đối thoại');
    await staff.getByLabel('Thời gian (giờ Việt Nam)').fill(vnInput(7));
    await staff.getByLabel('Chủ đề').fill(TOPIC);
    await staff.getByLabel('Địa điểm').fill('Phòng họp tầng 2, Phòng GDĐT quận Tây Hồ');
    await staff.getByRole('button', { name: 'Lên lịch' }).click();
    await staff.getByRole('heading', { name: TOPIC }).waitFor();

    // A parent on a phone, JavaScript off, sends a question with a phone number to be invited.
    const ctx = await live.browser.newContext({
      viewport: { width: 360, height: 740 },
      isMobile: true,
      javaScriptEnabled: false,
      locale: 'vi-VN',
    });
    const phone = await ctx.newPage();
    await phone.goto(`${live.server.url}/dialogues/HN-TAYHO`);
    const card = phone.locator('article', { hasText: TOPIC });
    await card.getByLabel('Câu hỏi của bạn').fill(QUESTION);
    await card.getByLabel('Họ và tên').fill(NAME);
    await card.getByLabel('Số điện thoại').fill(PHONE);
    await card.getByLabel('Tôi đồng ý').check();
    await card.getByRole('button', { name: 'Gửi câu hỏi' }).click();
    await phone.getByRole('heading', { name: 'Đã nhận câu hỏi của bạn' }).waitFor();

    // The day of the dialogue comes: it has taken place.
    const db = live.server.handle.db;
    await db
      .updateTable('dialogues')
      .set({ held_at: new Date(Date.now() - 3_600_000).toISOString() })
      .where('topic', '=', TOPIC)
      .execute();

    // Staff read the question (and the contact), group it, answer and publish.
    await staff.reload();
    await staff.getByText(QUESTION).first().waitFor();
    await staff.getByText(`${NAME} · ${PHONE}`).waitFor();
    await staff.getByLabel('Tên nhóm').fill('Thực đơn bán trú');
    await staff.getByRole('checkbox', { name: QUESTION }).check();
    await staff.getByRole('button', { name: 'Tạo nhóm' }).click();
    await staff.getByLabel('Trả lời nhóm “Thực đơn bán trú”').fill(ANSWER);
    await staff.getByRole('button', { name: 'Lưu câu trả lời' }).click();
    await staff.getByText('Đã lưu câu trả lời.').waitFor();
    await staff.getByRole('button', { name: 'Công khai câu trả lời' }).click();
    await staff.getByText('Đã công khai.', { exact: false }).waitFor();
    expect(await seriousViolations(staff)).toEqual([]);
    expect(await staff.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
    await screenshot(staff, 'dialogues-dashboard-360');

    // The citizen reads the question and the answer on the unit's page, and nobody's name.
    await phone.goto(`${live.server.url}/dialogues/HN-TAYHO`);
    const past = phone.locator('article', { hasText: TOPIC });
    await past.getByText(QUESTION).waitFor();
    await past.getByText(ANSWER).waitFor();
    await past.getByRole('heading', { name: 'Thực đơn bán trú' }).waitFor();
    const text = await phone.locator('body').innerText();
    expect(text).not.toContain(NAME);
    expect(text).not.toContain(PHONE);
    const width = await phone.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    await screenshot(phone, 'dialogues-public-360');
    await ctx.close();
    await staffCtx.close();
  });

  test('the unit’s dialogue page passes axe on a phone, with its question form', async () => {
    const ctx = await live.browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await ctx.newPage();
    await page.goto(`${live.server.url}/dialogues/HN-TAYHO`);
    await page.getByRole('button', { name: 'Gửi câu hỏi' }).first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`${live.server.url}/dialogues/HN`);
    await page.getByText('Tuyển sinh vào lớp 10').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await ctx.close();
  });
});
