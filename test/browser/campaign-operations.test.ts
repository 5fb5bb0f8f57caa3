import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { chromiumPath, phonePage, signIn, useLive, type LiveServer } from '../helpers/browser.js';
import {
  liveApi,
  liveCampaign,
  liveLogin,
  tickAllLikert,
  walkToLastPart,
} from '../helpers/live.js';
import { thcsAnswers } from '../helpers/campaigns.js';

const DONGTHAI = 'HN-TAYHO-THCS-DONGTHAI';

async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

const WIDTHS = [
  ['a phone (360 px)', 360],
  ['a desktop', 1200],
] as const;

/** Signed in as the Tây Hồ manager, on one campaign's page. */
async function openCampaign(page: Page, base: string, id: string) {
  await signIn(page, base, 'tayho@demo.vn');
  await page.locator('header.topbar').waitFor();
  await page.goto(`${base}/app/campaigns/${id}`);
}

async function pageAt(browser: Browser, width: number): Promise<Page> {
  if (width === 360) return phonePage(browser);
  const ctx = await browser.newContext({ viewport: { width, height: 900 }, locale: 'vi-VN' });
  ctx.setDefaultTimeout(10_000);
  return ctx.newPage();
}

/** 'YYYY-MM-DDTHH:mm' and 'dd/mm/yyyy hh:mm' of an instant on a clock in Vietnam. */
function vn(at: number) {
  const s = new Date(at + 7 * 3_600_000).toISOString();
  return {
    input: s.slice(0, 16),
    shown: `${s.slice(8, 10)}/${s.slice(5, 7)}/${s.slice(0, 4)} ${s.slice(11, 16)}`,
  };
}

/** The campaign's name and end as stored. */
async function closesAt(db: LiveServer['handle']['db'], id: string) {
  return db
    .selectFrom('campaigns')
    .select(['name', 'closes_at'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

async function respond(base: string, code: string) {
  const res = await liveApi(base, `/api/public/forms/${code}/responses`, {
    body: { clientId: crypto.randomUUID(), answers: thcsAnswers(4) },
  });
  expect(res.status).toBe(201);
}

describe.skipIf(!chromiumPath)('the campaign page in Chromium', () => {
  const live = useLive();

  test.each(WIDTHS)(
    'on %s, a manager renames and extends a campaign, then closes it early after confirming',
    async (_, width) => {
      const { id } = await liveCampaign(live.server, `Đợt thử ${width}`);
      const page = await pageAt(live.browser, width);
      await openCampaign(page, live.server.url, id);
      await page.getByRole('heading', { name: `Đợt thử ${width}` }).waitFor();

      const before = await closesAt(live.server.handle.db, id);
      const later = Date.parse(before.closes_at) + 7 * 86_400_000;
      await page.getByText('Sửa tên, thời gian, gia hạn').click();
      await page.getByLabel('Tên đợt', { exact: true }).fill(`Đợt học kỳ I ${width}`);
      expect(await page.getByLabel('Mở từ (giờ Việt Nam)').isDisabled()).toBe(true);
      await page.getByLabel('Đóng lúc (giờ Việt Nam)').fill(vn(later).input);
      await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
      await page.getByRole('heading', { name: `Đợt học kỳ I ${width}` }).waitFor();
      // Shown as dd/mm/yyyy hh:mm in Vietnam time, never to the second.
      await page.getByText(vn(later).shown, { exact: false }).first().waitFor();
      const after = await closesAt(live.server.handle.db, id);
      expect(after.closes_at).toBe(new Date(Math.floor(later / 60_000) * 60_000).toISOString());
      if (width === 360) {
        mkdirSync('client/screenshots', { recursive: true });
        await page.screenshot({ path: 'client/screenshots/campaign-360.png', fullPage: true });
      }
      expect(await seriousViolations(page)).toEqual([]);

      await page.getByRole('button', { name: 'Đóng sớm' }).click();
      await page.getByText('Đóng đợt ngay bây giờ?').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Đóng ngay' }).click();
      await page.getByText('đã đóng', { exact: false }).first().waitFor();
      expect(await page.getByRole('button', { name: 'Đóng sớm' }).count()).toBe(0);
      const closed = await closesAt(live.server.handle.db, id);
      expect(Date.parse(closed.closes_at)).toBeLessThanOrEqual(Date.now());
      await page.context().close();
    },
  );

  test.each(WIDTHS)(
    'on %s, deleting a campaign that received a response is refused with the reason in Vietnamese',
    async (_, width) => {
      const { id, code } = await liveCampaign(live.server, `Đợt xoá ${width}`);
      const page = await pageAt(live.browser, width);
      await openCampaign(page, live.server.url, id);
      await page.getByRole('button', { name: 'Xoá đợt' }).waitFor();
      await respond(live.server.url, code); // a parent answers while the page is open
      await page.getByRole('button', { name: 'Xoá đợt' }).click();
      await page.getByRole('button', { name: 'Xoá hẳn' }).click();
      const alert = page.getByRole('alert').filter({ hasText: 'không xoá được' });
      await alert.waitFor();
      expect(await alert.textContent()).toContain('Hãy lưu trữ đợt này');
      expect(await seriousViolations(page)).toEqual([]);
      expect((await closesAt(live.server.handle.db, id)).name).toBe(`Đợt xoá ${width}`);
      // Opened afresh, the page no longer offers to delete it, and says why.
      await page.reload();
      await page.getByText('Đợt đã có phiếu trả lời nên không xoá được').waitFor();
      expect(await page.getByRole('button', { name: 'Xoá đợt' }).count()).toBe(0);
      await page.context().close();
    },
  );

  test.each(WIDTHS)(
    'on %s, one-time codes are counted per school, and asking more than 1000 says the limit',
    async (_, width) => {
      const cookie = await liveLogin(live.server.url, 'tayho@demo.vn');
      const now = Date.now();
      const made = await liveApi(live.server.url, '/api/campaigns', {
        cookie,
        body: {
          surveyId: 'edu-thcs',
          name: `Đợt mã ${width}`,
          opensAt: new Date(now - 86_400_000).toISOString(),
          closesAt: new Date(now + 30 * 86_400_000).toISOString(),
          unitIds: [DONGTHAI],
          access: 'token',
        },
      });
      const id = ((await made.json()) as { id: string }).id;
      const page = await pageAt(live.browser, width);
      await openCampaign(page, live.server.url, id);
      const field = page.getByLabel('Số mã cần tạo cho Trường THCS Đông Thái');
      await field.fill('1001');
      await page.getByText('Mỗi lần chỉ tạo được tối đa 1000 mã').waitFor();
      expect(await page.getByRole('button', { name: 'Tạo mã' }).isDisabled()).toBe(true);
      await field.fill('5');
      await page.getByRole('button', { name: 'Tạo mã' }).click();
      const row = page.locator('tbody tr', { hasText: 'Trường THCS Đông Thái' });
      const counts = async () =>
        (await row.locator('td.num').allTextContents()).map((s) => s.trim());
      await expect.poll(counts, { timeout: 10_000 }).toEqual(['0', '5', '0', '5']);
      const { tokens } = (await (
        await liveApi(live.server.url, `/api/campaigns/${id}/tokens?unitId=${DONGTHAI}`, {
          cookie,
        })
      ).json()) as { tokens: { code: string }[] };
      await respond(live.server.url, tokens[0]!.code);
      await page.reload();
      await expect.poll(counts, { timeout: 10_000 }).toEqual(['1', '5', '1', '4']);
      expect(await seriousViolations(page)).toEqual([]);
      await page.context().close();
    },
  );
  test('the overview opens on a campaign with answers, not a fresh empty one, and keeps the choice in the address', async () => {
    const fresh = await liveCampaign(live.server, 'Đợt thử vừa tạo');
    const page = await pageAt(live.browser, 1200);
    await signIn(page, live.server.url, 'tayho@demo.vn');
    await page.waitForURL(/campaignId=/);
    const picker = page.locator('.scope-bar select').first();
    await picker.locator(`option[value="${fresh.id}"]`).waitFor({ state: 'attached' });
    const chosen = await picker.inputValue();
    expect(chosen).not.toBe(fresh.id);
    expect(new URL(page.url()).searchParams.get('campaignId')).toBe(chosen);
    await picker.selectOption(fresh.id);
    await page.waitForURL((u) => u.searchParams.get('campaignId') === fresh.id);
    await page.reload();
    await picker.locator(`option[value="${fresh.id}"]`).waitFor({ state: 'attached' });
    expect(await picker.inputValue()).toBe(fresh.id);
    await page.context().close();
  });
});

describe.skipIf(!chromiumPath)("the respondent's round trip on a phone", () => {
  const live = useLive();

  test('a one-time code already used says so as soon as it is opened, before any question', async () => {
    const cookie = await liveLogin(live.server.url, 'tayho@demo.vn');
    const now = Date.now();
    const made = await liveApi(live.server.url, '/api/campaigns', {
      cookie,
      body: {
        surveyId: 'edu-thcs',
        name: 'Đợt mã dùng rồi',
        opensAt: new Date(now - 86_400_000).toISOString(),
        closesAt: new Date(now + 30 * 86_400_000).toISOString(),
        unitIds: [DONGTHAI],
        access: 'token',
      },
    });
    const id = ((await made.json()) as { id: string }).id;
    const res = await liveApi(live.server.url, `/api/campaigns/${id}/tokens`, {
      cookie,
      body: { unitId: DONGTHAI, count: 1 },
    });
    const code = ((await res.json()) as { tokens: { code: string }[] }).tokens[0]!.code;
    await respond(live.server.url, code); // someone else answered with this slip
    const page = await phonePage(live.browser);
    await page.goto(`${live.server.url}/s/${code}`);
    await page.getByRole('heading', { name: 'Mã này đã được sử dụng' }).waitFor();
    expect(await page.locator('fieldset').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  test("the phone's Back button goes to the previous part, not out of the form", async () => {
    const { code } = await liveCampaign(live.server, 'Đợt nút quay lại');
    const page = await phonePage(live.browser);
    await page.goto(`${live.server.url}/s/${code}`);
    const part = (n: number) => page.getByText(`Phần ${n} /`, { exact: false });
    await part(1).waitFor();
    const first = await page.locator('section h2').textContent();
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await part(2).waitFor();
    expect(await tickAllLikert(page)).toBeGreaterThan(0);
    const second = await page.locator('section h2').textContent();
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await part(3).waitFor();
    await page.goBack();
    await part(2).waitFor();
    expect(await page.locator('section h2').textContent()).toBe(second);
    // The answers given there are still ticked.
    const ticked = page.locator('fieldset.q input[type="radio"][value="4"]');
    expect(await ticked.first().isChecked()).toBe(true);
    await page.goBack();
    await part(1).waitFor();
    expect(await page.locator('section h2').textContent()).toBe(first);
    expect(page.url()).toBe(`${live.server.url}/s/${code}`);
    await page.context().close();
  });

  test('after a submit, the same link on the same phone says it was answered, and offers another child', async () => {
    const { code } = await liveCampaign(live.server, 'Đợt đã trả lời');
    const page = await phonePage(live.browser);
    await page.goto(`${live.server.url}/s/${code}`);
    await walkToLastPart(page);
    await page.getByRole('button', { name: 'Gửi phiếu' }).click();
    await page.getByRole('heading', { name: 'Cảm ơn Quý vị! Phiếu đã được ghi nhận.' }).waitFor();
    const feedback = page.getByRole('link', { name: 'Gửi phản ánh, kiến nghị tới nhà trường' });
    expect(await feedback.getAttribute('href')).toBe(`/feedback?unitId=${DONGTHAI}`);

    await page.goto(`${live.server.url}/s/${code}`);
    await page.getByRole('heading', { name: 'Quý vị đã trả lời phiếu này' }).waitFor();
    expect(await page.locator('fieldset').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Trả lời cho một con khác' }).click();
    await page.getByText('Phần 1 /', { exact: false }).waitFor();
    await page.context().close();
  });
});
