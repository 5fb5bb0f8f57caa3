import { describe, expect, test } from 'vitest';
import { createTestApp } from '../helpers/app.js';
import { addCounts, createCampaign, createSurvey, smallSurvey } from '../helpers/index-fixtures.js';

const DONGTHAI = 'HN-TAYHO-THCS-DONGTHAI';
const NHATTAN = 'HN-TAYHO-TH-NHATTAN';

async function setup() {
  const t = await createTestApp();
  const db = t.handle.db;
  const survey = smallSurvey();
  await createSurvey(db, survey);
  const campaignId = await createCampaign(db, {
    survey,
    ownerUnitId: 'HN',
    unitIds: [DONGTHAI, NHATTAN],
  });
  await addCounts(db, campaignId, DONGTHAI, 6, {
    q1: { '4': 3, '5': 2, '2': 1 },
    q2: { '3': 2, '4': 2, na: 2 },
    q3: { '5': 6 },
    expect: { food: 4, yard: 1 },
  });
  await addCounts(db, campaignId, NHATTAN, 8, { q1: { '1': 4, '5': 4 }, q3: { '2': 8 } });
  return { ...t, campaignId };
}

describe('GET /api/indices', () => {
  test("answers the contract's shape for the user's own unit by default", async () => {
    const t = await setup();
    const res = await t.req(`/api/indices?campaignId=${t.campaignId}`, {
      cookie: await t.login('tayho@demo.vn'),
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      unitId: 'HN-TAYHO',
      responses: 14,
      suppressed: false,
      target: 85,
    });
    expect(Object.keys(body.overall).sort()).toEqual(['high', 'index', 'low', 'mean', 'moe']);
    expect(body.factors.map((f: { id: string }) => f.id)).toEqual(['a', 'b', 'c']);
    expect(Object.keys(body.factors[0])).toEqual(
      expect.arrayContaining(['id', 'index', 'mean', 'moe', 'low', 'high']),
    );
    const q1 = body.questions.find((q: { id: string }) => q.id === 'q1');
    // q1 pooled: 3+2+4 satisfied of 6+8 valid.
    expect(q1).toMatchObject({
      id: 'q1',
      factor: 'a',
      valid: 14,
      satisfied: 9,
      na: 0,
      distribution: { '1': 4, '2': 1, '3': 0, '4': 3, '5': 6 },
    });
    expect(q1.index).toBeCloseTo((9 / 14) * 100, 10);
    expect(typeof q1.mean).toBe('number');
    const expectQ = body.choices.find((c: { id: string }) => c.id === 'expect');
    expect(expectQ.options.map((o: { n: number }) => o.n)).toEqual([4, 1]);
  });

  test('a school manager reads its own school', async () => {
    const t = await setup();
    const res = await t.req(`/api/indices?campaignId=${t.campaignId}&unitId=${DONGTHAI}`, {
      cookie: await t.login('dongthai@demo.vn'),
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.responses).toBe(6);
    expect(body.questions.find((q: { id: string }) => q.id === 'q3').index).toBe(100);
  });

  test("a school manager cannot read its office's or a sibling school's indices", async () => {
    const t = await setup();
    const cookie = await t.login('dongthai@demo.vn');
    for (const unitId of ['HN-TAYHO', NHATTAN, 'HN']) {
      for (const path of ['', '/children', '/suggestions', '/quality', '/live']) {
        const res = await t.req(`/api/indices${path}?campaignId=${t.campaignId}&unitId=${unitId}`, {
          cookie,
        });
        expect(res.status).toBe(404);
        const text = await res.text();
        expect(text).toContain('not_found');
        expect(text).not.toContain('"questions"');
      }
      const trend = await t.req(`/api/indices/trend?surveyFamily=test-survey&unitId=${unitId}`, {
        cookie,
      });
      expect(trend.status).toBe(404);
    }
  });

  test("a campaign owned by a sibling school is not found for another school's manager", async () => {
    const t = await setup();
    const survey = smallSurvey();
    const own = await createCampaign(t.handle.db, {
      survey,
      ownerUnitId: NHATTAN,
      unitIds: [NHATTAN],
    });
    const res = await t.req(`/api/indices?campaignId=${own}`, {
      cookie: await t.login('dongthai@demo.vn'),
    });
    expect(res.status).toBe(404);
    const list = await t.req('/api/indices/campaigns', {
      cookie: await t.login('dongthai@demo.vn'),
    });
    expect((await list.json()).map((c: { id: string }) => c.id)).toEqual([t.campaignId]);
    const office = await t.req(`/api/indices?campaignId=${own}`, {
      cookie: await t.login('tayho@demo.vn'),
    });
    expect(office.status).toBe(200);
    // The Department's campaign that does not target Đông Thái is not Đông Thái's either.
    const elsewhere = await createCampaign(t.handle.db, {
      survey,
      ownerUnitId: 'HN',
      unitIds: [NHATTAN],
    });
    const res2 = await t.req(`/api/indices?campaignId=${elsewhere}`, {
      cookie: await t.login('dongthai@demo.vn'),
    });
    expect(res2.status).toBe(404);
  });

  test('rejects a missing campaign id, refuses without a session, 404 for an unknown campaign', async () => {
    const t = await setup();
    const cookie = await t.login('admin@demo.vn');
    const missing = await t.req('/api/indices', { cookie });
    expect(missing.status).toBe(400);
    expect((await missing.json()).error.details[0].path).toBe('campaignId');
    expect((await t.req(`/api/indices?campaignId=${t.campaignId}`)).status).toBe(401);
    expect((await t.req('/api/indices?campaignId=nope', { cookie })).status).toBe(404);
  });
});

describe('GET /api/indices/children', () => {
  test("ranks the office's schools by index with their sample-size status", async () => {
    const t = await setup();
    const res = await t.req(`/api/indices/children?campaignId=${t.campaignId}`, {
      cookie: await t.login('tayho@demo.vn'),
    });
    const { children } = await res.json();
    expect(children[0]).toMatchObject({
      id: DONGTHAI,
      responses: 6,
      eligible: 640,
      sampleSize: 247,
      representative: false,
    });
    expect(children[1].id).toBe(NHATTAN);
    expect(children[0].index).toBeGreaterThan(children[1].index);
    // Schools outside the campaign are listed with nothing to show.
    const quangan = children.find((c: { id: string }) => c.id === 'HN-TAYHO-MN-QUANGAN');
    expect(quangan).toMatchObject({ responses: 0, suppressed: true, index: null });
  });

  test('says which units the campaign surveys, so a ranking can leave the others out', async () => {
    const t = await setup();
    const cookie = await t.login('admin@demo.vn');
    const res = await t.req(`/api/indices/children?campaignId=${t.campaignId}&unitId=HN-TAYHO`, {
      cookie,
    });
    const { children } = await res.json();
    const surveyed = children
      .filter((c: { inCampaign: boolean }) => c.inCampaign)
      .map((c: { id: string }) => c.id);
    expect(surveyed.sort()).toEqual([NHATTAN, DONGTHAI].sort());
    expect(children.length).toBeGreaterThan(2);
    // One level up, the office is in the campaign through its schools.
    const top = await t.req(`/api/indices/children?campaignId=${t.campaignId}&unitId=HN`, {
      cookie,
    });
    const offices = (await top.json()).children as { id: string; inCampaign: boolean }[];
    expect(offices.filter((c) => c.inCampaign).map((c) => c.id)).toEqual(['HN-TAYHO']);
  });
});
