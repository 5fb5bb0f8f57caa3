import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { createGroupCommit } from '../../db/group-commit.js';
import type { DbHandle } from '../../db/index.js';
import { createTestDb, testDialect } from '../helpers/db.js';

/**
 * "Acknowledged only after commit", at the group commit itself: a submission is acknowledged
 * when its `run` promise resolves, so that promise must never resolve before the commit holding
 * its write has returned, and never when that commit fails. Only SQLite batches commits
 * (db/group-commit.ts); on PostgreSQL `run` is one plain transaction.
 */

const dir = mkdtempSync(join(tmpdir(), 'hl-gc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const open: DbHandle[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

let files = 0;
async function fileDb() {
  const path = join(dir, `gc-${++files}.db`);
  const handle = await createTestDb({ sqlitePath: path });
  open.push(handle);
  return { db: handle.db, path };
}

describe.skipIf(testDialect === 'postgres')('a group commit acknowledgement', () => {
  test('resolves only when another connection can already read the write', async () => {
    const { db, path } = await fileDb();
    // A second connection, as another process would open the file: it sees committed data only.
    const other = new Database(path, { readonly: true });
    try {
      const seen = (date: string) =>
        other.prepare('select count(*) as n from holidays where date = ?').get(date) as {
          n: number;
        };
      const gc = createGroupCommit(db);
      const dates = ['2027-01-01', '2027-02-05', '2027-02-06'];
      // Read synchronously in the callback, at the very moment each promise resolves.
      const atResolve = await Promise.all(
        dates.map((date) =>
          gc
            .run((trx) => trx.insertInto('holidays').values({ date, name: date }).execute())
            .then(() => seen(date).n),
        ),
      );
      expect(atResolve).toEqual([1, 1, 1]);
    } finally {
      other.close();
    }
  });

  test('never resolves when the commit fails: every transaction of the batch is refused', async () => {
    const { db } = await fileDb();
    const gc = createGroupCommit(db);
    const holiday = (date: string) =>
      gc.run((trx) => trx.insertInto('holidays').values({ date, name: date }).execute());
    // A foreign key checked only at COMMIT: each statement succeeds, the commit itself fails.
    const orphan = gc.run(async (trx) => {
      await sql`pragma defer_foreign_keys = on`.execute(trx);
      await sql`insert into units (id, parent_id, name, kind, path, created_at, updated_at)
        values ('ORPHAN', 'NO-SUCH-UNIT', 'Mồ côi', 'school', '/ORPHAN/', '', '')`.execute(trx);
    });
    const results = await Promise.allSettled([
      holiday('2027-09-02'),
      orphan,
      holiday('2027-09-03'),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY/);
    const stored = await db
      .selectFrom('holidays')
      .select('date')
      .where('date', 'like', '2027-09-%')
      .execute();
    expect(stored).toEqual([]);
    // The committer goes on: the next transaction is stored and acknowledged.
    await holiday('2027-09-04');
    expect(
      await db.selectFrom('holidays').select('date').where('date', '=', '2027-09-04').execute(),
    ).toHaveLength(1);
  });
});
