import type { Kysely } from 'kysely';
import { afterEach, describe, expect, test } from 'vitest';
import type { Db, DbHandle } from '../../db/index.js';
import * as rollups from '../../db/migrations/2026-11-22T1800-rollups.js';
import * as strictRollups from '../../db/migrations/2026-11-22T2000-strict-rollups.js';
import * as counters from '../../db/migrations/2026-11-30T1040-counters.js';
import { upsertUnits } from '../../db/repositories/units.js';
import { DEMO_UNITS } from '../../cli/seed/units.js';
import { createTestDb, testDialect } from '../helpers/db.js';

/** The counter tables as they were before 2026-11-30T1040-counters (no channel). */
interface BeforeChannels {
  answer_counts: {
    campaign_id: string;
    unit_id: string;
    question_id: string;
    value: string;
    n: number;
  };
  response_counts: { campaign_id: string; unit_id: string; n: number; fast_n: number };
}

let handle: DbHandle | undefined;
afterEach(async () => handle?.close());

/**
 * Leaf counters as a database upgraded from before the rollups holds them, on the demo units:
 * the counters without their channel, as they were before 2026-11-30T1040-counters.
 */
async function leafCounters(db: Db): Promise<void> {
  await counters.down(db);
  await db.transaction().execute((trx) => upsertUnits(trx, DEMO_UNITS, '2026-11-23T02:00:00.000Z'));
  await (db as unknown as Kysely<BeforeChannels>)
    .insertInto('answer_counts')
    .values([
      {
        campaign_id: 'c1',
        unit_id: 'HN-TAYHO-THCS-DONGTHAI',
        question_id: 'q1',
        value: '5',
        n: 3,
      },
      { campaign_id: 'c1', unit_id: 'HN-TAYHO-THCS-TULIEN', question_id: 'q1', value: '5', n: 4 },
      {
        campaign_id: 'c1',
        unit_id: 'HN-BADINH-THCS-GIANGVO',
        question_id: 'q1',
        value: '2',
        n: 6,
      },
      { campaign_id: 'c2', unit_id: 'HN-TAYHO-THCS-TULIEN', question_id: 'q1', value: '5', n: 9 },
    ])
    .execute();
  await (db as unknown as Kysely<BeforeChannels>)
    .insertInto('response_counts')
    .values([
      { campaign_id: 'c1', unit_id: 'HN-TAYHO-THCS-DONGTHAI', n: 3, fast_n: 1 },
      { campaign_id: 'c1', unit_id: 'HN-TAYHO-THCS-TULIEN', n: 4, fast_n: 0 },
      { campaign_id: 'c1', unit_id: 'HN-BADINH-THCS-GIANGVO', n: 6, fast_n: 2 },
    ])
    .execute();
}

/** Rollup rows of the demo tree's office, Department and one school, in a stable order. */
async function rollupRows(db: Db) {
  const rows = await db
    .selectFrom('answer_rollups')
    .select(['campaign_id', 'unit_id', 'value', 'n'])
    .where('unit_id', 'in', ['HN', 'HN-TAYHO', 'HN-BADINH', 'HN-TAYHO-THCS-TULIEN'])
    .orderBy('campaign_id')
    .orderBy('unit_id')
    .orderBy('value')
    .execute();
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

describe(`the rollups migration (${testDialect})`, () => {
  test('pools the leaf counters stored before it ran over every subtree', async () => {
    handle = await createTestDb();
    const { db } = handle;
    await leafCounters(db);
    await rollups.down(db);
    await rollups.up(db);

    expect(await rollupRows(db)).toEqual([
      { campaign_id: 'c1', unit_id: 'HN', value: '2', n: 6 },
      { campaign_id: 'c1', unit_id: 'HN', value: '5', n: 7 },
      { campaign_id: 'c1', unit_id: 'HN-BADINH', value: '2', n: 6 },
      { campaign_id: 'c1', unit_id: 'HN-TAYHO', value: '5', n: 7 },
      { campaign_id: 'c1', unit_id: 'HN-TAYHO-THCS-TULIEN', value: '5', n: 4 },
      { campaign_id: 'c2', unit_id: 'HN', value: '5', n: 9 },
      { campaign_id: 'c2', unit_id: 'HN-TAYHO', value: '5', n: 9 },
      { campaign_id: 'c2', unit_id: 'HN-TAYHO-THCS-TULIEN', value: '5', n: 9 },
    ]);
    const department = await db
      .selectFrom('response_rollups')
      .select(['n', 'fast_n'])
      .where('campaign_id', '=', 'c1')
      .where('unit_id', '=', 'HN')
      .executeTakeFirstOrThrow();
    expect([Number(department.n), Number(department.fast_n)]).toEqual([13, 3]);
  });

  test("the strict-rollups migration keeps each unit's descendants only, and its down step restores them", async () => {
    handle = await createTestDb();
    const { db } = handle;
    await leafCounters(db);
    await strictRollups.up(db);
    expect(await rollupRows(db)).toEqual([
      { campaign_id: 'c1', unit_id: 'HN', value: '2', n: 6 },
      { campaign_id: 'c1', unit_id: 'HN', value: '5', n: 7 },
      { campaign_id: 'c1', unit_id: 'HN-BADINH', value: '2', n: 6 },
      { campaign_id: 'c1', unit_id: 'HN-TAYHO', value: '5', n: 7 },
      { campaign_id: 'c2', unit_id: 'HN', value: '5', n: 9 },
      { campaign_id: 'c2', unit_id: 'HN-TAYHO', value: '5', n: 9 },
    ]);
    await strictRollups.down(db);
    expect((await rollupRows(db)).filter((r) => r.unit_id === 'HN-TAYHO-THCS-TULIEN')).toEqual([
      { campaign_id: 'c1', unit_id: 'HN-TAYHO-THCS-TULIEN', value: '5', n: 4 },
      { campaign_id: 'c2', unit_id: 'HN-TAYHO-THCS-TULIEN', value: '5', n: 9 },
    ]);
  });
});
