import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createCampaign, thcsAnswers } from '../helpers/campaigns.js';

/** A browser's urlencoded form post from the page itself. */
function postForm(t: TestApp, code: string, fields: [string, string][]) {
  return t.req(`/s/${code}`, {
    body: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
}

function hiddenValue(html: string, name: string): string {
  return new RegExp(`name="${name}" value="([^"]+)"`).exec(html)![1]!;
}

function formFields(html: string, answers: Record<string, unknown>): [string, string][] {
  const fields: [string, string][] = [
    ['_clientId', hiddenValue(html, '_clientId')],
    ['_startedAt', hiddenValue(html, '_startedAt')],
  ];
  for (const [k, v] of Object.entries(answers)) fields.push([k, v === null ? 'na' : String(v)]);
  return fields;
}

async function storedCount(t: TestApp, campaignId: string) {
  const rows = await t.handle.db
    .selectFrom('responses')
    .select('channel')
    .where('campaign_id', '=', campaignId)
    .execute();
  return rows.length;
}

describe('GET /s/:code', () => {
  test('serves the whole questionnaire as a plain form with labelled radio groups and a server-made clientId', async () => {
    const t = await createTestApp();
    const c = await createCampaign(t);
    const res = await t.req(`/s/${c.links[0]!.code}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`<form method="post" action="/s/${c.links[0]!.code}"`);
    expect(hiddenValue(html, '_clientId')).toMatch(/^[0-9a-f-]{36}$/);
    expect(html).toMatch(
      /<fieldset class="q" id="q-tc1"><legend id="l-tc1">Thông tin tuyển sinh lớp 6/,
    );
    expect(html).toContain(
      '<input type="radio" name="tc1" value="5" required><span>5 · Rất hài lòng</span>',
    );
    expect(html).toContain('value="na"');
    expect(html).toContain('<script type="module" src="/assets/respondent.js"></script>');
    expect(html).toContain('Trường THCS Đông Thái');
  });

  test('two visits get two different clientIds', async () => {
    const t = await createTestApp();
    const c = await createCampaign(t);
    const a = hiddenValue(await (await t.req(`/s/${c.links[0]!.code}`)).text(), '_clientId');
    const b = hiddenValue(await (await t.req(`/s/${c.links[0]!.code}`)).text(), '_clientId');
    expect(a).not.toBe(b);
  });

  test('?lang=en renders the questions in English', async () => {
    const t = await createTestApp();
    const c = await createCampaign(t);
    const html = await (await t.req(`/s/${c.links[0]!.code}?lang=en`)).text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Grade 6 admission and school activities are published in full.');
    expect(html).toContain('5 · Very satisfied');
  });

  test('an unknown code shows a code entry page with 404, a closed campaign says it closed', async () => {
    const t = await createTestApp();
    const unknown = await t.req('/s/NOSUCHCODE');
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('Không tìm thấy phiếu khảo sát');
    const c = await createCampaign(t);
    t.clock.advance(31 * 86_400_000);
    expect(await (await t.req(`/s/${c.links[0]!.code}`)).text()).toContain(
      'Đợt khảo sát đã kết thúc',
    );
  });

  test('a typed code with spaces and lower case opens its form', async () => {
    const t = await createTestApp();
    const c = await createCampaign(t);
    const code = c.links[0]!.code;
    const res = await t.req(
      `/s?code=${encodeURIComponent(` ${code.slice(0, 5).toLowerCase()} ${code.slice(5)}`)}`,
    );
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/s/${code}`);
  });
});

describe('POST /s/:code (no JavaScript)', () => {
  test('a complete form post stores the response and shows the thank-you page; posting it again stores nothing more', async () => {
    const t = await createTestApp();
    const c = await createCampaign(t);
    const code = c.links[0]!.code;
    const html = await (await t.req(`/s/${code}`)).text();
    const fields = formFields(html, { ...thcsAnswers(5), tc2: null });
    fields.push(
      ['uu_tien', 'tiep_can'],
      ['uu_tien', 'ket_qua'],
      ['gop_y', 'Rất tốt'],
      ['khoi_lop', ''],
    );
    const first = await postForm(t, code, fields);
    expect(first.status).toBe(200);
    expect(await first.text()).toContain('Cảm ơn Quý vị!');
    const again = await postForm(t, code, fields);
    expect(await again.text()).toContain('Cảm ơn Quý vị!');
    expect(await storedCount(t, c.id)).toBe(1);
    const row = await t.handle.db
      .selectFrom('responses')
      .select(['answers', 'channel', 'duration_ms'])
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.answers)).toMatchObject({
      tc1: 5,
      tc2: null,
      uu_tien: ['tiep_can', 'ket_qua'],
      gop_y: 'Rất tốt',
    });
    expect(row.channel).toBe('form');
    expect(row.duration_ms).toBe(0);
  });

  test('a missing required answer shows the form again with the message beside that question and the other answers kept', async () => {
    const t = await createTestApp();
    const c = await createCampaign(t);
    const code = c.links[0]!.code;
    const html = await (await t.req(`/s/${code}`)).text();
    const { kq2: _, ...answers } = thcsAnswers(4);
    const res = await postForm(t, code, formFields(html, answers));
    expect(res.status).toBe(400);
    const again = await res.text();
    expect(again).toMatch(/<fieldset class="q bad" id="q-kq2"[^>]*>.*Xin chọn một câu trả lời\./s);
    expect(again).toContain('<input type="radio" name="kq1" value="4" required checked>');
    expect(hiddenValue(again, '_clientId')).toBe(hiddenValue(html, '_clientId'));
    expect(await storedCount(t, c.id)).toBe(0);
  });

  test('a used token shows that the code was used, with 409', async () => {
    const t = await createTestApp();
    const c = await createCampaign(t, { access: 'token' });
    const made = await t.req(`/api/campaigns/${c.id}/tokens`, {
      cookie: c.cookie,
      body: { unitId: 'HN-TAYHO-THCS-DONGTHAI', count: 1 },
    });
    const code = (await made.json()).tokens[0].code as string;
    const html = await (await t.req(`/s/${code}`)).text();
    expect((await postForm(t, code, formFields(html, thcsAnswers()))).status).toBe(200);
    const other = await postForm(t, code, [
      ['_clientId', randomUUID()],
      ...formFields(html, thcsAnswers()).slice(1),
    ]);
    expect(other.status).toBe(409);
    expect(await other.text()).toContain('Mã này đã được sử dụng');
    expect(await (await t.req(`/s/${code}`)).text()).toContain('Mã này đã được sử dụng');
  });
});
