import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '../../db/index.js';
import { chromiumPath, openPage, signIn, useLive } from '../helpers/browser.js';
import { addCounts, createCampaign, createSurvey, smallSurvey } from '../helpers/index-fixtures.js';
import { liveApi, liveLogin } from '../helpers/live.js';

const DONGTHAI = 'HN-TAYHO-THCS-DONGTHAI';
const NHATTAN = 'HN-TAYHO-TH-NHATTAN';
const CHUVANAN = 'HN-TAYHO-TH-CHUVANAN';
const XUANLA = 'HN-TAYHO-TH-XUANLA';
const WIDTHS = [360, 800, 1280] as const;

/** The serious and critical axe violations on the page as it is now, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

/** How far the document scrolls sideways beyond the window (0: it does not). */
const sideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

async function pageAt(browser: Browser, width: number): Promise<Page> {
  const ctx = await browser.newContext({
    viewport: { width, height: 800 },
    // Charts drawn at once (no growing bars), as for anyone who asks for less motion.
    reducedMotion: 'reduce',
    isMobile: width < 600,
    hasTouch: width < 600,
    locale: 'vi-VN',
  });
  ctx.setDefaultTimeout(10_000);
  return ctx.newPage();
}

/**
 * A campaign of the office's four schools where Nhật Tân has 3 responses: too few to show, so
 * the ranking must say so and show none of its figures.
 */
async function smallGroupCampaign(db: Db): Promise<string> {
  const survey = smallSurvey({ id: 'screens-survey' });
  await createSurvey(db, survey);
  const id = await createCampaign(db, {
    survey,
    ownerUnitId: 'HN-TAYHO',
    unitIds: [DONGTHAI, NHATTAN, CHUVANAN, XUANLA],
    name: 'Khảo sát thử màn hình',
  });
  const answers = (n: number, good: number) => ({
    q1: { '5': good, '2': n - good },
    q2: { '4': good, '3': n - good },
    q3: { '4': n },
    q4: { '5': good, '1': n - good },
  });
  // Per-respondent scores of 0 or 1 (satisfied or not), for the intervals.
  const scores = (n: number, good: number) =>
    Object.fromEntries(['*', 'a', 'b', 'c'].map((k) => [k, { n, s: good, ss: good }]));
  for (const [unit, n, good] of [
    [DONGTHAI, 12, 10],
    [NHATTAN, 3, 1],
    [CHUVANAN, 9, 6],
    [XUANLA, 8, 7],
  ] as const)
    await addCounts(db, id, unit, n, answers(n, good), 0, scores(n, good));
  return id;
}

describe.skipIf(!chromiumPath)('every dashboard screen at 360, 800 and 1280 px', () => {
  const live = useLive();
  let campaignId: string;
  beforeAll(async () => {
    campaignId = await smallGroupCampaign(live.server.handle.db as unknown as Db);
  });

  for (const width of WIDTHS) {
    test(`at ${width} px: no page scrolls sideways, axe finds nothing serious, the charts are read as figures`, async () => {
      const page = await pageAt(live.browser, width);
      await signIn(page, live.server.url, 'tayho@demo.vn');
      await page.getByRole('heading', { name: 'Tổng quan chỉ số hài lòng' }).waitFor();

      // The overview of the campaign named in the address.
      await page.goto(`${live.server.url}/app/overview?campaignId=${campaignId}`);
      const factors = page.locator('figure', { hasText: 'Chỉ số hài lòng theo yếu tố' });
      await factors.locator('figcaption').waitFor();
      expect(await factors.locator('figcaption').textContent()).toContain(
        'Phòng GDĐT quận Tây Hồ, đợt Khảo sát thử màn hình (01/11/2026 – 01/12/2026)',
      );
      await page.getByRole('heading', { name: 'Xếp hạng đơn vị trực thuộc' }).waitFor();
      await page.waitForLoadState('networkidle');
      expect(await sideways(page)).toBeLessThanOrEqual(0);
      expect(await seriousViolations(page)).toEqual([]);

      for (const [name, heading] of [
        ['Câu hỏi', 'Phân bố câu trả lời theo câu hỏi'],
        ['Chỉ tiêu', null],
        ['Phản ánh', null],
        ['Đợt khảo sát', null],
      ] as const) {
        await openPage(page, name);
        if (heading) await page.getByRole('heading', { name: heading }).waitFor();
        await page.locator('main.content h1').first().waitFor();
        await page.waitForLoadState('networkidle');
        expect({ page: name, sideways: await sideways(page) }).toEqual({ page: name, sideways: 0 });
        expect({ page: name, axe: await seriousViolations(page) }).toEqual({ page: name, axe: [] });
      }
      await page.context().close();
    }, 120_000);
  }

  test("a factor bar's value and the target line are in the chart's table view", async () => {
    const cookie = await liveLogin(live.server.url, 'tayho@demo.vn');
    const api = await liveApi(live.server.url, `/api/indices?campaignId=${campaignId}`, { cookie });
    const d = (await api.json()) as { target: number; factors: { index: number }[] };
    const shown = (n: number) =>
      `${new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(n)}%`;

    const page = await pageAt(live.browser, 360);
    await signIn(page, live.server.url, 'tayho@demo.vn');
    await page.getByRole('heading', { name: 'Tổng quan chỉ số hài lòng' }).waitFor();
    await page.goto(`${live.server.url}/app/overview?campaignId=${campaignId}`);
    const figure = page.locator('figure', { hasText: 'Chỉ số hài lòng theo yếu tố' });
    await figure.getByText('Xem dạng bảng').click();
    const row = figure.getByRole('row', { name: /^Tiếp cận/ });
    const cells = await row.getByRole('cell').allTextContents();
    // Value, interval, target: "83,3%", "…–…%", "85,0%".
    expect(cells[0]).toBe(shown(d.factors[0]!.index));
    expect(cells[0]).toMatch(/^\d+,\d%$/);
    expect(cells[1]).toMatch(/^\d+,\d–\d+,\d%$/);
    expect(cells[2]).toBe(shown(d.target));
    const head = await figure.getByRole('columnheader').allTextContents();
    expect(head.slice(0, 4)).toEqual(['Yếu tố', 'Chỉ số', 'Khoảng tin cậy 95%', 'Chỉ tiêu']);
    await page.context().close();
  });

  test("the ranking lists the campaign's schools with their interval and no figure of a school under 5", async () => {
    const page = await pageAt(live.browser, 1280);
    await signIn(page, live.server.url, 'tayho@demo.vn');
    await page.getByRole('heading', { name: 'Tổng quan chỉ số hài lòng' }).waitFor();
    await page.goto(`${live.server.url}/app/overview?campaignId=${campaignId}`);
    const ranking = page.locator('table.ranking');
    await ranking.waitFor();
    const names = await ranking.locator('tbody th').allTextContents();
    // Only the four schools of the campaign: Quảng An and the others are not in it.
    expect(names.sort((a, b) => a.localeCompare(b, 'vi'))).toEqual([
      'Trường THCS Đông Thái',
      'Trường Tiểu học Chu Văn An',
      'Trường Tiểu học Nhật Tân',
      'Trường Tiểu học Xuân La',
    ]);
    const small = ranking.getByRole('row', { name: /Nhật Tân/ });
    const text = (await small.textContent())!;
    expect(text).toContain('ít hơn 5 phiếu — không hiển thị');
    expect(text).not.toMatch(/%/);
    expect(await small.getByRole('cell').first().textContent()).toBe(
      'ít hơn 5 phiếu — không hiển thị',
    );
    const shownRow = ranking.getByRole('row', { name: /Đông Thái/ });
    expect(await shownRow.textContent()).toMatch(/\d+,\d%\d+,\d–\d+,\d%12/);
    await page.context().close();
  });

  test('the menu on a phone works by keyboard: it opens on the current page, Esc closes it', async () => {
    for (const width of [360, 800]) {
      const page = await pageAt(live.browser, width);
      await signIn(page, live.server.url, 'tayho@demo.vn');
      const menu = page.getByRole('button', { name: 'Menu' });
      await menu.waitFor();
      const list = page.getByRole('navigation', { name: 'Điều hướng' });
      expect(await list.isVisible()).toBe(false);
      await menu.focus();
      await page.keyboard.press('Enter');
      expect(await menu.getAttribute('aria-expanded')).toBe('true');
      await list.waitFor();
      // The focus is on the current page's link.
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-current'))).toBe(
        'page',
      );
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Tổng quan');
      await page.keyboard.press('Escape');
      expect(await list.isVisible()).toBe(false);
      expect(await menu.getAttribute('aria-expanded')).toBe('false');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Menu');
      // Open again, Tab to the next page, Enter: that page opens and the menu closes.
      await page.keyboard.press('Enter');
      await list.waitFor();
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Câu hỏi');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'Phân bố câu trả lời theo câu hỏi' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/app/questions');
      expect(await list.isVisible()).toBe(false);
      await page.context().close();
    }
    // On a desktop the pages are in the header and there is no menu button.
    const desk = await pageAt(live.browser, 1280);
    await signIn(desk, live.server.url, 'tayho@demo.vn');
    const nav = desk.getByRole('navigation', { name: 'Điều hướng' });
    await nav.waitFor();
    expect(await desk.getByRole('button', { name: 'Menu' }).isVisible()).toBe(false);
    expect(await nav.getByRole('link').count()).toBeGreaterThanOrEqual(11);
    await desk.context().close();
  });

  test('the questions chart is labelled with the questions, and the unit drilled into is in the address', async () => {
    const page = await pageAt(live.browser, 800);
    await signIn(page, live.server.url, 'tayho@demo.vn');
    await page.getByRole('heading', { name: 'Tổng quan chỉ số hài lòng' }).waitFor();
    await page.goto(`${live.server.url}/app/overview?campaignId=${campaignId}`);
    await page
      .locator('table.ranking')
      .getByRole('button', { name: /Đông Thái/ })
      .click();
    await page.waitForURL(/unitId=HN-TAYHO-THCS-DONGTHAI/);
    const shared = page.url();
    expect(new URL(shared).searchParams.get('campaignId')).toBe(campaignId);

    // The shared address opens on the same unit and campaign in another browser.
    const other = await pageAt(live.browser, 800);
    await signIn(other, live.server.url, 'tayho@demo.vn');
    await other.getByRole('heading', { name: 'Tổng quan chỉ số hài lòng' }).waitFor();
    await other.goto(shared);
    const crumbs = other.getByRole('navigation', { name: 'Đơn vị đang xem' });
    expect(await crumbs.locator('[aria-current="location"]').textContent()).toContain('Đông Thái');
    await other.locator('figcaption', { hasText: 'Khảo sát thử màn hình' }).first().waitFor();
    // Back goes up to the office again.
    await page.goBack();
    await page.waitForURL((u) => !u.searchParams.has('unitId'));
    expect(await page.locator('[aria-current="location"]').textContent()).toContain('Tây Hồ');

    await openPage(other, 'Câu hỏi');
    const figure = other.locator('figure', { hasText: 'Tỷ lệ câu trả lời từng mức' });
    await figure.getByText('Xem dạng bảng').click();
    const firsts = await figure.locator('tbody th').allTextContents();
    expect(firsts).toEqual(['Câu 1', 'Câu 2', 'Câu 3', 'Câu 4']);
    expect(await figure.locator('figcaption').textContent()).toContain(
      'Trường THCS Đông Thái, đợt Khảo sát thử màn hình',
    );
    await page.context().close();
    await other.context().close();
  });

  test('a page shows that it is loading while its figures are on the way', async () => {
    const page = await pageAt(live.browser, 360);
    await signIn(page, live.server.url, 'tayho@demo.vn');
    await page.getByRole('heading', { name: 'Tổng quan chỉ số hài lòng' }).waitFor();
    // Hold the indices answer until the loading state has been seen, then let it through.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/api/indices?*', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${live.server.url}/app/questions?campaignId=${campaignId}`);
    const busy = page.locator('section[aria-busy="true"]');
    await busy.getByRole('status').filter({ hasText: 'Đang tải câu trả lời…' }).waitFor();
    release();
    await page.locator('figure figcaption').first().waitFor();
    expect(await page.locator('section[aria-busy="true"]').count()).toBe(0);
    await page.context().close();
  });

  test('with no campaign yet, the overview says so and links to making one', async () => {
    const db = live.server.handle.db as unknown as Db;
    const now = '2026-11-01T00:00:00.000Z';
    // A new ward with no school and no campaign, and its manager (the demo password).
    await db
      .insertInto('units')
      .values({
        id: 'HN-PHUTHUONG',
        parent_id: 'HN',
        name: 'UBND phường Phú Thượng',
        kind: 'commune',
        level: null,
        eligible: 0,
        path: '/HN/HN-PHUTHUONG/',
        created_at: now,
        updated_at: now,
      })
      .execute();
    const { password_hash } = await db
      .selectFrom('users')
      .select('password_hash')
      .where('email', '=', 'admin@demo.vn')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('users')
      .values({
        id: 'phuthuong-manager',
        email: 'phuthuong@demo.vn',
        name: 'Cán bộ Phú Thượng',
        password_hash,
        role: 'manager',
        unit_id: 'HN-PHUTHUONG',
        disabled: 0,
        created_at: now,
      })
      .execute();
    const page = await pageAt(live.browser, 360);
    await signIn(page, live.server.url, 'phuthuong@demo.vn');
    const empty = page.locator('.empty-state');
    await empty.waitFor();
    expect(await empty.textContent()).toBe('Chưa có đợt khảo sát nào — tạo đợt mới.');
    await empty.getByRole('link', { name: 'tạo đợt mới' }).click();
    await page.waitForURL((u) => u.pathname === '/app/campaigns');
    await page.context().close();
  });

  test('the overview at 360 px, for the README (client/screenshots/overview-360.png)', async () => {
    const page = await pageAt(live.browser, 360);
    await signIn(page, live.server.url, 'tayho@demo.vn');
    await page.locator('figure figcaption').first().waitFor();
    await page.locator('table.ranking').waitFor();
    await page.waitForLoadState('networkidle');
    mkdirSync('client/screenshots', { recursive: true });
    await page.screenshot({ path: 'client/screenshots/overview-360.png', fullPage: true });
    await page.context().close();
  });
});
