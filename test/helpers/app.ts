import { afterEach } from 'vitest';
import type { DbHandle } from '../../db/index.js';
import { BASE_STEP, DEMO_STEPS, seedDemo } from '../../cli/seed/demo.js';
import { createApp } from '../../server/app.js';
import { defaultConfig, type Config } from '../../server/config.js';
import { closeServices, createServices, type Services } from '../../server/services.js';
import { prepare } from '../../server/startup.js';
import { createDb } from '../../db/index.js';
import { pgDbFromTemplate, sqliteImage, testDialect } from './db.js';

export const ORIGIN = 'http://localhost';
export const DEMO_PASSWORD = 'demo-2024';
/**
 * Tests hash at N = 2^12 instead of production's 2^17: the same code, a cheaper cost, so a test
 * that signs in a dozen times does not spend most of its time in scrypt. The production cost is
 * asserted on its own (test/server/sign-in-throttle.test.ts).
 */
export const TEST_SCRYPT = { N: 2 ** 12, r: 8, p: 1 };

/** A clock that stands still until moved: no sleeping in tests. */
export function fixedClock(start = '2026-11-23T02:00:00.000Z') {
  let now = new Date(start).getTime();
  const clock = () => new Date(now);
  return Object.assign(clock, {
    set: (iso: string) => (now = new Date(iso).getTime()),
    advance: (ms: number) => (now += ms),
  });
}
export type FixedClock = ReturnType<typeof fixedClock>;

/** Closed after each test, last opened first: an app's services before its database. */
const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

export interface TestApp {
  app: ReturnType<typeof createApp>;
  handle: DbHandle;
  /** The app's long-lived state (the tally, the group committer, the caches). */
  services: Services;
  clock: FixedClock;
  /** A request as a browser on this site would send it (same Origin), JSON by default. */
  req(
    path: string,
    init?: { method?: string; body?: unknown; cookie?: string; headers?: Record<string, string> },
  ): Promise<Response>;
  /** Signs in and returns the session cookie to pass to `req`. */
  login(email: string, password?: string): Promise<string>;
}

/** A fresh, migrated database with the demo units and accounts (or all demo data, or none) and the app. */
export async function createTestApp(
  opts: {
    seed?: 'base' | 'full' | false;
    config?: Partial<Config>;
    clock?: FixedClock;
    handle?: DbHandle;
  } = {},
): Promise<TestApp> {
  const clock = opts.clock ?? fixedClock();
  const seed = opts.seed ?? 'base';
  const scrypt = opts.config?.scrypt ?? TEST_SCRYPT;
  const build = async (h: DbHandle) => {
    await prepare(h.db, clock);
    if (seed) {
      const steps = seed === 'full' ? DEMO_STEPS : [BASE_STEP];
      await seedDemo({ db: h.db, clock, password: DEMO_PASSWORD, scrypt }, () => {}, steps);
    }
  };
  let handle: DbHandle;
  if (opts.handle) {
    handle = opts.handle;
    open.push(handle);
    await build(handle);
  } else {
    // The migrated, prepared and seeded database is built once per run for each seed, clock
    // time and password cost, and each test gets its own copy of it (test/helpers/db.ts).
    const key = JSON.stringify({ app: seed, at: clock().toISOString(), scrypt });
    handle =
      testDialect === 'postgres'
        ? await pgDbFromTemplate(key, build)
        : createDb(':memory:', { image: await sqliteImage(key, build) });
    open.push(handle);
  }
  const config = defaultConfig({
    rateLimit: 0,
    lookupRateLimit: 0,
    scrypt: TEST_SCRYPT,
    ...opts.config,
  });
  const services = createServices(handle.db, handle.source);
  open.push({ close: () => closeServices(services) });
  const app = createApp({ ...handle, ...services, clock, config });

  const req: TestApp['req'] = (path, init = {}) => {
    const headers: Record<string, string> = { origin: ORIGIN, ...init.headers };
    if (init.cookie) headers.cookie = init.cookie;
    let body: BodyInit | undefined;
    if (typeof init.body === 'string' || init.body instanceof FormData) body = init.body;
    else if (init.body !== undefined) {
      body = JSON.stringify(init.body);
      headers['content-type'] ??= 'application/json';
    }
    return Promise.resolve(
      app.request(`${ORIGIN}${path}`, {
        method: init.method ?? (body !== undefined ? 'POST' : 'GET'),
        headers,
        body,
      }),
    );
  };
  const login = async (email: string, password = DEMO_PASSWORD) => {
    const res = await req('/api/auth/login', { body: { email, password } });
    if (res.status !== 200)
      throw new Error(`login ${email} failed: ${res.status} ${await res.text()}`);
    const cookie = res.headers.get('set-cookie') ?? '';
    return cookie.split(';')[0]!;
  };
  return { app, handle, services, clock, req, login };
}
