import AxeBuilder from '@axe-core/playwright';
import { describe, expect, test } from 'vitest';
import { DEMO_CAMPAIGNS } from '../../cli/seed/campaigns.js';
import { chromiumPath, screenshot, signIn, useLive } from '../helpers/browser.js';

const DONGTHAI = 'HN-TAYHO-THCS-DONGTHAI';

describe.skipIf(!chromiumPath)('sampling statistics in the dashboard', () => {
  const live = useLive();

  test("an office manager corrects a school's population for one campaign; the school itself is untouched", async () => {
    const ctx = await live.browser.newContext({ viewport: { width: 1200, height: 900 } });
    const page = await ctx.newPage();
    page.setDefaultTimeout(10_000);
    await signIn(page, live.server.url, 'tayho@demo.vn');
    await page.getByRole('link', { name: 'Đợt khảo sát', exact: true }).waitFor();
    await page.goto(`${live.server.url}/app/campaigns/${DEMO_CAMPAIGNS.previous.THCS}`);
    const field = page.getByLabel('Số đối tượng khảo sát của Trường THCS Đông Thái');
    expect(await field.inputValue()).toBe('640');
    const { violations } = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21aa'])
      .analyze();
    expect(
      violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
    ).toEqual([]);
    await field.fill('600');
    const row = page.locator('tr', { has: field });
    await row.getByRole('button', { name: 'Lưu' }).click();
    await row.getByRole('button', { name: 'Lưu' }).and(page.locator('[disabled]')).waitFor();
    const db = live.server.handle.db;
    const frozen = await db
      .selectFrom('campaign_units')
      .select('eligible')
      .where('campaign_id', '=', DEMO_CAMPAIGNS.previous.THCS)
      .where('unit_id', '=', DONGTHAI)
      .executeTakeFirstOrThrow();
    expect(Number(frozen.eligible)).toBe(600);
    const unit = await db
      .selectFrom('units')
      .select('eligible')
      .where('id', '=', DONGTHAI)
      .executeTakeFirstOrThrow();
    expect(unit.eligible).toBe(640);
    await screenshot(page, 'campaign-population');
    await ctx.close();
  });

  test('the overview shows each index with its interval bounds, never "±", and the size-weighted index beside it', async () => {
    const page = await live.browser.newPage({ viewport: { width: 360, height: 800 } });
    page.setDefaultTimeout(10_000);
    await signIn(page, live.server.url, 'tayho@demo.vn');
    const headline = page.locator('.card', { hasText: 'Chỉ số hài lòng' }).first();
    await headline.getByText(/khoảng tin cậy 95%/).waitFor();
    expect(await headline.textContent()).toMatch(/\d+,\d%\(\d+,\d–\d+,\d\) khoảng tin cậy 95%/);
    await page.getByText('Chỉ số theo quy mô trường').first().waitFor();
    await page.getByText(/^Chỉ số gộp: mỗi câu trả lời được tính một lần/).waitFor();
    expect(await page.locator('main').textContent()).not.toContain('±');
    await screenshot(page, 'overview-intervals');
  });
});
