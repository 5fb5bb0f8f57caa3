import { describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createCampaign, submit, thcsAnswers } from '../helpers/campaigns.js';

const DONGTHAI = 'HN-TAYHO-THCS-DONGTHAI';
const TULIEN = 'HN-TAYHO-THCS-TULIEN';
const DAY = 86_400_000;
const at = (t: TestApp, days: number) => new Date(t.clock().getTime() + days * DAY).toISOString();

async function answerOnce(t: TestApp, code: string) {
  const res = await submit(t, code, { clientId: crypto.randomUUID(), answers: thcsAnswers(4) });
  expect(res.status).toBe(201);
}

async function error(res: Response) {
  return ((await res.json()) as { error: { code: string; message: string; details?: unknown } })
    .error;
}

describe('PATCH /api/campaigns/:id', () => {
  test('renames and extends an open campaign; the form then takes answers until the new end', async () => {
    const t = await createTestApp();
    const c = await createCampaign(t, { closesAt: at(t, 2) });
    const res = await t.req(`/api/campaigns/${c.id}`, {
      method: 'PATCH',
      cookie: c.cookie,
      body: { name: 'Khảo sát học kỳ I', closesAt: at(t, 10) },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      name: 'Khảo sát học kỳ I',
      closesAt: at(t, 10),
      state: 'open',
    });
    t.clock.advance(5 * DAY); // past the old end, before the new one
    await answerOnce(t, c.links[0]!.code);
  });

  test('refuses to move the opening of a campaign that has opened, in Vietnamese, naming the field', async () => {
    const t = await createTestApp();
    const c = await createCampaign(t);
    const res = await t.req(`/api/campaigns/${c.id}`, {
      method: 'PATCH',
      cookie: c.cookie,
      body: { opensAt: at(t, 1) },
    });
    expect(res.status).toBe(400);
    const e = await error(res);
    expect(e.message).toBe('Đợt khảo sát đã mở nên không đổi được thời điểm mở.');
    expect(e.details).toEqual([{ path: 'opensAt', message: e.message }]);
  });

  test('moves the opening of a campaign not yet open', async () => {
    const t = await createTestApp();
    const c = await createCampaign(t, { opensAt: at(t, 3), closesAt: at(t, 30) });
    const res = await t.req(`/api/campaigns/${c.id}`, {
      method: 'PATCH',
      cookie: c.cookie,
      body: { opensAt: at(t, 1) },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ opensAt: at(t, 1), state: 'not_yet_open' });
  });

  test('a closing time in the past or before the opening → 400 with a Vietnamese reason', async () => {
    const t = await createTestApp();
    const c = await createCampaign(t, { opensAt: at(t, -3), closesAt: at(t, 30) });
    const patch = (body: object) =>
      t.req(`/api/campaigns/${c.id}`, { method: 'PATCH', cookie: c.cookie, body });
    const past = await patch({ closesAt: at(t, -1) });
    expect(past.status).toBe(400);
    expect((await error(past)).message).toBe('Thời điểm đóng không được ở trong quá khứ.');
    const before = await patch({ closesAt: at(t, -4) });
    expect((await error(before)).message).toBe('Thời điểm đóng phải sau thời điểm mở.');
    const row = await t.handle.db
      .selectFrom('campaigns')
      .select('closes_at')
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(row.closes_at).toBe(at(t, 30));
  });

  test('a school manager cannot change the office campaign it takes part in → 403; a viewer neither', async () => {
    const t = await createTestApp();
    const c = await createCampaign(t, { unitIds: [DONGTHAI] });
    const school = await t.login('dongthai@demo.vn');
    const res = await t.req(`/api/campaigns/${c.id}`, {
      method: 'PATCH',
      cookie: school,
      body: { name: 'x' },
    });
    expect(res.status).toBe(403);
    const other = await createCampaign(t, {
      as: 'admin@demo.vn',
      unitIds: ['HN-BADINH-TH-KIMDONG'],
    });
    const hidden = await t.req(`/api/campaigns/${other.id}`, {
      method: 'PATCH',
      cookie: c.cookie,
      body: { name: 'x' },
    });
    expect(hidden.status).toBe(404);
  });
});

describe('POST /api/campaigns/:id/close', () => {
  test('closes an open campaign now: the link refuses answers at once', async () => {
    const t = await createTestApp();
    const c = await createCampaign(t);
    await answerOnce(t, c.links[0]!.code); // the link is resolved (and cached) before
    const res = await t.req(`/api/campaigns/${c.id}/close`, { method: 'POST', cookie: c.cookie });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ state: 'closed', closesAt: t.clock().toISOString() });
    const late = await submit(t, c.links[0]!.code, {
      clientId: crypto.randomUUID(),
      answers: thcsAnswers(4),
    });
    expect(late.status).toBe(409);
    expect((await error(late)).code).toBe('campaign_closed');
    const again = await t.req(`/api/campaigns/${c.id}/close`, { method: 'POST', cookie: c.cookie });
    expect(again.status).toBe(409);
    expect((await error(again)).message).toBe('Đợt khảo sát đã đóng.');
  });
});

describe('DELETE /api/campaigns/:id', () => {
  test('deletes a campaign without responses (204), its links and codes with it', async () => {
    const t = await createTestApp();
    const c = await createCampaign(t, { access: 'token' });
    await t.req(`/api/campaigns/${c.id}/tokens`, {
      cookie: c.cookie,
      body: { unitId: DONGTHAI, count: 3 },
    });
    const res = await t.req(`/api/campaigns/${c.id}`, { method: 'DELETE', cookie: c.cookie });
    expect(res.status).toBe(204);
    expect((await t.req(`/api/campaigns/${c.id}`, { cookie: c.cookie })).status).toBe(404);
    const tokens = await t.handle.db.selectFrom('campaign_tokens').select('code').execute();
    expect(tokens).toEqual([]);
  });

  test('refuses a campaign with a response → 409 saying to archive it; nothing is deleted', async () => {
    const t = await createTestApp();
    const c = await createCampaign(t);
    await answerOnce(t, c.links[0]!.code);
    const res = await t.req(`/api/campaigns/${c.id}`, { method: 'DELETE', cookie: c.cookie });
    expect(res.status).toBe(409);
    const e = await error(res);
    expect(e.code).toBe('conflict');
    expect(e.message).toContain('không xoá được');
    expect(e.message).toContain('lưu trữ');
    expect((await t.req(`/api/campaigns/${c.id}`, { cookie: c.cookie })).status).toBe(200);
  });
});

describe('archive', () => {
  test('an archived campaign leaves the list and the overview default, and stays reachable', async () => {
    const t = await createTestApp();
    const old = await createCampaign(t);
    await answerOnce(t, old.links[0]!.code);
    await t.req(`/api/campaigns/${old.id}/close`, { method: 'POST', cookie: old.cookie });
    const open = await t.req(`/api/campaigns/${old.id}/archive`, {
      method: 'POST',
      cookie: old.cookie,
    });
    expect(open.status).toBe(200);
    expect(await open.json()).toMatchObject({ archivedAt: t.clock().toISOString() });

    const list = (await (await t.req('/api/campaigns', { cookie: old.cookie })).json()) as {
      id: string;
    }[];
    expect(list.map((x) => x.id)).not.toContain(old.id);
    const archived = (await (
      await t.req('/api/campaigns?archived=only', { cookie: old.cookie })
    ).json()) as { id: string }[];
    expect(archived.map((x) => x.id)).toEqual([old.id]);
    expect((await t.req(`/api/campaigns/${old.id}`, { cookie: old.cookie })).status).toBe(200);
    const summary = (await (
      await t.req('/api/indices/campaigns', { cookie: old.cookie })
    ).json()) as { id: string; archived: boolean; responses: number }[];
    expect(summary.find((x) => x.id === old.id)).toMatchObject({ archived: true, responses: 1 });

    const back = await t.req(`/api/campaigns/${old.id}/unarchive`, {
      method: 'POST',
      cookie: old.cookie,
    });
    expect(await back.json()).toMatchObject({ archivedAt: null });
  });

  test('an open campaign is closed before it is archived → 409', async () => {
    const t = await createTestApp();
    const c = await createCampaign(t);
    const res = await t.req(`/api/campaigns/${c.id}/archive`, { method: 'POST', cookie: c.cookie });
    expect(res.status).toBe(409);
    expect((await error(res)).message).toContain('hãy đóng đợt');
  });
});

describe('POST /api/campaigns/:id/duplicate', () => {
  test('copies questionnaire, units, access and the corrected N into a new window with new links', async () => {
    const t = await createTestApp();
    const c = await createCampaign(t, { unitIds: [DONGTHAI, TULIEN] });
    await t.req(`/api/campaigns/${c.id}/units/${DONGTHAI}`, {
      method: 'PATCH',
      cookie: c.cookie,
      body: { eligible: 321 },
    });
    const res = await t.req(`/api/campaigns/${c.id}/duplicate`, {
      cookie: c.cookie,
      body: { name: 'Học kỳ II', opensAt: at(t, 60), closesAt: at(t, 90) },
    });
    expect(res.status).toBe(201);
    const copy = (await res.json()) as {
      id: string;
      name: string;
      surveyId: string;
      access: string;
      state: string;
      links: { unitId: string; code: string }[];
    };
    expect(copy).toMatchObject({
      name: 'Học kỳ II',
      surveyId: 'edu-thcs',
      access: 'link',
      state: 'not_yet_open',
    });
    expect(copy.links.map((l) => l.unitId).sort()).toEqual([DONGTHAI, TULIEN]);
    const oldCodes = c.links.map((l) => l.code);
    for (const l of copy.links) expect(oldCodes).not.toContain(l.code);
    const detail = (await (
      await t.req(`/api/campaigns/${copy.id}`, { cookie: c.cookie })
    ).json()) as { units: { unitId: string; eligible: number }[] };
    expect(detail.units.find((u) => u.unitId === DONGTHAI)!.eligible).toBe(321);
  });

  test('a window that ends before it starts → 400 in Vietnamese', async () => {
    const t = await createTestApp();
    const c = await createCampaign(t);
    const res = await t.req(`/api/campaigns/${c.id}/duplicate`, {
      cookie: c.cookie,
      body: { name: 'x', opensAt: at(t, 60), closesAt: at(t, 50) },
    });
    expect(res.status).toBe(400);
    expect((await error(res)).message).toBe('Thời điểm đóng phải sau thời điểm mở.');
  });
});

describe('one-time codes', () => {
  test('GET tokens and the campaign page count total, used and unused per school', async () => {
    const t = await createTestApp();
    const c = await createCampaign(t, { access: 'token' });
    const made = await t.req(`/api/campaigns/${c.id}/tokens`, {
      cookie: c.cookie,
      body: { unitId: DONGTHAI, count: 4 },
    });
    const { tokens } = (await made.json()) as { tokens: { code: string }[] };
    await answerOnce(t, tokens[0]!.code);
    const res = await t.req(`/api/campaigns/${c.id}/tokens?unitId=${DONGTHAI}`, {
      cookie: c.cookie,
    });
    const body = (await res.json()) as {
      total: number;
      used: number;
      unused: number;
      tokens: unknown[];
    };
    expect(body).toMatchObject({ total: 4, used: 1, unused: 3 });
    expect(body.tokens).toHaveLength(4);
    const detail = (await (await t.req(`/api/campaigns/${c.id}`, { cookie: c.cookie })).json()) as {
      units: { unitId: string; tokens: unknown }[];
    };
    expect(detail.units.find((u) => u.unitId === DONGTHAI)!.tokens).toEqual({
      total: 4,
      used: 1,
      unused: 3,
    });
    expect(detail.units.find((u) => u.unitId === TULIEN)!.tokens).toEqual({
      total: 0,
      used: 0,
      unused: 0,
    });
  });

  test('printed slips: ten to an A4 sheet, each with school, campaign, code, QR code and address', async () => {
    const t = await createTestApp();
    const c = await createCampaign(t, { access: 'token' });
    const made = await t.req(`/api/campaigns/${c.id}/tokens`, {
      cookie: c.cookie,
      body: { unitId: DONGTHAI, count: 12 },
    });
    const { tokens } = (await made.json()) as { tokens: { code: string }[] };
    await answerOnce(t, tokens[0]!.code);
    const page = await (
      await t.req(`/api/campaigns/${c.id}/units/${DONGTHAI}/tokens.html`, { cookie: c.cookie })
    ).text();
    expect(page).toContain('size:A4');
    const sheets = page.split('<div class="slips">').slice(1);
    expect(sheets.map((s) => s.split('<div class="slip">').length - 1)).toEqual([10, 1]);
    const slips = page.split('<div class="slip">').slice(1);
    expect(slips).toHaveLength(11); // the used code is not printed
    expect(page).not.toContain(tokens[0]!.code);
    for (const tok of tokens.slice(1)) {
      const one = slips.find((s) => s.includes(`>${tok.code}<`))!;
      expect(one).toContain('Trường THCS Đông Thái');
      expect(one).toContain('Khảo sát thử');
      expect(one).toContain(`http://localhost/s/${tok.code}`);
      expect(one).toContain('<svg');
    }
  });

  test('asking for more than 1000 codes at once → 400 saying the limit in Vietnamese', async () => {
    const t = await createTestApp();
    const c = await createCampaign(t, { access: 'token' });
    const res = await t.req(`/api/campaigns/${c.id}/tokens`, {
      cookie: c.cookie,
      body: { unitId: DONGTHAI, count: 1001 },
    });
    expect(res.status).toBe(400);
    expect((await error(res)).message).toBe(
      'Mỗi lần chỉ tạo được tối đa 1000 mã. Hãy tạo nhiều lần.',
    );
  });
});

describe('GET /api/indices/campaigns (the overview default)', () => {
  test('counts responses in the subtree, so a fresh empty campaign is told apart', async () => {
    const t = await createTestApp();
    const answered = await createCampaign(t);
    await answerOnce(t, answered.links[0]!.code);
    const empty = await createCampaign(t);
    const list = (await (
      await t.req('/api/indices/campaigns', { cookie: answered.cookie })
    ).json()) as { id: string; responses: number; archived: boolean }[];
    expect(list.find((x) => x.id === answered.id)).toMatchObject({ responses: 1, archived: false });
    expect(list.find((x) => x.id === empty.id)).toMatchObject({ responses: 0 });
  });
});
