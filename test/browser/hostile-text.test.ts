import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { chromiumPath, phonePage, screenshot, signIn, useLive } from '../helpers/browser.js';
import { liveApi } from '../helpers/live.js';

/** If any of this ever runs as markup, window.__xss is set (or a dialog opens). */
const TITLE = 'Học phí <img src=x onerror="window.__xss=1"> <script>window.__xss=2</script>';

async function watch(page: Page): Promise<string[]> {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return dialogs;
}

const ran = (page: Page) =>
  page.evaluate(() => (window as unknown as { __xss?: number }).__xss ?? 0);

describe.skipIf(!chromiumPath)('markup typed by a citizen stays text in the browser', () => {
  const live = useLive();
  let trackingCode: string;
  beforeAll(async () => {
    const res = await liveApi(live.server.url, '/api/public/feedback', {
      body: {
        unitId: 'HN-TAYHO-THCS-DONGTHAI',
        category: 'thu_phi',
        title: TITLE,
        content: `Nội dung có mã: ${TITLE}`,
        consent: false,
      },
    });
    expect(res.status).toBe(201);
    trackingCode = ((await res.json()) as { trackingCode: string }).trackingCode;
  });

  test('on the public status page', async () => {
    const page = await phonePage(live.browser);
    const dialogs = await watch(page);
    await page.goto(`${live.server.url}/feedback/status/${trackingCode}`);
    await page.getByText(TITLE).waitFor();
    expect(await ran(page)).toBe(0);
    expect(dialogs).toEqual([]);
    await page.context().close();
  });

  test('in the school inbox and the item opened from it', async () => {
    const ctx = await live.browser.newContext({ viewport: { width: 1280, height: 900 } });
    ctx.setDefaultTimeout(10_000);
    const page = await ctx.newPage();
    const dialogs = await watch(page);
    await signIn(page, live.server.url, 'dongthai@demo.vn');
    await page.getByRole('link', { name: 'Phản ánh', exact: true }).click();
    const row = page.getByRole('row', { name: /Học phí/ });
    await row.waitFor();
    expect(await row.textContent()).toContain(TITLE);
    await row.getByRole('link').first().click();
    await page.getByRole('heading', { name: /Học phí/ }).waitFor();
    await screenshot(page, 'hostile-text-detail');
    expect(await page.getByRole('heading', { name: /Học phí/ }).textContent()).toContain(TITLE);
    expect(await ran(page)).toBe(0);
    expect(dialogs).toEqual([]);
    await ctx.close();
  });
});
