import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { definitionHash } from '../../surveys/load.js';
import { syncSurveys } from '../../server/surveys.js';
import {
  chromiumPath,
  phonePage,
  screenshot,
  useLive,
  type LiveServer,
} from '../helpers/browser.js';
import { liveApi, liveLogin, storedResponses } from '../helpers/live.js';
import { typesSurvey } from '../helpers/question-types.js';

/** The serious and critical axe violations on the page as it is now, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

/** A link campaign of the newer-types questionnaire at Đông Thái, open now. */
async function typesCampaign(server: LiveServer) {
  const definition = typesSurvey();
  await syncSurveys(server.handle.db, () => new Date(), [
    { file: 'kieu-moi.json', definition, hash: definitionHash(definition) },
  ]);
  const now = Date.now();
  const res = await liveApi(server.url, '/api/campaigns', {
    cookie: await liveLogin(server.url, 'tayho@demo.vn'),
    body: {
      surveyId: 'kieu-moi',
      name: 'Khảo sát kiểu câu mới',
      opensAt: new Date(now - 86_400_000).toISOString(),
      closesAt: new Date(now + 30 * 86_400_000).toISOString(),
      unitIds: ['HN-TAYHO-THCS-DONGTHAI'],
      access: 'link',
    },
  });
  if (res.status !== 201) throw new Error(`campaign: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { id: string; links: { code: string }[] };
  return { id: body.id, code: body.links[0]!.code };
}

async function desktopPage(browser: Browser, javaScriptEnabled = true): Promise<Page> {
  const ctx = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'vi-VN',
    javaScriptEnabled,
  });
  ctx.setDefaultTimeout(10_000);
  return ctx.newPage();
}

const row = (page: Page, statement: string) => page.getByRole('group', { name: statement });

/** The vertical centres of a grid row's six radios: one line on a wide screen, six on a phone. */
async function radioLines(page: Page, rowId: string): Promise<number> {
  const ys = await page
    .locator(`#q-${rowId} input[type=radio]`)
    .evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
  return new Set(ys).size;
}

async function fillFirstPart(page: Page) {
  await page.getByRole('spinbutton', { name: 'Số con đang học tại trường' }).fill('2');
  await page.getByRole('spinbutton', { name: 'Chi phí mỗi tháng (triệu đồng)' }).fill('1.5');
  await page.getByLabel('Ngày họp phụ huynh gần nhất').fill('2026-09-05');
  await page
    .getByRole('combobox', { name: 'Tỉnh, thành phố nơi Ông/Bà ở' })
    .selectOption('hai_phong');
}

async function answerGrid(page: Page) {
  await row(page, 'Thông tin tuyển sinh được công khai. *')
    .getByRole('radio', { name: '5 · Rất hài lòng' })
    .check();
  await row(page, 'Thủ tục nhập học thuận tiện.')
    .getByRole('radio', { name: '2 · Không hài lòng' })
    .check();
  await row(page, 'Trường an toàn, sạch đẹp.')
    .getByRole('radio', { name: 'Không ý kiến / không áp dụng' })
    .check();
}

const STORED = {
  so_con: 2,
  chi_phi: 1.5,
  ngay_hop: '2026-09-05',
  tinh: 'hai_phong',
  tc1: 5,
  g_tc: 2,
  g_mt: null,
};

describe.skipIf(!chromiumPath)(
  'number, date, dropdown and likert grid on the respondent page',
  () => {
    const live = useLive();

    test('on a 360 px phone with JavaScript: the grid stacks one statement per group, axe-clean, stored by row', async () => {
      const { id, code } = await typesCampaign(live.server);
      const page = await phonePage(live.browser);
      await page.goto(`${live.server.url}/s/${code}`);
      await page.getByText('Phần 1 / 2').waitFor();
      await fillFirstPart(page);
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Tiếp tục' }).click();
      await page.getByRole('heading', { name: 'Đánh giá' }).waitFor();
      expect(await page.locator('.gh').isVisible()).toBe(false);
      expect(await radioLines(page, 'g_tc')).toBe(6);
      // A required grid row left blank is named, and the focus goes to it.
      await page.getByRole('button', { name: 'Gửi phiếu' }).click();
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.closest('fieldset')?.id))
        .toBe('q-tc1');
      expect(await page.locator('#e-g_mt').textContent()).toBe('Xin trả lời câu hỏi này.');
      await answerGrid(page);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'respondent-grid-phone');
      await page.getByRole('button', { name: 'Gửi phiếu' }).click();
      await page.getByRole('heading', { name: 'Cảm ơn Quý vị! Phiếu đã được ghi nhận.' }).waitFor();
      const rows = await storedResponses(live.server, id);
      expect(rows.map((r) => r.answers)).toEqual([STORED]);
      await page.context().close();
    });

    test('on a desktop: the grid is a table (each statement on one line under a header of levels), keyboard-usable, axe-clean', async () => {
      const { code } = await typesCampaign(live.server);
      const page = await desktopPage(live.browser);
      await page.goto(`${live.server.url}/s/${code}`);
      await fillFirstPart(page);
      await page.getByRole('button', { name: 'Tiếp tục' }).click();
      await page.getByRole('heading', { name: 'Đánh giá' }).waitFor();
      expect(await page.locator('.gh').isVisible()).toBe(true);
      expect(await radioLines(page, 'g_tc')).toBe(1);
      expect(await radioLines(page, 'g_mt')).toBe(1);
      // The page widens for a grid, so a statement reads on one line rather than a word per line.
      expect(
        await page.locator('#l-g_tc').evaluate((e) => e.getBoundingClientRect().height),
      ).toBeLessThan(40);
      // The keyboard moves within a statement's levels as in any radio group.
      const first = row(page, 'Thủ tục nhập học thuận tiện.').getByRole('radio').first();
      await first.focus();
      await page.keyboard.press('Space');
      await page.keyboard.press('ArrowRight');
      expect(
        await row(page, 'Thủ tục nhập học thuận tiện.')
          .getByRole('radio', { name: '4 · Hài lòng' })
          .isChecked(),
      ).toBe(true);
      await answerGrid(page);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'respondent-grid-desktop');
      await page.context().close();
    });

    test('without JavaScript, on a phone and on a desktop, the plain form sends every type', async () => {
      const { id, code } = await typesCampaign(live.server);
      for (const width of [360, 1280]) {
        const ctx = await live.browser.newContext({
          javaScriptEnabled: false,
          viewport: { width, height: 800 },
          locale: 'vi-VN',
        });
        ctx.setDefaultTimeout(10_000);
        const page = await ctx.newPage();
        await page.goto(`${live.server.url}/s/${code}`);
        expect(await radioLines(page, 'g_tc')).toBe(width === 360 ? 6 : 1);
        await fillFirstPart(page);
        await answerGrid(page);
        await screenshot(page, `respondent-grid-nojs-${width}`);
        await page.getByRole('button', { name: 'Gửi phiếu' }).click();
        await page.getByRole('heading', { name: 'Cảm ơn Quý vị!' }).waitFor();
        await ctx.close();
      }
      const rows = await storedResponses(live.server, id);
      expect(rows.map((r) => r.answers)).toEqual([STORED, STORED]);
    });

    test('without its script the page with every type is axe-clean at 360 px and on a desktop', async () => {
      const { code } = await typesCampaign(live.server);
      for (const page of [await phonePage(live.browser), await desktopPage(live.browser)]) {
        // axe itself needs JavaScript: the page "without JavaScript" is the one whose script never loads.
        await page.route('**/assets/respondent.js', (r) => r.abort());
        await page.goto(`${live.server.url}/s/${code}`);
        expect(await page.locator('fieldset.gr').count()).toBe(2);
        expect(await seriousViolations(page)).toEqual([]);
        await page.context().close();
      }
    });
  },
);
