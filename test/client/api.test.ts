import { afterEach, describe, expect, test, vi } from 'vitest';
import { api, ApiError, call } from '../../client/dashboard/api.js';
import { createTestApp, DEMO_PASSWORD, ORIGIN, type TestApp } from '../helpers/app.js';

/**
 * The dashboard's typed client against the real app: `fetch` is the page's, answered by the app
 * in this process as the browser would reach it (same origin, its cookies kept), and the language
 * chosen is what the dashboard stores.
 */
function asBrowser(t: TestApp, lang: 'vi' | 'en' = 'vi') {
  const seen: { url: string; language: string | null; credentials?: RequestCredentials }[] = [];
  let cookie = '';
  vi.stubGlobal('localStorage', { getItem: (k: string) => (k === 'hl.lang' ? lang : null) });
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    const headers = new Headers(init.headers);
    seen.push({ url, language: headers.get('accept-language'), credentials: init.credentials });
    headers.set('origin', ORIGIN);
    // A browser sends this site's cookies on a same-origin request unless told to omit them.
    if (cookie && init.credentials !== 'omit') headers.set('cookie', cookie);
    const res = await t.app.request(`${ORIGIN}${url}`, { ...init, headers });
    const set = res.headers.get('set-cookie');
    if (set?.startsWith('hl_session=')) cookie = set.split(';')[0]!;
    return res;
  });
  return seen;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the dashboard calling the server', () => {
  test('a signed-out call fails with the server’s message in Vietnamese', async () => {
    const t = await createTestApp();
    asBrowser(t);
    const err = await call(api.api.auth.me.$get()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({
      status: 401,
      code: 'unauthenticated',
      message: 'Bạn cần đăng nhập.',
    });
  });

  test('in English the same failure reads in English', async () => {
    const t = await createTestApp();
    const seen = asBrowser(t, 'en');
    await expect(call(api.api.auth.me.$get())).rejects.toThrow('You need to sign in.');
    expect(seen[0]?.language).toBe('en');
  });

  test('a refused sign-in names the field that is wrong', async () => {
    const t = await createTestApp();
    asBrowser(t);
    const err = await call(
      api.api.auth.login.$post({ json: { email: 'not an address', password: 'x' } }),
    ).catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 400, message: 'Dữ liệu không hợp lệ.' });
    expect((err as ApiError).details).toEqual([expect.objectContaining({ path: 'email' })]);
  });

  test('signed in, the calls answer with the user, the units and the session cookie sent', async () => {
    const t = await createTestApp();
    const seen = asBrowser(t);
    await call(
      api.api.auth.login.$post({ json: { email: 'dongthai@demo.vn', password: DEMO_PASSWORD } }),
    );
    const me = await call(api.api.auth.me.$get());
    const units = await call(api.api.units.$get({ query: {} }));
    expect(me.user.email).toBe('dongthai@demo.vn');
    expect(units.map((u) => u.id)).toContain(me.unit.id);
    expect(seen.map((s) => s.url)).toEqual(['/api/auth/login', '/api/auth/me', '/api/units']);
    expect(seen.every((s) => s.language === 'vi' && s.credentials === 'same-origin')).toBe(true);
  });
});
