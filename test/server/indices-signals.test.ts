import { describe, expect, test } from 'vitest';
import { detectBursts } from '../../server/indices/quality.js';
import { createTestApp } from '../helpers/app.js';
import {
  addCounts,
  addResponse,
  createCampaign,
  createSurvey,
  smallSurvey,
} from '../helpers/index-fixtures.js';

const DONGTHAI = 'HN-TAYHO-THCS-DONGTHAI';
const NHATTAN = 'HN-TAYHO-TH-NHATTAN';

async function setup() {
  const t = await createTestApp();
  const survey = smallSurvey();
  await createSurvey(t.handle.db, survey);
  const campaignId = await createCampaign(t.handle.db, {
    survey,
    ownerUnitId: 'HN',
    unitIds: [DONGTHAI, NHATTAN],
  });
  return { ...t, db: t.handle.db, survey, campaignId };
}

const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 12, minute)).toISOString();

describe('GET /api/indices/suggestions', () => {
  test('finds Vietnamese text whatever the case and accents typed', async () => {
    const t = await setup();
    await addCounts(t.db, t.campaignId, DONGTHAI, 6, {});
    const texts = [
      'Giáo viên rất tận tâm',
      'ĐỀ NGHỊ thêm sân chơi',
      'Bữa ăn cần cải thiện',
      'Cảm ơn nhà trường',
      'Không',
    ];
    for (const [i, text] of texts.entries())
      await addResponse(t.db, {
        campaignId: t.campaignId,
        unitId: DONGTHAI,
        submittedAt: at(i),
        text,
      });
    const cookie = await t.login('dongthai@demo.vn');
    const get = async (q: string) =>
      (
        await t.req(
          `/api/indices/suggestions?campaignId=${t.campaignId}&q=${encodeURIComponent(q)}`,
          { cookie },
        )
      ).json();
    expect((await get('GIÁO VIÊN')).items.map((i: { text: string }) => i.text)).toEqual([
      'Giáo viên rất tận tâm',
    ]);
    expect((await get('giao vien')).total).toBe(1);
    expect((await get('đề nghị')).items[0].text).toBe('ĐỀ NGHỊ thêm sân chơi');
    const all = await get('');
    expect(all.total).toBe(5);
    expect(all.items[0].text).toBe('Không'); // newest first
    const page = await (
      await t.req(`/api/indices/suggestions?campaignId=${t.campaignId}&limit=2&offset=2`, {
        cookie,
      })
    ).json();
    expect(page.items.map((i: { text: string }) => i.text)).toEqual([
      'Bữa ăn cần cải thiện',
      'ĐỀ NGHỊ thêm sân chơi',
    ]);
  });

  test('shows no open answers for a unit with fewer than 5 responses', async () => {
    const t = await setup();
    await addCounts(t.db, t.campaignId, NHATTAN, 2, {});
    await addResponse(t.db, {
      campaignId: t.campaignId,
      unitId: NHATTAN,
      submittedAt: at(1),
      text: 'Con tôi học lớp 3A',
    });
    const res = await t.req(
      `/api/indices/suggestions?campaignId=${t.campaignId}&unitId=${NHATTAN}`,
      {
        cookie: await t.login('tayho@demo.vn'),
      },
    );
    expect(await res.json()).toEqual({ total: 0, suppressed: true, items: [] });
  });

  test('rejects a limit above 100', async () => {
    const t = await setup();
    const res = await t.req(`/api/indices/suggestions?campaignId=${t.campaignId}&limit=1000`, {
      cookie: await t.login('tayho@demo.vn'),
    });
    expect(res.status).toBe(400);
  });
});

describe('quality signals', () => {
  test('five identical responses within ten minutes at one unit make one burst; spread out they do not', () => {
    const same = (unitId: string, minute: number) => ({
      unitId,
      fingerprint: 'f1',
      submittedAt: at(minute),
    });
    const bursts = detectBursts([0, 2, 4, 6, 8, 9, 30, 45, 60].map((m) => same(DONGTHAI, m)));
    expect(bursts).toEqual([
      { unitId: DONGTHAI, fingerprint: 'f1', count: 6, from: at(0), to: at(9) },
    ]);
    expect(detectBursts([0, 11, 22, 33, 44].map((m) => same(DONGTHAI, m)))).toEqual([]);
    // The same answers at two schools are not one burst.
    expect(detectBursts([0, 1, 2, 3, 4].map((m) => same(m % 2 ? NHATTAN : DONGTHAI, m)))).toEqual(
      [],
    );
  });

  test('GET /api/indices/quality flags the burst and the fast share without dropping anything', async () => {
    const t = await setup();
    await addCounts(t.db, t.campaignId, DONGTHAI, 8, { q1: { '5': 8 } }, 2);
    for (const m of [0, 1, 2, 3, 4])
      await addResponse(t.db, {
        campaignId: t.campaignId,
        unitId: DONGTHAI,
        submittedAt: at(m),
        fingerprint: 'aaaaaaaaaaaa',
      });
    for (const m of [5, 6, 7])
      await addResponse(t.db, { campaignId: t.campaignId, unitId: DONGTHAI, submittedAt: at(m) });
    const cookie = await t.login('tayho@demo.vn');
    const res = await t.req(`/api/indices/quality?campaignId=${t.campaignId}`, { cookie });
    const body = await res.json();
    expect(body).toMatchObject({ responses: 8, fast: 2, fastShare: 25 });
    expect(body.bursts).toEqual([
      { unitId: DONGTHAI, fingerprint: 'aaaaaaaa', count: 5, from: at(0), to: at(4) },
    ]);
    const indices = await (
      await t.req(`/api/indices?campaignId=${t.campaignId}`, { cookie })
    ).json();
    expect(indices.responses).toBe(8);
  });
});

describe('GET /api/indices/live and /trend', () => {
  test('the live counter reports the pooled responses and whether the campaign is open', async () => {
    const t = await setup();
    await addCounts(t.db, t.campaignId, DONGTHAI, 3, {});
    await addCounts(t.db, t.campaignId, NHATTAN, 4, {});
    const cookie = await t.login('tayho@demo.vn');
    const live = await (
      await t.req(`/api/indices/live?campaignId=${t.campaignId}`, { cookie })
    ).json();
    expect(live).toMatchObject({ responses: 7, open: true });
    t.clock.set('2026-12-02T00:00:00.000Z');
    const again = await t.login('tayho@demo.vn');
    const later = await (
      await t.req(`/api/indices/live?campaignId=${t.campaignId}`, { cookie: again })
    ).json();
    expect(later.open).toBe(false);
  });

  test("the trend lists the unit's index per campaign of the survey by closing date, with the target", async () => {
    const t = await setup();
    const earlier = await createCampaign(t.db, {
      survey: t.survey,
      ownerUnitId: 'HN',
      unitIds: [DONGTHAI],
      name: 'Khảo sát 2025',
      opensAt: '2025-11-01T00:00:00.000Z',
      closesAt: '2025-12-01T00:00:00.000Z',
    });
    await addCounts(t.db, earlier, DONGTHAI, 10, {
      q1: { '4': 5, '2': 5 },
      q3: { '4': 5, '2': 5 },
    });
    await addCounts(t.db, t.campaignId, DONGTHAI, 10, {
      q1: { '4': 9, '2': 1 },
      q3: { '4': 9, '2': 1 },
    });
    const res = await t.req(`/api/indices/trend?surveyFamily=test-survey`, {
      cookie: await t.login('dongthai@demo.vn'),
    });
    const body = await res.json();
    expect(body.target).toBe(85);
    expect(body.points.map((p: { name: string }) => p.name)).toEqual([
      'Khảo sát 2025',
      'Khảo sát 2026',
    ]);
    expect(body.points.map((p: { index: number }) => p.index)).toEqual([50, 90]);
  });
});
