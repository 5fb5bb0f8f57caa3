import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { RESPONDENT_BUDGET_BYTES } from '../../server/pages/respondent-budget.js';
import { createTestApp } from '../helpers/app.js';
import { createCampaign } from '../helpers/campaigns.js';

const gz = (b: Uint8Array) => gzipSync(b, { level: 9 }).length;

describe('the respondent page budget', () => {
  test('the longest questionnaire page as served, with its script and stylesheet, is at most 20 KB gzipped', async () => {
    const t = await createTestApp();
    const c = await createCampaign(t, { surveyId: 'sipas' });
    const page = await t.req(`/s/${c.links[0]!.code}`);
    const html = new Uint8Array(await page.clone().arrayBuffer());
    const text = await page.text();
    const assets = [...text.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets.sort()).toEqual(['/assets/respondent.css', '/assets/respondent.js']);
    let total = gz(html);
    for (const a of assets) {
      const res = await t.req(a);
      expect(res.status, a).toBe(200);
      total += gz(new Uint8Array(await res.arrayBuffer()));
    }
    console.log(`respondent page (sipas) as served: ${(total / 1024).toFixed(1)} KB gzipped`);
    expect(total).toBeLessThanOrEqual(RESPONDENT_BUDGET_BYTES);
  });
});
