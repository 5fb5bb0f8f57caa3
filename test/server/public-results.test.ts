import { describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createCampaign, submit, thcsAnswers } from '../helpers/campaigns.js';

const DONGTHAI = 'HN-TAYHO-THCS-DONGTHAI';
const TULIEN = 'HN-TAYHO-THCS-TULIEN';
const DAY = 86_400_000;
const at = (t: TestApp, days: number) => new Date(t.clock().getTime() + days * DAY).toISOString();

interface Result {
  campaignId: string;
  name: string;
  closedAt: string;
  responses: number | null;
  suppressed: boolean;
  overall: { index: number; low: number; high: number } | null;
  factors: { id: string; index: number | null; low: number | null; high: number | null }[];
}

/** A campaign at Đông Thái and Tự Liên with `counts` answers each (all "Hài lòng" but one). */
async function answeredCampaign(t: TestApp, counts: { dongthai: number; tulien: number }) {
  const c = await createCampaign(t, { closesAt: at(t, 3) });
  const code = (u: string) => c.links.find((l) => l.unitId === u)!.code;
  for (const [unit, n] of [
    [DONGTHAI, counts.dongthai],
    [TULIEN, counts.tulien],
  ] as const) {
    for (let i = 0; i < n; i++) {
      const answers = thcsAnswers(i === 0 ? 2 : 4);
      const res = await submit(t, code(unit), { clientId: crypto.randomUUID(), answers });
      expect(res.status).toBe(201);
    }
  }
  return c;
}

/** Publishes as `email`, signed in now (a session does not outlive days of the test clock). */
const publish = async (t: TestApp, id: string, email = 'tayho@demo.vn') =>
  t.req(`/api/campaigns/${id}/publish`, { method: 'POST', cookie: await t.login(email) });

async function results(t: TestApp, unitId: string): Promise<Result[]> {
  const res = await t.req(`/api/public/results?unitId=${unitId}`);
  expect(res.status).toBe(200);
  return (await res.json()) as Result[];
}

describe('POST /api/campaigns/:id/publish', () => {
  test('refuses an open campaign with 409 conflict and a Vietnamese reason; publishes it once closed', async () => {
    const t = await createTestApp();
    const c = await answeredCampaign(t, { dongthai: 6, tulien: 6 });
    const early = await publish(t, c.id);
    expect(early.status).toBe(409);
    const e = ((await early.json()) as { error: { code: string; message: string } }).error;
    expect(e.code).toBe('conflict');
    expect(e.message).toMatch(
      /^Đợt khảo sát đang mở đến .*chỉ công khai được kết quả khi đợt đã đóng/,
    );
    expect(await results(t, DONGTHAI)).toEqual([]);

    t.clock.advance(4 * DAY);
    const res = await publish(t, c.id);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      published: true,
      publishedAt: t.clock().toISOString(),
    });
    const audit = await t.handle.db
      .selectFrom('audit_events')
      .select(['action', 'summary'])
      .where('object_id', '=', c.id)
      .where('action', '=', 'publish')
      .execute();
    expect(audit).toEqual([
      {
        action: 'publish',
        summary: 'Công khai kết quả đợt khảo sát "Khảo sát thử" cho Phòng GDĐT quận Tây Hồ',
      },
    ]);
  });

  test('a manager publishes only within their subtree: a school publishes itself, not its neighbour', async () => {
    const t = await createTestApp();
    const c = await answeredCampaign(t, { dongthai: 6, tulien: 6 });
    t.clock.advance(4 * DAY);
    expect((await publish(t, c.id, 'dongthai@demo.vn')).status).toBe(200);
    expect((await results(t, DONGTHAI)).map((r) => r.campaignId)).toEqual([c.id]);
    expect(await results(t, TULIEN)).toEqual([]);
    expect(await results(t, 'HN-TAYHO')).toEqual([]);

    // A campaign of Ba Đình's schools is not Tây Hồ's to publish: 404, nothing published.
    const other = await createCampaign(t, {
      as: 'admin@demo.vn',
      unitIds: ['HN-BADINH-THCS-GIANGVO'],
      opensAt: at(t, -3),
      closesAt: at(t, -1),
    });
    expect((await publish(t, other.id)).status).toBe(404);
    expect(await results(t, 'HN-BADINH-THCS-GIANGVO')).toEqual([]);
    expect((await publish(t, other.id, 'admin@demo.vn')).status).toBe(200);
    // Published, without a response: shown as a small group, never as numbers.
    expect(await results(t, 'HN-BADINH-THCS-GIANGVO')).toMatchObject([
      { campaignId: other.id, suppressed: true, overall: null },
    ]);
  });

  test('DELETE withdraws the publication: the results leave the public route', async () => {
    const t = await createTestApp();
    const c = await answeredCampaign(t, { dongthai: 6, tulien: 6 });
    t.clock.advance(4 * DAY);
    await publish(t, c.id);
    expect(await results(t, TULIEN)).toHaveLength(1);
    const res = await t.req(`/api/campaigns/${c.id}/publish`, {
      method: 'DELETE',
      cookie: await t.login('tayho@demo.vn'),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ published: false });
    expect(await results(t, TULIEN)).toEqual([]);
  });
});

describe('GET /api/public/results', () => {
  test('gives each published campaign its index with interval bounds and its factors', async () => {
    const t = await createTestApp();
    const c = await answeredCampaign(t, { dongthai: 6, tulien: 6 });
    t.clock.advance(4 * DAY);
    await publish(t, c.id);
    const [r] = await results(t, DONGTHAI);
    expect(r).toMatchObject({
      campaignId: c.id,
      name: 'Khảo sát thử',
      closedAt: at(t, -1),
      responses: 6,
    });
    expect(r!.overall!.index).toBeCloseTo((5 / 6) * 100, 6);
    expect(r!.overall!.low).toBeLessThan(r!.overall!.index);
    expect(r!.overall!.high).toBeGreaterThan(r!.overall!.index);
    expect(r!.factors.length).toBeGreaterThan(0);
    const dashboard = await t.req(`/api/indices?campaignId=${c.id}&unitId=${DONGTHAI}`, {
      cookie: await t.login('tayho@demo.vn'),
    });
    const d = (await dashboard.json()) as { overall: { low: number; high: number } };
    expect([r!.overall!.low, r!.overall!.high]).toEqual([d.overall.low, d.overall.high]);
  });

  test('a school with fewer than 5 responses gets no figure, and neither does the school that would give it away', async () => {
    const t = await createTestApp();
    const c = await answeredCampaign(t, { dongthai: 6, tulien: 3 });
    t.clock.advance(4 * DAY);
    await publish(t, c.id);
    for (const unit of [TULIEN, DONGTHAI]) {
      const [r] = await results(t, unit);
      expect(r).toMatchObject({ suppressed: true, responses: null, overall: null, factors: [] });
      // The same decision as the dashboard's.
      const d = await t.req(`/api/indices?campaignId=${c.id}&unitId=${unit}`, {
        cookie: await t.login('tayho@demo.vn'),
      });
      expect(((await d.json()) as { suppressed: boolean }).suppressed).toBe(true);
    }
    const [office] = await results(t, 'HN-TAYHO');
    expect(office).toMatchObject({ suppressed: false, responses: 9 });
  });

  test('an unknown unit → 404; a missing unitId → 400', async () => {
    const t = await createTestApp();
    expect((await t.req('/api/public/results?unitId=NOPE')).status).toBe(404);
    const bad = await t.req('/api/public/results');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe(
      'validation_failed',
    );
  });
});

describe('GET /results/:unitId', () => {
  test('shows a school’s index as bounds, its factors, and its office’s figure, without a script', async () => {
    const t = await createTestApp();
    const c = await answeredCampaign(t, { dongthai: 6, tulien: 6 });
    t.clock.advance(4 * DAY);
    await publish(t, c.id);
    const [r] = await results(t, DONGTHAI);
    const res = await t.req(`/results/${DONGTHAI}`);
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).not.toContain('<script');
    expect(body).toContain(
      `từ ${Math.round(r!.overall!.low)}% đến ${Math.round(r!.overall!.high)}%`,
    );
    expect(body).not.toContain('±');
    expect(body).toContain('Toàn Phòng GDĐT quận Tây Hồ');
    expect(body).toContain('Tính trên 6 phiếu trả lời');
  });

  test('a small group reads a sentence instead of numbers', async () => {
    const t = await createTestApp();
    const c = await answeredCampaign(t, { dongthai: 6, tulien: 3 });
    t.clock.advance(4 * DAY);
    await publish(t, c.id);
    const body = await (await t.req(`/results/${TULIEN}`)).text();
    expect(body).toContain('Kết quả không được công bố cho nhóm có dưới 5 phiếu trả lời');
    // Only the office's own figure (9 responses) is shown; nothing of the school's.
    const card = /<section class="card">[\s\S]*?<\/section>/.exec(body)![0];
    const school = card.replace(/<p>Toàn Phòng GDĐT quận Tây Hồ: \d+%, từ \d+% đến \d+%.<\/p>/, '');
    expect(card).toContain('Toàn Phòng GDĐT quận Tây Hồ: ');
    expect(school).not.toMatch(/\d+%/);
    expect(body).not.toContain('Tính trên');
  });

  test('the trend compares the published campaigns in plain words', async () => {
    const t = await createTestApp();
    const first = await answeredCampaign(t, { dongthai: 6, tulien: 6 });
    t.clock.advance(4 * DAY);
    await publish(t, first.id);
    const second = await answeredCampaign(t, { dongthai: 7, tulien: 6 });
    t.clock.advance(4 * DAY);
    await publish(t, second.id);
    const body = await (await t.req(`/results/${DONGTHAI}`)).text();
    expect(body).toContain('Qua các đợt');
    expect(body).toContain('không khác biệt rõ rệt');
  });
});

describe('links to the published results', () => {
  test('the thank-you page and the poster link to the school’s results once published', async () => {
    const t = await createTestApp();
    const done = await answeredCampaign(t, { dongthai: 6, tulien: 6 });
    t.clock.advance(4 * DAY);
    const open = await createCampaign(t, { closesAt: at(t, 10) });
    const code = open.links.find((l) => l.unitId === DONGTHAI)!.code;
    const answer = async () => {
      const form = new URLSearchParams({ _clientId: crypto.randomUUID() });
      for (const [k, v] of Object.entries(thcsAnswers(4))) form.set(k, String(v));
      const res = await t.req(`/s/${code}`, {
        body: form.toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(res.status).toBe(200);
      return res.text();
    };
    const poster = async () => {
      const cookie = await t.login('tayho@demo.vn');
      return (await t.req(`/api/campaigns/${open.id}/units/${DONGTHAI}/poster`, { cookie })).text();
    };
    expect(await answer()).not.toContain(`/results/${DONGTHAI}`);
    expect(await poster()).not.toContain(`/results/${DONGTHAI}`);
    await publish(t, done.id);
    expect(await answer()).toContain(`href="/results/${DONGTHAI}"`);
    expect(await poster()).toContain(`http://localhost/results/${DONGTHAI}`);
  });
});

describe('GET /results/:unitId/month/:month', () => {
  test('gathers satisfaction, feedback on time and files for the month, printable', async () => {
    const t = await createTestApp(); // Mon 23/11/2026
    const c = await answeredCampaign(t, { dongthai: 6, tulien: 6 });
    const filed = await t.req('/api/public/feedback', {
      body: {
        unitId: DONGTHAI,
        category: 'co_so_vat_chat',
        title: 'Sân trường',
        content: 'Sân trường bị ngập khi mưa.',
        consent: false,
      },
    });
    expect(filed.status).toBe(201);
    t.clock.advance(4 * DAY);
    await publish(t, c.id);
    t.clock.set('2026-12-20T03:00:00.000Z'); // past the item's due date (14/12), still open
    const body = await (await t.req(`/results/${DONGTHAI}/month/2026-12`)).text();
    expect(body).toContain('Công khai kết quả tháng 12/2026');
    expect(body).toMatch(/Sự hài lòng của cha mẹ học sinh<\/th><td><b>83%, từ \d+% đến \d+%/);
    expect(body).toContain('<b>0%</b> (0/1 phản ánh) · chỉ tiêu 100%: chưa đạt');
    expect(body).toMatch(/Hồ sơ thủ tục hành chính trả đúng hạn<\/th><td>chưa có dữ liệu/);
    expect(body).toContain('@media print');
    const nov = await (await t.req(`/results/${DONGTHAI}/month/2026-11`)).text();
    expect(nov).toMatch(/Phản ánh, kiến nghị được giải quyết đúng hạn<\/th><td>chưa có dữ liệu/);
    expect((await t.req(`/results/${DONGTHAI}/month/2027-02`)).status).toBe(404);
    expect((await t.req(`/results/${DONGTHAI}/month/2026-13`)).status).toBe(404);
  });
});
