import AxeBuilder from '@axe-core/playwright';
import { sql } from 'kysely';
import { describe, expect, test, vi } from 'vitest';
import { chromiumPath, phonePage, useLive } from '../helpers/browser.js';

/**
 * The 500 page a parent sees when the server fails (server/html/error-page.ts): readable at
 * 360 px and free of serious axe violations. The failure is real: a table is renamed away.
 */
describe.skipIf(!chromiumPath)('the server error page', () => {
  const live = useLive();

  test('is readable on a phone and has no serious axe violations', async () => {
    await sql`alter table campaign_units rename to campaign_units_gone`.execute(
      live.server.handle.db,
    );
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const page = await phonePage(live.browser);
    const res = await page.goto(`${live.server.url}/s/ABCD2345`);
    expect(res?.status()).toBe(500);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Lỗi máy chủ');
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(360);
    const { violations } = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
      .analyze();
    expect(
      violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
    ).toEqual([]);
    await page.context().close();
  });
});
