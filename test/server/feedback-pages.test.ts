import { describe, expect, test } from 'vitest';
import { getFeedbackByCode } from '../../db/repositories/feedback.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { DONGTHAI, driveTo, fileOne } from '../helpers/feedback.js';

function postForm(t: TestApp, path: string, fields: Record<string, string>) {
  return t.req(path, {
    method: 'POST',
    body: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
}

const FORM = {
  clientId: '6f1d0c3e-2b7a-4c41-9a57-0d5e2b7c9f10',
  unitId: DONGTHAI,
  kind: 'feedback',
  category: 'thu_phi',
  title: 'Khoản thu quỹ lớp',
  content: 'Lớp 7A thu quỹ 500.000 đồng mà không họp phụ huynh.',
  contact_name: '',
  contact_phone: '',
  contact_email: '',
  website: '',
};

describe('the feedback form without JavaScript', () => {
  test('offers the units grouped by office, the categories, a privacy notice and consent', async () => {
    const t = await createTestApp();
    const html = await (await t.req('/feedback')).text();
    expect(html).toContain('<form method="post" action="/feedback"');
    expect(html).toContain('<optgroup label="Phòng GDĐT quận Tây Hồ">');
    expect(html).toContain(`<option value="${DONGTHAI}"`);
    expect(html).toContain('value="ung_xu_giao_vien"');
    expect(html).toContain('name="consent"');
    expect(html).toContain('24 tháng');
    expect(html).toContain('name="website"');
  });

  test('a plain form post files the item and shows the tracking code and due date', async () => {
    const t = await createTestApp();
    const res = await postForm(t, '/feedback', FORM);
    expect(res.status).toBe(201);
    const html = await res.text();
    const code = /id="tracking-code">(PA-[A-Z0-9]{8})</.exec(html)?.[1];
    expect(code).toBeTruthy();
    expect(html).toContain('14/12/2026');
    const row = await getFeedbackByCode(t.handle.db, code!);
    expect(row).toMatchObject({ unit_id: DONGTHAI, category: 'thu_phi', status: 'received' });
    // Pressing submit again (same hidden clientId) shows the same code, not a second item.
    const again = await (await postForm(t, '/feedback', FORM)).text();
    expect(again).toContain(code!);
    expect(await t.handle.db.selectFrom('feedback').select('id').execute()).toHaveLength(1);
  });

  test('a filled honeypot looks accepted but stores nothing', async () => {
    const t = await createTestApp();
    const res = await postForm(t, '/feedback', { ...FORM, website: 'http://spam.example' });
    expect(res.status).toBe(200);
    expect(await res.text()).not.toContain('PA-');
    expect(await t.handle.db.selectFrom('feedback').select('id').execute()).toHaveLength(0);
  });

  test('contact without consent re-shows the form with the message and the text kept', async () => {
    const t = await createTestApp();
    const res = await postForm(t, '/feedback', { ...FORM, contact_phone: '0912345678' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('Bạn cần đồng ý');
    expect(html).toContain('Lớp 7A thu quỹ 500.000 đồng');
    expect(await t.handle.db.selectFrom('feedback').select('id').execute()).toHaveLength(0);
  });
});

describe('looking up, reading the answer and rating it', () => {
  test('the lookup form leads to the status page with the timeline and published answer', async () => {
    const t = await createTestApp();
    const { trackingCode, id } = await fileOne(t);
    await driveTo(t, await t.login('tayho@demo.vn'), id, 'published');
    const lookup = await t.req(`/feedback/lookup?code=${trackingCode.toLowerCase()}`);
    expect(lookup.status).toBe(303);
    expect(lookup.headers.get('location')).toBe(`/feedback/status/${trackingCode}`);
    const html = await (await t.req(`/feedback/status/${trackingCode}`)).text();
    expect(html).toContain('Đã công khai');
    expect(html).toContain('Nhà trường đã sửa vòi nước.');
    expect(html).toContain('Đã tiếp nhận');
    expect(html).toContain(`action="/feedback/status/${trackingCode}/rating"`);
  });

  test('an unknown code says so with 404', async () => {
    const t = await createTestApp();
    expect((await t.req('/feedback/lookup?code=PA-ZZZZZZZZ')).status).toBe(404);
    expect((await t.req('/feedback/status/PA-ZZZZZZZZ')).status).toBe(404);
  });

  test('the rating form is accepted once, then the page thanks instead of asking', async () => {
    const t = await createTestApp();
    const { trackingCode, id } = await fileOne(t);
    await driveTo(t, await t.login('tayho@demo.vn'), id, 'published');
    const res = await postForm(t, `/feedback/status/${trackingCode}/rating`, {
      overall: '2',
      complained_again: 'yes',
    });
    expect(res.status).toBe(303);
    const html = await (await t.req(`/feedback/status/${trackingCode}?rated=1`)).text();
    expect(html).toContain('Cảm ơn bạn đã đánh giá');
    expect(html).not.toContain('/rating"');
    const twice = await postForm(t, `/feedback/status/${trackingCode}/rating`, {
      overall: '5',
      complained_again: 'no',
    });
    expect(twice.status).toBe(409);
    const row = await t.handle.db
      .selectFrom('feedback_ratings')
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(row.overall).toBe(2);
  });

  test('the disclosures page lists the published answer of the unit', async () => {
    const t = await createTestApp();
    const { id } = await fileOne(t, { title: 'Sân trường ngập nước' });
    await driveTo(t, await t.login('tayho@demo.vn'), id, 'published');
    const html = await (await t.req('/disclosures/HN-TAYHO')).text();
    expect(html).toContain('Sân trường ngập nước');
    expect(html).toContain('Nhà trường đã sửa vòi nước.');
    expect((await t.req('/disclosures/NOPE')).status).toBe(404);
  });
});
