import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { buildClient } from '../client/build.js';
import { buildServer } from '../server/compile.js';

/**
 * The pages under test load the real bundles, and the live-server tests (browser, crash) run the
 * compiled server in dist/ that `npm start` runs, so build both once before any test runs.
 *
 * It also names this run's cache of built databases (test/helpers/db.ts): a folder for the SQLite
 * ones and a prefix for the PostgreSQL template databases; both are removed when the run ends, so
 * a new run always migrates and seeds with the code as it is now.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await buildClient({ quiet: true });
  await buildServer();
  const cache = mkdtempSync(join(tmpdir(), 'hailong-test-'));
  const prefix = `hl_tpl_${randomBytes(4).toString('hex')}`;
  project.provide('hlTestCache', cache);
  project.provide('hlTemplatePrefix', prefix);
  return async () => {
    rmSync(cache, { recursive: true, force: true });
    const url = process.env.TEST_PG_URL;
    if (url) await dropTemplates(url, prefix);
  };
}

async function dropTemplates(url: string, prefix: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE starts_with(datname, $1)',
      [prefix],
    );
    for (const r of rows) await c.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
  } finally {
    await c.end();
  }
}
