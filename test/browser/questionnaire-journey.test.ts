import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { chromiumPath, phonePage, signIn, useLive, openPage } from '../helpers/browser.js';
import { liveApi } from '../helpers/live.js';

/**
 * Issue 16's "Done means", as one journey: the Department's admin copies the THPT form, adds a
 * likert grid and a number question, previews it on a phone, opens a campaign with it, parents
 * answer it with and without JavaScript, the dashboard shows its indices, and a later wording
 * change makes version 2 while the running campaign keeps version 1.
 */

const TITLE = 'Khảo sát cha mẹ học sinh THPT năm học 2026–2027';
const FACTOR = 'An toàn trường học';
const GRID = 'Về an toàn của nhà trường, Ông/Bà đánh giá thế nào?';
const ROWS = ['Cổng trường an toàn giờ tan học.', 'Nhà trường có phương án phòng cháy.'];
const NUMBER = 'Số buổi họp phụ huynh năm học này';
const CAMPAIGN = 'Khảo sát THPT Tây Hồ học kỳ I';
const SCHOOL = 'Trường THPT Tây Hồ';
const OLD_WORDING = 'Nhìn chung, Ông/Bà hài lòng với dịch vụ giáo dục';
const NEW_WORDING = 'Nói chung, Ông/Bà hài lòng với nhà trường không?';

async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

/** The README's pictures (viewport only: a whole questionnaire is very long). */
async function picture(page: Page, name: string): Promise<void> {
  mkdirSync('client/screenshots', { recursive: true });
  await page.screenshot({ path: `client/screenshots/questionnaire-${name}.png` });
}

/**
 * Walks the respondent page (a page or the preview's frame) part by part: every likert statement
 * "4 · Hài lòng", the number question 3, then "Tiếp tục" until "Gửi phiếu" shows. Returns the
 * part headings it passed, so a caller can say where the new questions appeared.
 */
async function answerAll(root: Page | FrameLocator): Promise<string[]> {
  const seen: string[] = [];
  for (let part = 0; part < 20; part++) {
    const heading = root.locator('section h2').first();
    await heading.waitFor();
    const h = (await heading.textContent()) ?? '';
    seen.push(h);
    const radios = root.locator('input[type="radio"][value="4"]');
    const n = await radios.count();
    for (let i = 0; i < n; i++) await radios.nth(i).check();
    const number = root.getByRole('spinbutton', { name: NUMBER });
    if (await number.count()) await number.fill('3');
    const submit = root.getByRole('button', { name: 'Gửi phiếu' });
    if (await submit.isVisible()) return seen;
    await root.getByRole('button', { name: 'Tiếp tục' }).click();
    await root.locator('section h2', { hasNotText: h }).first().waitFor();
  }
  throw new Error('the questionnaire never reached its last part');
}

/** The editor's Vietnamese question-text field whose value starts with `text` (its id). */
async function questionField(page: Page, text: string): Promise<Locator> {
  const fields = page.locator('input[id$="-text-vi"]');
  const id = await fields.evaluateAll(
    (els, t) =>
      els.find(
        (el) =>
          /^f-sections-\d+-questions-\d+-text-vi$/.test(el.id) &&
          (el as HTMLInputElement).value.startsWith(t),
      )?.id,
    text,
  );
  if (!id) throw new Error(`no question reads “${text}”`);
  return page.locator(`[id="${id}"]`);
}

describe.skipIf(!chromiumPath)(
  'issue 16: a questionnaire from copy to results, in Chromium',
  () => {
    const live = useLive();

    test('the Department copies the THPT form, adds a grid and a number, opens a campaign; parents answer; version 2 leaves the campaign on version 1', async () => {
      const { server, browser } = live;
      const count = async () =>
        Number(
          (
            await server.handle.db
              .selectFrom('responses')
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      ctx.setDefaultTimeout(10_000);
      const page = await ctx.newPage();
      await signIn(page, server.url, 'admin@demo.vn');

      // 1. Bảng hỏi → copy of the THPT form, renamed.
      await openPage(page, 'Bảng hỏi');
      const thpt = page.getByRole('row').filter({ has: page.locator('a[href$="?from=edu-thpt"]') });
      await thpt.getByRole('link', { name: /^Sao chép/ }).click();
      const title = page.getByLabel('Tên bảng hỏi (tiếng Việt)');
      await title.waitFor();
      expect(await title.inputValue()).toMatch(/\(bản sao\)$/);
      await title.fill(TITLE);

      // 2. A factor of its own, then in the last part a likert grid of two rows in that factor and
      // a number question from 0 to 20.
      await page.getByRole('button', { name: 'Thêm nhóm tiêu chí' }).click();
      const factor = page.locator('section[aria-labelledby="factors-h"] .edit-item').last();
      await factor.getByLabel('Tên nhóm (tiếng Việt)').fill(FACTOR);

      const last = page.locator('.edit-item.section').last();
      const add = last.getByRole('button', { name: 'Thêm câu hỏi vào phần này' });
      const questions = last.locator(':scope > fieldset > ol > .edit-item.question');
      const before = await questions.count();
      await add.click();
      const grid = questions.nth(before);
      await grid
        .getByLabel('Loại câu hỏi')
        .selectOption({ label: 'Bảng mức độ hài lòng (nhiều dòng)' });
      await grid.getByLabel('Nội dung câu hỏi (tiếng Việt)').first().fill(GRID);
      await grid.getByRole('button', { name: 'Thêm dòng' }).click();
      const rows = grid.locator('.sub .edit-item');
      expect(await rows.count()).toBe(2);
      for (const [i, text] of ROWS.entries()) {
        await rows.nth(i).getByLabel('Nội dung (tiếng Việt)').fill(text);
        await rows.nth(i).getByLabel('Nhóm tiêu chí').selectOption({ label: FACTOR });
      }
      await add.click();
      const number = questions.nth(before + 1);
      await number.getByLabel('Loại câu hỏi').selectOption({ label: 'Số' });
      await number.getByLabel('Nội dung câu hỏi (tiếng Việt)').fill(NUMBER);
      await number.getByLabel('Nhỏ nhất').fill('0');
      await number.getByLabel('Lớn nhất').fill('20');
      await number.getByLabel('Chỉ số nguyên').check();
      expect(await page.locator('#error-summary').count()).toBe(0);

      // 8 (desktop). The editor holding a grid is axe-clean.
      expect(await seriousViolations(page)).toEqual([]);

      // 3. The preview at phone width: the grid's statements and the number render, answerable;
      // sending it stores nothing.
      const stored = await count();
      await page.getByRole('button', { name: 'Xem trước', exact: true }).click();
      await page.getByRole('button', { name: 'Điện thoại (360 px)' }).click();
      expect((await page.locator('iframe.preview-frame').boundingBox())?.width).toBe(360);
      const frame = page.frameLocator('iframe.preview-frame');
      await frame.getByRole('heading', { name: TITLE }).waitFor();
      const parts = await answerAll(frame);
      expect(parts.at(-1)).toBe('Đánh giá chung và góp ý');
      for (const text of ROWS) await frame.getByRole('group', { name: new RegExp(text) }).waitFor();
      expect(await frame.getByText(GRID).count()).toBe(1);
      expect(await frame.getByRole('spinbutton', { name: NUMBER }).inputValue()).toBe('3');
      await frame.getByRole('group', { name: new RegExp(ROWS[0]!) }).scrollIntoViewIfNeeded();
      await picture(page, 'preview-phone');
      await frame.getByRole('button', { name: 'Gửi phiếu' }).click();
      await frame
        .getByText('Đây là bản xem trước: phiếu không được gửi, không có gì được lưu.')
        .waitFor();
      expect(await count()).toBe(stored);

      // 4. Saved as version 1; a campaign opened with it at one school; its public link read.
      await page.getByRole('button', { name: 'Lưu bảng hỏi' }).click();
      await page.getByRole('heading', { name: /Phiên bản 1$/ }).waitFor();
      expect(await page.getByRole('status').first().textContent()).toContain(
        'Đã lưu: phiên bản 1.',
      );

      await openPage(page, 'Đợt khảo sát');
      await page.getByRole('link', { name: 'Tạo đợt khảo sát' }).click();
      const pick = page.getByLabel('Phiếu khảo sát');
      await pick.locator('option', { hasText: TITLE }).waitFor({ state: 'attached' });
      const option = (await pick.locator('option', { hasText: TITLE }).textContent())!;
      expect(option).toContain('1');
      await pick.selectOption({ label: option });
      await page.getByLabel('Tên đợt').fill(CAMPAIGN);
      await page.getByLabel(/Đường dẫn chung/).check();
      // A THPT form picks the THPT schools; the campaign runs at one of them.
      expect(await page.getByLabel(SCHOOL).isChecked()).toBe(true);
      for (const box of await page.locator('fieldset input[type=checkbox]').all()) {
        const name = await box.evaluate((el) => el.parentElement?.textContent?.trim());
        if ((name === SCHOOL) !== (await box.isChecked())) await box.click();
      }
      await page.getByRole('button', { name: 'Tạo đợt khảo sát' }).click();
      await page.getByRole('heading', { name: CAMPAIGN }).waitFor();
      const schoolRow = page.getByRole('row').filter({ hasText: SCHOOL });
      const link = (await schoolRow.locator('a[href*="/s/"]').textContent())!;
      expect(link).toMatch(/\/s\/[A-Za-z0-9_-]+$/);
      const code = link.split('/s/')[1]!;

      // 5. A parent with JavaScript on a phone, and one without JavaScript: both thanked.
      const parent = await phonePage(browser);
      await parent.goto(link);
      await parent.getByRole('heading', { name: TITLE }).waitFor();
      await answerAll(parent);
      await parent.getByRole('button', { name: 'Gửi phiếu' }).click();
      await parent
        .getByRole('heading', { name: 'Cảm ơn Quý vị! Phiếu đã được ghi nhận.' })
        .waitFor();
      await parent.context().close();

      const plain = await browser.newContext({
        javaScriptEnabled: false,
        viewport: { width: 360, height: 740 },
        locale: 'vi-VN',
      });
      plain.setDefaultTimeout(10_000);
      const noJs = await plain.newPage();
      await noJs.goto(link);
      // The plain form shows every part at once, the grid and the number among them.
      for (const text of ROWS) await noJs.getByRole('group', { name: new RegExp(text) }).waitFor();
      const radios = noJs.locator('input[type="radio"][value="4"]');
      for (let i = 0, n = await radios.count(); i < n; i++) await radios.nth(i).check();
      await noJs.getByRole('spinbutton', { name: NUMBER }).fill('5');
      await noJs.getByRole('button', { name: 'Gửi phiếu' }).click();
      await noJs.getByRole('heading', { name: /^Cảm ơn Quý vị!/ }).waitFor();
      await plain.close();

      // 6. The small-group rule hides results under 5 responses: three more parents answer through
      // the public API (the same route the page posts to), so the school has 5.
      const form = (await (await liveApi(server.url, `/api/public/forms/${code}`)).json()) as {
        survey: {
          sections: {
            questions: { id: string; type: string; rows?: { id: string }[] }[];
          }[];
        };
      };
      const answers: Record<string, unknown> = {};
      for (const q of form.survey.sections.flatMap((s) => s.questions)) {
        if (q.type === 'likert5') answers[q.id] = 5;
        if (q.type === 'number') answers[q.id] = 4;
        for (const r of q.rows ?? []) answers[r.id] = 5;
      }
      for (let i = 0; i < 3; i++) {
        const res = await liveApi(server.url, `/api/public/forms/${code}/responses`, {
          body: { clientId: crypto.randomUUID(), answers },
        });
        expect({ status: res.status, body: await res.json() }).toMatchObject({ status: 201 });
      }

      await openPage(page, 'Tổng quan');
      const scope = page.locator('.scope-bar select').first();
      await scope.locator('option', { hasText: CAMPAIGN }).waitFor({ state: 'attached' });
      await scope.selectOption({
        label: (await scope.locator('option', { hasText: CAMPAIGN }).textContent())!,
      });
      // The innermost section holding the heading: the factor chart and its table.
      const byFactor = page
        .locator('section', { has: page.getByRole('heading', { name: 'Chỉ số theo yếu tố' }) })
        .last();
      await byFactor.getByText('Xem dạng bảng').click();
      const factorRow = byFactor.getByRole('row', { name: new RegExp(FACTOR) });
      await factorRow.waitFor();
      // Two parents said 4 and three said 5 to both statements: everyone satisfied.
      expect(await factorRow.textContent()).toContain('100');
      await openPage(page, 'Câu hỏi');
      // The questions page names each grid row by its words (its chart and table view).
      for (const text of ROWS)
        await expect
          .poll(async () => (await page.locator('main.content').textContent()) ?? '', {
            timeout: 15_000,
          })
          .toContain(text);

      // 7. A wording edited and saved: version 2 in the list of versions, the campaign still on 1.
      await openPage(page, 'Bảng hỏi');
      await page.getByRole('link', { name: TITLE, exact: true }).click();
      await page.getByRole('heading', { name: /Phiên bản 1$/ }).waitFor();
      await (await questionField(page, OLD_WORDING)).fill(NEW_WORDING);
      await page.getByRole('button', { name: 'Lưu phiên bản mới' }).click();
      await page.getByRole('heading', { name: /Phiên bản 2$/ }).waitFor();
      await page.getByRole('button', { name: 'Phiên bản', exact: true }).click();
      const versions = page.locator('.versions tbody tr');
      expect(await versions.count()).toBe(2);
      // The campaign is listed beside version 1; version 2 is used by none yet.
      expect(await versions.filter({ hasText: CAMPAIGN }).locator('td').first().textContent()).toBe(
        'Phiên bản 1',
      );
      expect(await versions.first().textContent()).toMatch(/^Phiên bản 2.*Chưa có$/);

      const again = await phonePage(browser);
      await again.goto(link);
      await again.getByRole('heading', { name: TITLE }).waitFor();
      const seenParts = await answerAll(again);
      expect(seenParts.at(-1)).toBe('Đánh giá chung và góp ý');
      expect(await again.getByText(OLD_WORDING).count()).toBe(1);
      expect(await again.getByText(NEW_WORDING).count()).toBe(0);
      await again.context().close();

      // 8. The editor with a grid question is axe-clean at 360 px too.
      await page.getByRole('button', { name: 'Soạn thảo', exact: true }).click();
      await page.setViewportSize({ width: 360, height: 740 });
      await (await questionField(page, GRID)).scrollIntoViewIfNeeded();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        360,
      );
      await picture(page, 'editor-grid-phone');
      expect(await seriousViolations(page)).toEqual([]);
      await ctx.close();
    }, 240_000);
  },
);
