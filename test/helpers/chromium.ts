import { existsSync } from 'node:fs';

/** Debian's Chromium (installed by .ci/run), or CHROMIUM_PATH. */
export const chromiumPath = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
].find((p): p is string => !!p && existsSync(p));

/** How the tests start Chromium: headless, with the flags this machine needs. */
export const CHROMIUM_LAUNCH = {
  executablePath: chromiumPath,
  headless: true,
  // No sandbox as root, no background network calls.
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
