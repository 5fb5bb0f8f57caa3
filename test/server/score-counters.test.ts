import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { importUnitsCsv } from '../../server/units-import.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { campaignDefinition, createCampaign, submit, countAllNow } from '../helpers/campaigns.js';

// Two schools of two offices: the rollups of Tây Hồ, Ba Đình and the Department all get rows.
const UNITS = ['HN-TAYHO-TH-NHATTAN', 'HN-TAYHO-TH-CHUVANAN', 'HN-BADINH-TH-KIMDONG'];
const LIKERTS = [
  'tc1',
  'tc2',
  'tc3',
  'tc4',
  'vc1',
  'vc2',
  'vc3',
  'vc4',
  'mt1',
  'mt2',
  'mt3',
  'mt4',
];
LIKERTS.push('hd1', 'hd2', 'hd3', 'hd4', 'kq1', 'kq2', 'kq3', 'kq4', 'hai_long_chung');

type Db = TestApp['handle']['db'];
type Sums = Record<string, [number, number, number]>;

const answersArb = fc
  .array(fc.constantFrom<number | null>(1, 2, 3, 4, 5, null), {
    minLength: LIKERTS.length,
    maxLength: LIKERTS.length,
  })
  .map((values) => Object.fromEntries(LIKERTS.map((id, i) => [id, values[i]])));

/** The score counters as stored, leaf rows keyed 'unit|scope' and rollup rows 'unit^|scope'. */
async function storedScores(db: Db, campaignId: string): Promise<Sums> {
  await countAllNow(db);
  const out: Sums = {};
  for (const [table, mark] of [
    ['score_counts', ''],
    ['score_rollups', '^'],
  ] as const) {
    const rows = await db
      .selectFrom(table)
      .selectAll()
      .where('campaign_id', '=', campaignId)
      .execute();
    // Summed over channels (a database before 2026-11-30T1040-counters has none).
    for (const r of rows) {
      const had = (out[`${r.unit_id}${mark}|${r.scope}`] ??= [0, 0, 0]);
      had[0] += Number(r.n);
      had[1] += Number(r.s);
      had[2] += Number(r.ss);
    }
  }
  return out;
}

/**
 * The same counters recomputed from the stored answers, written apart from the server's code:
 * per factor, a respondent's 4–5 answers ÷ their 1–5 answers; overall, the weighted mean of
 * their content factors' scores; rollups pooled over each unit's ancestors.
 */
async function recountScores(db: Db, campaignId: string): Promise<Sums> {
  const def = await campaignDefinition<{
    factors: { id: string; weight?: number; summary?: boolean }[];
    sections: { questions: { id: string; type: string; factor?: string }[] }[];
  }>(db, campaignId);
  const factorOf = new Map(
    def.sections
      .flatMap((s) => s.questions)
      .filter((q) => q.type === 'likert5')
      .map((q) => [q.id, q.factor!]),
  );
  const units = await db.selectFrom('units').select(['id', 'path']).execute();
  const pathOf = new Map(units.map((u) => [u.id, u.path]));
  const out: Sums = {};
  const add = (key: string, s: number) => {
    const had = (out[key] ??= [0, 0, 0]);
    had[0] += 1;
    had[1] += s;
    had[2] += s * s;
  };
  const rows = await db
    .selectFrom('responses')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .execute();
  for (const r of rows) {
    const tally: Record<string, { sat: number; valid: number }> = {};
    for (const [q, v] of Object.entries(JSON.parse(r.answers) as Record<string, unknown>)) {
      const f = factorOf.get(q);
      if (!f || v === null) continue;
      const t = (tally[f] ??= { sat: 0, valid: 0 });
      t.valid++;
      if ((v as number) >= 4) t.sat++;
    }
    const scopes: [string, number][] = [];
    let weighted = 0;
    let weights = 0;
    for (const f of def.factors) {
      const t = tally[f.id];
      if (!t) continue;
      scopes.push([f.id, t.sat / t.valid]);
      if (!f.summary) {
        weighted += (t.sat / t.valid) * (f.weight ?? 1);
        weights += f.weight ?? 1;
      }
    }
    if (weights) scopes.push(['*', weighted / weights]);
    const ancestors = pathOf.get(r.unit_id)!.split('/').filter(Boolean).slice(0, -1);
    for (const [scope, s] of scopes) {
      add(`${r.unit_id}|${scope}`, s);
      for (const a of ancestors) add(`${a}^|${scope}`, s);
    }
  }
  return out;
}

function expectSameSums(stored: Sums, recounted: Sums): void {
  expect(Object.keys(stored).sort()).toEqual(Object.keys(recounted).sort());
  for (const [key, [n, s, ss]] of Object.entries(recounted)) {
    const [sn, sS, sSS] = stored[key]!;
    expect([key, sn]).toEqual([key, n]);
    // Sums of shares like 2/3 in another order: equal up to floating-point rounding.
    expect(sS).toBeCloseTo(s, 9);
    expect(sSS).toBeCloseTo(ss, 9);
  }
}

describe('per-respondent score counters', () => {
  test('equal a recount from the stored answers, leaf and rollup, after any mix of submissions', async () => {
    const t = await createTestApp();
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ unit: fc.nat({ max: UNITS.length - 1 }), answers: answersArb }), {
          minLength: 1,
          maxLength: 20,
        }),
        fc.boolean(),
        async (subs, concurrent) => {
          const c = await createCampaign(t, {
            surveyId: 'edu-th',
            unitIds: UNITS,
            as: 'admin@demo.vn',
          });
          const send = (s: (typeof subs)[number]) =>
            submit(t, c.links[s.unit]!.code, { clientId: randomUUID(), answers: s.answers }).then(
              (r) => r.status,
            );
          const statuses = concurrent
            ? await Promise.all(subs.map(send))
            : await subs.reduce<Promise<number[]>>(
                async (acc, s) => [...(await acc), await send(s)],
                Promise.resolve([]),
              );
          expect(statuses.every((s) => s === 201)).toBe(true);
          expectSameSums(
            await storedScores(t.handle.db, c.id),
            await recountScores(t.handle.db, c.id),
          );
        },
      ),
      { numRuns: 10, seed: Number(process.env.FC_SEED ?? Date.now() % 100000) },
    );
  });

  test('the migration backfills them from the answers of responses stored before it', async () => {
    const t = await createTestApp();
    const c = await createCampaign(t, { surveyId: 'edu-th', unitIds: UNITS, as: 'admin@demo.vn' });
    const answers = (v: number) =>
      Object.fromEntries(LIKERTS.map((id, i) => [id, i % 3 === 0 ? 5 : v]));
    for (const [i, v] of [2, 4, 1, 5, 3].entries())
      expect(
        (
          await submit(t, c.links[i % UNITS.length]!.code, {
            clientId: randomUUID(),
            answers: answers(v),
          })
        ).status,
      ).toBe(201);
    const db = t.handle.db;
    const before = await storedScores(db, c.id);
    // As a database upgraded from before the counters: no score rows at all; the migration again.
    // The later counters migration is undone first, and done again after: both derive the
    // score counters from the stored answers.
    const migration = await import('../../db/migrations/2026-11-29T1400-sampling-statistics.js');
    const counters = await import('../../db/migrations/2026-11-30T1040-counters.js');
    await counters.down(db);
    await migration.down(db);
    await migration.up(db);
    const after = await storedScores(db, c.id);
    expectSameSums(after, before);
    expectSameSums(after, await recountScores(db, c.id));
    await counters.up(db);
    expectSameSums(await storedScores(db, c.id), before);
    // And N is frozen again from the units.
    const frozen = await db
      .selectFrom('campaign_units')
      .select(['unit_id', 'eligible'])
      .where('campaign_id', '=', c.id)
      .orderBy('unit_id')
      .execute();
    expect(frozen.map((r) => [r.unit_id, Number(r.eligible)])).toEqual([
      ['HN-BADINH-TH-KIMDONG', 1020],
      ['HN-TAYHO-TH-CHUVANAN', 1150],
      ['HN-TAYHO-TH-NHATTAN', 870],
    ]);
  });

  test('follow a school that moves to another office in a units import', async () => {
    const t = await createTestApp();
    const c = await createCampaign(t, { surveyId: 'edu-th', unitIds: UNITS, as: 'admin@demo.vn' });
    const answers = Object.fromEntries(LIKERTS.map((id, i) => [id, i % 2 ? 5 : 2]));
    for (const code of c.links.map((l) => l.code))
      expect((await submit(t, code, { clientId: randomUUID(), answers })).status).toBe(201);
    await countAllNow(t.handle.db);
    const csv =
      'id,parent_id,name,kind,level,eligible\nHN-TAYHO-TH-NHATTAN,HN-BADINH,Trường Tiểu học Nhật Tân,school,TH,870\n';
    expect((await importUnitsCsv(t.handle.db, csv, '2026-11-23T02:00:00.000Z')).ok).toBe(true);
    const stored = await storedScores(t.handle.db, c.id);
    expectSameSums(stored, await recountScores(t.handle.db, c.id));
    expect(stored['HN-BADINH^|*']![0]).toBe(2);
    expect(stored['HN-TAYHO^|*']![0]).toBe(1);
  });
});
