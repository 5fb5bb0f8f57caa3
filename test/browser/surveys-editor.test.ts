import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { chromiumPath, signIn, useLive, openPage } from '../helpers/browser.js';

async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id}: ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(' | ')}`,
    );
}

/** The README's pictures of the editor (viewport only: a whole questionnaire is very long). */
async function picture(page: Page, name: string): Promise<void> {
  mkdirSync('client/screenshots', { recursive: true });
  await page.screenshot({ path: `client/screenshots/surveys-editor-${name}.png` });
}

/** Opens a copy of the THCS parents' questionnaire in the editor. */
async function copyThcs(page: Page): Promise<void> {
  await openPage(page, 'Bảng hỏi');
  const row = page.getByRole('row').filter({ has: page.locator('a[href$="?from=edu-thcs"]') });
  await row.getByRole('link', { name: /^Sao chép/ }).click();
  await page.getByLabel('Tên bảng hỏi (tiếng Việt)').waitFor();
}

describe.skipIf(!chromiumPath)('the questionnaire editor in Chromium', () => {
  const live = useLive();

  test('a manager copies the THCS form, adds a question, fixes an error, previews it on a phone and saves two versions', async () => {
    const ctx = await live.browser.newContext({ viewport: { width: 1200, height: 900 } });
    const page = await ctx.newPage();
    page.setDefaultTimeout(10_000);
    await signIn(page, live.server.url, 'tayho@demo.vn');
    await copyThcs(page);
    const title = page.getByLabel('Tên bảng hỏi (tiếng Việt)');
    await title.fill('Khảo sát cha mẹ học sinh THPT Tây Hồ');
    // The id follows the title until the author types one.
    expect(await page.getByLabel('Mã bảng hỏi').inputValue()).toBe(
      'khao-sat-cha-me-hoc-sinh-thpt-tay-ho',
    );

    const sections = page.locator('.edit-item.section');
    const last = sections.last();
    const before = await last.locator('.edit-item.question').count();
    await last.getByRole('button', { name: 'Thêm câu hỏi vào phần này' }).click();
    const added = last.locator('.edit-item.question').nth(before);
    await added
      .getByLabel('Nội dung câu hỏi (tiếng Việt)')
      .fill('Nhà trường trả lời thắc mắc kịp thời');
    expect(await added.getByLabel('Mã câu hỏi').inputValue()).toBe(
      'nha-truong-tra-loi-thac-mac-kip-thoi',
    );

    // A bad id: the message appears beside that field, in Vietnamese, as the author types.
    const id = added.getByLabel('Mã câu hỏi');
    await id.fill('Câu mới');
    const describedBy = await id.getAttribute('aria-describedby');
    const beside = page.locator(`[id="${describedBy}"]`);
    expect(await beside.textContent()).toContain('Mã chỉ gồm chữ thường không dấu');
    expect(await id.getAttribute('aria-invalid')).toBe('true');
    const summary = page.locator('#error-summary');
    const link = summary.getByRole('link');
    expect(await link.count()).toBe(1);
    expect(await link.textContent()).toMatch(/^Phần \d+ › Câu \d+ › Mã: Mã chỉ gồm/);
    expect(await summary.textContent()).not.toContain('sections.');
    await picture(page, 'desktop-error');
    await link.click();
    expect(await id.evaluate((el) => el === document.activeElement)).toBe(true);
    await id.fill('cau-moi');
    expect(await summary.count()).toBe(0);
    expect(await id.getAttribute('aria-invalid')).toBeNull();
    expect(await seriousViolations(page)).toEqual([]);

    // The preview is the respondent page, at phone width, answerable, storing nothing.
    await page.getByRole('button', { name: 'Xem trước' }).click();
    await page.getByRole('button', { name: 'Điện thoại (360 px)' }).click();
    const frameEl = page.locator('iframe.preview-frame');
    expect((await frameEl.boundingBox())?.width).toBe(360);
    const frame = page.frameLocator('iframe.preview-frame');
    await frame.getByRole('heading', { name: 'Khảo sát cha mẹ học sinh THPT Tây Hồ' }).waitFor();
    await frame.locator('fieldset.q').first().locator('label.o').first().click();
    expect(await frame.locator('fieldset.q').first().locator('input').first().isChecked()).toBe(
      true,
    );

    // No draft of the preview's answers is kept on the device (the page shares the origin).
    expect(
      await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('hl.d.'))),
    ).toEqual([]);
    await picture(page, 'preview-phone');

    // Saved: version 1; a wording changed and saved again: version 2.
    await page.getByRole('button', { name: 'Lưu bảng hỏi' }).click();
    await page.getByRole('heading', { name: /Phiên bản 1$/ }).waitFor();
    expect(await page.getByRole('status').first().textContent()).toContain('Đã lưu: phiên bản 1.');
    await page
      .getByLabel('Tên bảng hỏi (tiếng Việt)')
      .fill('Khảo sát cha mẹ học sinh THPT quận Tây Hồ');
    await page.getByRole('button', { name: 'Lưu phiên bản mới' }).click();
    await page.getByRole('heading', { name: /Phiên bản 2$/ }).waitFor();
    await page.getByRole('button', { name: 'Phiên bản', exact: true }).click();
    expect(await page.locator('.versions tbody tr').count()).toBe(2);
    await page.getByRole('button', { name: 'So sánh' }).click();
    await page.getByText('Đổi tên bảng hỏi').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await ctx.close();
  }, 120_000);

  test('at 360 px the editor reorders questions by keyboard and by drag, and says so', async () => {
    // A narrow window, not an emulated phone: dragging is a mouse's business.
    const ctx = await live.browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await ctx.newPage();
    page.setDefaultTimeout(10_000);
    await signIn(page, live.server.url, 'tayho@demo.vn');
    await copyThcs(page);
    const first = page.locator('.edit-item.section').nth(1);
    const texts = () =>
      first
        .locator('.edit-item.question')
        .evaluateAll((els) =>
          els.map((el) => (el.querySelector('input[id$="-text-vi"]') as HTMLInputElement).value),
        );
    const [a, b, c] = await texts();
    await first.locator('.edit-item.question').nth(1).getByRole('button', { name: /^Lên/ }).click();
    expect((await texts()).slice(0, 3)).toEqual([b, a, c]);
    await page.getByText(`Đã chuyển “${b}” tới vị trí 1`).waitFor();
    // The keyboard stays on the question that moved.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(
      'f-sections-1-questions-0-down',
    );
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
    expect(await seriousViolations(page)).toEqual([]);
    await picture(page, 'phone');

    // Dragged by the mouse on a wider window: the first question's handle onto the second.
    await page.setViewportSize({ width: 1200, height: 1600 });
    const handle = page.locator('#f-sections-1-questions-0-drag');
    await handle.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    const from = (await handle.boundingBox())!;
    const onto = (await first.locator('.edit-item.question').nth(1).boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(onto.x + 40, onto.y + 40, { steps: 8 });
    await page.mouse.up();
    expect((await texts()).slice(0, 3)).toEqual([a, b, c]);
    await page.getByText(`Đã chuyển “${b}” tới vị trí 2`).waitFor();
    await ctx.close();
  }, 120_000);
});
