import { describe, expect, test } from 'vitest';
import { newId } from '../../db/ids.js';
import { insertUser } from '../../db/repositories/users.js';
import { hashPassword } from '../../server/auth/password.js';
import { createTestApp, DEMO_PASSWORD, type TestApp } from '../helpers/app.js';
import { DONGTHAI, driveTo, fileOne, move, NHATTAN } from '../helpers/feedback.js';

interface ListBody {
  items: {
    id: string;
    unitId: string;
    status: string;
    overdue: boolean;
    dueSoon: boolean;
    dueAt: string;
  }[];
  total: number;
}

async function list(t: TestApp, cookie: string, query = ''): Promise<ListBody> {
  const res = await t.req(`/api/feedback${query}`, { cookie });
  expect(res.status).toBe(200);
  return (await res.json()) as ListBody;
}

describe('staff see only their subtree', () => {
  test("a school cannot list, read or move another school's feedback", async () => {
    const t = await createTestApp();
    const own = await fileOne(t, { unitId: DONGTHAI });
    const other = await fileOne(t, { unitId: NHATTAN });
    const dongthai = await t.login('dongthai@demo.vn');
    expect((await list(t, dongthai)).items.map((i) => i.id)).toEqual([own.id]);
    expect((await t.req(`/api/feedback/${other.id}`, { cookie: dongthai })).status).toBe(404);
    expect((await move(t, dongthai, other.id, { to: 'accepted' })).status).toBe(404);
    expect((await t.req(`/api/feedback?unitId=${NHATTAN}`, { cookie: dongthai })).status).toBe(404);
    const tayho = await t.login('tayho@demo.vn');
    expect((await list(t, tayho)).total).toBe(2);
    expect((await list(t, tayho, `?unitId=${NHATTAN}`)).items.map((i) => i.id)).toEqual([other.id]);
  });

  test('the contact is shown to staff of the unit and its ancestors', async () => {
    const t = await createTestApp();
    const { id } = await fileOne(t, {
      contact: { name: 'Nguyễn Thị Lan', phone: '0912345678' },
      consent: true,
    });
    for (const email of ['dongthai@demo.vn', 'tayho@demo.vn', 'admin@demo.vn']) {
      const detail = (await (
        await t.req(`/api/feedback/${id}`, { cookie: await t.login(email) })
      ).json()) as {
        contact: { name: string; phone: string } | null;
      };
      expect(detail.contact).toMatchObject({ name: 'Nguyễn Thị Lan', phone: '0912345678' });
    }
  });

  test('a viewer reads but cannot move an item (403)', async () => {
    const t = await createTestApp();
    await insertUser(t.handle.db, {
      id: newId(),
      email: 'viewer@demo.vn',
      name: 'Xem',
      role: 'viewer',
      unit_id: DONGTHAI,
      password_hash: await hashPassword(DEMO_PASSWORD),
      disabled: 0,
      created_at: t.clock().toISOString(),
    });
    const { id } = await fileOne(t);
    const cookie = await t.login('viewer@demo.vn');
    const detail = (await (await t.req(`/api/feedback/${id}`, { cookie })).json()) as {
      allowedMoves: string[];
    };
    expect(detail.allowedMoves).toEqual([]);
    expect((await move(t, cookie, id, { to: 'accepted' })).status).toBe(403);
  });
});

describe('deadline flags in the inbox', () => {
  test('flags an item due within two working days, then overdue once its stage deadline passes', async () => {
    const t = await createTestApp(); // Mon 23/11/2026 09:00 Hanoi; accept by Wed 25/11
    let cookie = await t.login('tayho@demo.vn');
    const { id } = await fileOne(t);
    expect((await list(t, cookie)).items[0]).toMatchObject({ id, overdue: false, dueSoon: true });
    expect((await list(t, cookie, '?dueSoon=true')).total).toBe(1);
    t.clock.set('2026-11-26T02:00:00.000Z'); // Thu: not accepted in time
    cookie = await t.login('tayho@demo.vn'); // sessions last 12 hours
    expect((await list(t, cookie)).items[0]).toMatchObject({ overdue: true, dueSoon: false });
    expect((await list(t, cookie, '?overdue=true')).items.map((i) => i.id)).toEqual([id]);
    expect((await list(t, cookie, '?dueSoon=true')).total).toBe(0);
    await driveTo(t, cookie, id, 'in_progress'); // resolution due 14/12: neither flag
    expect((await list(t, cookie)).items[0]).toMatchObject({
      status: 'in_progress',
      overdue: false,
      dueSoon: false,
    });
    expect((await list(t, cookie, '?overdue=true')).total).toBe(0);
  });

  test('filters by status and kind', async () => {
    const t = await createTestApp();
    const cookie = await t.login('tayho@demo.vn');
    const complaint = await fileOne(t, {
      kind: 'complaint',
      contact: { name: 'Nguyễn Văn An', phone: '0912345678' },
      consent: true,
    });
    const plain = await fileOne(t);
    await driveTo(t, cookie, plain.id, 'accepted');
    expect((await list(t, cookie, '?kind=complaint')).items.map((i) => i.id)).toEqual([
      complaint.id,
    ]);
    expect((await list(t, cookie, '?status=accepted')).items.map((i) => i.id)).toEqual([plain.id]);
    expect((await t.req('/api/feedback?status=closed', { cookie })).status).toBe(400);
  });
});

describe('waiting for the citizen pauses the clock', () => {
  test('the resolution deadline moves by the working days spent waiting', async () => {
    const t = await createTestApp();
    const { id, dueAt } = await fileOne(t);
    expect(dueAt).toBe('2026-12-14T16:59:59.000Z');
    await driveTo(t, await t.login('tayho@demo.vn'), id, 'waiting_citizen'); // Mon 23/11
    t.clock.set('2026-11-27T03:00:00.000Z'); // Fri 27/11: Tue–Fri given back (4 days)
    const res = await move(t, await t.login('tayho@demo.vn'), id, {
      to: 'in_progress',
      note: 'Đã nhận ảnh',
    });
    expect(((await res.json()) as { dueAt: string }).dueAt).toBe('2026-12-18T16:59:59.000Z');
  });
});

describe('transfer and duplicates', () => {
  test('a transfer closes the item and opens a received one at the other unit, with the contact', async () => {
    const t = await createTestApp();
    const cookie = await t.login('dongthai@demo.vn');
    const { id, trackingCode } = await fileOne(t, {
      contact: { email: 'lan@example.vn' },
      consent: true,
    });
    const res = await move(t, cookie, id, {
      to: 'transferred',
      targetUnitId: NHATTAN,
      note: 'Việc của trường Nhật Tân',
    });
    expect(res.status).toBe(200);
    const moved = (await res.json()) as {
      transferredTo: { id: string; trackingCode: string; unitId: string };
    };
    expect(moved.transferredTo.unitId).toBe(NHATTAN);
    const pub = (await (await t.req(`/api/public/feedback/${trackingCode}`)).json()) as {
      transferredTo: { trackingCode: string };
    };
    expect(pub.transferredTo.trackingCode).toBe(moved.transferredTo.trackingCode);
    const nhattan = (await (
      await t.req(`/api/feedback/${moved.transferredTo.id}`, {
        cookie: await t.login('tayho@demo.vn'),
      })
    ).json()) as {
      status: string;
      contact: { email: string };
      transferredFrom: { id: string };
    };
    expect(nhattan).toMatchObject({
      status: 'received',
      contact: { email: 'lan@example.vn' },
      transferredFrom: { id },
    });
    // The school that handed it on cannot read the new item.
    expect((await t.req(`/api/feedback/${moved.transferredTo.id}`, { cookie })).status).toBe(404);
  });

  test('a transfer to an unknown unit → 400 and nothing moves', async () => {
    const t = await createTestApp();
    const cookie = await t.login('dongthai@demo.vn');
    const { id } = await fileOne(t);
    expect((await move(t, cookie, id, { to: 'transferred', targetUnitId: 'NOWHERE' })).status).toBe(
      400,
    );
    expect((await move(t, cookie, id, { to: 'transferred' })).status).toBe(400);
    expect((await list(t, cookie)).items[0]!.status).toBe('received');
  });

  test('a duplicate is rejected pointing to the original, whose published answer the citizen then reads (never its code)', async () => {
    const t = await createTestApp();
    const cookie = await t.login('tayho@demo.vn');
    const original = await fileOne(t);
    const copy = await fileOne(t);
    const res = await move(t, cookie, copy.id, {
      to: 'rejected',
      duplicateOf: original.trackingCode,
    });
    expect(res.status).toBe(200);
    await driveTo(t, cookie, original.id, 'published');
    const pub = (await (await t.req(`/api/public/feedback/${copy.trackingCode}`)).json()) as {
      status: string;
      duplicateOf: { answer: string };
    };
    expect(pub).toMatchObject({
      status: 'rejected',
      duplicateOf: { answer: 'Nhà trường đã sửa vòi nước.' },
    });
    expect(JSON.stringify(pub)).not.toContain(original.trackingCode);
  });
});

describe('personal data: export and erasure by tracking code', () => {
  test('an admin exports, then erases; the case and its history stay', async () => {
    const t = await createTestApp();
    const { id, trackingCode } = await fileOne(t, {
      contact: { name: 'Trần Văn Bình', phone: '0987654321' },
      consent: true,
    });
    const url = `/api/feedback/by-code/${trackingCode}/personal-data`;
    const manager = await t.login('tayho@demo.vn');
    expect((await t.req(url, { cookie: manager })).status).toBe(403);
    expect((await t.req(url, { method: 'DELETE', cookie: manager })).status).toBe(403);
    const admin = await t.login('admin@demo.vn');
    const exported = (await (await t.req(url, { cookie: admin })).json()) as {
      items: { contact: { name: string } }[];
    };
    expect(exported.items[0]!.contact.name).toBe('Trần Văn Bình');
    const erased = await t.req(url, { method: 'DELETE', cookie: admin });
    expect(((await erased.json()) as { erased: number }).erased).toBe(1);
    const detail = (await (await t.req(`/api/feedback/${id}`, { cookie: admin })).json()) as {
      contact: unknown;
      contactErasedAt: string;
      title: string;
    };
    expect(detail.contact).toBeNull();
    expect(detail.contactErasedAt).toBe(t.clock().toISOString());
    expect(detail.title).toBe('Nhà vệ sinh tầng 2 hỏng');
    const row = await t.handle.db
      .selectFrom('feedback_contacts')
      .selectAll()
      .executeTakeFirstOrThrow();
    expect([row.name, row.phone, row.email]).toEqual([null, null, null]);
    expect((await t.req(`/api/public/feedback/${trackingCode}`)).status).toBe(200);
  });
});
