import type { Page } from 'playwright-core';
import type { LiveServer } from './browser.js';

/** Signs in over real HTTP and returns the session cookie (name=value). */
export async function liveLogin(
  base: string,
  email: string,
  password = 'demo-2024',
): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}

/** A JSON request to the live server as a signed-in browser on the same site would send it. */
export async function liveApi(
  base: string,
  path: string,
  init: { cookie?: string; body?: unknown } = {},
) {
  const headers: Record<string, string> = { origin: base };
  if (init.cookie) headers.cookie = init.cookie;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  return fetch(`${base}${path}`, {
    method: init.body !== undefined ? 'POST' : 'GET',
    headers,
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
  });
}

/** A fresh link campaign of the THCS questionnaire at Đông Thái, open now; its form code and id. */
export async function liveCampaign(server: LiveServer, name = 'Khảo sát trình duyệt') {
  const cookie = await liveLogin(server.url, 'tayho@demo.vn');
  const now = Date.now();
  const res = await liveApi(server.url, '/api/campaigns', {
    cookie,
    body: {
      surveyId: 'edu-thcs',
      name,
      opensAt: new Date(now - 86_400_000).toISOString(),
      closesAt: new Date(now + 30 * 86_400_000).toISOString(),
      unitIds: ['HN-TAYHO-THCS-DONGTHAI'],
      access: 'link',
    },
  });
  if (res.status !== 201) throw new Error(`campaign: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { id: string; links: { code: string }[] };
  return { id: body.id, code: body.links[0]!.code };
}

/** The stored responses of one campaign, answers parsed. */
export async function storedResponses(server: LiveServer, campaignId: string) {
  const rows = await server.handle.db
    .selectFrom('responses')
    .select(['id', 'client_id', 'answers'])
    .where('campaign_id', '=', campaignId)
    .execute();
  return rows.map((r) => ({ ...r, answers: JSON.parse(r.answers) as Record<string, unknown> }));
}

/** Ticks "4 · Hài lòng" for every likert question shown on the page (as a person tapping would). */
export async function tickAllLikert(page: Page, value = '4'): Promise<number> {
  const radios = page.locator(`fieldset.q input[type="radio"][value="${value}"]`);
  const n = await radios.count();
  for (let i = 0; i < n; i++) await radios.nth(i).check();
  return n;
}

/**
 * Walks the enhanced (JavaScript) questionnaire part by part, ticking every likert question and
 * pressing "Tiếp tục" until the last part's "Gửi phiếu" is shown. Returns without submitting.
 */
export async function walkToLastPart(page: Page, value = '4'): Promise<void> {
  for (let part = 0; part < 20; part++) {
    await page.locator('fieldset.q').first().waitFor();
    await tickAllLikert(page, value);
    const submit = page.getByRole('button', { name: 'Gửi phiếu' });
    if (await submit.isVisible()) return;
    const heading = await page.locator('section h2').textContent();
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.locator('section h2', { hasNotText: heading ?? '' }).waitFor();
  }
  throw new Error('the questionnaire never reached its last part');
}
