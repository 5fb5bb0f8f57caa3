import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { DEMO_CAMPAIGNS } from '../../cli/seed/campaigns.js';
import { chromiumPath, phonePage, screenshot, useLive } from '../helpers/browser.js';

const UNIT = 'HN-TAYHO-THCS-DONGTHAI';

describe.skipIf(!chromiumPath)('the respondent page on a phone', () => {
  const live = useLive();
  let code: string;
  beforeAll(async () => {
    const row = await live.server.handle.db
      .selectFrom('campaign_units')
      .select('code')
      .where('campaign_id', '=', DEMO_CAMPAIGNS.open)
      .where('unit_id', '=', UNIT)
      .executeTakeFirstOrThrow();
    code = row.code;
  });

  const stored = async () =>
    (
      await live.server.handle.db
        .selectFrom('responses')
        .select(['channel'])
        .where('campaign_id', '=', DEMO_CAMPAIGNS.open)
        .where('unit_id', '=', UNIT)
        .execute()
    ).length;

  /** Picks `label` in every radio group on the current screen. */
  async function answerAll(page: Page, label: string) {
    for (const r of await page.getByRole('radio', { name: label, exact: true }).all())
      await r.check();
  }

  test('one section per screen, required messages, a resumed draft, a conditional question and a submit that survives going offline', async () => {
    const page = await phonePage(live.browser);
    await page.goto(`${live.server.url}/s/${code}`);
    await page.getByText('Phần 1 / 7').waitFor();
    await page.getByRole('button', { name: 'Tiếp tục' }).click();

    await page.getByRole('heading', { name: '1. Tiếp cận dịch vụ' }).waitFor();
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    expect(await page.getByText('Xin trả lời câu hỏi này.').count()).toBe(5);
    await answerAll(page, '4 · Hài lòng');
    expect(await page.getByText('Xin trả lời câu hỏi này.').count()).toBe(0);

    await page.reload();
    await page.getByText('Đã khôi phục các câu trả lời').waitFor();
    await page.getByRole('heading', { name: '1. Tiếp cận dịch vụ' }).waitFor();
    expect(
      await page.getByRole('radio', { name: '4 · Hài lòng', exact: true }).first().isChecked(),
    ).toBe(true);

    for (let i = 0; i < 3; i++) {
      await page.getByRole('button', { name: 'Tiếp tục' }).click();
      await page.getByText(`Phần ${i + 3} / 7`).waitFor();
      await answerAll(page, '5 · Rất hài lòng');
    }
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByText('Phần 6 / 7').waitFor();
    expect(await page.getByRole('radio', { name: '3 · Bình thường', exact: true }).count()).toBe(2);
    await page
      .getByRole('group', { name: /có gửi góp ý/ })
      .getByRole('radio', { name: 'Có' })
      .check();
    expect(await page.getByRole('radio', { name: '3 · Bình thường', exact: true }).count()).toBe(4);
    await answerAll(page, '3 · Bình thường');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByRole('checkbox', { name: 'Rút ngắn thời gian giải quyết' }).check();
    await screenshot(page, 'respondent-last-section');

    const before = await stored();
    await page.context().setOffline(true);
    await page.getByRole('button', { name: 'Gửi phiếu' }).click();
    await page.getByText('Đang thử lại').waitFor();
    expect(await stored()).toBe(before);
    await page.context().setOffline(false);
    await page.getByText('Cảm ơn Quý vị!').waitFor({ timeout: 20_000 });
    expect(await stored()).toBe(before + 1);
  });

  test('switches to English in place, keeping the answers', async () => {
    const page = await phonePage(live.browser);
    await page.goto(`${live.server.url}/s/${code}`);
    await page.getByRole('radio', { name: 'Trực tuyến (Cổng dịch vụ công)' }).check();
    await page.getByRole('button', { name: 'English' }).click();
    await page
      .getByRole('heading', { name: 'Satisfaction with administrative services (SIPAS)' })
      .waitFor();
    expect(
      await page.getByRole('radio', { name: 'Online (public service portal)' }).isChecked(),
    ).toBe(true);
  });

  test('works with JavaScript off: the plain form posts and thanks', async () => {
    const ctx = await live.browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 360, height: 740 },
    });
    const page = await ctx.newPage();
    await page.goto(`${live.server.url}/s/${code}`);
    const before = await stored();
    for (const group of await page.locator('fieldset.q:not([data-if])').all()) {
      const radio = group.getByRole('radio', { name: '4 · Hài lòng', exact: true });
      if (await radio.count()) await radio.check();
    }
    await page
      .getByRole('group', { name: /có gửi góp ý/ })
      .getByRole('radio', { name: 'Không' })
      .check();
    await page.getByRole('button', { name: 'Gửi phiếu' }).click();
    await page.getByText('Cảm ơn Quý vị!').waitFor();
    expect(await stored()).toBe(before + 1);
    await ctx.close();
  });
});
