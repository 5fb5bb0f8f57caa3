import { describe, expect, test } from 'vitest';
import { RESPONDENT_BUDGET_BYTES } from '../../server/pages/respondent-budget.js';
import { createTestApp } from '../helpers/app.js';
import { createCampaign } from '../helpers/campaigns.js';

/** What a phone's browser asks for. */
const BROWSER = { 'accept-encoding': 'gzip, deflate, br' };

/** The bytes as sent (app.request does not decompress), and the encoding they were sent in. */
async function onTheWire(res: Response) {
  return {
    bytes: (await res.arrayBuffer()).byteLength,
    encoding: res.headers.get('content-encoding'),
  };
}

describe('the respondent page budget', () => {
  test('the longest questionnaire page as served, with its script and stylesheet, is at most 20 KB on the wire', async () => {
    const t = await createTestApp();
    const c = await createCampaign(t, { surveyId: 'sipas' });
    const path = `/s/${c.links[0]!.code}`;
    const text = await (await t.req(path)).text();
    const assets = [...text.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets.sort()).toEqual(['/assets/respondent.css', '/assets/respondent.js']);
    const page = await onTheWire(await t.req(path, { headers: BROWSER }));
    expect(page.encoding).toBe('br');
    let total = page.bytes;
    for (const a of assets) {
      const res = await t.req(a, { headers: BROWSER });
      expect(res.status, a).toBe(200);
      const wire = await onTheWire(res);
      expect(wire.encoding, a).toBe('br');
      total += wire.bytes;
    }
    console.log(`respondent page (sipas) on the wire: ${(total / 1024).toFixed(1)} KB`);
    expect(total).toBeLessThanOrEqual(RESPONDENT_BUDGET_BYTES);
  });

  test('is sent uncompressed to a client that does not ask for compression, gzip or brotli to one that asks for it', async () => {
    const t = await createTestApp();
    const plain = await t.req('/assets/respondent.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    const js = await plain.text();
    const gz = await t.req('/assets/respondent.js', { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gz.headers.get('vary')).toMatch(/accept-encoding/i);
    const body = new Uint8Array(await gz.arrayBuffer());
    expect(body.byteLength).toBeLessThan(js.length / 2);
    const { gunzipSync } = await import('node:zlib');
    expect(gunzipSync(body).toString()).toBe(js);
    const json = await t.req('/api/public/units', { headers: { 'accept-encoding': 'gzip' } });
    expect(json.headers.get('content-encoding')).toBe('gzip');
    const units = await (await t.req('/api/public/units')).text();
    const br = await t.req('/api/public/units', { headers: BROWSER });
    expect(br.headers.get('content-encoding')).toBe('br');
    const { brotliDecompressSync } = await import('node:zlib');
    expect(brotliDecompressSync(new Uint8Array(await br.arrayBuffer())).toString()).toBe(units);
    // A client that refuses brotli (q=0) gets gzip.
    const noBr = await t.req('/api/public/units', {
      headers: { 'accept-encoding': 'br;q=0, gzip' },
    });
    expect(noBr.headers.get('content-encoding')).toBe('gzip');
  });
});
