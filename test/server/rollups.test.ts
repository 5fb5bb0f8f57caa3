import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { importUnitsCsv } from '../../server/units-import.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createCampaign, submit, thcsAnswers, countAllNow } from '../helpers/campaigns.js';

type Db = TestApp['handle']['db'];

/** Two schools of Tây Hồ and one of Ba Đình: rollups must pool per office and at the Department. */
const SCHOOLS = ['HN-TAYHO-THCS-DONGTHAI', 'HN-TAYHO-THCS-TULIEN', 'HN-BADINH-THCS-GIANGVO'];

/** The rollups as stored, keyed 'unit|question|value' → n and unit → [responses, fast]. */
async function storedRollups(db: Db, campaignId: string) {
  await countAllNow(db); // what every reader of counters does first
  const answers = await db
    .selectFrom('answer_rollups')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .execute();
  const responses = await db
    .selectFrom('response_rollups')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .execute();
  return {
    answers: Object.fromEntries(
      answers.map((a) => [`${a.unit_id}|${a.question_id}|${a.value}`, Number(a.n)]),
    ),
    responses: Object.fromEntries(
      responses.map((r) => [r.unit_id, [Number(r.n), Number(r.fast_n)]]),
    ),
  };
}

/** The leaf counters summed over every unit's descendants in JavaScript, from the current unit paths. */
async function pooledRecount(db: Db, campaignId: string) {
  await countAllNow(db);
  const paths = new Map(
    (await db.selectFrom('units').select(['id', 'path']).execute()).map((u) => [u.id, u.path]),
  );
  // Rollups pool a unit's descendants: every ancestor of the counted unit, not the unit itself.
  const ancestors = (unitId: string) =>
    (paths.get(unitId) ?? '').split('/').filter(Boolean).slice(0, -1);
  const answers: Record<string, number> = {};
  const responses: Record<string, number[]> = {};
  for (const a of await db
    .selectFrom('answer_counts')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .execute()) {
    for (const u of ancestors(a.unit_id)) {
      const key = `${u}|${a.question_id}|${a.value}`;
      answers[key] = (answers[key] ?? 0) + Number(a.n);
    }
  }
  for (const r of await db
    .selectFrom('response_counts')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .execute()) {
    for (const u of ancestors(r.unit_id)) {
      const [n, fast] = responses[u] ?? [0, 0];
      responses[u] = [n! + Number(r.n), fast! + Number(r.fast_n)];
    }
  }
  return { answers, responses };
}

const submissionArb = fc.record({
  school: fc.nat({ max: SCHOOLS.length - 1 }),
  value: fc.constantFrom<number | null>(1, 2, 3, 4, 5, null),
  /** Seconds taken: a few are implausibly fast. */
  seconds: fc.integer({ min: 1, max: 600 }),
});

describe('rollup counters', () => {
  test("equal the leaf counters pooled over each unit's descendants after any mix of submissions across two offices", async () => {
    const t = await createTestApp();
    await fc.assert(
      fc.asyncProperty(
        fc.array(submissionArb, { minLength: 1, maxLength: 15 }),
        fc.boolean(),
        async (subs, concurrent) => {
          const c = await createCampaign(t, { as: 'admin@demo.vn', unitIds: SCHOOLS });
          const code = (i: number) => c.links.find((l) => l.unitId === SCHOOLS[i])!.code;
          const send = (s: (typeof subs)[number]) => {
            const startedAt = new Date(t.clock().getTime() - s.seconds * 1000).toISOString();
            return submit(t, code(s.school), {
              clientId: randomUUID(),
              answers: thcsAnswers(s.value),
              startedAt,
            });
          };
          const statuses = concurrent
            ? await Promise.all(subs.map((s) => send(s).then((r) => r.status)))
            : await subs.reduce<Promise<number[]>>(
                async (acc, s) => [...(await acc), (await send(s)).status],
                Promise.resolve([]),
              );
          expect(statuses.every((s) => s === 201)).toBe(true);
          expect(await storedRollups(t.handle.db, c.id)).toEqual(
            await pooledRecount(t.handle.db, c.id),
          );
          const stored = await storedRollups(t.handle.db, c.id);
          expect(stored.responses['HN']?.[0]).toBe(subs.length);
          // A school's own responses are in its leaf counters only.
          expect(SCHOOLS.filter((id) => stored.responses[id])).toEqual([]);
        },
      ),
      { numRuns: 8, seed: Number(process.env.FC_SEED ?? Date.now() % 100000) },
    );
  });

  test('follow a school that moves to another office in a units import', async () => {
    const t = await createTestApp();
    const c = await createCampaign(t, { as: 'admin@demo.vn', unitIds: SCHOOLS });
    const code = (id: string) => c.links.find((l) => l.unitId === id)!.code;
    for (const [id, value] of [
      ['HN-TAYHO-THCS-DONGTHAI', 5],
      ['HN-TAYHO-THCS-TULIEN', 2],
      ['HN-TAYHO-THCS-TULIEN', 1],
    ] as const) {
      expect(
        (await submit(t, code(id), { clientId: randomUUID(), answers: thcsAnswers(value) })).status,
      ).toBe(201);
    }
    const csv =
      'id,parent_id,name,kind,level,eligible\nHN-TAYHO-THCS-TULIEN,HN-BADINH,Trường THCS Tứ Liên,school,THCS,430\n';
    expect((await importUnitsCsv(t.handle.db, csv, '2026-11-23T02:00:00.000Z')).ok).toBe(true);

    const after = await storedRollups(t.handle.db, c.id);
    expect(after).toEqual(await pooledRecount(t.handle.db, c.id));
    expect(after.responses['HN-TAYHO']?.[0]).toBe(1);
    expect(after.responses['HN-BADINH']?.[0]).toBe(2);
    expect(after.responses['HN']?.[0]).toBe(3);
    // A submission after the move rolls up to the new office.
    expect(
      (
        await submit(t, code('HN-TAYHO-THCS-TULIEN'), {
          clientId: randomUUID(),
          answers: thcsAnswers(3),
        })
      ).status,
    ).toBe(201);
    const later = await storedRollups(t.handle.db, c.id);
    expect(later.responses['HN-BADINH']?.[0]).toBe(3);
    expect(later).toEqual(await pooledRecount(t.handle.db, c.id));
  });
});
