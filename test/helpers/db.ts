import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { createDb, migrateToLatest, type DbHandle } from '../../db/index.js';

/** A test database that a second connection (a second server process) can open again. */
export type TestDbHandle = DbHandle & { reopen(): DbHandle };

export const testDialect = process.env.HL_TEST_DIALECT === 'postgres' ? 'postgres' : 'sqlite';

/**
 * A fresh database built by the real migrations: in-memory SQLite, or on PostgreSQL (project
 * 'postgres') a new database of its own, dropped again on close (unmigrated: a new schema).
 *
 * The migrations run once per test run and dialect, and every call gets its own copy of the
 * result, the same database a fresh migration would have built: on SQLite the migrated database
 * is kept as bytes (in memory, and in the run's cache folder for the other test files) and opened
 * anew; on PostgreSQL it is a template database that `CREATE DATABASE … TEMPLATE` copies.
 * Measured per call on this machine: SQLite ~20 ms → ~2 ms; PostgreSQL ~400 ms → ~70 ms.
 */
export async function createTestDb(
  opts: { migrate?: boolean; sqlitePath?: string } = {},
): Promise<TestDbHandle> {
  let handle: TestDbHandle;
  if (testDialect === 'postgres') {
    if (opts.migrate !== false) return pgDbFromTemplate('migrated', async () => {});
    const url = pgUrl();
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    const inner = createDb(url, { searchPath: schema });
    handle = {
      ...inner,
      reopen: () => createDb(url, { searchPath: schema }),
      close: async () => {
        await inner.close();
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        await c.query(`DROP SCHEMA ${schema} CASCADE`);
        await c.end();
      },
    };
  } else {
    const path = opts.sqlitePath ?? ':memory:';
    if (path === ':memory:' && opts.migrate !== false) {
      const image = await sqliteImage('migrated', async () => {});
      return { ...createDb(':memory:', { image }), reopen: noReopen };
    }
    handle = {
      ...createDb(path),
      reopen: () => (path === ':memory:' ? noReopen() : createDb(path)),
    };
  }
  if (opts.migrate !== false) await migrateWithRetry(handle);
  return handle;
}

function noReopen(): never {
  throw new Error('an in-memory database cannot be opened twice: pass sqlitePath');
}

function pgUrl(): string {
  const url = process.env.TEST_PG_URL;
  if (!url) throw new Error('HL_TEST_DIALECT=postgres needs TEST_PG_URL');
  return url;
}

/**
 * Kysely's PostgreSQL introspection reads every schema on the server (pg_get_serial_sequence);
 * when a parallel test file drops its own schema at that moment the query fails with "schema
 * t_… does not exist". That race exists only between test schemas, so retry it, and nothing else.
 */
async function migrateWithRetry(handle: DbHandle): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await migrateToLatest(handle.db);
      return;
    } catch (e) {
      const raced =
        handle.dialect === 'postgres' && /schema "?t_[0-9a-f]+"? does not exist/.test(String(e));
      if (!raced || attempt >= 5) throw e;
    }
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** A folder of this test run (test/global-setup.ts) where built databases are kept. */
    hlTestCache: string;
    /** This run's prefix of PostgreSQL template databases, dropped when the run ends. */
    hlTemplatePrefix: string;
  }
}

function provided<K extends 'hlTestCache' | 'hlTemplatePrefix'>(key: K): string | undefined {
  try {
    return inject(key) || undefined;
  } catch {
    return undefined; // outside a vitest worker
  }
}

const keyHash = (key: string) => createHash('sha256').update(key).digest('hex').slice(0, 16);

const images = new Map<string, Promise<Buffer>>();

/**
 * The bytes of a migrated SQLite database on which `build` has run, built once per test run for
 * each `key` (which must name everything `build` depends on, the clock's time included) and
 * reused: kept in this file's memory and in the run's cache folder, where other test files find
 * it. A file is written whole and then renamed, so a reader never sees half of one.
 */
export function sqliteImage(
  key: string,
  build: (handle: DbHandle) => Promise<void>,
): Promise<Buffer> {
  let image = images.get(key);
  if (!image) {
    image = (async () => {
      const dir = provided('hlTestCache');
      const file = dir ? join(dir, `${keyHash(key)}.sqlite`) : null;
      if (file) {
        try {
          return readFileSync(file);
        } catch {
          // not built yet by any test file
        }
      }
      const h = createDb(':memory:');
      try {
        await migrateToLatest(h.db);
        await build(h);
        const bytes = h.serialize!();
        if (file) {
          mkdirSync(dir!, { recursive: true });
          const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
          writeFileSync(tmp, bytes);
          renameSync(tmp, file);
        }
        return bytes;
      } finally {
        await h.close();
      }
    })();
    images.set(key, image);
    image.catch(() => images.delete(key));
  }
  return image;
}

/**
 * On PostgreSQL: a new database of its own, copied (CREATE DATABASE … TEMPLATE) from a template
 * that was migrated and then given `build`, once per test run for each `key` (which must name
 * everything `build` depends on). The first test file to need a template builds it under an
 * advisory lock; the others wait for it and copy it. The copy is dropped on close.
 */
export async function pgDbFromTemplate(
  key: string,
  build: (handle: DbHandle) => Promise<void>,
): Promise<TestDbHandle> {
  const url = pgUrl();
  const prefix = provided('hlTemplatePrefix') ?? `hl_tpl_${process.pid}`;
  const template = `${prefix}_${keyHash(key)}`;
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query('SELECT pg_advisory_lock(hashtext($1))', [template]);
    try {
      const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
      if (!found.rowCount) {
        const building = `${template}_b`;
        await admin.query(`DROP DATABASE IF EXISTS ${building}`);
        await admin.query(`CREATE DATABASE ${building}`);
        const h = createDb(databaseUrl(url, building));
        try {
          await migrateToLatest(h.db);
          await build(h);
        } finally {
          await h.close();
        }
        // Only a finished template carries the name the others look for.
        await admin.query(`ALTER DATABASE ${building} RENAME TO ${template}`);
      }
    } finally {
      await admin.query('SELECT pg_advisory_unlock(hashtext($1))', [template]);
    }
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  } finally {
    await admin.end();
  }
  const dbUrl = databaseUrl(url, name);
  const inner = createDb(dbUrl);
  return {
    ...inner,
    reopen: () => createDb(dbUrl),
    close: async () => {
      await inner.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      // Not WITH (FORCE): terminating a connection another handle of this test still holds (a
      // reopened one, an export's thread) surfaces in this process as an unhandled error. A
      // database still in use is left to the end of the run (test/global-setup.ts drops it).
      await c.query(`DROP DATABASE IF EXISTS ${name}`).catch((e: { code?: string }) => {
        if (e.code !== '55006') throw e;
      });
      await c.end();
    },
  };
}

/** The same server's URL with another database name. */
export function databaseUrl(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
