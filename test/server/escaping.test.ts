import { describe, expect, test } from 'vitest';
import { upsertUnits } from '../../db/repositories/units.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { submit, thcsAnswers } from '../helpers/campaigns.js';
import { fileOne, move } from '../helpers/feedback.js';

const SCRIPT = '<script>alert(1)</script>';
const IMG = '"><img src=x onerror=alert(1)>';
const HOSTILE = `Xin chào ${SCRIPT} ${IMG}`;
/** What must never reach an HTML page as markup. */
const RAW = ['<script>alert', '<img src=x', '"><img'];
/** How the text looks when shown escaped as text (hono/html escapes & < > " '). */
const SHOWN = '&lt;script&gt;alert(1)&lt;/script&gt;';

const UNIT = 'HN-TAYHO-THCS-XSS';

/**
 * Every kind of stored text a person or an administrator can write — a unit's name, a campaign's
 * name, a survey suggestion, a feedback title, content, note and answer — set to markup.
 */
async function hostileWorld(t: TestApp) {
  await upsertUnits(
    t.handle.db,
    [
      {
        id: UNIT,
        parent_id: 'HN-TAYHO',
        name: `Trường ${HOSTILE}`,
        kind: 'school',
        level: 'THCS',
        eligible: 100,
      },
    ],
    t.clock().toISOString(),
  );
  const cookie = await t.login('tayho@demo.vn');
  const now = t.clock().getTime();
  const res = await t.req('/api/campaigns', {
    cookie,
    body: {
      surveyId: 'edu-thcs',
      name: `Đợt ${HOSTILE}`,
      opensAt: new Date(now - 86_400_000).toISOString(),
      closesAt: new Date(now + 86_400_000).toISOString(),
      unitIds: [UNIT],
      access: 'link',
    },
  });
  expect(res.status).toBe(201);
  const campaign = (await res.json()) as { id: string; links: { code: string }[] };
  const code = campaign.links[0]!.code;
  expect(
    (
      await submit(t, code, {
        clientId: crypto.randomUUID(),
        answers: { ...thcsAnswers(4), gop_y: HOSTILE },
      })
    ).status,
  ).toBe(201);

  const fb = await fileOne(t, { unitId: UNIT, title: `Tiêu đề ${IMG}`, content: HOSTILE });
  for (const body of [
    { to: 'accepted', note: HOSTILE },
    { to: 'in_progress' },
    { to: 'answered', answer: HOSTILE },
    { to: 'published' },
  ]) {
    const r = await move(t, cookie, fb.id, body);
    expect(r.status).toBe(200);
  }
  return { cookie, code, campaignId: campaign.id, trackingCode: fb.trackingCode };
}

function form(fields: Record<string, string>): { body: string; headers: Record<string, string> } {
  return {
    body: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  };
}

async function expectEscaped(res: Response, where: string, mustShow = true) {
  const text = await res.text();
  expect(res.status, where).toBeLessThan(500);
  expect(res.headers.get('content-type') ?? '', where).toMatch(/^text\/html/);
  for (const r of RAW) expect(text.includes(r), `${where} contains raw ${r}`).toBe(false);
  if (mustShow)
    expect(text.includes(SHOWN) || text.includes('\\u003cscript>'), `${where} shows the text`).toBe(
      true,
    );
}

describe('stored markup is shown as text on every page', () => {
  test('the public pages: status, disclosures, feedback form, look-up, questionnaire, thank-you', async () => {
    const t = await createTestApp();
    const w = await hostileWorld(t);

    await expectEscaped(await t.req(`/feedback/status/${w.trackingCode}`), 'status page');
    await expectEscaped(await t.req(`/disclosures/${UNIT}`), 'disclosures page');
    await expectEscaped(await t.req('/feedback'), 'feedback form (unit list)');
    await expectEscaped(
      await t.req(`/feedback?unitId=${encodeURIComponent(IMG)}`),
      'feedback form with a hostile unitId',
      false,
    );
    // A refused filing is shown again with what was typed.
    const refused = form({
      unitId: UNIT,
      category: 'khac',
      title: HOSTILE,
      content: 'ngắn',
      contact_name: HOSTILE,
      clientId: IMG,
    });
    const refusedRes = await t.req('/feedback', { method: 'POST', ...refused });
    expect(refusedRes.status).toBe(400);
    await expectEscaped(refusedRes, 'feedback form shown again');
    await expectEscaped(
      await t.req(`/feedback/lookup?code=${encodeURIComponent(HOSTILE)}`),
      'look-up with a hostile code',
      false,
    );

    await expectEscaped(await t.req(`/s/${w.code}`), 'questionnaire (unit name, data block)');
    await expectEscaped(
      await t.req(`/s/${w.code}?lang=${encodeURIComponent(IMG)}`),
      'questionnaire with a hostile lang',
    );
    await expectEscaped(
      await t.req(`/s/${encodeURIComponent(SCRIPT)}`),
      'unknown code page',
      false,
    );
    // Without JavaScript a form missing an answer comes back with the suggestion typed.
    const answers = Object.fromEntries(
      Object.entries(thcsAnswers(4)).map(([k, v]) => [k, String(v)]),
    );
    const { tc1: _left, ...missing } = answers;
    const again = await t.req(`/s/${w.code}`, {
      method: 'POST',
      ...form({ ...missing, gop_y: HOSTILE, _clientId: crypto.randomUUID(), _lang: IMG }),
    });
    expect(again.status).toBe(400);
    await expectEscaped(again, 'questionnaire shown again');
    const thanks = await t.req(`/s/${w.code}`, {
      method: 'POST',
      ...form({ ...answers, gop_y: HOSTILE, _clientId: crypto.randomUUID() }),
    });
    expect(thanks.status).toBe(200);
    await expectEscaped(thanks, 'thank-you page', false);
  });

  test('the staff HTML: poster, token list and the printable report', async () => {
    const t = await createTestApp();
    const w = await hostileWorld(t);
    const tokens = await t.req(`/api/campaigns/${w.campaignId}/tokens`, {
      cookie: w.cookie,
      body: { unitId: UNIT, count: 2 },
    });
    expect(tokens.status).toBe(201);
    await expectEscaped(
      await t.req(`/api/campaigns/${w.campaignId}/units/${UNIT}/poster`, { cookie: w.cookie }),
      'poster',
    );
    await expectEscaped(
      await t.req(`/api/campaigns/${w.campaignId}/units/${UNIT}/tokens.html`, { cookie: w.cookie }),
      'token list',
    );
    await expectEscaped(
      await t.req('/api/reports?format=html&unitId=HN-TAYHO&from=2026-01-01&to=2026-12-31', {
        cookie: w.cookie,
      }),
      'printable report',
    );
  });

  test('the JSON that carries it is served as JSON that a browser will not sniff into HTML', async () => {
    const t = await createTestApp();
    const w = await hostileWorld(t);
    for (const path of [
      `/api/public/feedback/${w.trackingCode}`,
      `/api/public/disclosures?unitId=${UNIT}`,
      '/api/units',
    ]) {
      const res = await t.req(path, { cookie: w.cookie });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toMatch(/^application\/json/);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(await res.text(), path).toContain('alert(1)');
    }
  });
});
