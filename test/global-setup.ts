import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { chromium, type BrowserServer } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { buildClient } from '../client/build.js';
import { buildServer } from '../server/compile.js';
import { CHROMIUM_LAUNCH, chromiumPath } from './helpers/chromium.js';

/**
 * The pages under test load the real bundles, and the live-server tests (browser, crash) run the
 * compiled server in dist/ that `npm start` runs, so build both once before any test runs.
 *
 * It also names this run's cache of built databases (test/helpers/db.ts): a folder for the SQLite
 * ones and a prefix for the PostgreSQL template databases; both are removed when the run ends, so
 * a new run always migrates and seeds with the code as it is now.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Vitest runs this once per project (the root, sqlite, postgres), all in its main process:
  // build once (~11 s on this machine) and let the others wait for that build.
  const built = globalThis as { hlBuilt?: Promise<unknown> };
  built.hlBuilt ??= buildClient({ quiet: true }).then(() => buildServer());
  await built.hlBuilt;
  // One cache for all the projects of the run, removed after the last one's teardown.
  const run = globalThis as { hlRun?: { cache: string; prefix: string; users: number } };
  run.hlRun ??= {
    cache: mkdtempSync(join(tmpdir(), 'hailong-test-')),
    prefix: `hl_tpl_${randomBytes(4).toString('hex')}`,
    users: 0,
  };
  const { cache, prefix } = run.hlRun;
  run.hlRun.users++;
  project.provide('hlTestCache', cache);
  project.provide('hlTemplatePrefix', prefix);
  // One Chromium for all the browser files of the run, each connecting to it (launching one per
  // file cost ~2 s each). Not started for a run that names only other files.
  let browser: BrowserServer | undefined;
  if (chromiumPath && runsBrowserFiles(project)) {
    browser = await chromium.launchServer(CHROMIUM_LAUNCH);
    project.provide('hlChromiumWs', browser.wsEndpoint());
  }
  return async () => {
    await browser?.close();
    if (--run.hlRun!.users > 0) return;
    rmSync(cache, { recursive: true, force: true });
    const url = process.env.TEST_PG_URL;
    if (url) await dropTemplates(url, prefix);
  };
}

/** Whether this project's run may include test/browser files: none named, or one of those. */
function runsBrowserFiles(project: TestProject): boolean {
  if (!project.config.include.some((glob) => glob.startsWith('test/**'))) return false;
  // The file filters of the command line (`vitest run test/server/x.test.ts`); internal to
  // vitest, so without them the Chromium is started (the safe side: only slower).
  const filters =
    (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern ?? [];
  return !filters.length || filters.some((f) => /browser/.test(f));
}

async function dropTemplates(url: string, prefix: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ datname: string }>(
      // The templates, and any test's database that was still in use when its test closed it.
      "SELECT datname FROM pg_database WHERE starts_with(datname, $1) OR datname ~ '^t_[0-9a-f]{12}$'",
      [prefix],
    );
    for (const r of rows) await c.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
  } finally {
    await c.end();
  }
}
