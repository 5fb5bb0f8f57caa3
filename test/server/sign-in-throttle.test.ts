import { loadConfig } from '../../server/config.js';
import { describe, expect, test } from 'vitest';
import { findUserByEmail, updateUserPassword } from '../../db/repositories/users.js';
import { createHashGate } from '../../server/auth/hash-gate.js';
import { PARAMS } from '../../server/auth/password.js';
import { ACCOUNT_POLICY, ADDRESS_POLICY } from '../../server/auth/throttle.js';
import { createApp } from '../../server/app.js';
import { defaultConfig } from '../../server/config.js';
import { createTestApp, DEMO_PASSWORD, ORIGIN, type TestApp } from '../helpers/app.js';

type App = Pick<TestApp, 'app'>;

/** A sign-in over a socket from `peer`, with the cookies a browser would carry. */
function signIn(t: App, peer: string, email: string, password: string, cookie?: string) {
  const headers: Record<string, string> = { origin: ORIGIN, 'content-type': 'application/json' };
  if (cookie) headers.cookie = cookie;
  return Promise.resolve(
    t.app.request(
      `${ORIGIN}/api/auth/login`,
      { method: 'POST', headers, body: JSON.stringify({ email, password }) },
      { incoming: { socket: { remoteAddress: peer } } },
    ),
  );
}

const deviceCookie = (res: Response) =>
  res.headers
    .getSetCookie()
    .find((c) => c.startsWith('hl_device='))!
    .split(';')[0]!;

describe('sign-in throttling', () => {
  test('of 100 guesses sent at once against one account, only the first few are checked', async () => {
    const t = await createTestApp();
    // All wrong: on PostgreSQL the pool runs the burst in any order, and a right password checked
    // early in it would rightly clear the account's count (the owner signed in).
    const guesses = Array.from({ length: 100 }, (_, i) => `guess-${i}`);
    const results = await Promise.all(
      guesses.map((p, i) => signIn(t, `198.51.100.${i + 1}`, 'tayho@demo.vn', p)),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(ACCOUNT_POLICY.free);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(
      100 - ACCOUNT_POLICY.free,
    );
    // The right password, right after the burst from yet another address, is not checked either.
    const late = await signIn(t, '198.51.100.200', 'tayho@demo.vn', DEMO_PASSWORD);
    expect(late.status).toBe(429);
  });

  test('each further failure doubles the wait, and the right password passes once it is over', async () => {
    const t = await createTestApp();
    const waits: number[] = [];
    /** Sends one sign-in; when told to wait, waits as long as Retry-After says and sends it again. */
    const patiently = async (password: string) => {
      for (;;) {
        const r = await signIn(t, '198.51.100.1', 'tayho@demo.vn', password);
        if (r.status !== 429) return r.status;
        const wait = Number(r.headers.get('retry-after'));
        waits.push(wait);
        t.clock.advance(wait * 1000);
      }
    };
    for (let i = 0; i < ACCOUNT_POLICY.free + 3; i++)
      expect(await patiently(`guess-${i}`)).toBe(401);
    expect(await patiently(DEMO_PASSWORD)).toBe(200);
    expect(waits).toEqual([1, 2, 4, 8]);
  });

  test("a stranger's guesses do not lock the owner out of a browser or address that signed in before", async () => {
    const t = await createTestApp();
    const first = await signIn(t, '192.0.2.10', 'tayho@demo.vn', DEMO_PASSWORD);
    expect(first.status).toBe(200);
    const device = deviceCookie(first);
    // A stranger guesses for hours, from many addresses: the account's delay reaches 15 minutes.
    for (let i = 0; i < 30; i++) {
      await signIn(t, `203.0.113.${i + 1}`, 'tayho@demo.vn', `guess-${i}`);
      t.clock.advance(60_000);
    }
    expect((await signIn(t, '203.0.113.200', 'tayho@demo.vn', DEMO_PASSWORD)).status).toBe(429);
    // The owner's browser, now on a new network, and the owner's office address both get in.
    expect((await signIn(t, '100.64.0.9', 'tayho@demo.vn', DEMO_PASSWORD, device)).status).toBe(
      200,
    );
    expect((await signIn(t, '192.0.2.10', 'tayho@demo.vn', DEMO_PASSWORD)).status).toBe(200);
    // The stranger gained nothing from the owner's sign-ins.
    expect((await signIn(t, '203.0.113.201', 'tayho@demo.vn', 'guess-x')).status).toBe(429);
    // A known browser with the wrong password is still refused.
    expect((await signIn(t, '100.64.0.9', 'tayho@demo.vn', 'guess-y', device)).status).toBe(401);
  });

  test('one address guessing across many accounts is slowed down too', async () => {
    const t = await createTestApp();
    const statuses = [];
    for (let i = 0; i < ADDRESS_POLICY.free + 1; i++) {
      statuses.push((await signIn(t, '203.0.113.7', `nobody-${i}@demo.vn`, 'guess')).status);
    }
    expect(statuses.slice(0, ADDRESS_POLICY.free).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    // Another address is not affected.
    expect((await signIn(t, '203.0.113.8', 'dongthai@demo.vn', DEMO_PASSWORD)).status).toBe(200);
    // 21 scrypt hashes at OWASP cost, one after another: seconds each on a loaded CI machine.
  }, 120_000);

  test('a flood of sign-ins hashes one password at a time and refuses what would queue beyond the bound', async () => {
    const t = await createTestApp();
    const hashGate = createHashGate({ concurrency: 1, queue: 2 });
    const app = createApp({
      ...t.handle,
      clock: t.clock,
      config: defaultConfig({ rateLimit: 0 }),
      hashGate,
    });
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        signIn({ app }, `198.51.100.${i + 1}`, `flood-${i}@demo.vn`, 'guess'),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(hashGate.peak).toBe(1);
    expect(statuses.filter((s) => s === 401).length).toBe(3);
    expect(statuses.filter((s) => s === 429).length).toBe(5);
    // The public submission route answers meanwhile and afterwards.
    expect((await t.req('/api/public/units')).status).toBe(200);
  });
});

describe('password hashes', () => {
  test('are made at OWASP scrypt cost, and an older, weaker hash is upgraded at the next sign-in', async () => {
    // What production runs with (the other tests hash at a cheaper cost to save time).
    expect(loadConfig({}).scrypt).toEqual(PARAMS);
    expect(PARAMS.N).toBeGreaterThanOrEqual(2 ** 17);
    const t = await createTestApp({ config: { scrypt: PARAMS } });
    const user = (await findUserByEmail(t.handle.db, 'dongthai@demo.vn'))!;
    expect(user.password_hash.split('$')[1]).toBe(String(2 ** 17));
    // The hash of 'demo-2024' as the first version stored it (N = 2^14).
    const { scryptSync } = await import('node:crypto');
    const salt = Buffer.from('0123456789abcdef');
    const old = scryptSync(DEMO_PASSWORD, salt, 32, { N: 2 ** 14, r: 8, p: 1 });
    await updateUserPassword(
      t.handle.db,
      user.id,
      ['scrypt', 16384, 8, 1, salt.toString('base64'), old.toString('base64')].join('$'),
    );
    expect((await signIn(t, '192.0.2.1', 'dongthai@demo.vn', DEMO_PASSWORD)).status).toBe(200);
    const upgraded = (await findUserByEmail(t.handle.db, 'dongthai@demo.vn'))!.password_hash;
    expect(upgraded.split('$')[1]).toBe(String(2 ** 17));
    expect((await signIn(t, '192.0.2.1', 'dongthai@demo.vn', DEMO_PASSWORD)).status).toBe(200);
    expect((await signIn(t, '192.0.2.1', 'dongthai@demo.vn', 'wrong')).status).toBe(401);
  });
});
