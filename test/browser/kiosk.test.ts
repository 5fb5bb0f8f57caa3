import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  chromiumPath,
  openPage,
  phonePage,
  screenshot,
  signIn,
  useLive,
  type LiveServer,
} from '../helpers/browser.js';
import { liveApi, liveLogin } from '../helpers/live.js';

const DONGTHAI = 'HN-TAYHO-THCS-DONGTHAI';

/** A counter tablet: landscape, touch, Vietnamese. */
async function tabletPage(browser: Browser, width = 1024, height = 768): Promise<Page> {
  const ctx = await browser.newContext({
    viewport: { width, height },
    hasTouch: true,
    locale: 'vi-VN',
  });
  ctx.setDefaultTimeout(10_000);
  return ctx.newPage();
}

/** A SIPAS counter campaign at Đông Thái with one registered device; its code and campaign. */
async function registerKiosk(server: LiveServer) {
  const cookie = await liveLogin(server.url, 'tayho@demo.vn');
  const now = Date.now();
  const c = await liveApi(server.url, '/api/campaigns', {
    cookie,
    body: {
      surveyId: 'sipas-quay',
      name: 'Đánh giá tại quầy một cửa',
      opensAt: new Date(now - 86_400_000).toISOString(),
      closesAt: new Date(now + 30 * 86_400_000).toISOString(),
      unitIds: [DONGTHAI],
      access: 'link',
    },
  });
  const campaignId = ((await c.json()) as { id: string }).id;
  const k = await liveApi(server.url, '/api/kiosks', {
    cookie,
    body: { campaignId, unitId: DONGTHAI, name: 'Quầy 1' },
  });
  if (k.status !== 201) throw new Error(`kiosk: ${k.status} ${await k.text()}`);
  return { campaignId, deviceCode: ((await k.json()) as { deviceCode: string }).deviceCode };
}

async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

const QUESTION = 'Ông/Bà có hài lòng với sự phục vụ hôm nay không?';

describe.skipIf(!chromiumPath)('the counter kiosk', () => {
  const live = useLive();
  let kiosk: { campaignId: string; deviceCode: string };
  beforeAll(async () => {
    kiosk = await registerKiosk(live.server);
  });

  const stored = () =>
    live.server.handle.db
      .selectFrom('responses')
      .select(['client_id', 'channel', 'answers'])
      .where('campaign_id', '=', kiosk.campaignId)
      .execute();

  test('rates ten visits offline and delivers them once online, exactly once', async () => {
    const page = await tabletPage(live.browser);
    // The page's own timers (thanks → faces, retries) run on a clock the test moves.
    await page.clock.install();
    await page.goto(`${live.server.url}/k/${kiosk.deviceCode}`);
    await page.getByRole('heading', { name: QUESTION }).waitFor();
    const before = (await stored()).length;

    await page.context().setOffline(true);
    for (let visit = 0; visit < 10; visit++) {
      const pleased = visit % 2 === 0;
      await page
        .getByRole('button', { name: pleased ? 'Rất hài lòng' : 'Không hài lòng', exact: true })
        .click();
      if (!pleased) {
        await page.getByRole('heading', { name: 'Điều gì có thể tốt hơn?' }).waitFor();
        await page.getByRole('button', { name: visit === 1 ? 'Bỏ qua' : 'Thời gian chờ' }).click();
      }
      await page.getByRole('heading', { name: 'Cảm ơn Ông/Bà!' }).waitFor();
      // It resets itself after a few seconds, ready for the next visitor.
      await page.clock.runFor(4000);
      await page.getByRole('heading', { name: QUESTION }).waitFor();
    }
    await page.getByText('Đang ngoại tuyến — 10 lượt chờ gửi').waitFor();
    await screenshot(page, 'kiosk-offline');
    expect((await stored()).length).toBe(before);

    // Back online: the queue goes out by itself, without a reload or a tap.
    await page.context().setOffline(false);
    await page.waitForFunction(() => document.getElementById('k-net')?.textContent === '');
    const rows = await stored();
    expect(rows.length).toBe(before + 10);
    expect(new Set(rows.map((r) => r.client_id)).size).toBe(rows.length);
    expect(rows.every((r) => r.channel === 'kiosk')).toBe(true);
    const answers = rows.map((r) => JSON.parse(r.answers) as Record<string, unknown>);
    expect(answers.filter((a) => a.hai_long === 5)).toHaveLength(5);
    expect(answers.filter((a) => a.can_cai_thien === 'thoi_gian_cho')).toHaveLength(4);

    // Nothing more is sent later: the queue is empty for good.
    await page.clock.runFor(30_000);
    expect((await stored()).length).toBe(before + 10);
  });

  test('a tap whose acknowledgement was lost survives a reload, is sent again and stored once', async () => {
    const page = await tabletPage(live.browser);
    await page.clock.install();
    await page.goto(`${live.server.url}/k/${kiosk.deviceCode}`);
    await page.getByRole('heading', { name: QUESTION }).waitFor();
    const before = (await stored()).length;
    // The server stores the tap, but its answer never reaches the device.
    let lost = 0;
    await page.route('**/api/public/kiosks/**', async (route) => {
      await route.fetch();
      lost++;
      await route.abort('connectionreset');
    });
    await page.getByRole('button', { name: 'Hài lòng', exact: true }).click();
    await page.getByRole('button', { name: 'Bỏ qua' }).click();
    await page.getByText('Đang ngoại tuyến — 1 lượt chờ gửi').waitFor();
    expect(lost).toBe(1);
    expect((await stored()).length).toBe(before + 1);
    // A reload while the server is still out of reach keeps the tap waiting on the device.
    await page.reload();
    await page.getByText('Đang ngoại tuyến — 1 lượt chờ gửi').waitFor();
    expect(lost).toBe(2);
    await page.unroute('**/api/public/kiosks/**');
    await page.clock.runFor(5000);
    await page.waitForFunction(() => document.getElementById('k-net')?.textContent === '');
    expect((await stored()).length).toBe(before + 1);
  });

  test('is accessible: the faces, the follow-up and the thanks pass axe, on a tablet and a phone', async () => {
    for (const [w, h] of [
      [1024, 768],
      [360, 740],
    ] as const) {
      const page = await tabletPage(live.browser, w, h);
      await page.clock.install();
      await page.goto(`${live.server.url}/k/${kiosk.deviceCode}`);
      await page.getByRole('heading', { name: QUESTION }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, `kiosk-faces-${w}`);
      const faces = page.locator('.face');
      for (let i = 0; i < 5; i++) {
        const box = (await faces.nth(i).boundingBox())!;
        expect(box.height, `face ${i + 1} at ${w}px`).toBeGreaterThanOrEqual(48);
        expect(box.x + box.width, `face ${i + 1} at ${w}px`).toBeLessThanOrEqual(w);
      }
      await page.getByRole('button', { name: 'Bình thường' }).click();
      await page.getByRole('heading', { name: 'Điều gì có thể tốt hơn?' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, `kiosk-follow-up-${w}`);
      await page.getByRole('button', { name: 'Bỏ qua' }).click();
      await page.getByRole('heading', { name: 'Cảm ơn Ông/Bà!' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.context().close();
    }
  });

  test('staff register a device in "Quầy tiếp nhận", see its link and QR code, disable it, and find its rapid taps flagged', async () => {
    const page = await phonePage(live.browser);
    await signIn(page, live.server.url, 'tayho@demo.vn');
    await openPage(page, 'Quầy tiếp nhận');
    await page.getByRole('heading', { name: 'Quầy tiếp nhận' }).waitFor();
    await page.getByLabel('Đợt khảo sát').selectOption({ label: 'Đánh giá tại quầy một cửa' });
    await page.getByLabel('Đơn vị').selectOption({ label: 'Trường THCS Đông Thái' });
    await page.getByLabel('Tên máy').fill('Quầy 2 – tầng hai');
    await page.getByRole('button', { name: 'Đăng ký máy' }).click();
    await page.getByText('Đã đăng ký máy "Quầy 2 – tầng hai"').waitFor();
    const item = page.getByRole('listitem').filter({ hasText: 'Quầy 2 – tầng hai' });
    const qr = item.getByRole('img', {
      name: 'Mã QR mở trang đánh giá của máy "Quầy 2 – tầng hai"',
    });
    await qr.waitFor();
    expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(
      true,
    );
    const url = await item.getByRole('link', { name: /\/k\// }).textContent();
    expect(await seriousViolations(page)).toEqual([]);
    // Nothing wider than the phone: the long address wraps.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
    await screenshot(page, 'kiosks-360');

    await item.getByRole('button', { name: 'Tắt máy "Quầy 2 – tầng hai"' }).click();
    await page.getByText('Đã tắt máy "Quầy 2 – tầng hai"').waitFor();
    await item.getByText(/Đã tắt lúc/).waitFor();
    const device = await tabletPage(live.browser);
    await device.goto(url!);
    await device.getByRole('heading', { name: 'Máy đánh giá đã ngừng sử dụng' }).waitFor();

    // The ten visits tapped in a row above are more than a queue of visitors makes: flagged.
    await page.goto(`${live.server.url}/app/quality?campaignId=${kiosk.campaignId}`);
    const bursts = page.getByRole('region', { name: 'Chạm dồn dập tại quầy' });
    await bursts.getByRole('rowheader', { name: 'Quầy 1', exact: true }).waitFor();
    expect(await bursts.getByRole('row').count()).toBe(2);
  });
});
