import { describe, expect, test } from 'vitest';
import { ACCOUNT_POLICY } from '../../server/auth/throttle.js';
import { createTestApp } from '../helpers/app.js';

describe('POST /api/auth/login', () => {
  test('signs in a demo account and sets an HttpOnly, SameSite session cookie', async () => {
    const t = await createTestApp();
    const res = await t.req('/api/auth/login', {
      body: { email: 'Admin@demo.vn', password: 'demo-2024' },
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.user).toMatchObject({ email: 'admin@demo.vn', role: 'admin', unitId: 'HN' });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^hl_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Expires=/i);
    const me = await t.req('/api/auth/me', { cookie: cookie.split(';')[0] });
    expect(me.status).toBe(200);
    expect((await me.json()).unit.id).toBe('HN');
  });

  test('answers a wrong password with 401 unauthenticated', async () => {
    const t = await createTestApp();
    const res = await t.req('/api/auth/login', {
      body: { email: 'admin@demo.vn', password: 'nope' },
    });
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('unauthenticated');
  });

  test('slows sign-in after repeated failures, even with the right password, until the delay passes', async () => {
    const t = await createTestApp();
    for (let i = 0; i < ACCOUNT_POLICY.free + 2; i++) {
      t.clock.advance(16 * 60_000);
      const r = await t.req('/api/auth/login', {
        body: { email: 'tayho@demo.vn', password: `wrong-${i}` },
      });
      expect(r.status).toBe(401);
    }
    const locked = await t.req('/api/auth/login', {
      body: { email: 'tayho@demo.vn', password: 'demo-2024' },
    });
    expect(locked.status).toBe(429);
    expect((await locked.json()).error.code).toBe('rate_limited');
    t.clock.advance(16 * 60_000);
    const again = await t.req('/api/auth/login', {
      body: { email: 'tayho@demo.vn', password: 'demo-2024' },
    });
    expect(again.status).toBe(200);
  });

  test('a session ends on logout and on expiry', async () => {
    const t = await createTestApp();
    const cookie = await t.login('dongthai@demo.vn');
    expect((await t.req('/api/units', { cookie })).status).toBe(200);
    await t.req('/api/auth/logout', { method: 'POST', cookie });
    expect((await t.req('/api/units', { cookie })).status).toBe(401);

    const cookie2 = await t.login('dongthai@demo.vn');
    t.clock.advance(13 * 3600_000);
    expect((await t.req('/api/units', { cookie: cookie2 })).status).toBe(401);
  });
});
