import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  chromiumPath,
  launchBrowser,
  phonePage,
  screenshot,
  startServer,
  type LiveServer,
} from '../helpers/browser.js';
import { liveCampaign, storedResponses, tickAllLikert, walkToLastPart } from '../helpers/live.js';

const THANKS_JS = 'Cảm ơn Quý vị! Phiếu đã được ghi nhận.';

// test/browser/respondent.test.ts walks the demo SIPAS form (sections, offline, English); this
// file checks what is STORED for each way a phone can send the THCS form, on a fresh campaign each.
describe.skipIf(!chromiumPath)(
  'what a parent answers on a 360×740 phone is stored exactly once',
  () => {
    let browser: Browser;
    let server: LiveServer;
    beforeAll(async () => {
      [browser, server] = await Promise.all([launchBrowser(), startServer()]);
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    test('with JavaScript on, part by part, every answer given is stored', async () => {
      const { id, code } = await liveCampaign(server);
      const page = await phonePage(browser);
      await page.goto(`${server.url}/s/${code}`);
      await page.getByText('Phần 1 / 7').waitFor();
      await screenshot(page, 'respondent-js-first-part');
      await page.getByRole('radio', { name: 'Lớp 8' }).check();
      await walkToLastPart(page, '5');
      await page.getByRole('checkbox').first().check();
      await page.getByRole('textbox').fill('Sân trường cần thêm cây xanh.');
      await screenshot(page, 'respondent-js-last-part');
      await page.getByRole('button', { name: 'Gửi phiếu' }).click();
      await page.getByRole('heading', { name: THANKS_JS }).waitFor();
      await screenshot(page, 'respondent-js-thanks');

      const rows = await storedResponses(server, id);
      expect(rows).toHaveLength(1);
      expect(rows[0]!.answers).toMatchObject({
        khoi_lop: 'lop8',
        tc1: 5,
        hai_long_chung: 5,
        gop_y: 'Sân trường cần thêm cây xanh.',
      });
      expect(Object.keys(rows[0]!.answers)).toHaveLength(1 + 22 + 2);
      await page.context().close();
    });

    test('with JavaScript off, the plain form is submitted, thanked and stored', async () => {
      const { id, code } = await liveCampaign(server);
      const ctx = await browser.newContext({
        javaScriptEnabled: false,
        viewport: { width: 360, height: 740 },
        isMobile: true,
        locale: 'vi-VN',
      });
      const page = await ctx.newPage();
      await page.goto(`${server.url}/s/${code}`);
      expect(await page.locator('fieldset.q').count()).toBe(25);
      await screenshot(page, 'respondent-nojs-form');
      expect(await tickAllLikert(page, '3')).toBe(22);
      await page.getByRole('textbox').fill('Không có JavaScript vẫn gửi được.');
      await page.getByRole('button', { name: 'Gửi phiếu' }).click();
      await page.getByRole('heading', { name: 'Cảm ơn Quý vị!' }).waitFor();
      await screenshot(page, 'respondent-nojs-thanks');

      const rows = await storedResponses(server, id);
      expect(rows).toHaveLength(1);
      expect(rows[0]!.answers).toMatchObject({
        tc1: 3,
        kq4: 3,
        gop_y: 'Không có JavaScript vẫn gửi được.',
      });
      await ctx.close();
    });

    test('with JavaScript off, a blank required answer brings the form back marked, answers kept', async () => {
      const { id, code } = await liveCampaign(server);
      const ctx = await browser.newContext({
        javaScriptEnabled: false,
        viewport: { width: 360, height: 740 },
      });
      const page = await ctx.newPage();
      await page.goto(`${server.url}/s/${code}`);
      await tickAllLikert(page, '4');
      await page.locator('#q-tc2 input[value="4"]').evaluate((el) => {
        // What an old browser without `required` support sends: the form with one question blank.
        (el as HTMLInputElement).checked = false;
        el.closest('form')!.noValidate = true;
      });
      await page.getByRole('button', { name: 'Gửi phiếu' }).click();
      await page.getByRole('alert').waitFor();
      expect(await page.locator('#e-tc2').textContent()).toBe('Xin chọn một câu trả lời.');
      expect(await page.locator('#q-tc1 input[value="4"]').isChecked()).toBe(true);
      expect(await storedResponses(server, id)).toHaveLength(0);
      await ctx.close();
    });

    test('when the first acknowledgement is lost on the way back, the retry stores nothing twice', async () => {
      const { id, code } = await liveCampaign(server);
      const page = await phonePage(browser);
      const statuses: number[] = [];
      await page.route('**/api/public/forms/*/responses', async (route) => {
        const res = await route.fetch(); // the server stores it…
        statuses.push(res.status());
        if (statuses.length === 1) return route.abort('connectionreset'); // …but the phone never hears back
        return route.fulfill({ response: res });
      });
      await page.goto(`${server.url}/s/${code}`);
      await walkToLastPart(page);
      await page.getByRole('button', { name: 'Gửi phiếu' }).click();
      await page.getByText('Chưa gửi được (mất kết nối?)', { exact: false }).waitFor();
      expect(await storedResponses(server, id)).toHaveLength(1);
      // The phone retries on 'online' or after its 2 s back-off; 'online' keeps the test short.
      await page.evaluate(() => dispatchEvent(new Event('online')));
      await page.getByRole('heading', { name: THANKS_JS }).waitFor();
      expect(statuses).toEqual([201, 200]);
      expect(await storedResponses(server, id)).toHaveLength(1);
      await page.context().close();
    });

    test('a half-filled questionnaire is resumed after a reload, and the resumed answers are sent', async () => {
      const { id, code } = await liveCampaign(server);
      const page = await phonePage(browser);
      await page.goto(`${server.url}/s/${code}`);
      await page.getByRole('radio', { name: 'Lớp 6' }).check();
      await page.getByRole('button', { name: 'Tiếp tục' }).click();
      await page.locator('section h2', { hasText: 'Tiếp cận dịch vụ giáo dục' }).waitFor();
      await page.locator('#q-tc1 input[value="2"]').check();
      await page.locator('#q-tc2 input[value="na"]').check();

      await page.reload();
      await page.locator('section h2', { hasText: 'Tiếp cận dịch vụ giáo dục' }).waitFor();
      await screenshot(page, 'respondent-resumed');
      expect(await page.locator('#q-tc1 input[value="2"]').isChecked()).toBe(true);
      expect(await page.locator('#q-tc2 input[value="na"]').isChecked()).toBe(true);

      await page.locator('#q-tc3 input[value="4"]').check();
      await page.locator('#q-tc4 input[value="4"]').check();
      await page.getByRole('button', { name: 'Tiếp tục' }).click();
      await page.locator('section h2', { hasText: 'Cơ sở vật chất' }).waitFor();
      await walkToLastPart(page);
      await page.getByRole('button', { name: 'Gửi phiếu' }).click();
      await page.getByRole('heading', { name: THANKS_JS }).waitFor();

      const rows = await storedResponses(server, id);
      expect(rows).toHaveLength(1);
      expect(rows[0]!.answers).toMatchObject({ khoi_lop: 'lop6', tc1: 2, tc2: null, tc3: 4 });
      await page.context().close();
    });
  },
);
