import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDb, migrateToLatest, type DbHandle } from '../../db/index.js';

/** A test database that a second connection (a second server process) can open again. */
export type TestDbHandle = DbHandle & { reopen(): DbHandle };

export const testDialect = process.env.HL_TEST_DIALECT === 'postgres' ? 'postgres' : 'sqlite';

/**
 * A fresh database built by the real migrations: in-memory SQLite, or on PostgreSQL (project
 * 'postgres') a new schema of its own, dropped again on close.
 */
export async function createTestDb(
  opts: { migrate?: boolean; sqlitePath?: string } = {},
): Promise<TestDbHandle> {
  let handle: TestDbHandle;
  if (testDialect === 'postgres') {
    const url = process.env.TEST_PG_URL;
    if (!url) throw new Error('HL_TEST_DIALECT=postgres needs TEST_PG_URL');
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
    handle = {
      ...createDb(path),
      reopen: () => {
        if (path === ':memory:')
          throw new Error('an in-memory database cannot be opened twice: pass sqlitePath');
        return createDb(path);
      },
    };
  }
  if (opts.migrate !== false) await migrateWithRetry(handle);
  return handle;
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
