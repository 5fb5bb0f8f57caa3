import { sql } from 'kysely';
import { afterEach, describe, expect, test } from 'vitest';
import { migrateAllDown, migrateToLatest, type DbHandle } from '../../db/index.js';
import { migrations } from '../../db/migrations/index.js';
import { createTestDb, testDialect } from '../helpers/db.js';

let handle: DbHandle | undefined;
afterEach(async () => handle?.close());

/**
 * The tables of this test's own database. On PostgreSQL introspection lists every schema on the
 * server, including those of test files running meanwhile: keep this connection's schema only.
 */
async function tableNames(h: DbHandle): Promise<string[]> {
  const tables = await h.db.introspection.getTables();
  const own =
    h.dialect === 'postgres'
      ? (await sql<{ s: string }>`select current_schema() as s`.execute(h.db)).rows[0]!.s
      : undefined;
  return tables
    .filter((t) => own === undefined || t.schema === own)
    .map((t) => t.name)
    .filter((n) => !n.startsWith('kysely_'))
    .sort();
}

describe(`migrations (${testDialect})`, () => {
  test('go up, all the way down, and up again on a fresh database', async () => {
    handle = await createTestDb({ migrate: false });
    const applied = await migrateToLatest(handle.db);
    expect(applied).toEqual(Object.keys(migrations));
    const afterUp = await tableNames(handle);
    expect(afterUp).toContain('units');
    expect(afterUp).toContain('responses');
    expect(afterUp).toContain('feedback');

    await migrateAllDown(handle.db);
    expect(await tableNames(handle)).toEqual([]);

    await migrateToLatest(handle.db);
    expect(await tableNames(handle)).toEqual(afterUp);
  });

  test('a second run applies nothing', async () => {
    handle = await createTestDb();
    expect(await migrateToLatest(handle.db)).toEqual([]);
    const r = await sql<{ n: number }>`select count(*) as n from kysely_migration`.execute(
      handle.db,
    );
    expect(Number(r.rows[0]!.n)).toBe(Object.keys(migrations).length);
  });
});
