import { describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createCampaign } from '../helpers/campaigns.js';

const DONGTHAI = 'HN-TAYHO-THCS-DONGTHAI';
const TULIEN = 'HN-TAYHO-THCS-TULIEN';

interface KioskBody {
  id: string;
  deviceCode: string;
  url: string;
  name: string;
  unitName: string;
  campaignName: string;
  disabled: boolean;
}

async function setup(t: TestApp) {
  const c = await createCampaign(t, { surveyId: 'sipas-quay', unitIds: [DONGTHAI, TULIEN] });
  const res = await t.req('/api/kiosks', {
    cookie: c.cookie,
    body: { campaignId: c.id, unitId: DONGTHAI, name: 'Quầy 1 – tầng trệt' },
  });
  expect(res.status).toBe(201);
  return { campaign: c, kiosk: (await res.json()) as KioskBody };
}

const tap = (t: TestApp, code: string, body: unknown) =>
  t.req(`/api/public/kiosks/${code}/responses`, { body });

async function stored(t: TestApp, campaignId: string) {
  return t.handle.db
    .selectFrom('responses')
    .select(['id', 'channel', 'unit_id', 'answers'])
    .where('campaign_id', '=', campaignId)
    .execute();
}

describe('POST /api/kiosks', () => {
  test('registers a counter device bound to a campaign and unit, with its address', async () => {
    const t = await createTestApp();
    const { campaign, kiosk } = await setup(t);
    expect(kiosk.deviceCode).toMatch(/^[A-Z0-9]{12}$/);
    expect(kiosk.url).toBe(`http://localhost/k/${kiosk.deviceCode}`);
    const list = (await (
      await t.req('/api/kiosks', { cookie: campaign.cookie })
    ).json()) as KioskBody[];
    expect(list.map((k) => [k.name, k.unitName, k.disabled])).toEqual([
      ['Quầy 1 – tầng trệt', 'Trường THCS Đông Thái', false],
    ]);
    const qr = await t.req(`/api/kiosks/${kiosk.id}/qr.svg`, { cookie: campaign.cookie });
    expect(qr.headers.get('content-type')).toMatch(/image\/svg\+xml/);
    const page = await (await t.req(`/k/${kiosk.deviceCode}`)).text();
    for (const label of ['Rất không hài lòng', 'Bình thường', 'Rất hài lòng'])
      expect(page).toContain(`<span class="label">${label}</span>`);
    expect(page).toContain('Điều gì có thể tốt hơn?');
    expect(page).toContain('Thời gian chờ');
  });

  test('only inside the staff member’s subtree: registering, listing and disabling elsewhere is 404', async () => {
    const t = await createTestApp();
    const { campaign, kiosk } = await setup(t);
    const dongthai = await t.login('dongthai@demo.vn');
    const other = await t.req('/api/kiosks', {
      cookie: dongthai,
      body: { campaignId: campaign.id, unitId: TULIEN, name: 'Quầy lấn sân' },
    });
    expect(other.status).toBe(404);
    const own = await t.req('/api/kiosks', {
      cookie: dongthai,
      body: { campaignId: campaign.id, unitId: DONGTHAI, name: 'Quầy Đông Thái' },
    });
    expect(own.status).toBe(201);
    const tulien = await t.req('/api/kiosks', {
      cookie: campaign.cookie,
      body: { campaignId: campaign.id, unitId: TULIEN, name: 'Quầy Tứ Liên' },
    });
    expect(tulien.status).toBe(201);
    const tulienId = ((await tulien.json()) as KioskBody).id;
    const seen = (await (await t.req('/api/kiosks', { cookie: dongthai })).json()) as KioskBody[];
    expect(seen.map((k) => k.name).sort()).toEqual(['Quầy 1 – tầng trệt', 'Quầy Đông Thái']);
    const off = await t.req(`/api/kiosks/${tulienId}`, {
      method: 'PATCH',
      cookie: dongthai,
      body: { disabled: true },
    });
    expect(off.status).toBe(404);
    expect((await t.req(`/api/kiosks/${tulienId}/qr.svg`, { cookie: dongthai })).status).toBe(404);
    expect(kiosk.name).toBe('Quầy 1 – tầng trệt');
  });

  test('refuses a campaign whose questionnaire needs more than one tap, naming the field', async () => {
    const t = await createTestApp();
    const c = await createCampaign(t, { surveyId: 'edu-thcs', unitIds: [DONGTHAI] });
    const res = await t.req('/api/kiosks', {
      cookie: c.cookie,
      body: { campaignId: c.id, unitId: DONGTHAI, name: 'Quầy 1' },
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; details: { path: string }[] } };
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.details.map((d) => d.path)).toEqual(['campaignId']);
    const empty = await t.req('/api/kiosks', {
      cookie: c.cookie,
      body: { campaignId: c.id, unitId: DONGTHAI, name: '  ' },
    });
    expect(empty.status).toBe(400);
  });
});

describe('DELETE /api/campaigns/:id with a device', () => {
  test('deletes a campaign without responses together with its devices, whose page is then gone', async () => {
    const t = await createTestApp();
    const { campaign, kiosk } = await setup(t);
    const del = await t.req(`/api/campaigns/${campaign.id}`, {
      method: 'DELETE',
      cookie: campaign.cookie,
    });
    expect(del.status).toBe(204);
    expect(await t.handle.db.selectFrom('kiosks').selectAll().execute()).toEqual([]);
    expect((await t.req(`/k/${kiosk.deviceCode}`)).status).toBe(404);
  });
});

describe('POST /api/public/kiosks/:deviceCode/responses', () => {
  test('stores each tap as a response with channel kiosk, and a retry of the same tap once', async () => {
    const t = await createTestApp();
    const { campaign, kiosk } = await setup(t);
    const clientId = crypto.randomUUID();
    const body = {
      clientId,
      answers: { hai_long: 2, can_cai_thien: 'thoi_gian_cho' },
      tappedAt: '2026-11-23T02:00:30.000Z',
    };
    // Sent a minute after the tap (the device was offline): the device's time is kept.
    t.clock.set('2026-11-23T02:01:30.000Z');
    const first = await tap(t, kiosk.deviceCode, body);
    expect(first.status).toBe(201);
    const again = await tap(t, kiosk.deviceCode, body);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(await first.json());
    const rows = await stored(t, campaign.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ channel: 'kiosk', unit_id: DONGTHAI });
    expect(JSON.parse(rows[0]!.answers)).toEqual({ hai_long: 2, can_cai_thien: 'thoi_gian_cho' });
    const taps = await t.handle.db.selectFrom('kiosk_taps').selectAll().execute();
    expect(taps.map((x) => [x.kiosk_id, x.tapped_at])).toEqual([
      [kiosk.id, '2026-11-23T02:00:30.000Z'],
    ]);
  });

  test('a device time in the future or before the device existed is kept within registration and arrival', async () => {
    const t = await createTestApp();
    const { kiosk } = await setup(t);
    t.clock.set('2026-11-23T03:00:00.000Z');
    for (const tappedAt of ['2026-11-24T09:00:00.000Z', '2020-01-01T00:00:00.000Z']) {
      const res = await tap(t, kiosk.deviceCode, {
        clientId: crypto.randomUUID(),
        answers: { hai_long: 3 },
        tappedAt,
      });
      expect(res.status).toBe(201);
    }
    const times = await t.handle.db.selectFrom('kiosk_taps').select('tapped_at').execute();
    expect(times.map((x) => x.tapped_at).sort()).toEqual([
      '2026-11-23T02:00:00.000Z',
      '2026-11-23T03:00:00.000Z',
    ]);
  });

  test('a disabled device is refused, its page says so, and a tap it sent before still gets its id', async () => {
    const t = await createTestApp();
    const { campaign, kiosk } = await setup(t);
    const before = { clientId: crypto.randomUUID(), answers: { hai_long: 5 } };
    const first = await tap(t, kiosk.deviceCode, before);
    expect(first.status).toBe(201);
    const off = await t.req(`/api/kiosks/${kiosk.id}`, {
      method: 'PATCH',
      cookie: campaign.cookie,
      body: { disabled: true },
    });
    expect(off.status).toBe(200);
    expect(((await off.json()) as KioskBody).disabled).toBe(true);
    const refused = await tap(t, kiosk.deviceCode, {
      clientId: crypto.randomUUID(),
      answers: { hai_long: 4 },
    });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(
      /đã bị tắt/,
    );
    expect((await tap(t, kiosk.deviceCode, before)).status).toBe(200);
    const page = await t.req(`/k/${kiosk.deviceCode}`);
    expect(page.status).toBe(403);
    expect(await page.text()).toContain('Máy đánh giá đã ngừng sử dụng');
    expect(await stored(t, campaign.id)).toHaveLength(1);
  });

  test('an unknown device is 404, and answers the questionnaire does not have are refused', async () => {
    const t = await createTestApp();
    const { kiosk } = await setup(t);
    const unknown = await tap(t, 'KHONGCOMAYNAY', {
      clientId: crypto.randomUUID(),
      answers: { hai_long: 5 },
    });
    expect(unknown.status).toBe(404);
    const bad = await tap(t, kiosk.deviceCode, {
      clientId: crypto.randomUUID(),
      answers: { hai_long: 6 },
    });
    expect(bad.status).toBe(400);
  });

  test('works without JavaScript: a face posts the form and the thanks page returns to the faces', async () => {
    const t = await createTestApp();
    const { campaign, kiosk } = await setup(t);
    const page = await (await t.req(`/k/${kiosk.deviceCode}`)).text();
    const clientId = /name="clientId" value="([^"]+)"/.exec(page)![1]!;
    const post = () =>
      t.req(`/k/${kiosk.deviceCode}`, {
        body: `clientId=${clientId}&rating=4`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
    const res = await post();
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain('Cảm ơn Ông/Bà!');
    expect(text).toContain(`content="5;url=/k/${kiosk.deviceCode}"`);
    await post();
    const rows = await stored(t, campaign.id);
    expect(rows.map((r) => [r.channel, JSON.parse(r.answers)])).toEqual([
      ['kiosk', { hai_long: 4 }],
    ]);
  });
});

describe('bursts from a counter device', () => {
  test('are judged by the device’s tap rate, not by identical answers', async () => {
    const t = await createTestApp();
    const { campaign, kiosk } = await setup(t);
    const at = (s: number) => new Date(Date.parse('2026-11-23T02:00:00.000Z') + s * 1000);
    // Everything is sent at once at 04:00, after an outage: the arrival is no burst.
    t.clock.set('2026-11-23T04:00:00.000Z');
    // Twelve satisfied visitors a few minutes apart: identical answers, no burst.
    for (let i = 0; i < 12; i++) {
      const res = await tap(t, kiosk.deviceCode, {
        clientId: crypto.randomUUID(),
        answers: { hai_long: 5 },
        tappedAt: at(i * 180).toISOString(),
      });
      expect(res.status).toBe(201);
    }
    const quality = async () =>
      (await (
        await t.req(`/api/indices/quality?campaignId=${campaign.id}&unitId=${DONGTHAI}`, {
          cookie: campaign.cookie,
        })
      ).json()) as {
        bursts: unknown[];
        deviceBursts: { kioskName: string; count: number; from: string; to: string }[];
      };
    expect(await quality()).toMatchObject({ bursts: [], deviceBursts: [] });
    // Then six taps within half a minute on the same device.
    for (let i = 0; i < 6; i++) {
      await tap(t, kiosk.deviceCode, {
        clientId: crypto.randomUUID(),
        answers: { hai_long: 1 },
        tappedAt: at(3000 + i * 5).toISOString(),
      });
    }
    const q = await quality();
    expect(q.bursts).toEqual([]);
    expect(q.deviceBursts).toEqual([
      {
        kioskId: kiosk.id,
        kioskName: 'Quầy 1 – tầng trệt',
        unitId: DONGTHAI,
        count: 6,
        from: at(3000).toISOString(),
        to: at(3025).toISOString(),
      },
    ]);
  });
});
