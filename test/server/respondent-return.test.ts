import { describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createCampaign, thcsAnswers } from '../helpers/campaigns.js';

const DONGTHAI = 'HN-TAYHO-THCS-DONGTHAI';

/** The no-JS form: open the page, post its hidden fields and every answer. */
async function answerWithoutScript(t: TestApp, code: string) {
  const page = await (await t.req(`/s/${code}`)).text();
  const hidden = (name: string) => new RegExp(`name="${name}" value="([^"]+)"`).exec(page)![1]!;
  const fields: [string, string][] = [
    ['_clientId', hidden('_clientId')],
    ['_startedAt', hidden('_startedAt')],
  ];
  for (const [k, v] of Object.entries(thcsAnswers(4))) fields.push([k, String(v)]);
  return t.req(`/s/${code}`, {
    body: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
}

/** The cookie a response set, as the same phone sends it back. */
const cookieOf = (res: Response) => (res.headers.get('set-cookie') ?? '').split(';')[0]!;

describe('after a submit, the same link on the same phone', () => {
  test('a link campaign: thanks with the feedback form, then "already answered" with a way to answer for another child', async () => {
    const t = await createTestApp();
    const c = await createCampaign(t, { unitIds: [DONGTHAI] });
    const code = c.links[0]!.code;
    const sent = await answerWithoutScript(t, code);
    expect(sent.status).toBe(200);
    const thanks = await sent.text();
    expect(thanks).toContain('Cảm ơn Quý vị!');
    expect(thanks).toContain(`href="/feedback?unitId=${DONGTHAI}"`);
    expect(thanks).not.toContain('/results/'); // no such page yet: never a dead link

    const cookie = cookieOf(sent);
    expect(cookie).toMatch(new RegExp(`^hl_done_${code}=1$`));
    const again = await (await t.req(`/s/${code}`, { cookie })).text();
    expect(again).toContain('Quý vị đã trả lời phiếu này');
    expect(again).not.toContain('<form method="post"');
    expect(again).toContain(`href="/s/${code}?again=1"`);
    const form = await (await t.req(`/s/${code}?again=1`, { cookie })).text();
    expect(form).toContain('<form method="post"');
    // Another phone (no mark) gets the form straight away.
    expect(await (await t.req(`/s/${code}`)).text()).toContain('<form method="post"');
  });

  test('a one-time code: "already answered", with no way to answer again', async () => {
    const t = await createTestApp();
    const c = await createCampaign(t, { access: 'token', unitIds: [DONGTHAI] });
    const made = await t.req(`/api/campaigns/${c.id}/tokens`, {
      cookie: c.cookie,
      body: { unitId: DONGTHAI, count: 1 },
    });
    const code = ((await made.json()) as { tokens: { code: string }[] }).tokens[0]!.code;
    const sent = await answerWithoutScript(t, code);
    const cookie = cookieOf(sent);
    const again = await (await t.req(`/s/${code}?again=1`, { cookie })).text();
    expect(again).toContain('Quý vị đã trả lời phiếu này');
    expect(again).not.toContain('again=1');
    expect(again).not.toContain('<form method="post"');
    // Someone else opening the used code is told at once, before any question.
    const other = await (await t.req(`/s/${code}`)).text();
    expect(other).toContain('Mã này đã được sử dụng');
    expect(other).not.toContain('<fieldset');
  });
});
