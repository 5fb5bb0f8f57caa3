import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { getFeedbackByCode } from '../../db/repositories/feedback.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { DONGTHAI, driveTo, filing, move } from '../helpers/feedback.js';
import { hasGpsPointer, jpegWithGps, png, postForm } from '../helpers/photos.js';

type Json = Record<string, any>;

const CONTACT = { name: 'Nguyễn Thị Hoa', phone: '0912345678', email: 'hoa@example.vn' };

async function fileWithKey(t: TestApp, overrides: Record<string, unknown> = {}) {
  const res = await t.req('/api/public/feedback', {
    body: filing({ contact: CONTACT, consent: true, ...overrides }),
  });
  expect(res.status).toBe(201);
  const body = (await res.json()) as { trackingCode: string; replyKey: string; dueAt: string };
  const row = await getFeedbackByCode(t.handle.db, body.trackingCode);
  return { ...body, id: row!.id };
}

const multipartFiling = {
  unitId: DONGTHAI,
  category: 'co_so_vat_chat',
  title: 'Mái che sân trường bị thủng',
  content: 'Mái che sân trường bị thủng, trời mưa học sinh bị ướt khi xếp hàng.',
  'contact.name': CONTACT.name,
  'contact.phone': CONTACT.phone,
  consent: 'true',
};

async function storedPhotos(t: TestApp) {
  return t.handle.db.selectFrom('feedback_photos').selectAll().execute();
}

describe('the reply key', () => {
  test('is returned once at filing, stored only as a hash, and never on the public status', async () => {
    const t = await createTestApp();
    const f = await fileWithKey(t);
    expect(f.replyKey).toMatch(/^[A-Za-z0-9_-]{27}$/); // 160 bits
    const row = await getFeedbackByCode(t.handle.db, f.trackingCode);
    expect(JSON.stringify(row)).not.toContain(f.replyKey);
    const pub = await (await t.req(`/api/public/feedback/${f.trackingCode}`)).text();
    expect(pub).not.toContain(f.replyKey);
    const page = await (await t.req(`/feedback/status/${f.trackingCode}`)).text();
    expect(page).not.toContain(f.replyKey);
  });

  test('a wrong key → 404 on the status, the reply and the erasure, and counts against the look-up limit', async () => {
    const t = await createTestApp({ config: { lookupRateLimit: 3 } });
    const f = await fileWithKey(t);
    const wrong = 'A'.repeat(27);
    expect((await t.req(`/api/public/feedback/${f.trackingCode}?key=${wrong}`)).status).toBe(404);
    const r = await t.req(`/api/public/feedback/${f.trackingCode}/replies`, {
      body: { replyKey: wrong, content: 'Ảnh đây ạ' },
    });
    expect(r.status).toBe(404);
    const e = await t.req(`/api/public/feedback/${f.trackingCode}/erasure`, {
      body: { replyKey: wrong, confirm: true },
    });
    expect(e.status).toBe(404);
    // Three guesses used the minute's three look-ups: even the right key waits now.
    const right = await t.req(`/api/public/feedback/${f.trackingCode}?key=${f.replyKey}`);
    expect(right.status).toBe(429);
  });
});

describe('POST /api/public/feedback/:trackingCode/replies', () => {
  test('while waiting: 201, back to in_progress with the days waited given back; the reply reaches staff and the citizen, never the public', async () => {
    const t = await createTestApp();
    const cookie = await t.login('dongthai@demo.vn');
    const f = await fileWithKey(t);
    await driveTo(t, cookie, f.id, 'waiting_citizen');
    t.clock.advance(7 * 86_400_000); // a week waiting: 5 working days
    const text = 'Em gửi thêm ảnh chụp vòi nước bị hỏng ở tầng 2.';
    const res = await t.req(`/api/public/feedback/${f.trackingCode}/replies`, {
      body: { replyKey: f.replyKey, content: text },
    });
    expect(res.status).toBe(201);
    const row = await getFeedbackByCode(t.handle.db, f.trackingCode);
    expect(row!.status).toBe('in_progress');
    expect(row!.due_at > f.dueAt).toBe(true); // the clock resumed with the wait given back

    const later = await t.login('dongthai@demo.vn'); // a week on, the first session has ended
    const staff = (await (await t.req(`/api/feedback/${f.id}`, { cookie: later })).json()) as Json;
    expect(staff.timeline.map((e: Json) => e.note)).toContain(text);
    const own = (await (
      await t.req(`/api/public/feedback/${f.trackingCode}?key=${f.replyKey}`)
    ).json()) as Json;
    expect(own.own.replies.map((r: Json) => r.content)).toEqual([text]);
    const pub = await (await t.req(`/api/public/feedback/${f.trackingCode}`)).text();
    expect(pub).not.toContain(text);
    const page = await (await t.req(`/feedback/status/${f.trackingCode}`)).text();
    expect(page).not.toContain(text);

    const again = await t.req(`/api/public/feedback/${f.trackingCode}/replies`, {
      body: { replyKey: f.replyKey, content: 'Thêm lần nữa' },
    });
    expect(again.status).toBe(409);
  });

  test('in any status but waiting_citizen → 409', async () => {
    const t = await createTestApp();
    const f = await fileWithKey(t);
    const res = await t.req(`/api/public/feedback/${f.trackingCode}/replies`, {
      body: { replyKey: f.replyKey, content: 'Tôi bổ sung' },
    });
    expect(res.status).toBe(409);
  });
});

describe('photos', () => {
  test('a JPEG carrying GPS is stored upright without any EXIF; a PNG named .jpg is kept as PNG', async () => {
    const t = await createTestApp();
    const gps = await jpegWithGps();
    expect(hasGpsPointer((await sharp(gps).metadata()).exif)).toBe(true);
    const res = await postForm(t, '/api/public/feedback', multipartFiling, [
      { name: 'IMG_0001.jpg', type: 'image/jpeg', bytes: gps },
      { name: 'anh.jpg', type: 'image/jpeg', bytes: await png() },
    ]);
    expect(res.status).toBe(201);
    const stored = await storedPhotos(t);
    expect(stored.map((p) => p.format)).toEqual(['jpeg', 'png']);
    const jpeg = Buffer.from(stored[0]!.data, 'base64');
    const meta = await sharp(jpeg).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(jpeg.includes('PhoneCo')).toBe(false);
    expect([meta.width, meta.height]).toEqual([20, 40]); // turned by its orientation first
  });

  test('a text file named .jpg, four photos, or a photo over 5 MB are refused and nothing is stored', async () => {
    const t = await createTestApp();
    const text = new TextEncoder().encode('không phải ảnh');
    const bad = await postForm(t, '/api/public/feedback', multipartFiling, [
      { name: 'anh.jpg', type: 'image/jpeg', bytes: text },
    ]);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Json).error.message).toMatch(/JPEG, PNG hoặc WebP/);
    const p = await png();
    const four = await postForm(
      t,
      '/api/public/feedback',
      multipartFiling,
      [1, 2, 3, 4].map((i) => ({ name: `${i}.png`, type: 'image/png', bytes: p })),
    );
    expect(four.status).toBe(400);
    expect(((await four.json()) as Json).error.message).toMatch(/tối đa 3 ảnh/);
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(p);
    const tooBig = await postForm(t, '/api/public/feedback', multipartFiling, [
      { name: 'big.png', type: 'image/png', bytes: big },
    ]);
    expect(tooBig.status).toBe(413);
    expect(await t.handle.db.selectFrom('feedback').select('id').execute()).toHaveLength(0);
    expect(await storedPhotos(t)).toHaveLength(0);
  });

  test('are seen by staff of the unit and the citizen with the key; public only once attached to the published answer', async () => {
    const t = await createTestApp();
    const res = await postForm(t, '/api/public/feedback', multipartFiling, [
      { name: 'a.png', type: 'image/png', bytes: await png() },
    ]);
    const { trackingCode, replyKey } = (await res.json()) as Json;
    const row = (await getFeedbackByCode(t.handle.db, trackingCode))!;
    const [photo] = await storedPhotos(t);
    const pubUrl = `/api/public/feedback/${trackingCode}/photos/${photo!.id}`;
    expect((await t.req(pubUrl)).status).toBe(404);
    const own = await t.req(`${pubUrl}?key=${replyKey}`);
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toBe('image/png');
    const staffUrl = `/api/feedback/${row.id}/photos/${photo!.id}`;
    expect((await t.req(staffUrl)).status).toBe(401); // no session, no photo
    const cookie = await t.login('dongthai@demo.vn');
    expect((await t.req(`/api/feedback/${row.id}/photos/${photo!.id}`, { cookie })).status).toBe(
      200,
    );
    const other = await t.login('admin@demo.vn');
    expect((await t.req(`/api/feedback/${row.id}/photos`, { cookie: other })).status).toBe(200);
    await driveTo(t, cookie, row.id, 'answered');
    expect((await t.req(pubUrl)).status).toBe(404);
    const statusPage = async () => (await t.req(`/feedback/status/${trackingCode}`)).text();
    expect(await statusPage()).not.toContain(photo!.id);
    expect((await move(t, cookie, row.id, { to: 'published', publishPhotos: true })).status).toBe(
      200,
    );
    expect((await t.req(pubUrl)).status).toBe(200);
    expect(await statusPage()).toContain(pubUrl); // shown with the published answer
  });
});

describe('the answer, the appeal and erasure', () => {
  test('the citizen with the key reads the answer as soon as it is given; the public only once published', async () => {
    const t = await createTestApp();
    const cookie = await t.login('dongthai@demo.vn');
    const f = await fileWithKey(t);
    await driveTo(t, cookie, f.id, 'answered');
    const pub = (await (await t.req(`/api/public/feedback/${f.trackingCode}`)).json()) as Json;
    expect(pub.answer).toBeUndefined();
    const own = (await (
      await t.req(`/api/public/feedback/${f.trackingCode}?key=${f.replyKey}`)
    ).json()) as Json;
    expect(own.own.answer).toBe('Nhà trường đã sửa vòi nước.');
  });

  test('an appeal within 30 days opens a linked item counted as complained again; once only; not after 30 days', async () => {
    const t = await createTestApp();
    const cookie = await t.login('dongthai@demo.vn');
    const f = await fileWithKey(t);
    await driveTo(t, cookie, f.id, 'published');
    const reason = 'Vòi nước vẫn hỏng, nhà trường chưa sửa như câu trả lời.';
    const res = await t.req(`/api/public/feedback/${f.trackingCode}/appeal`, {
      body: { replyKey: f.replyKey, reason },
    });
    expect(res.status).toBe(201);
    const a = (await res.json()) as Json;
    expect(a.replyKey).toMatch(/^[A-Za-z0-9_-]{27}$/);
    const appealRow = (await getFeedbackByCode(t.handle.db, a.trackingCode))!;
    expect(appealRow.appeal_of).toBe(f.id);
    expect(appealRow.content).toBe(reason);
    const rating = await t.handle.db
      .selectFrom('feedback_ratings')
      .selectAll()
      .where('feedback_id', '=', f.id)
      .executeTakeFirst();
    expect(Number(rating?.complained_again)).toBe(1);
    const again = await t.req(`/api/public/feedback/${f.trackingCode}/appeal`, {
      body: { replyKey: f.replyKey, reason },
    });
    expect(again.status).toBe(409);

    const late = await fileWithKey(t);
    await driveTo(t, cookie, late.id, 'answered');
    t.clock.advance(31 * 86_400_000);
    const tooLate = await t.req(`/api/public/feedback/${late.trackingCode}/appeal`, {
      body: { replyKey: late.replyKey, reason },
    });
    expect(tooLate.status).toBe(409);
  });

  test('erasure with the key removes the contact and the photos; the case stays', async () => {
    const t = await createTestApp();
    const res = await postForm(t, '/api/public/feedback', multipartFiling, [
      { name: 'a.png', type: 'image/png', bytes: await png() },
    ]);
    const { trackingCode, replyKey } = (await res.json()) as Json;
    const e = await t.req(`/api/public/feedback/${trackingCode}/erasure`, {
      body: { replyKey, confirm: true },
    });
    expect(e.status).toBe(200);
    expect(await e.json()).toEqual({ contacts: 1, photos: 1 });
    const row = (await getFeedbackByCode(t.handle.db, trackingCode))!;
    const contact = await t.handle.db
      .selectFrom('feedback_contacts')
      .selectAll()
      .where('feedback_id', '=', row.id)
      .executeTakeFirst();
    expect([contact?.name, contact?.phone, contact?.email]).toEqual([null, null, null]);
    expect(await storedPhotos(t)).toHaveLength(0);
    expect(row.status).toBe('received');
  });
});

describe('complaints and denunciations need an identity', () => {
  test('an anonymous complaint → 400 naming contact, in Vietnamese; the same text as feedback is filed', async () => {
    const t = await createTestApp();
    for (const kind of ['complaint', 'denunciation']) {
      const res = await t.req('/api/public/feedback', { body: filing({ kind }) });
      expect(res.status).toBe(400);
      const body = (await res.json()) as Json;
      const detail = body.error.details.find((d: Json) => d.path === 'contact');
      expect(detail.message).toMatch(/phản ánh/);
    }
    expect((await t.req('/api/public/feedback', { body: filing() })).status).toBe(201);
  });
});
