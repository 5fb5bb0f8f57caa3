import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { DbHandle } from '../../db/index.js';

/** Debian's Chromium (installed by .ci/run), or CHROMIUM_PATH. */
export const chromiumPath = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
].find((p): p is string => !!p && existsSync(p));
if (!chromiumPath)
  console.log(
    'Browser suite skipped: no Chromium found (apt-get install chromium, or set CHROMIUM_PATH).',
  );

export const ARTIFACTS = 'test-artifacts';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    // The flags this machine needs: no sandbox as root, no background network calls.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
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

/**
 * The real app, as `npm start` runs it (the compiled JavaScript in dist/, its precompressed
 * assets), on a real port over a migrated in-memory database with the full demo data.
 */
export async function startServer(): Promise<LiveServer> {
  const [
    { createDb, migrateToLatest },
    { seedDemo },
    { createApp },
    { defaultConfig },
    { prepare },
    { createServices, closeServices },
  ] = await Promise.all([
    fromBuild<typeof import('../../db/index.js')>('db/index'),
    fromBuild<typeof import('../../cli/seed/demo.js')>('cli/seed/demo'),
    fromBuild<typeof import('../../server/app.js')>('server/app'),
    fromBuild<typeof import('../../server/config.js')>('server/config'),
    fromBuild<typeof import('../../server/startup.js')>('server/startup'),
    fromBuild<typeof import('../../server/services.js')>('server/services'),
  ]);
  const handle = createDb(':memory:');
  await migrateToLatest(handle.db);
  const clock = () => new Date();
  await prepare(handle.db, clock);
  await seedDemo({ db: handle.db, clock, password: 'demo-2024' });
  const services = createServices(handle.db, handle.source);
  const app = createApp({
    ...handle,
    ...services,
    clock,
    config: defaultConfig({ rateLimit: 0, lookupRateLimit: 0 }),
  });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    handle,
    close: async () => {
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
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
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
