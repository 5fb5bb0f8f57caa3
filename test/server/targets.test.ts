import { describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { addCounts, createCampaign, createSurvey, smallSurvey } from '../helpers/index-fixtures.js';
import { addFeedback, rate } from '../helpers/target-fixtures.js';

// The fixed clock stands at 2026-11-23 09:00 in Vietnam: the current quarter is Q4 2026.
const DONGTHAI = 'HN-TAYHO-THCS-DONGTHAI';
const NHATTAN = 'HN-TAYHO-TH-NHATTAN';

interface Target {
  id: string;
  label: string;
  labelEn: string;
  value: number | null;
  target: number;
  met: boolean;
  status: string;
  numerator: number;
  denominator: number;
  pending: number;
  failing: { id: string; label: string; detail?: string }[];
}

async function targets(t: TestApp, email: string, query = ''): Promise<Target[]> {
  const res = await t.req(`/api/targets${query}`, { cookie: await t.login(email) });
  expect(res.status).toBe(200);
  return (await res.json()) as Target[];
}
const pick = (list: Target[], id: string) => list.find((x) => x.id === id)!;

describe('GET /api/targets: feedback resolved on time', () => {
  test('counts open overdue items against the target, leaves items due today and paused ones for later', async () => {
    const t = await createTestApp();
    const db = t.handle.db;
    await addFeedback(db, {
      unitId: DONGTHAI,
      status: 'answered',
      due: '2026-11-10',
      answeredAt: '2026-11-09T03:00:00.000Z',
    });
    const lateOne = await addFeedback(db, {
      unitId: DONGTHAI,
      status: 'answered',
      due: '2026-11-05',
      answeredAt: '2026-11-07T03:00:00.000Z',
    });
    const rotting = await addFeedback(db, {
      unitId: NHATTAN,
      status: 'in_progress',
      due: '2026-11-20',
    });
    await addFeedback(db, { unitId: NHATTAN, status: 'in_progress', due: '2026-11-23' }); // due tonight
    await addFeedback(db, {
      unitId: NHATTAN,
      status: 'waiting_citizen',
      due: '2026-11-18',
      clockPausedAt: '2026-11-16T03:00:00.000Z',
    }); // paused in time: clock stopped
    await addFeedback(db, {
      unitId: DONGTHAI,
      status: 'rejected',
      due: '2026-11-15',
      closedAt: '2026-10-02T00:00:00.000Z',
    });
    await addFeedback(db, { unitId: DONGTHAI, status: 'in_progress', due: '2026-09-30' }); // previous quarter
    await addFeedback(db, {
      unitId: 'HN-BADINH-TH-KIMDONG',
      status: 'in_progress',
      due: '2026-11-02',
    }); // another office

    const onTime = pick(await targets(t, 'tayho@demo.vn'), 'pakn_on_time');
    expect(onTime).toMatchObject({
      numerator: 1,
      denominator: 3,
      target: 100,
      met: false,
      status: 'missed',
      pending: 2,
    });
    expect(onTime.value).toBeCloseTo(100 / 3, 10);
    expect(onTime.label).toBe('Phản ánh, kiến nghị được giải quyết đúng hạn');
    expect(onTime.failing.map((f) => [f.id, f.label, f.detail])).toEqual([
      [lateOne.id, lateOne.trackingCode, 'Trả lời muộn 2 ngày'],
      [rotting.id, rotting.trackingCode, 'Quá hạn, chưa trả lời: 3 ngày'],
    ]);

    // The item due today becomes overdue once its day is over.
    t.clock.set('2026-11-23T17:00:00.000Z');
    const tomorrow = pick(await targets(t, 'tayho@demo.vn'), 'pakn_on_time');
    expect([tomorrow.numerator, tomorrow.denominator, tomorrow.failing.length]).toEqual([1, 4, 3]);
  });

  test('a school manager sees only the school', async () => {
    const t = await createTestApp();
    await addFeedback(t.handle.db, {
      unitId: DONGTHAI,
      status: 'answered',
      due: '2026-11-10',
      answeredAt: '2026-11-09T03:00:00.000Z',
    });
    await addFeedback(t.handle.db, { unitId: NHATTAN, status: 'in_progress', due: '2026-11-20' });
    const onTime = pick(await targets(t, 'dongthai@demo.vn'), 'pakn_on_time');
    expect([onTime.value, onTime.met, onTime.failing]).toEqual([100, true, []]);
  });
});

describe('GET /api/targets: publication and acceptance', () => {
  test('answers published late or still unpublished past their limit fail; those within it wait', async () => {
    const t = await createTestApp();
    const db = t.handle.db;
    const base = { unitId: DONGTHAI, due: '2026-11-28' } as const;
    await addFeedback(db, {
      ...base,
      status: 'published',
      answeredAt: '2026-11-09T03:00:00.000Z',
      publishDue: '2026-11-11',
      publishedAt: '2026-11-10T03:00:00.000Z',
    });
    const slow = await addFeedback(db, {
      ...base,
      status: 'published',
      answeredAt: '2026-11-10T03:00:00.000Z',
      publishDue: '2026-11-12',
      publishedAt: '2026-11-14T03:00:00.000Z',
    });
    const hidden = await addFeedback(db, {
      ...base,
      status: 'answered',
      answeredAt: '2026-11-18T03:00:00.000Z',
      publishDue: '2026-11-20',
    });
    await addFeedback(db, {
      ...base,
      status: 'answered',
      answeredAt: '2026-11-21T03:00:00.000Z',
      publishDue: '2026-11-25',
    });
    await addFeedback(db, { ...base, status: 'in_progress' });

    const published = pick(await targets(t, 'tayho@demo.vn'), 'pakn_published');
    expect(published).toMatchObject({ numerator: 1, denominator: 3, pending: 1, met: false });
    expect(published.failing.map((f) => [f.id, f.detail])).toEqual([
      [slow.id, 'Công khai muộn 2 ngày'],
      [hidden.id, 'Chưa công khai, quá hạn 3 ngày'],
    ]);
  });

  test('items not accepted or refused by their acceptance deadline fail, counted in the period of that deadline', async () => {
    const t = await createTestApp();
    const db = t.handle.db;
    const base = { unitId: NHATTAN, due: '2027-01-20' } as const;
    await addFeedback(db, {
      ...base,
      status: 'accepted',
      acceptDue: '2026-11-03',
      acceptedAt: '2026-11-02T03:00:00.000Z',
    });
    const refusedLate = await addFeedback(db, {
      ...base,
      status: 'rejected',
      acceptDue: '2026-11-03',
      closedAt: '2026-11-05T03:00:00.000Z',
    });
    const ignored = await addFeedback(db, { ...base, status: 'received', acceptDue: '2026-11-20' });
    await addFeedback(db, { ...base, status: 'received', acceptDue: '2026-11-24' });

    const accepted = pick(await targets(t, 'tayho@demo.vn'), 'pakn_accepted_on_time');
    expect(accepted).toMatchObject({ numerator: 1, denominator: 3, pending: 1 });
    expect(accepted.failing.map((f) => [f.id, f.detail])).toEqual([
      [refusedLate.id, 'Tiếp nhận muộn 2 ngày'],
      [ignored.id, 'Chưa tiếp nhận, quá hạn 3 ngày'],
    ]);
    // Their resolution deadlines fall next year: this quarter's on-time target has nothing to count.
    expect(pick(await targets(t, 'tayho@demo.vn'), 'pakn_on_time')).toMatchObject({
      value: null,
      status: 'no_data',
    });
  });

  test('the 766 measure subtracts unsatisfied ratings, repeat complaints and late items once each', async () => {
    const t = await createTestApp();
    const db = t.handle.db;
    const ok = {
      unitId: DONGTHAI,
      status: 'published',
      due: '2026-11-10',
      answeredAt: '2026-11-09T03:00:00.000Z',
    } as const;
    await rate(db, (await addFeedback(db, ok)).id, 5);
    const unhappy = await addFeedback(db, ok);
    await rate(db, unhappy.id, 2);
    const again = await addFeedback(db, ok);
    await rate(db, again.id, 1, true);
    const late = await addFeedback(db, { ...ok, answeredAt: '2026-11-12T03:00:00.000Z' });
    await addFeedback(db, { unitId: DONGTHAI, status: 'in_progress', due: '2026-12-20' }); // not due yet

    const s = pick(await targets(t, 'tayho@demo.vn'), 'pakn_satisfaction_766');
    expect(s).toMatchObject({ numerator: 1, denominator: 4, value: 25, pending: 1 });
    expect(Object.fromEntries(s.failing.map((f) => [f.id, f.detail]))).toEqual({
      [unhappy.id]: 'không hài lòng',
      [again.id]: 'không hài lòng, phản ánh lại',
      [late.id]: 'trễ hạn',
    });
  });
});

describe('GET /api/targets: surveys', () => {
  async function surveyed(t: TestApp) {
    const survey = smallSurvey();
    await createSurvey(t.handle.db, survey);
    const campaignId = await createCampaign(t.handle.db, {
      survey,
      ownerUnitId: 'HN-TAYHO',
      unitIds: [DONGTHAI, NHATTAN],
      name: 'Khảo sát CMHS 2026',
      // Closed on Fri 20/11 (the clock reads Mon 23/11): its coverage is final, not pending.
      closesAt: '2026-11-20T00:00:00.000Z',
    });
    // Đông Thái: q1 90%, q2 100%, q3 90%, q4 80% → factors a 95 (weight 2), b 90, c 80 → 90.
    await addCounts(t.handle.db, campaignId, DONGTHAI, 250, {
      q1: { '5': 9, '2': 1 },
      q2: { '4': 10 },
      q3: { '4': 9, '1': 1 },
      q4: { '5': 8, '3': 2, na: 4 },
    });
    // Nhật Tân: q1 50%, q2 50%, q3 0%, q4 100% → a 50, b 0, c 100 → 50.
    await addCounts(t.handle.db, campaignId, NHATTAN, 100, {
      q1: { '4': 5, '2': 5 },
      q2: { '4': 5, '1': 5 },
      q3: { '3': 10 },
      q4: { '4': 10 },
    });
    return { campaignId };
  }

  test('coverage names each unit short of its sample size and by how many responses', async () => {
    const t = await createTestApp();
    await surveyed(t);
    const coverage = pick(await targets(t, 'tayho@demo.vn'), 'survey_coverage');
    // Đông Thái: 640 families → 247 needed, 250 received. Nhật Tân: 870 → 275 needed, 100 received.
    expect(coverage).toMatchObject({ numerator: 1, denominator: 2, value: 50, met: false });
    expect(coverage.failing).toEqual([
      expect.objectContaining({
        id: NHATTAN,
        label: 'Trường Tiểu học Nhật Tân',
        detail: 'Khảo sát CMHS 2026: 100/275 phiếu, thiếu 175',
      }),
    ]);
  });

  test('the satisfaction index counts units meeting their questionnaire target, and names the others', async () => {
    const t = await createTestApp();
    await surveyed(t);
    const index = pick(await targets(t, 'tayho@demo.vn'), 'satisfaction_index');
    // Đông Thái 90 ≥ 85 (met), Nhật Tân 50 < 85: one of the two surveyed units.
    expect(index).toMatchObject({
      numerator: 1,
      denominator: 2,
      value: 50,
      target: 100,
      met: false,
    });
    expect(index.value).toBe((index.numerator / index.denominator) * 100);
    expect(index.failing.map((f) => [f.id, f.detail])).toEqual([
      [NHATTAN, 'Khảo sát CMHS 2026 (Khảo sát thử): 50,0% < 85% · 100 phiếu (chưa đủ cỡ mẫu)'],
    ]);

    const school = pick(await targets(t, 'dongthai@demo.vn'), 'satisfaction_index');
    expect([school.value, school.met, school.failing]).toEqual([100, true, []]);
  });

  test('each questionnaire is judged by its own target, not the strictest one of the subtree', async () => {
    const t = await createTestApp();
    await surveyed(t);
    // A SIPAS-like form with the plan's 100% target at Nhật Tân only.
    const sipas = smallSurvey({ id: 'test-sipas', title: { vi: 'Phiếu SIPAS thử' }, target: 100 });
    await createSurvey(t.handle.db, sipas);
    const c = await createCampaign(t.handle.db, {
      survey: sipas,
      ownerUnitId: 'HN-TAYHO',
      unitIds: [NHATTAN],
      name: 'SIPAS 2026',
    });
    await addCounts(t.handle.db, c, NHATTAN, 10, {
      q1: { '5': 10 },
      q2: { '5': 9, '3': 1 },
      q3: { '5': 10 },
      q4: { '5': 10 },
    });
    const index = pick(await targets(t, 'tayho@demo.vn'), 'satisfaction_index');
    // Đông Thái's 90 still meets its own 85; Nhật Tân's SIPAS 97.5 misses SIPAS's 100.
    expect([index.numerator, index.denominator]).toEqual([1, 3]);
    expect(index.failing.map((f) => f.detail)).toEqual([
      'Khảo sát CMHS 2026 (Khảo sát thử): 50,0% < 85% · 100 phiếu (chưa đủ cỡ mẫu)',
      'SIPAS 2026 (Phiếu SIPAS thử): 97,5% < 100% · 10 phiếu (chưa đủ cỡ mẫu)',
    ]);
  });

  test('coverage keeps the population frozen by the campaign when the unit is edited later, and staff may correct it', async () => {
    const t = await createTestApp();
    const { campaignId } = await surveyed(t);
    // Nhật Tân now declares 120 families: the past campaign still needs 275 of its 870.
    await t.handle.db
      .updateTable('units')
      .set({ eligible: 120 })
      .where('id', '=', NHATTAN)
      .execute();
    const before = pick(await targets(t, 'tayho@demo.vn'), 'survey_coverage');
    expect(before.failing.map((f) => f.detail)).toEqual([
      'Khảo sát CMHS 2026: 100/275 phiếu, thiếu 175',
    ]);

    // The office corrects the campaign's N for the school: 120 → 93 needed, 100 received.
    const cookie = await t.login('tayho@demo.vn');
    const res = await t.req(`/api/campaigns/${campaignId}/units/${NHATTAN}`, {
      method: 'PATCH',
      cookie,
      body: { eligible: 120 },
    });
    expect(res.status).toBe(200);
    const after = pick(await targets(t, 'tayho@demo.vn'), 'survey_coverage');
    expect([after.numerator, after.denominator, after.failing]).toEqual([2, 2, []]);

    // Another office's manager, or a school's, cannot touch it.
    const school = await t.req(`/api/campaigns/${campaignId}/units/${NHATTAN}`, {
      method: 'PATCH',
      cookie: await t.login('dongthai@demo.vn'),
      body: { eligible: 1 },
    });
    expect(school.status).toBe(404);
    const bad = await t.req(`/api/campaigns/${campaignId}/units/${NHATTAN}`, {
      method: 'PATCH',
      cookie,
      body: { eligible: -1 },
    });
    expect(bad.status).toBe(400);
  });

  test('a unit with fewer than 5 responses is neither judged nor named', async () => {
    const t = await createTestApp();
    const survey = smallSurvey();
    await createSurvey(t.handle.db, survey);
    const campaignId = await createCampaign(t.handle.db, {
      survey,
      ownerUnitId: 'HN-TAYHO',
      unitIds: [DONGTHAI],
    });
    await addCounts(t.handle.db, campaignId, DONGTHAI, 4, {
      q1: { '1': 4 },
      q2: { '1': 4 },
      q3: { '2': 4 },
      q4: { '1': 4 },
    });
    const index = pick(await targets(t, 'tayho@demo.vn'), 'satisfaction_index');
    expect([index.value, index.denominator, index.status, index.failing]).toEqual([
      null,
      0,
      'no_data',
      [],
    ]);
  });
});

describe('GET /api/targets: periods and scope', () => {
  test('an empty period gives no value rather than 100%', async () => {
    const t = await createTestApp();
    await addFeedback(t.handle.db, { unitId: DONGTHAI, status: 'in_progress', due: '2026-11-20' });
    const list = await targets(t, 'tayho@demo.vn', '?from=2025-01-01&to=2025-03-31');
    expect(list.map((x) => x.id)).toEqual([
      'pakn_on_time',
      'pakn_published',
      'pakn_accepted_on_time',
      'pakn_satisfaction_766',
      'survey_coverage',
      'satisfaction_index',
      'dialogue_cadence',
      'tthc_on_time',
    ]);
    for (const x of list)
      expect([x.id, x.value, x.denominator, x.met, x.status]).toEqual([
        x.id,
        null,
        0,
        false,
        'no_data',
      ]);
  });

  test('the period runs on Vietnamese dates: an item due at 23:59 on the last day belongs to it', async () => {
    const t = await createTestApp();
    await addFeedback(t.handle.db, {
      unitId: DONGTHAI,
      status: 'answered',
      due: '2026-10-31',
      answeredAt: '2026-10-30T03:00:00.000Z',
    });
    const oct = pick(
      await targets(t, 'dongthai@demo.vn', '?from=2026-10-01&to=2026-10-31'),
      'pakn_on_time',
    );
    const nov = pick(
      await targets(t, 'dongthai@demo.vn', '?from=2026-11-01&to=2026-11-30'),
      'pakn_on_time',
    );
    expect([oct.denominator, nov.denominator]).toEqual([1, 0]);
  });

  test("a school manager cannot read the office's targets", async () => {
    const t = await createTestApp();
    const res = await t.req('/api/targets?unitId=HN-TAYHO', {
      cookie: await t.login('dongthai@demo.vn'),
    });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });

  test('refuses impossible dates and half-given periods with the fields named', async () => {
    const t = await createTestApp();
    const cookie = await t.login('tayho@demo.vn');
    const bad = await t.req('/api/targets?from=2026-02-30&to=2026-03-31', { cookie });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('"path":"from"');
    const half = await t.req('/api/targets?from=2026-01-01', { cookie });
    expect(half.status).toBe(400);
    expect(JSON.stringify(await half.json())).toContain('"path":"to"');
  });

  test('the trend gives the last four quarters, oldest first', async () => {
    const t = await createTestApp();
    await addFeedback(t.handle.db, {
      unitId: DONGTHAI,
      status: 'answered',
      due: '2026-05-10',
      answeredAt: '2026-05-09T03:00:00.000Z',
    });
    const res = await t.req('/api/targets/trend?unitId=HN-TAYHO', {
      cookie: await t.login('tayho@demo.vn'),
    });
    const trend = (await res.json()) as {
      label: string;
      targets: { id: string; value: number | null }[];
    }[];
    expect(trend.map((q) => q.label)).toEqual([
      'Quý I/2026',
      'Quý II/2026',
      'Quý III/2026',
      'Quý IV/2026',
    ]);
    expect(trend.map((q) => q.targets.find((x) => x.id === 'pakn_on_time')!.value)).toEqual([
      null,
      100,
      null,
      null,
    ]);
  });
});

describe('PUT /api/targets/settings', () => {
  test("an admin's setting applies to the unit's subtree from its start date; the nearest unit wins", async () => {
    const t = await createTestApp();
    await addFeedback(t.handle.db, {
      unitId: DONGTHAI,
      status: 'answered',
      due: '2026-11-10',
      answeredAt: '2026-11-09T03:00:00.000Z',
    });
    await addFeedback(t.handle.db, { unitId: DONGTHAI, status: 'in_progress', due: '2026-11-20' });
    const admin = await t.login('admin@demo.vn');
    const put = (body: unknown) =>
      t.req('/api/targets/settings', { method: 'PUT', cookie: admin, body });
    expect(
      (
        await put({
          unitId: 'HN-TAYHO',
          targetId: 'pakn_on_time',
          validFrom: '2026-01-01',
          value: 50,
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await put({
          unitId: 'HN-TAYHO',
          targetId: 'pakn_on_time',
          validFrom: '2027-01-01',
          value: 20,
        })
      ).status,
    ).toBe(200);

    const office = pick(await targets(t, 'tayho@demo.vn'), 'pakn_on_time');
    expect([office.value, office.target, office.met]).toEqual([50, 50, true]);
    expect(pick(await targets(t, 'dongthai@demo.vn'), 'pakn_on_time').target).toBe(50);

    await put({ unitId: DONGTHAI, targetId: 'pakn_on_time', validFrom: '2026-06-01', value: 99 });
    expect(pick(await targets(t, 'dongthai@demo.vn'), 'pakn_on_time').target).toBe(99);
    expect(pick(await targets(t, 'tayho@demo.vn'), 'pakn_on_time').target).toBe(50);

    await put({ unitId: DONGTHAI, targetId: 'pakn_on_time', validFrom: '2026-06-01', value: null });
    expect(pick(await targets(t, 'dongthai@demo.vn'), 'pakn_on_time').target).toBe(50);
  });

  test('a manager may not change targets, and a value above 100 is refused', async () => {
    const t = await createTestApp();
    const manager = await t.req('/api/targets/settings', {
      method: 'PUT',
      cookie: await t.login('tayho@demo.vn'),
      body: { unitId: 'HN-TAYHO', targetId: 'pakn_on_time', validFrom: '2026-01-01', value: 90 },
    });
    expect(manager.status).toBe(403);
    const tooHigh = await t.req('/api/targets/settings', {
      method: 'PUT',
      cookie: await t.login('admin@demo.vn'),
      body: { unitId: 'HN-TAYHO', targetId: 'pakn_on_time', validFrom: '2026-01-01', value: 101 },
    });
    expect(tooHigh.status).toBe(400);
  });
});
