import { describe, expect, test } from 'vitest';
import { newId } from '../../db/ids.js';
import { insertUser } from '../../db/repositories/users.js';
import { hashPassword } from '../../server/auth/password.js';
import { sweep, startSweeps } from '../../server/maintenance.js';
import { createTestApp, DEMO_PASSWORD, type TestApp } from '../helpers/app.js';
import { DONGTHAI, driveTo, fileOne, filing, move, NHATTAN } from '../helpers/feedback.js';
import { vi } from 'vitest';

const KIMDONG = 'HN-BADINH-TH-KIMDONG';

async function addUser(t: TestApp, email: string, role: 'admin' | 'manager', unitId: string) {
  await insertUser(t.handle.db, {
    id: newId(),
    email,
    name: email,
    role,
    unit_id: unitId,
    password_hash: await hashPassword(DEMO_PASSWORD),
    disabled: 0,
    created_at: t.clock().toISOString(),
  });
  return t.login(email);
}

const contactOf = async (t: TestApp, trackingCode: string) =>
  t.handle.db
    .selectFrom('feedback_contacts')
    .innerJoin('feedback', 'feedback.id', 'feedback_contacts.feedback_id')
    .select(['feedback_contacts.name', 'feedback_contacts.phone', 'feedback_contacts.erased_at'])
    .where('feedback.tracking_code', '=', trackingCode)
    .executeTakeFirst();

describe('a reused clientId', () => {
  test('with a different filing is a 409, never the first filing’s tracking code', async () => {
    const t = await createTestApp();
    const clientId = '0f8fad5b-d9cb-469f-a165-70867728950e';
    const first = await t.req('/api/public/feedback', { body: filing({ clientId }) });
    expect(first.status).toBe(201);
    const { trackingCode } = (await first.json()) as { trackingCode: string };
    const other = await t.req('/api/public/feedback', {
      body: filing({ clientId, title: 'Sân trường ngập nước' }),
    });
    expect(other.status).toBe(409);
    expect(await other.text()).not.toContain(trackingCode);
    expect((await t.req('/api/public/feedback', { body: filing({ clientId }) })).status).toBe(200);
  });

  test('on the no-JS form (changed after the back button) brings the form back to send as a new filing', async () => {
    const t = await createTestApp();
    const clientId = '1f8fad5b-d9cb-469f-a165-70867728950e';
    const post = (title: string) =>
      t.req('/feedback', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          clientId,
          unitId: DONGTHAI,
          category: 'co_so_vat_chat',
          title,
          content: 'Đèn lớp 6A hỏng đã lâu.',
        }).toString(),
      });
    const first = await post('Đèn hỏng');
    expect(first.status).toBe(201);
    const code = /PA-[A-Z0-9]+/.exec(await first.text())![0];
    const changed = await post('Quạt hỏng');
    expect(changed.status).toBe(409);
    const page = await changed.text();
    expect(page).toContain('đã được gửi trước đó với nội dung khác');
    expect(page).not.toContain(code);
    expect(page).not.toContain(`value="${clientId}"`);
  });
});

describe('marking a duplicate', () => {
  test("accepts only an original inside the caller's subtree", async () => {
    const t = await createTestApp();
    const dongthai = await t.login('dongthai@demo.vn');
    const elsewhere = await fileOne(t, { unitId: NHATTAN });
    const own = await fileOne(t, { unitId: DONGTHAI });
    const copy = await fileOne(t, { unitId: DONGTHAI });
    const refused = await move(t, dongthai, copy.id, {
      to: 'rejected',
      duplicateOf: elsewhere.trackingCode,
    });
    expect(refused.status).toBe(400);
    expect(await refused.text()).not.toContain('Nhật Tân');
    expect(
      (await move(t, dongthai, copy.id, { to: 'rejected', duplicateOf: own.trackingCode })).status,
    ).toBe(200);
  });

  test("the duplicate's public page never shows the original's tracking code", async () => {
    const t = await createTestApp();
    const tayho = await t.login('tayho@demo.vn');
    const original = await fileOne(t);
    const copy = await fileOne(t);
    expect(
      (await move(t, tayho, copy.id, { to: 'rejected', duplicateOf: original.trackingCode }))
        .status,
    ).toBe(200);
    await driveTo(t, tayho, original.id, 'published');
    const page = await (await t.req(`/feedback/status/${copy.trackingCode}`)).text();
    expect(page).toContain('Nhà trường đã sửa vòi nước.');
    expect(page).not.toContain(original.trackingCode);
    const api = await (await t.req(`/api/public/feedback/${copy.trackingCode}`)).text();
    expect(api).not.toContain(original.trackingCode);
  });
});

describe('erasing a citizen’s data', () => {
  test('also erases the copy a transfer took outside the admin’s subtree, and says where it was', async () => {
    const t = await createTestApp();
    const tayhoAdmin = await addUser(t, 'admin-tayho@demo.vn', 'admin', 'HN-TAYHO');
    const item = await fileOne(t, {
      contact: { name: 'Lê Thị Hoa', phone: '0912000111' },
      consent: true,
    });
    const moved = await move(t, tayhoAdmin, item.id, { to: 'transferred', targetUnitId: KIMDONG });
    expect(moved.status).toBe(200);
    const copyCode = ((await moved.json()) as { transferredTo: { trackingCode: string } })
      .transferredTo.trackingCode;
    expect((await contactOf(t, copyCode))?.name).toBe('Lê Thị Hoa');

    const res = await t.req(`/api/feedback/by-code/${item.trackingCode}/personal-data`, {
      method: 'DELETE',
      cookie: tayhoAdmin,
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      erased: number;
      erasedElsewhere: { unitName: string; items: number }[];
    };
    expect(body.erased).toBe(2);
    expect(body.erasedElsewhere).toEqual([{ unitName: 'Trường Tiểu học Kim Đồng', items: 1 }]);
    expect(JSON.stringify(body)).not.toContain(copyCode);
    for (const code of [item.trackingCode, copyCode]) {
      expect(await contactOf(t, code)).toMatchObject({
        name: null,
        phone: null,
        erased_at: t.clock().toISOString(),
      });
    }
  });
});

describe('the periodic sweep', () => {
  test('erases contact details past 24 months while the server runs, and purges expired sessions', async () => {
    const t = await createTestApp();
    const item = await fileOne(t, {
      contact: { name: 'Phạm Văn Nam', phone: '0988000222' },
      consent: true,
    });
    const cookie = await t.login('dongthai@demo.vn');
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const sweeps = startSweeps(t.handle.db, t.clock, 3600_000);
    try {
      t.clock.advance(23 * 30 * 86_400_000);
      await vi.advanceTimersByTimeAsync(3600_000);
      await sweeps.settled();
      expect((await contactOf(t, item.trackingCode))?.name).toBe('Phạm Văn Nam');
      t.clock.advance(2 * 30 * 86_400_000);
      await vi.advanceTimersByTimeAsync(3600_000);
      await vi.waitFor(async () =>
        expect((await contactOf(t, item.trackingCode))?.name).toBeNull(),
      );
      expect(await t.handle.db.selectFrom('sessions').selectAll().execute()).toEqual([]);
    } finally {
      sweeps.stop();
      vi.useRealTimers();
    }
    expect((await t.req('/api/units', { cookie })).status).toBe(401);
    expect((await sweep(t.handle.db, t.clock())).contactsErased).toBe(0);
  });
});
