import { describe, expect, test } from 'vitest';
import { createTestApp } from '../helpers/app.js';
import { createCampaign } from '../helpers/campaigns.js';

/** The counter page is opened on cheap tablets over shaky one-stop-office networks: keep it tiny. */
const KIOSK_BUDGET_BYTES = 8 * 1024;
const BROWSER = { 'accept-encoding': 'gzip, deflate, br' };

describe('the kiosk page budget', () => {
  test('the page as served, with its only script and stylesheet, is at most 8 KB on the wire', async () => {
    const t = await createTestApp();
    const c = await createCampaign(t, { surveyId: 'sipas-quay' });
    const k = await t.req('/api/kiosks', {
      cookie: c.cookie,
      body: { campaignId: c.id, unitId: c.links[0]!.unitId, name: 'Quầy 1' },
    });
    const { deviceCode } = (await k.json()) as { deviceCode: string };
    const path = `/k/${deviceCode}`;
    const text = await (await t.req(path)).text();
    const assets = [...text.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets.sort()).toEqual(['/assets/kiosk.css', '/assets/kiosk.js']);
    let total = (await (await t.req(path, { headers: BROWSER })).arrayBuffer()).byteLength;
    for (const a of assets) {
      const res = await t.req(a, { headers: BROWSER });
      expect(res.status, a).toBe(200);
      expect(res.headers.get('content-encoding'), a).toBe('br');
      total += (await res.arrayBuffer()).byteLength;
    }
    console.log(`kiosk page on the wire: ${(total / 1024).toFixed(1)} KB`);
    expect(total).toBeLessThanOrEqual(KIOSK_BUDGET_BYTES);
  });
});
