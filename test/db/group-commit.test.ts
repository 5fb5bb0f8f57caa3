import { afterEach, describe, expect, test } from 'vitest';
import { createGroupCommit } from '../../db/group-commit.js';
import type { DbHandle } from '../../db/index.js';
import { createTestDb } from '../helpers/db.js';

const open: DbHandle[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

async function db() {
  const handle = await createTestDb();
  open.push(handle);
  return handle.db;
}

const dates = async (d: Awaited<ReturnType<typeof db>>) =>
  (await d.selectFrom('holidays').select('date').orderBy('date').execute()).map((r) => r.date);

describe('group commit', () => {
  test('transactions started together are all stored, and a failing one is rolled back alone', async () => {
    const d = await db();
    const gc = createGroupCommit(d);
    const add = (date: string, fail = false) =>
      gc.run(async (trx) => {
        await trx.insertInto('holidays').values({ date, name: date }).execute();
        if (fail) throw new Error(`refused ${date}`);
        return date;
      });
    const results = await Promise.allSettled([
      add('2027-01-01'),
      add('2027-02-06', true),
      add('2027-04-30'),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await dates(d)).toEqual(['2027-01-01', '2027-04-30']);
  });

  test('a promise settles only once its work is committed and visible outside the transaction', async () => {
    const d = await db();
    const gc = createGroupCommit(d);
    const seen = await Promise.all(
      ['2027-09-02', '2027-09-03'].map(async (date) => {
        await gc.run((trx) => trx.insertInto('holidays').values({ date, name: date }).execute());
        return dates(d);
      }),
    );
    expect(seen[0]).toContain('2027-09-02');
    expect(seen[1]).toContain('2027-09-03');
  });

  test('a constraint violation in one transaction does not lose the others', async () => {
    const d = await db();
    const gc = createGroupCommit(d);
    const add = (date: string) =>
      gc.run((trx) => trx.insertInto('holidays').values({ date, name: date }).execute());
    const results = await Promise.allSettled([
      add('2027-05-01'),
      add('2027-05-01'),
      add('2027-05-02'),
    ]);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
    expect(await dates(d)).toEqual(['2027-05-01', '2027-05-02']);
  });
});
