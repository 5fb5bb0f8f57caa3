import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, describe, expect, test } from 'vitest';
import type { Db } from '../../db/index.js';
import { claimToken, resolveCode } from '../../db/repositories/campaigns.js';
import {
  childAnswerCounts,
  childTotals,
  pooledAnswerCounts,
  pooledResponseTotals,
} from '../../db/repositories/indices.js';
import { getResponseByClientId } from '../../db/repositories/responses.js';
import { SUBMISSION_SQL } from '../../db/repositories/submissions.js';
import type { Database, Unit } from '../../db/schema.js';
import { createTestDb, testDialect } from '../helpers/db.js';

const dir = mkdtempSync(join(tmpdir(), 'hl-plans-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const school = {
  id: 'HN-TAYHO-THCS-DONGTHAI',
  path: '/HN/HN-TAYHO/HN-TAYHO-THCS-DONGTHAI/',
} as Unit;

/** The plan of every query `run` sends, as SQLite's EXPLAIN QUERY PLAN detail lines. */
async function plansOf(run: (db: Db) => Promise<unknown>): Promise<string[][]> {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.db`);
  await (await createTestDb({ sqlitePath: file })).close(); // migrated by the real migrations
  const raw = new SQLite(file);
  const queries: { sql: string; parameters: readonly unknown[] }[] = [];
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: raw }),
    log: (e) => void (e.level === 'query' && queries.push(e.query)),
  });
  try {
    await run(db);
    return queries.map((q) =>
      (raw.prepare(`explain query plan ${q.sql}`).all(...q.parameters) as { detail: string }[]).map(
        (r) => r.detail,
      ),
    );
  } finally {
    await db.destroy();
  }
}

/** A plan line that reads `table` (or alias) by campaign and unit through an index. */
const byKey = (table: string) =>
  new RegExp(`^SEARCH ${table} USING .*INDEX .*\\(campaign_id=\\? AND unit_id=\\?\\)`);

const scans = (plans: string[][]) => plans.flat().filter((d) => d.startsWith('SCAN'));

// EXPLAIN QUERY PLAN is SQLite's; PostgreSQL plans by its own statistics, so these pin SQLite's
// choices only (the shipped single-server database).
describe.skipIf(testDialect === 'postgres')('query plans of the hot queries (SQLite)', () => {
  test("a unit's indices read its own leaf and rollup rows by key, whatever the size of its subtree", async () => {
    const plans = await plansOf(async (db) => {
      await pooledAnswerCounts(db, 'c1', school);
      await pooledResponseTotals(db, 'c1', school);
    });
    expect(plans).toHaveLength(2);
    for (const table of ['answer_counts', 'answer_rollups'])
      expect(plans[0]!.some((d) => byKey(table).test(d))).toBe(true);
    for (const table of ['response_counts', 'response_rollups'])
      expect(plans[1]!.some((d) => byKey(table).test(d))).toBe(true);
    expect(scans(plans)).toEqual([]);
  });

  test("the ranking reads each child's leaf and rollup rows by key", async () => {
    const plans = await plansOf(async (db) => {
      await childAnswerCounts(db, 'c1', 'HN');
      await childTotals(db, 'c1', 'HN');
    });
    // Leaf then rollup rows of the answers, the same of the responses, then eligibility.
    expect(plans).toHaveLength(5);
    for (const [i, alias] of [
      [0, 'ar'],
      [1, 'ar'],
      [2, 'rr'],
      [3, 'rr'],
    ] as const)
      expect(plans[i]!.some((d) => byKey(alias).test(d))).toBe(true);
    expect(scans(plans.slice(0, 4))).toEqual([]);
  });

  test('a retried submission is found by its clientId through an index, not a scan of responses', async () => {
    const plans = await plansOf((db) =>
      getResponseByClientId(db, '5f0c8f7e-1d2b-4c3a-9e8f-0a1b2c3d4e5f'),
    );
    expect(plans.flat().some((d) => /^SEARCH responses USING .*INDEX/.test(d))).toBe(true);
    expect(scans(plans)).toEqual([]);
  });

  test('a link or one-time code and a token claim are looked up by key', async () => {
    const plans = await plansOf(async (db) => {
      await resolveCode(db, 'ABCDEFGHJK'); // no link: falls through to the token lookup
      await claimToken(db, 'ABCDEFGHJK', 'r1', '2026-11-23T02:00:00.000Z');
    });
    expect(plans).toHaveLength(3);
    expect(plans[0]!.some((d) => /^SEARCH cu USING .*INDEX .*\(code=\?\)/.test(d))).toBe(true);
    expect(plans[1]!.some((d) => /^SEARCH t USING .*INDEX .*\(code=\?\)/.test(d))).toBe(true);
    expect(
      plans[2]!.some((d) => /^SEARCH campaign_tokens USING .*INDEX .*\(code=\?\)/.test(d)),
    ).toBe(true);
    expect(scans(plans)).toEqual([]);
  });

  test("the writer's statements find each row by key: no scan of responses, tokens or units", async () => {
    const file = join(dir, `${Math.random().toString(36).slice(2)}.db`);
    await (await createTestDb({ sqlitePath: file })).close();
    const raw = new SQLite(file);
    try {
      const details = Object.values(SUBMISSION_SQL).flatMap((text) => {
        const params = Array.from(text.matchAll(/\?/g), () => 'x');
        return (
          raw.prepare(`explain query plan ${text}`).all(...params) as { detail: string }[]
        ).map((r) => r.detail);
      });
      expect(details.some((d) => /^SEARCH responses USING .*INDEX/.test(d))).toBe(true);
      expect(details.some((d) => /^SEARCH campaign_tokens USING .*INDEX/.test(d))).toBe(true);
      expect(details.some((d) => /^SEARCH units USING .*INDEX/.test(d))).toBe(true);
      expect(details.filter((d) => d.startsWith('SCAN'))).toEqual([]);
    } finally {
      raw.close();
    }
  });
});
