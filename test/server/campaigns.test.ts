import { describe, expect, test } from 'vitest';
import { createTestApp } from '../helpers/app.js';
import { createCampaign } from '../helpers/campaigns.js';

const DONGTHAI = 'HN-TAYHO-THCS-DONGTHAI';

describe('POST /api/campaigns', () => {
  test('a manager opens a campaign over schools of its subtree and gets one link per school', async () => {
    const t = await createTestApp();
    const c = await createCampaign(t, {
      unitIds: [DONGTHAI, 'HN-TAYHO-TH-NHATTAN'],
      surveyId: 'sipas',
    });
    expect(c.links.map((l) => l.unitId).sort()).toEqual(['HN-TAYHO-TH-NHATTAN', DONGTHAI]);
    for (const l of c.links) expect(l.url).toBe(`http://localhost/s/${l.code}`);
    expect(new Set(c.links.map((l) => l.code)).size).toBe(2);
    const row = await t.handle.db
      .selectFrom('campaigns')
      .selectAll()
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      owner_unit_id: 'HN-TAYHO',
      survey_id: 'sipas',
      survey_version: 1,
      access: 'link',
    });
  });

  test('a school manager cannot target another school → 404, and nothing is created', async () => {
    const t = await createTestApp();
    const cookie = await t.login('dongthai@demo.vn');
    const res = await t.req('/api/campaigns', {
      cookie,
      body: {
        surveyId: 'edu-th',
        name: 'x',
        opensAt: '2026-11-01T00:00:00Z',
        closesAt: '2026-12-01T00:00:00Z',
        unitIds: ['HN-TAYHO-TH-NHATTAN'],
        access: 'link',
      },
    });
    expect(res.status).toBe(404);
    expect(await t.handle.db.selectFrom('campaigns').select('id').execute()).toEqual([]);
  });

  test('a close before the open, an unknown questionnaire and a repeated unit each → 400 naming the field', async () => {
    const t = await createTestApp();
    const cookie = await t.login('tayho@demo.vn');
    const base = {
      surveyId: 'edu-th',
      name: 'x',
      opensAt: '2026-11-01T00:00:00Z',
      closesAt: '2026-12-01T00:00:00Z',
      unitIds: [DONGTHAI],
      access: 'link',
    };
    const bad = async (patch: object) =>
      (await (await t.req('/api/campaigns', { cookie, body: { ...base, ...patch } })).json()).error
        .details[0].path;
    expect(await bad({ closesAt: '2026-10-01T00:00:00Z' })).toBe('closesAt');
    expect(await bad({ surveyId: 'no-such-survey' })).toBe('surveyId');
    expect(await bad({ unitIds: [DONGTHAI, DONGTHAI] })).toBe('unitIds');
  });
});

describe('GET /api/campaigns', () => {
  test('lists campaigns owned in or targeting the subtree; another office cannot open them', async () => {
    const t = await createTestApp();
    const c = await createCampaign(t, { unitIds: [DONGTHAI] });
    const school = await t.login('dongthai@demo.vn');
    const seen = (await (await t.req('/api/campaigns', { cookie: school })).json()) as {
      id: string;
      state: string;
    }[];
    expect(seen.map((x) => x.id)).toEqual([c.id]);
    expect(seen[0]!.state).toBe('open');
    const one = await (await t.req(`/api/campaigns/${c.id}`, { cookie: school })).json();
    expect(one.units).toEqual([
      expect.objectContaining({ unitId: DONGTHAI, responses: 0, code: c.links[0]!.code }),
    ]);

    const badinh = await createCampaign(t, {
      as: 'admin@demo.vn',
      unitIds: ['HN-BADINH-TH-KIMDONG'],
    });
    const tayho = c.cookie;
    expect((await t.req(`/api/campaigns/${badinh.id}`, { cookie: tayho })).status).toBe(404);
    const list = (await (await t.req('/api/campaigns', { cookie: tayho })).json()) as {
      id: string;
    }[];
    expect(list.map((x) => x.id)).not.toContain(badinh.id);
  });
});

describe('printables', () => {
  test('each unit has a QR code as SVG and PNG and an A4 poster with its link', async () => {
    const t = await createTestApp();
    const c = await createCampaign(t, { unitIds: [DONGTHAI] });
    const base = `/api/campaigns/${c.id}/units/${DONGTHAI}`;
    const svg = await t.req(`${base}/qr.svg`, { cookie: c.cookie });
    expect(svg.headers.get('content-type')).toContain('image/svg+xml');
    expect(await svg.text()).toMatch(/^<svg/);
    const png = new Uint8Array(
      await (await t.req(`${base}/qr.png`, { cookie: c.cookie })).arrayBuffer(),
    );
    expect(Array.from(png.slice(0, 4))).toEqual([0x89, 0x50, 0x4e, 0x47]);
    const poster = await (await t.req(`${base}/poster`, { cookie: c.cookie })).text();
    expect(poster).toContain('size:A4');
    expect(poster).toContain(c.links[0]!.url);
    expect(poster).toContain('Trường THCS Đông Thái');
    expect(poster).toContain('<svg');
    expect(
      (await t.req(`/api/campaigns/${c.id}/units/HN-TAYHO-TH-NHATTAN/poster`, { cookie: c.cookie }))
        .status,
    ).toBe(404);
  });

  test('tokens are made in a batch and printed as a list of unused codes', async () => {
    const t = await createTestApp();
    const c = await createCampaign(t, { access: 'token', unitIds: [DONGTHAI] });
    const made = await t.req(`/api/campaigns/${c.id}/tokens`, {
      cookie: c.cookie,
      body: { unitId: DONGTHAI, count: 30 },
    });
    expect(made.status).toBe(201);
    const { tokens } = (await made.json()) as { tokens: { code: string; url: string }[] };
    expect(new Set(tokens.map((x) => x.code)).size).toBe(30);
    const page = await (
      await t.req(`/api/campaigns/${c.id}/units/${DONGTHAI}/tokens.html`, { cookie: c.cookie })
    ).text();
    for (const tok of tokens) expect(page).toContain(tok.code);
    const outside = await t.req(`/api/campaigns/${c.id}/tokens`, {
      cookie: c.cookie,
      body: { unitId: 'HN-TAYHO-TH-NHATTAN', count: 1 },
    });
    expect(outside.status).toBe(404);
  });
});

describe('GET /api/surveys', () => {
  test('lists the shipped questionnaires to signed-in staff', async () => {
    const t = await createTestApp();
    const res = await t.req('/api/surveys', { cookie: await t.login('dongthai@demo.vn') });
    const ids = ((await res.json()) as { id: string }[]).map((s) => s.id).sort();
    expect(ids).toEqual([
      'edu-mn',
      'edu-th',
      'edu-thcs',
      'edu-thpt',
      'pakn-satisfaction',
      'sipas',
      'sipas-quay',
    ]);
    expect((await t.req('/api/surveys')).status).toBe(401);
  });
});
