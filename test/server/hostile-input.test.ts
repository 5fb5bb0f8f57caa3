import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { countRows, userTables } from '../../db/copy.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import {
  createCampaign,
  recount,
  storedCounters,
  submit,
  thcsAnswers,
} from '../helpers/campaigns.js';
import { fileOne } from '../helpers/feedback.js';

/** Every public write and read, with the shapes an attacker would vary. */
const PUBLIC_POSTS = [
  '/api/public/feedback',
  '/api/public/forms/NOSUCHCODE/responses',
  '/api/auth/login',
];
/** Encodes what a URL can carry, and keeps raw malformed escapes ('%E0%A4%A', '%zz') as they are. */
const enc = (s: string): string =>
  s.startsWith('%') ? s : encodeURIComponent(s.replace(/[\uD800-\uDFFF]/g, ''));
const PUBLIC_GETS = [
  (s: string) => `/api/public/feedback/${enc(s)}`,
  (s: string) => `/api/public/forms/${enc(s)}`,
  (s: string) => `/api/public/disclosures?unitId=${enc(s)}`,
];

const hostileString = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.constantFrom(
    "'; DROP TABLE feedback; --",
    '<script>alert(1)</script>',
    '__proto__',
    'constructor',
    '\u0000\uFFFF\uD800',
    'Ａ'.repeat(5000),
    '%E0%A4%A',
    '%zz',
  ),
);

const hostileJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(
      fc.oneof(hostileString, fc.constantFrom('__proto__', 'constructor', 'prototype')),
      tie('value'),
      { maxKeys: 5 },
    ),
  ),
})).value;

const deepNesting = fc.integer({ min: 100, max: 3000 }).map((d) => '['.repeat(d) + ']'.repeat(d));

async function snapshotCounts(t: TestApp): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of await userTables(t.handle.db))
    out[table] = await countRows(t.handle.db, table);
  delete out.login_attempts;
  return out;
}

async function expectErrorShape(res: Response): Promise<void> {
  expect(res.status).toBeLessThan(500);
  if (res.status >= 400) {
    const body = await res.json();
    expect(typeof body.error.code).toBe('string');
    expect(typeof body.error.message).toBe('string');
  }
}

describe('hostile input on public routes', () => {
  test('random JSON bodies never cause a 5xx, always the error shape, and store nothing', async () => {
    const t = await createTestApp();
    const before = await snapshotCounts(t);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...PUBLIC_POSTS),
        fc.oneof(
          hostileJson.map((v) => JSON.stringify(v)),
          deepNesting,
          fc.string(),
        ),
        async (path, body) => {
          const res = await t.req(path, { body, headers: { 'content-type': 'application/json' } });
          expect(res.status).toBeGreaterThanOrEqual(400);
          await expectErrorShape(res);
        },
      ),
      { numRuns: 150 },
    );
    expect(await snapshotCounts(t)).toEqual(before);
  });

  test('hostile path and query values never cause a 5xx', async () => {
    const t = await createTestApp();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...PUBLIC_GETS), hostileString, async (make, s) => {
        await expectErrorShape(await t.req(make(s)));
      }),
      { numRuns: 100 },
    );
  });

  test('wrong content types are refused with the error shape', async () => {
    const t = await createTestApp();
    for (const path of PUBLIC_POSTS) {
      const res = await t.req(path, {
        body: '<xml/>',
        headers: { 'content-type': 'application/xml' },
      });
      expect(res.status).toBeGreaterThanOrEqual(400);
      await expectErrorShape(res);
    }
  });
});

/** The edu-thcs question ids, so hostile answers reach the answer validation, not just the 404. */
const THCS_IDS = [...Object.keys(thcsAnswers()), 'khoi_lop', 'uu_tien', 'gop_y'];
const answerKey = fc.oneof(
  { arbitrary: fc.constantFrom(...THCS_IDS), weight: 4 },
  { arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString'), weight: 1 },
  { arbitrary: hostileString, weight: 1 },
);
/** Mostly valid answers with a few hostile values and keys mixed in. */
const hostileAnswers = fc.oneof(
  {
    arbitrary: fc
      .tuple(fc.dictionary(answerKey, hostileJson, { minKeys: 1, maxKeys: 6 }), fc.boolean())
      .map(([extra, complete]) => ({ ...(complete ? thcsAnswers(4) : {}), ...extra })),
    weight: 2,
  },
  // A valid response now and then, so acceptance and the counters are exercised too.
  { arbitrary: fc.constantFrom(1, 2, 3, 4, 5, null).map((v) => thcsAnswers(v)), weight: 1 },
);

describe('hostile input against a real open questionnaire and the no-JavaScript forms', () => {
  test('hostile answers to a real campaign: never a 5xx; stored only when accepted, and then recountable', async () => {
    const t = await createTestApp();
    const { id, links } = await createCampaign(t);
    const code = links[0]!.code;
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(
        hostileAnswers,
        fc.option(hostileString, { nil: undefined }),
        async (answers, startedAt) => {
          const res = await submit(t, code, {
            clientId: crypto.randomUUID(),
            answers,
            ...(startedAt ? { startedAt } : {}),
          });
          await expectErrorShape(res);
          if (res.status === 201) accepted++;
          // 413 when the nested hostile values add up past the body limit.
          else expect([400, 413]).toContain(res.status);
        },
      ),
      { numRuns: 120 },
    );
    const stored = await t.handle.db
      .selectFrom('responses')
      .select('answers')
      .where('campaign_id', '=', id)
      .execute();
    expect(accepted).toBeGreaterThan(0);
    expect(stored).toHaveLength(accepted);
    expect(await storedCounters(t.handle.db, id)).toEqual(await recount(t.handle.db, id));
    for (const r of stored)
      expect(Object.keys(JSON.parse(r.answers)).every((k) => THCS_IDS.includes(k))).toBe(true);
  });

  test('hostile form posts to the questionnaire, feedback and rating pages: never a 5xx, nothing stored when refused', async () => {
    const t = await createTestApp();
    const { links } = await createCampaign(t);
    const { trackingCode } = await fileOne(t);
    const before = await snapshotCounts(t);
    const targets = [
      `/s/${links[0]!.code}`,
      '/feedback',
      `/feedback/status/${trackingCode}/rating`,
      '/s/NOSUCHCODE',
    ];
    const fields = fc.array(
      fc.tuple(
        fc.oneof(
          answerKey,
          fc.constantFrom('_clientId', '_lang', 'unitId', 'title', 'content', 'consent', 'overall'),
        ),
        hostileString,
      ),
      {
        maxLength: 8,
      },
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...targets), fields, async (path, pairs) => {
        const body = new URLSearchParams(pairs).toString();
        const res = await t.req(path, {
          method: 'POST',
          body,
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        });
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: 120 },
    );
    // Random fields never make a complete questionnaire, a valid filing or a legal rating.
    expect(await snapshotCounts(t)).toEqual(before);
  });

  test('hostile codes and ids in the public page addresses never cause a 5xx', async () => {
    const t = await createTestApp();
    const pages = [
      (s: string) => `/s/${enc(s)}`,
      (s: string) => `/s?code=${enc(s)}`,
      (s: string) => `/feedback/lookup?code=${enc(s)}`,
      (s: string) => `/feedback/status/${enc(s)}`,
      (s: string) => `/disclosures/${enc(s)}`,
      (s: string) => `/feedback?unitId=${enc(s)}`,
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...pages), hostileString, async (make, s) => {
        expect((await t.req(make(s))).status).toBeLessThan(500);
      }),
      { numRuns: 120 },
    );
  });
});

describe('a NUL character, which PostgreSQL text cannot hold', () => {
  test('in a filing, a suggestion, a form field or an address → 400 naming it, never a 5xx', async () => {
    const t = await createTestApp();
    const { links } = await createCampaign(t);
    const before = await snapshotCounts(t);
    const filing = await t.req('/api/public/feedback', {
      body: { ...filingBody(), title: 'Tiêu đề\u0000' },
    });
    expect(filing.status).toBe(400);
    expect((await filing.json()).error.details).toEqual([
      {
        path: 'title',
        message: 'Có ký tự không hợp lệ (ký tự rỗng).',
        messageEn: 'contains a NUL character',
      },
    ]);
    const answer = await submit(t, links[0]!.code, {
      clientId: crypto.randomUUID(),
      answers: { ...thcsAnswers(4), gop_y: 'a\u0000b' },
    });
    expect(answer.status).toBe(400);
    const form = await t.req('/feedback', {
      method: 'POST',
      body: new URLSearchParams({ ...filingBody(), content: 'Nội dung đủ dài\u0000' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(400);
    for (const path of [
      '/feedback/status/PA-%00',
      '/disclosures/HN%00',
      '/feedback/lookup?code=%00',
      '/s/AB%00',
    ]) {
      expect((await t.req(path)).status).toBe(400);
    }
    expect(await snapshotCounts(t)).toEqual(before);
  });
});

function filingBody() {
  return {
    unitId: 'HN-TAYHO-THCS-DONGTHAI',
    category: 'khac',
    title: 'Tiêu đề thử',
    content: 'Nội dung thử đủ mười ký tự.',
  };
}
