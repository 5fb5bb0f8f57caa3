import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createTestApp } from '../helpers/app.js';
import { createCampaign, submit, thcsAnswers, countAllNow } from '../helpers/campaigns.js';

const DONGTHAI = 'HN-TAYHO-THCS-DONGTHAI';

async function counts(t: Awaited<ReturnType<typeof createTestApp>>, campaignId: string) {
  const db = t.handle.db;
  await countAllNow(db); // what every reader of counters does first
  const answers = await db
    .selectFrom('answer_counts')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .execute();
  const responses = await db
    .selectFrom('response_counts')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .execute();
  const stored = await db
    .selectFrom('responses')
    .select(['id', 'answers'])
    .where('campaign_id', '=', campaignId)
    .execute();
  const of = (q: string, v: string) =>
    Number(answers.find((a) => a.question_id === q && a.value === v)?.n ?? 0);
  return { answers, responses, stored, of };
}

describe('GET /api/public/forms/:code', () => {
  test('gives the campaign, the unit and the questionnaire with its Vietnamese and English text', async () => {
    const t = await createTestApp();
    const c = await createCampaign(t);
    const res = await t.req(`/api/public/forms/${c.links[0]!.code}`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.campaign).toMatchObject({ id: c.id, name: 'Khảo sát thử' });
    expect(body.unit).toEqual({ id: DONGTHAI, name: 'Trường THCS Đông Thái' });
    expect(body.survey).toMatchObject({ id: 'edu-thcs', version: 1 });
    expect(body.survey.title).toMatch(/trung học cơ sở/);
    expect(body.survey.titleEn).toMatch(/lower-secondary/);
    const q = body.survey.sections
      .flatMap((s: { questions: unknown[] }) => s.questions)
      .find((x: { id: string }) => x.id === 'tc1');
    expect(q).toMatchObject({ type: 'likert5', required: true, factor: 'tiep_can' });
    expect(q.text).toMatch(/tuyển sinh lớp 6/);
    expect(body.survey.factors.map((f: { id: string }) => f.id)).toContain('hoat_dong_giao_duc');
  });

  test('an unknown code → 404 not_found', async () => {
    const t = await createTestApp();
    const res = await t.req('/api/public/forms/NOSUCHCODE');
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('not_found');
  });
});

describe('POST /api/public/forms/:code/responses', () => {
  test('stores an answer and counts it per unit, question and value', async () => {
    const t = await createTestApp();
    const c = await createCampaign(t);
    const answers = {
      ...thcsAnswers(4),
      tc1: 5,
      tc2: null,
      uu_tien: ['moi_truong', 'tiep_can'],
      gop_y: '  Cần thêm cây xanh.  ',
      khoi_lop: 'lop7',
    };
    const res = await submit(t, c.links[0]!.code, { clientId: randomUUID(), answers });
    expect(res.status).toBe(201);
    const { id } = await res.json();
    const k = await counts(t, c.id);
    expect(k.stored.map((r) => r.id)).toEqual([id]);
    expect(k.of('tc1', '5')).toBe(1);
    expect(k.of('tc2', 'na')).toBe(1);
    expect(k.of('tc3', '4')).toBe(1);
    expect(k.of('uu_tien', 'tiep_can') + k.of('uu_tien', 'moi_truong')).toBe(2);
    expect(k.of('khoi_lop', 'lop7')).toBe(1);
    expect(k.answers.some((a) => a.question_id === 'gop_y')).toBe(false);
    expect(k.responses).toMatchObject([{ unit_id: DONGTHAI, n: 1 }]);
    const texts = await t.handle.db
      .selectFrom('text_answers')
      .select(['text', 'unit_id'])
      .execute();
    expect(texts).toEqual([{ text: 'Cần thêm cây xanh.', unit_id: DONGTHAI }]);
  });

  test('the same clientId sent twice → 200 with the same id, stored once', async () => {
    const t = await createTestApp();
    const c = await createCampaign(t);
    const body = { clientId: randomUUID(), answers: thcsAnswers(5) };
    const first = await submit(t, c.links[0]!.code, body);
    const again = await submit(t, c.links[0]!.code, body);
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect((await again.json()).id).toBe((await first.json()).id);
    const k = await counts(t, c.id);
    expect(k.stored).toHaveLength(1);
    expect(k.of('tc1', '5')).toBe(1);
    expect(Number(k.responses[0]!.n)).toBe(1);
  });

  test('the same clientId sent concurrently is stored once and every retry gets the same id', async () => {
    const t = await createTestApp();
    const c = await createCampaign(t);
    const body = { clientId: randomUUID(), answers: thcsAnswers(3) };
    const all = await Promise.all(
      Array.from({ length: 6 }, () => submit(t, c.links[0]!.code, body)),
    );
    expect(all.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    const ids = new Set(await Promise.all(all.map(async (r) => (await r.json()).id)));
    expect(ids.size).toBe(1);
    const k = await counts(t, c.id);
    expect(k.stored).toHaveLength(1);
    expect(k.of('tc1', '3')).toBe(1);
  });

  test('a required question left out → 400 naming it', async () => {
    const t = await createTestApp();
    const c = await createCampaign(t);
    const { tc3: _, ...answers } = thcsAnswers(4);
    const res = await submit(t, c.links[0]!.code, { clientId: randomUUID(), answers });
    expect(res.status).toBe(400);
    const err = (await res.json()).error;
    expect(err.code).toBe('validation_failed');
    expect(err.details).toEqual([
      expect.objectContaining({ path: 'answers.tc3', code: 'required' }),
    ]);
  });

  test('an unknown question, a likert of 6 or 2.5, a foreign option, a repeated choice and a too long text each → 400', async () => {
    const t = await createTestApp();
    const c = await createCampaign(t);
    const answers = {
      ...thcsAnswers(4),
      q99: 1,
      tc1: 6,
      tc2: 2.5,
      tc3: '4',
      khoi_lop: 'lop12',
      uu_tien: ['tiep_can', 'tiep_can'],
      gop_y: 'x'.repeat(2001),
    };
    const res = await submit(t, c.links[0]!.code, { clientId: randomUUID(), answers });
    expect(res.status).toBe(400);
    const paths = (await res.json()).error.details.map((d: { path: string }) => d.path).sort();
    expect(paths).toEqual([
      'answers.gop_y',
      'answers.khoi_lop',
      'answers.q99',
      'answers.tc1',
      'answers.tc2',
      'answers.tc3',
      'answers.uu_tien',
    ]);
    expect((await counts(t, c.id)).stored).toHaveLength(0);
  });

  test('a body without a uuid clientId → 400 naming clientId', async () => {
    const t = await createTestApp();
    const c = await createCampaign(t);
    const res = await submit(t, c.links[0]!.code, { clientId: 'abc', answers: thcsAnswers() });
    expect(res.status).toBe(400);
    expect((await res.json()).error.details[0].path).toBe('clientId');
  });

  test('an answer to a question hidden by its condition is ignored, and its required flag does not apply', async () => {
    const t = await createTestApp();
    const c = await createCampaign(t, { surveyId: 'edu-th', unitIds: ['HN-TAYHO-TH-NHATTAN'] });
    const { hd5: _, ...rest } = thcsAnswers(4);
    const answers = { ...rest, ban_tru: 'khong' };
    const hidden = await submit(t, c.links[0]!.code, {
      clientId: randomUUID(),
      answers: { ...answers, hd5: 1 },
    });
    expect(hidden.status).toBe(201);
    const k = await counts(t, c.id);
    expect(k.of('hd5', '1')).toBe(0);
    expect(JSON.parse(k.stored[0]!.answers)).not.toHaveProperty('hd5');
    const shown = await submit(t, c.links[0]!.code, {
      clientId: randomUUID(),
      answers: { ...answers, ban_tru: 'co' },
    });
    expect(shown.status).toBe(400);
    expect((await shown.json()).error.details[0].path).toBe('answers.hd5');
  });

  test('before it opens and after it closes the campaign answers 409 campaign_closed', async () => {
    const t = await createTestApp();
    const now = t.clock().getTime();
    const c = await createCampaign(t, {
      opensAt: new Date(now + 3_600_000).toISOString(),
      closesAt: new Date(now + 7_200_000).toISOString(),
    });
    const early = await submit(t, c.links[0]!.code, {
      clientId: randomUUID(),
      answers: thcsAnswers(),
    });
    expect(early.status).toBe(409);
    expect((await early.json()).error.code).toBe('campaign_closed');
    t.clock.advance(2 * 3_600_000);
    const late = await submit(t, c.links[0]!.code, {
      clientId: randomUUID(),
      answers: thcsAnswers(),
    });
    expect(late.status).toBe(409);
    expect((await late.json()).error.code).toBe('campaign_closed');
  });

  test('a response finished faster than 2 seconds per answer is counted as fast', async () => {
    const t = await createTestApp();
    const c = await createCampaign(t);
    const startedAt = new Date(t.clock().getTime() - 10_000).toISOString();
    await submit(t, c.links[0]!.code, {
      clientId: randomUUID(),
      answers: thcsAnswers(),
      startedAt,
    });
    const slowStart = new Date(t.clock().getTime() - 300_000).toISOString();
    await submit(t, c.links[0]!.code, {
      clientId: randomUUID(),
      answers: thcsAnswers(),
      startedAt: slowStart,
    });
    const k = await counts(t, c.id);
    expect(k.responses).toMatchObject([{ n: 2, fast_n: 1 }]);
  });
});

describe('one-time tokens', () => {
  async function tokenCampaign() {
    const t = await createTestApp();
    const c = await createCampaign(t, { access: 'token' });
    const res = await t.req(`/api/campaigns/${c.id}/tokens`, {
      cookie: c.cookie,
      body: { unitId: DONGTHAI, count: 3 },
    });
    expect(res.status).toBe(201);
    const { tokens } = (await res.json()) as { tokens: { code: string; url: string }[] };
    return { t, c, tokens };
  }

  test('a token accepts one response; another → 409 token_used; the same clientId again → 200 same id', async () => {
    const { t, tokens } = await tokenCampaign();
    const code = tokens[0]!.code;
    const body = { clientId: randomUUID(), answers: thcsAnswers() };
    const first = await submit(t, code, body);
    expect(first.status).toBe(201);
    const other = await submit(t, code, { clientId: randomUUID(), answers: thcsAnswers() });
    expect(other.status).toBe(409);
    expect((await other.json()).error.code).toBe('token_used');
    const retry = await submit(t, code, body);
    expect(retry.status).toBe(200);
    expect((await retry.json()).id).toBe((await first.json()).id);
    expect(
      (await submit(t, tokens[1]!.code, { clientId: randomUUID(), answers: thcsAnswers() })).status,
    ).toBe(201);
  });

  test('concurrent submissions with different clientIds on one token store exactly one', async () => {
    const { t, c, tokens } = await tokenCampaign();
    const all = await Promise.all(
      Array.from({ length: 5 }, () =>
        submit(t, tokens[0]!.code, { clientId: randomUUID(), answers: thcsAnswers() }),
      ),
    );
    expect(all.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    expect((await counts(t, c.id)).stored).toHaveLength(1);
  });

  test("a token campaign's unit link does not open the form", async () => {
    const { t, c } = await tokenCampaign();
    const units = await t.handle.db
      .selectFrom('campaign_units')
      .select('code')
      .where('campaign_id', '=', c.id)
      .execute();
    expect((await t.req(`/api/public/forms/${units[0]!.code}`)).status).toBe(404);
    expect(c.links).toEqual([]);
  });
});

describe('hostile input', () => {
  test('any JSON as answers, and odd keys like __proto__, give 201 or 400, never a 5xx', async () => {
    const t = await createTestApp();
    const c = await createCampaign(t);
    const code = c.links[0]!.code;
    const raw = (s: string) =>
      t.req(`/api/public/forms/${code}/responses`, {
        body: s,
        headers: { 'content-type': 'application/json' },
      });
    const proto = await raw(
      `{"clientId":"${randomUUID()}","answers":{"__proto__":{"tc1":5},"constructor":1}}`,
    );
    expect(proto.status).toBe(400);
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (answers) => {
        const res = await submit(t, code, { clientId: randomUUID(), answers });
        expect([201, 400]).toContain(res.status);
      }),
      { numRuns: 60 },
    );
  });

  test('a clientId already used in another campaign → 409 conflict, not the other response', async () => {
    const t = await createTestApp();
    const a = await createCampaign(t);
    const b = await createCampaign(t);
    const body = { clientId: randomUUID(), answers: thcsAnswers() };
    expect((await submit(t, a.links[0]!.code, body)).status).toBe(201);
    const other = await submit(t, b.links[0]!.code, body);
    expect(other.status).toBe(409);
    expect((await other.json()).error.code).toBe('conflict');
  });
});
