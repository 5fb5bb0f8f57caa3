import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createTestApp } from '../helpers/app.js';
import { createCampaign, recount, storedCounters, submit } from '../helpers/campaigns.js';

const UNITS = ['HN-TAYHO-TH-NHATTAN', 'HN-TAYHO-TH-CHUVANAN'];
const likert = fc.oneof(
  { arbitrary: fc.constantFrom<number | null | string>(1, 2, 3, 4, 5, null), weight: 250 },
  { arbitrary: fc.constantFrom<number | null | string>(6, 0, '3'), weight: 1 },
);
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined, freq: 3 });

/** edu-th answers: mostly valid, sometimes out of range or missing, so some submissions fail. */
const answersArb = fc
  .record({
    likerts: fc.array(fc.option(likert, { nil: undefined, freq: 250 }), {
      minLength: 21,
      maxLength: 21,
    }),
    ban_tru: maybe(fc.constantFrom('co', 'khong', 'co', 'khong', 'co', 'maybe')),
    /** Required when ban_tru is 'co'; ignored otherwise. */
    hd5: fc.option(likert, { nil: undefined, freq: 6 }),
    khoi_lop: maybe(fc.constantFrom('lop1', 'lop3', 'lop5')),
    uu_tien: maybe(
      fc.subarray(['tiep_can', 'co_so_vat_chat', 'moi_truong', 'hoat_dong_giao_duc', 'ket_qua']),
    ),
    gop_y: maybe(fc.string({ maxLength: 30 })),
  })
  .map(({ likerts, ...rest }) => {
    const ids = [
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
      'hd1',
      'hd2',
      'hd3',
      'hd4',
      'kq1',
      'kq2',
      'kq3',
      'kq4',
      'hai_long_chung',
    ];
    const a: Record<string, unknown> = {};
    // Every likert is required: each is left out about one time in 250, so some submissions fail.
    ids.forEach((id, i) => (a[id] = likerts[i]));
    for (const [k, v] of Object.entries(rest)) a[k] = v;
    for (const k of Object.keys(a)) if (a[k] === undefined) delete a[k];
    return a;
  });

const submissionArb = fc.record({
  unit: fc.nat({ max: UNITS.length - 1 }),
  answers: answersArb,
  /** Seconds taken; small ones are "fast". */
  seconds: maybe(fc.integer({ min: 1, max: 600 })),
  /** Resend an earlier submission's clientId instead of a new one. */
  repeat: fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 4 },
    { arbitrary: fc.nat({ max: 20 }), weight: 1 },
  ),
});

describe('answer and response counters', () => {
  test('equal a recount of the raw answers after any mix of valid, invalid, repeated and concurrent submissions', async () => {
    const t = await createTestApp();
    await fc.assert(
      fc.asyncProperty(
        fc.array(submissionArb, { minLength: 1, maxLength: 25 }),
        fc.boolean(),
        async (subs, concurrent) => {
          const c = await createCampaign(t, { surveyId: 'edu-th', unitIds: UNITS });
          const ids: string[] = [];
          const bodies = subs.map((s) => {
            const clientId =
              s.repeat !== undefined && ids.length ? ids[s.repeat % ids.length]! : randomUUID();
            ids.push(clientId);
            const startedAt =
              s.seconds === undefined
                ? undefined
                : new Date(t.clock().getTime() - s.seconds * 1000).toISOString();
            return {
              code: c.links[s.unit]!.code,
              body: { clientId, answers: s.answers, ...(startedAt ? { startedAt } : {}) },
            };
          });
          const statuses = concurrent
            ? await Promise.all(bodies.map((b) => submit(t, b.code, b.body).then((r) => r.status)))
            : await bodies.reduce<Promise<number[]>>(
                async (acc, b) => [...(await acc), (await submit(t, b.code, b.body)).status],
                Promise.resolve([]),
              );
          expect(statuses.every((s) => [200, 201, 400, 409].includes(s))).toBe(true);
          if (process.env.FC_DEBUG) console.log(statuses.join(' '));
          const stored = await storedCounters(t.handle.db, c.id);
          expect(stored).toEqual(await recount(t.handle.db, c.id));
          const total = Object.values(stored.responses).reduce((n, [k]) => n + k, 0);
          expect(total).toBe(statuses.filter((s) => s === 201).length);
        },
      ),
      { numRuns: 12, seed: Number(process.env.FC_SEED ?? Date.now() % 100000) },
    );
  });
});
