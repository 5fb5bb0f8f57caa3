import { describe, expect, test } from 'vitest';
import { loadConfig } from '../../server/config.js';
import { clientAddressFor } from '../../server/middleware/proxy.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createCampaign } from '../helpers/campaigns.js';
import { filing } from '../helpers/feedback.js';

/** A request arriving over a socket from `peer` (what @hono/node-server passes as env). */
function fromPeer(
  t: TestApp,
  peer: string,
  path: string,
  init: RequestInit & { headers?: Record<string, string> },
) {
  return t.app.request(`http://localhost${path}`, init, {
    incoming: { socket: { remoteAddress: peer } },
  });
}

const post = (headers: Record<string, string>) => ({
  method: 'POST',
  headers: { origin: 'http://localhost', 'content-type': 'application/json', ...headers },
  body: JSON.stringify(filing()),
});

describe('TRUST_PROXY', () => {
  test('parses off, a number of hops, or a list of proxy addresses, and refuses anything else', () => {
    expect(loadConfig({}).trustProxy).toBeNull();
    expect(loadConfig({ TRUST_PROXY: '0' }).trustProxy).toBeNull();
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toEqual({ hops: 2 });
    expect(loadConfig({ TRUST_PROXY: '10.0.0.1, ::1' }).trustProxy).toEqual({
      addresses: ['10.0.0.1', '::1'],
    });
    expect(() => loadConfig({ TRUST_PROXY: 'yes please' })).toThrow(/TRUST_PROXY/);
  });

  test('picks the client address only as far as the trusted proxies go', () => {
    expect(clientAddressFor(null, '203.0.113.9', '1.2.3.4')).toBe('203.0.113.9');
    expect(clientAddressFor({ hops: 1 }, '10.0.0.1', 'forged, 198.51.100.7')).toBe('198.51.100.7');
    expect(clientAddressFor({ hops: 2 }, '10.0.0.1', 'forged, 198.51.100.7, 10.0.0.2')).toBe(
      '198.51.100.7',
    );
    expect(clientAddressFor({ addresses: ['10.0.0.1'] }, '10.0.0.1', 'forged, 198.51.100.7')).toBe(
      '198.51.100.7',
    );
    // A peer that is not a listed proxy is the client, whatever it forwards.
    expect(clientAddressFor({ addresses: ['10.0.0.1'] }, '203.0.113.9', '198.51.100.7')).toBe(
      '203.0.113.9',
    );
    expect(clientAddressFor({ addresses: ['10.0.0.1'] }, '::ffff:10.0.0.1', '198.51.100.7')).toBe(
      '198.51.100.7',
    );
  });

  test('by default a forged X-Forwarded-For neither escapes the rate limit nor spends another address', async () => {
    const t = await createTestApp({ config: { rateLimit: 2 } });
    const codes = [];
    for (let i = 0; i < 3; i++)
      codes.push(
        (
          await fromPeer(
            t,
            '203.0.113.9',
            '/api/public/feedback',
            post({ 'x-forwarded-for': `10.9.9.${i}` }),
          )
        ).status,
      );
    expect(codes).toEqual([201, 201, 429]);
    // The addresses the attacker named are untouched: a parent there still files.
    expect((await fromPeer(t, '10.9.9.2', '/api/public/feedback', post({}))).status).toBe(201);
  });

  test('behind one trusted proxy, each client behind it is counted on its own address', async () => {
    const t = await createTestApp({ config: { rateLimit: 1, trustProxy: { hops: 1 } } });
    const viaProxy = (client: string, forged = '') =>
      fromPeer(
        t,
        '10.0.0.1',
        '/api/public/feedback',
        post({ 'x-forwarded-for': `${forged}${client}` }),
      );
    expect((await viaProxy('198.51.100.7')).status).toBe(201);
    expect((await viaProxy('198.51.100.7', '1.1.1.1, ')).status).toBe(429); // forging a left entry does not help
    expect((await viaProxy('198.51.100.8')).status).toBe(201);
  });

  test('believes X-Forwarded-Proto only from a trusted proxy', async () => {
    const untrusted = await createTestApp({ seed: 'base' });
    const c1 = await createCampaign(untrusted);
    const r1 = await fromPeer(untrusted, '203.0.113.9', `/api/campaigns/${c1.id}`, {
      headers: { cookie: c1.cookie, 'x-forwarded-proto': 'https' },
    });
    expect(((await r1.json()) as { units: { url: string }[] }).units[0]!.url).toMatch(
      /^http:\/\/localhost\/s\//,
    );

    const trusted = await createTestApp({ config: { trustProxy: { addresses: ['10.0.0.1'] } } });
    const c2 = await createCampaign(trusted);
    const r2 = await fromPeer(trusted, '10.0.0.1', `/api/campaigns/${c2.id}`, {
      headers: { cookie: c2.cookie, 'x-forwarded-proto': 'https' },
    });
    expect(((await r2.json()) as { units: { url: string }[] }).units[0]!.url).toMatch(
      /^https:\/\/localhost\/s\//,
    );
  });
});

describe('PUBLIC_URL', () => {
  const form = (origin: string) => ({
    method: 'POST',
    headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      unitId: 'HN-TAYHO-THCS-DONGTHAI',
      category: 'co_so_vat_chat',
      title: 'Đèn hỏng',
      content: 'Đèn lớp 6A hỏng đã lâu.',
    }).toString(),
  });

  test('a no-JS form post from the public HTTPS origin is accepted behind a proxy (no Sec-Fetch-Site)', async () => {
    const before = await createTestApp();
    expect(
      (
        await before.app.request(
          'http://hailong.internal:3000/feedback',
          form('https://hailong.example.vn'),
        )
      ).status,
    ).toBe(403);
    const t = await createTestApp({ config: { publicUrl: 'https://hailong.example.vn' } });
    const res = await t.app.request(
      'http://hailong.internal:3000/feedback',
      form('https://hailong.example.vn'),
    );
    expect(res.status).toBe(201);
    expect(await res.text()).toContain('PA-');
  });

  test('a refused form post is a readable Vietnamese page; the API still answers in JSON', async () => {
    const t = await createTestApp({ config: { publicUrl: 'https://hailong.example.vn' } });
    const res = await t.app.request(
      'http://hailong.internal:3000/feedback',
      form('https://evil.example'),
    );
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const page = await res.text();
    expect(page).toContain('<html lang="vi"');
    expect(page).toContain('Không gửi được biểu mẫu');
    expect(page).toContain('https://hailong.example.vn/');
    const api = await t.app.request('http://hailong.internal:3000/api/public/feedback', {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'text/plain' },
      body: JSON.stringify(filing()),
    });
    expect(api.status).toBe(403);
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe('forbidden');
  });

  test('QR codes, posters and one-time code lists carry the public address, not the internal one', async () => {
    const t = await createTestApp({ config: { publicUrl: 'https://hailong.example.vn' } });
    const c = await createCampaign(t);
    expect(c.links[0]!.url).toBe(`https://hailong.example.vn/s/${c.links[0]!.code}`);
    const poster = await (
      await t.app.request(
        `http://10.0.0.5:3000/api/campaigns/${c.id}/units/${c.links[0]!.unitId}/poster`,
        { headers: { cookie: c.cookie } },
      )
    ).text();
    expect(poster).toContain(`https://hailong.example.vn/s/${c.links[0]!.code}`);
    expect(poster).not.toContain('10.0.0.5');
  });
});

describe('JSON bodies', () => {
  test('a body nested 2,500 deep is a 400, not a 500 with a stack trace', async () => {
    const t = await createTestApp();
    const deep = '['.repeat(2500) + ']'.repeat(2500);
    const body = `{"clientId":"6f1c1b1e-8d1a-4c9e-9f3e-1a2b3c4d5e6f","answers":{"q1":${deep}}}`;
    const res = await t.req('/api/public/forms/NOSUCHCODE/responses', {
      body,
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    const json = (await res.json()) as { error: { code: string } };
    expect(json.error.code).toBe('validation_failed');
  });

  test('brackets inside strings do not count as nesting', async () => {
    const t = await createTestApp();
    const res = await t.req('/api/public/feedback', {
      body: filing({ content: '['.repeat(3000) + ' góp ý' }),
    });
    expect(res.status).toBe(201);
  });
});

describe('tracking-code look-ups', () => {
  test('are rate limited per address, page and API alike, with a readable page for a person', async () => {
    const t = await createTestApp({ config: { lookupRateLimit: 3 } });
    const get = (peer: string, path: string) => fromPeer(t, peer, path, {});
    expect((await get('203.0.113.9', '/api/public/feedback/PA-AAAAAAAA')).status).toBe(404);
    expect((await get('203.0.113.9', '/feedback/status/PA-AAAAAAAB')).status).toBe(404);
    expect((await get('203.0.113.9', '/feedback/lookup?code=PA-AAAAAAAC')).status).toBe(404);
    const api = await get('203.0.113.9', '/api/public/feedback/PA-AAAAAAAD');
    expect(api.status).toBe(429);
    expect(Number(api.headers.get('retry-after'))).toBeGreaterThan(0);
    const page = await get('203.0.113.9', '/feedback/lookup?code=PA-AAAAAAAE');
    expect(page.status).toBe(429);
    expect(await page.text()).toContain('Vui lòng đợi');
    // Another address still looks up.
    expect((await get('203.0.113.10', '/api/public/feedback/PA-AAAAAAAF')).status).toBe(404);
  });
});

describe('session cookies behind a proxy', () => {
  test('are marked Secure when a trusted proxy says the browser came over HTTPS, not when anyone says so', async () => {
    const signIn = (t: TestApp, peer: string) =>
      fromPeer(t, peer, '/api/auth/login', {
        method: 'POST',
        headers: {
          origin: 'http://localhost',
          'content-type': 'application/json',
          'x-forwarded-proto': 'https',
        },
        body: JSON.stringify({ email: 'dongthai@demo.vn', password: 'demo-2024' }),
      });
    const untrusted = await createTestApp();
    const plain = await signIn(untrusted, '203.0.113.9');
    expect(plain.headers.getSetCookie().find((c) => c.startsWith('hl_session='))).not.toMatch(
      /Secure/i,
    );
    const trusted = await createTestApp({ config: { trustProxy: { hops: 1 } } });
    const secure = await signIn(trusted, '10.0.0.1');
    expect(secure.status).toBe(200);
    for (const c of secure.headers.getSetCookie()) expect(c).toMatch(/;\s*Secure/i);
  });
});
