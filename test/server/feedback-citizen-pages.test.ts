import { describe, expect, test } from 'vitest';
import { getFeedbackByCode } from '../../db/repositories/feedback.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { DONGTHAI, driveTo, move } from '../helpers/feedback.js';
import { png, postForm } from '../helpers/photos.js';

const FORM = {
  clientId: '6f1d0c3e-2b7a-4c41-9a57-0d5e2b7c9f10',
  unitId: DONGTHAI,
  kind: 'feedback',
  category: 'co_so_vat_chat',
  title: 'Mái che sân trường bị thủng',
  content: 'Mái che sân trường bị thủng, trời mưa học sinh bị ướt khi xếp hàng.',
  contact_name: 'Nguyễn Thị Hoa',
  contact_phone: '0912345678',
  contact_email: '',
  consent: 'on',
  website: '',
};

/** Files through the no-JS form with one photo; returns the code and the receipt's own link. */
async function fileByForm(t: TestApp) {
  const res = await postForm(t, '/feedback', FORM, [
    { name: 'mai-che.jpg', type: 'image/jpeg', bytes: await png() },
  ]);
  expect(res.status).toBe(201);
  const page = await res.text();
  const code = /id="tracking-code">(PA-[A-Z0-9]{8})</.exec(page)![1]!;
  const link = /id="own-link" href="([^"]+)"/.exec(page)![1]!.replaceAll('&amp;', '&');
  const key = new URL(link, 'http://x').searchParams.get('key')!;
  return { code, link, key, page, id: (await getFeedbackByCode(t.handle.db, code))!.id };
}

describe('the citizen’s own status page, without JavaScript', () => {
  test('the receipt shows the key once with a link carrying it; the public page never shows it', async () => {
    const t = await createTestApp();
    const f = await fileByForm(t);
    expect(f.page).toContain('Đã nhận 1 ảnh');
    expect(f.link).toBe(`/feedback/status/${f.code}?key=${f.key}`);
    const pub = await (await t.req(`/feedback/status/${f.code}`)).text();
    expect(pub).not.toContain(f.key);
    expect(pub).toContain('Khoá trả lời'); // the field to open the own view
    const own = await (await t.req(f.link)).text();
    expect(own).toContain('Ảnh bạn gửi kèm phản ánh');
    expect(own).toContain('Xoá thông tin liên hệ');
    const wrong = await t.req(`/feedback/status/${f.code}?key=${'B'.repeat(27)}`);
    expect(wrong.status).toBe(404);
    expect(await wrong.text()).not.toContain('Mái che');
  });

  test('asked for information, the citizen replies with a photo, reads the answer before publication, appeals', async () => {
    const t = await createTestApp();
    const cookie = await t.login('dongthai@demo.vn');
    const f = await fileByForm(t);
    expect(await (await t.req(f.link)).text()).not.toContain('Bổ sung thông tin</h2>');
    await driveTo(t, cookie, f.id, 'waiting_citizen');
    expect(await (await t.req(f.link)).text()).toContain('Bổ sung thông tin</h2>');

    const sent = await postForm(
      t,
      `/feedback/status/${f.code}/reply`,
      { replyKey: f.key, content: 'Ảnh chụp mái che sáng nay.' },
      [{ name: 'sang-nay.png', type: 'image/png', bytes: await png() }],
    );
    expect(sent.status).toBe(303);
    const after = await (await t.req(sent.headers.get('location')!)).text();
    expect(after).toContain('Đã gửi thông tin bổ sung');
    expect(after).toContain('Ảnh chụp mái che sáng nay.');
    expect(after).toContain('alt="Ảnh bổ sung 1"');
    expect(after).not.toContain('Bổ sung thông tin</h2>'); // no longer waiting

    await move(t, cookie, f.id, { to: 'answered', answer: 'Nhà trường đã thay tấm lợp mái che.' });
    const answered = await (await t.req(f.link)).text();
    expect(answered).toContain('Nhà trường đã thay tấm lợp mái che.');
    expect(answered).toContain('sẽ được công khai');
    const pub = await (await t.req(`/feedback/status/${f.code}`)).text();
    expect(pub).not.toContain('Nhà trường đã thay tấm lợp mái che.');

    const appealed = await postForm(t, `/feedback/status/${f.code}/appeal`, {
      replyKey: f.key,
      reason: 'Mái che vẫn dột khi mưa to.',
    });
    expect(appealed.status).toBe(201);
    const receipt = await appealed.text();
    expect(receipt).toContain('Đã nhận đề nghị xem xét lại');
    expect(receipt).toMatch(/id="reply-key">[A-Za-z0-9_-]{27}</);
  });

  test('erasure asks for confirmation, then says what was erased', async () => {
    const t = await createTestApp();
    const f = await fileByForm(t);
    const unconfirmed = await postForm(t, `/feedback/status/${f.code}/erasure`, {
      replyKey: f.key,
    });
    expect(unconfirmed.status).toBe(400);
    const done = await postForm(t, `/feedback/status/${f.code}/erasure`, {
      replyKey: f.key,
      confirm: 'on',
    });
    expect(done.status).toBe(200);
    const page = await done.text();
    expect(page).toContain('họ tên, số điện thoại và thư điện tử đã được xoá');
    expect(page).toContain('1 ảnh đã được xoá');
    const contact = await t.handle.db
      .selectFrom('feedback_contacts')
      .selectAll()
      .where('feedback_id', '=', f.id)
      .executeTakeFirstOrThrow();
    expect(contact.name).toBeNull();
  });

  test('an anonymous complaint is refused with the reason and an offer to send it as feedback', async () => {
    const t = await createTestApp();
    const form = { ...FORM, kind: 'complaint', contact_name: '', contact_phone: '', consent: '' };
    const res = await postForm(t, '/feedback', form);
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain('Khiếu nại, tố cáo cần họ tên');
    expect(page).toContain('name="as_feedback"');
    const asFeedback = await postForm(t, '/feedback', { ...form, as_feedback: '1' });
    expect(asFeedback.status).toBe(201);
    const rows = await t.handle.db.selectFrom('feedback').select('kind').execute();
    expect(rows).toEqual([{ kind: 'feedback' }]);
  });
});
