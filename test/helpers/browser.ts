import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import type { DbHandle } from '../../db/index.js';
import { CHROMIUM_LAUNCH, chromiumPath } from './chromium.js';
import { sqliteImage } from './db.js';

export { chromiumPath };
if (!chromiumPath)
  console.log(
    'Browser suite skipped: no Chromium found (apt-get install chromium, or set CHROMIUM_PATH).',
  );

export const ARTIFACTS = 'test-artifacts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The Chromium that test/global-setup.ts started for the run's browser files to share. */
    hlChromiumWs: string;
  }
}

/**
 * A Chromium for one test file: a connection to the one the run shares (test/global-setup.ts
 * starts it when the run includes browser files), or, without it or with `own`, one of its own.
 * Closing the returned Browser closes what this file opened in it (its contexts and pages).
 */
export async function launchBrowser(opts: { own?: boolean } = {}): Promise<Browser> {
  let shared: string | undefined;
  try {
    shared = opts.own ? undefined : inject('hlChromiumWs') || undefined;
  } catch {
    shared = undefined; // outside a vitest worker
  }
  if (shared) return chromium.connect(shared);
  return chromium.launch(CHROMIUM_LAUNCH);
}

export interface LiveServer {
  url: string;
  handle: DbHandle;
  close(): Promise<void>;
}

/** A module of the production build in dist/ (test/global-setup.ts builds it), typed as its source. */
function fromBuild<T>(source: string): Promise<T> {
  return import(new URL(`../../dist/${source}.js`, import.meta.url).href) as Promise<T>;
}

export interface StartServerOptions {
  /**
   * Citizens' e-mails: the SMTP server to send them through (e.g. test/helpers/mail.ts
   * `startSmtp().url`). The server then runs the real notifier as `npm start` does, polling the
   * outbox every `notifyEveryMs` (default 200 ms) instead of every 10 s, with the links in its
   * messages pointing at this server.
   */
  smtpUrl?: string;
  notifyEveryMs?: number;
}

/**
 * The real app, as `npm start` runs it (the compiled JavaScript in dist/, its precompressed
 * assets), on a real port over a migrated in-memory database with the full demo data, a database
 * of its own: the demo is seeded once per test run and copied for each server.
 */
export async function startServer(opts: StartServerOptions = {}): Promise<LiveServer> {
  const [
    { createDb },
    { seedDemo },
    { createApp },
    { defaultConfig },
    { prepare },
    { createServices, closeServices },
    { createNotifier },
  ] = await Promise.all([
    fromBuild<typeof import('../../db/index.js')>('db/index'),
    fromBuild<typeof import('../../cli/seed/demo.js')>('cli/seed/demo'),
    fromBuild<typeof import('../../server/app.js')>('server/app'),
    fromBuild<typeof import('../../server/config.js')>('server/config'),
    fromBuild<typeof import('../../server/startup.js')>('server/startup'),
    fromBuild<typeof import('../../server/services.js')>('server/services'),
    fromBuild<typeof import('../../server/notifications/notifier.js')>(
      'server/notifications/notifier',
    ),
  ]);
  const clock = () => new Date();
  // The demo is seeded once per run (and Vietnamese calendar day, as its deadlines count days)
  // by the first server, and each server opens its own copy of it (test/helpers/db.ts).
  const day = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
  const image = await sqliteImage(`live demo ${day}`, async (h) => {
    await prepare(h.db, clock);
    await seedDemo({ db: h.db, clock, password: 'demo-2024' });
  });
  const handle = createDb(':memory:', { image });
  const services = createServices(handle.db, handle.source);
  const config = defaultConfig({
    rateLimit: 0,
    lookupRateLimit: 0,
    ...(opts.smtpUrl ? { smtpUrl: opts.smtpUrl } : {}),
  });
  // As server/main.ts does: the notifier sends the outbox in the background. Without an SMTP
  // server it is the app's own idle one (e-mails wait in the outbox), as before.
  const notifier = opts.smtpUrl ? createNotifier({ db: handle.db, clock, config }) : undefined;
  const app = createApp({
    ...handle,
    ...services,
    clock,
    config,
    ...(notifier ? { notifier } : {}),
  });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  if (notifier) {
    // The links in the messages lead here (PUBLIC_URL), known once the port is.
    config.publicUrl = url;
    notifier.start(opts.notifyEveryMs ?? 200);
  }
  return {
    url,
    handle,
    close: async () => {
      await notifier?.stop();
      await new Promise<void>((r) => server.close(() => r()));
      await closeServices(services);
      await handle.close();
    },
  };
}

/** A phone-sized page (360×740, touch) in a fresh context. */
export async function phonePage(browser: Browser): Promise<Page> {
  const ctx = await browser.newContext({
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    locale: 'vi-VN',
  });
  // Well under the test's own timeout, so a missing element fails with its locator named.
  ctx.setDefaultTimeout(10_000);
  return ctx.newPage();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: `${ARTIFACTS}/${name}.png`, fullPage: true });
}

export async function signIn(page: Page, base: string, email: string): Promise<void> {
  await page.goto(`${base}/app`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Mật khẩu').fill('demo-2024');
  const answered = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/auth/login');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  // Signed in once the dashboard is drawn for the user (the page reloads after the sign-in): a
  // test that navigated at once would abort the sign-in still on its way and land signed out.
  if ((await answered).ok()) await page.locator('header.topbar').waitFor();
}

/**
 * One Chromium and one live server shared by the tests of a describe block (call it inside the
 * block): started before the first test, closed after the last.
 */
export function useLive(): { browser: Browser; server: LiveServer } {
  const live = {} as { browser: Browser; server: LiveServer };
  beforeAll(async () => {
    [live.browser, live.server] = await Promise.all([launchBrowser(), startServer()]);
  });
  afterAll(async () => {
    await live.browser?.close();
    await live.server?.close();
  });
  return live;
}

/**
 * Opens a dashboard page by its name in the menu, as a person would at the page's width: on a
 * phone or tablet the page list is behind the "Menu" button, on a desktop it is in the header.
 */
export async function openPage(page: Page, name: string): Promise<void> {
  // The header appears once the user is known; the width then decides which of the two it has.
  await page.locator('header.topbar').waitFor();
  const menu = page.getByRole('button', { name: 'Menu' });
  if (await menu.isVisible()) await menu.click();
  await page
    .getByRole('navigation', { name: 'Điều hướng' })
    .getByRole('link', { name, exact: true })
    .click();
}
