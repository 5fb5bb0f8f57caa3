import { describe, expect, test } from 'vitest';
import { newId } from '../../db/ids.js';
import { findUserByEmail, insertUser } from '../../db/repositories/users.js';
import type { Role } from '../../db/schema.js';
import { hashPassword } from '../../server/auth/password.js';
import { createTestApp, DEMO_PASSWORD, type TestApp } from '../helpers/app.js';
import { DONGTHAI, driveTo, fileOne, NHATTAN } from '../helpers/feedback.js';

interface Item {
  id: string;
  trackingCode: string;
  title: string;
  overdue: boolean;
  lateStage: string | null;
  assignee: { id: string; name: string } | null;
}

async function list(t: TestApp, cookie: string, query = ''): Promise<Item[]> {
  const res = await t.req(`/api/feedback${query}`, { cookie });
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: Item[] }).items;
}

const ids = (items: Item[]) => items.map((i) => i.id);

async function addUser(t: TestApp, email: string, unitId: string, role: Role = 'manager') {
  const id = newId();
  await insertUser(t.handle.db, {
    id,
    email,
    name: `Cán bộ ${email}`,
    role,
    unit_id: unitId,
    password_hash: await hashPassword(DEMO_PASSWORD),
    disabled: 0,
    created_at: t.clock().toISOString(),
  });
  return id;
}

const userId = async (t: TestApp, email: string) => (await findUserByEmail(t.handle.db, email))!.id;

describe('GET /api/feedback?q= searches code, title and content', () => {
  test('finds Vietnamese text typed without diacritics or in another case, and by tracking code', async () => {
    const t = await createTestApp();
    const teacher = await fileOne(t, {
      title: 'Giáo viên chủ nhiệm lớp 7A',
      content: 'Cô giáo thường xuyên đến muộn, học sinh phải chờ ngoài lớp.',
    });
    const fees = await fileOne(t, {
      title: 'Khoản thu đầu năm',
      content: 'Nhà trường yêu cầu đóng quỹ lớp quá cao so với quy định.',
    });
    const cookie = await t.login('tayho@demo.vn');
    expect(ids(await list(t, cookie, '?q=giao%20vien'))).toEqual([teacher.id]);
    expect(ids(await list(t, cookie, '?q=GI%C3%81O%20VI%C3%8AN'))).toEqual([teacher.id]); // GIÁO VIÊN
    expect(ids(await list(t, cookie, '?q=dong%20quy'))).toEqual([fees.id]); // "đóng quỹ" in the content
    expect(ids(await list(t, cookie, '?q=den%20muon'))).toEqual([teacher.id]);
    const code = fees.trackingCode.toLowerCase();
    expect(ids(await list(t, cookie, `?q=${code}`))).toEqual([fees.id]);
    expect(await list(t, cookie, '?q=h%E1%BB%8Dc%20ph%C3%AD')).toEqual([]); // "học phí": nowhere
    expect(await list(t, cookie, '?q=%25')).toEqual([]); // a literal '%', not a wildcard
    expect((await list(t, cookie, '?q=%20%20')).length).toBe(2); // blank: no search
  });

  test("a search never reaches beyond the staff member's subtree", async () => {
    const t = await createTestApp();
    await fileOne(t, { unitId: NHATTAN, title: 'Giáo viên dạy thêm' });
    const cookie = await t.login('dongthai@demo.vn');
    expect(await list(t, cookie, '?q=giao%20vien')).toEqual([]);
  });
});

describe('inbox order', () => {
  test('nearest stage deadline first by default, items without one last; or newest received first', async () => {
    const t = await createTestApp(); // Mon 23/11/2026 09:00 Hanoi
    const early = await fileOne(t, { title: 'Nhận thứ Hai' }); // accept by Wed 25/11
    t.clock.set('2026-11-24T02:00:00.000Z'); // Tue
    const later = await fileOne(t, { title: 'Nhận thứ Ba' });
    t.clock.set('2026-11-24T03:00:00.000Z');
    const rejected = await fileOne(t, { title: 'Bị từ chối' });
    const cookie = await t.login('tayho@demo.vn');
    await driveTo(t, cookie, later.id, 'accepted'); // resolve by 15/12
    await driveTo(t, cookie, rejected.id, 'rejected'); // no deadline runs
    expect(ids(await list(t, cookie))).toEqual([early.id, later.id, rejected.id]);
    expect(ids(await list(t, cookie, '?sort=received'))).toEqual([rejected.id, later.id, early.id]);
    expect((await t.req('/api/feedback?sort=title', { cookie })).status).toBe(400);
  });
});

describe('late filters, by the 24:00 rule', () => {
  test('an item is late to accept from 00:00 after its last day, not at 23:59:59.5', async () => {
    const t = await createTestApp();
    const { id } = await fileOne(t); // accept by Wed 25/11 (23:59:59 +07:00)
    t.clock.set('2026-11-25T16:59:59.500Z'); // Wed 23:59:59.5 in Hanoi
    let cookie = await t.login('tayho@demo.vn');
    expect(await list(t, cookie, '?late=acceptance')).toEqual([]);
    expect((await list(t, cookie))[0]).toMatchObject({ overdue: false, lateStage: null });
    t.clock.set('2026-11-25T17:00:00.000Z'); // Thu 00:00
    cookie = await t.login('tayho@demo.vn');
    expect(ids(await list(t, cookie, '?late=acceptance'))).toEqual([id]);
    expect(await list(t, cookie, '?late=resolution')).toEqual([]);
    expect((await list(t, cookie))[0]).toMatchObject({ overdue: true, lateStage: 'acceptance' });
  });

  test('late to resolve and late to publish are told apart', async () => {
    const t = await createTestApp();
    let cookie = await t.login('tayho@demo.vn');
    const resolving = await fileOne(t, { title: 'Đang giải quyết' });
    const answered = await fileOne(t, { title: 'Đã trả lời' });
    await driveTo(t, cookie, resolving.id, 'in_progress'); // resolve by Mon 14/12
    await driveTo(t, cookie, answered.id, 'answered'); // publish by Wed 25/11
    t.clock.set('2026-11-25T17:00:00.000Z'); // Thu 26/11 00:00: the answer is not published
    cookie = await t.login('tayho@demo.vn');
    expect(ids(await list(t, cookie, '?late=publication'))).toEqual([answered.id]);
    expect(await list(t, cookie, '?late=resolution')).toEqual([]);
    t.clock.set('2026-12-14T16:59:59.000Z'); // Mon 14/12 23:59:59: still on time
    cookie = await t.login('tayho@demo.vn');
    expect(await list(t, cookie, '?late=resolution')).toEqual([]);
    t.clock.set('2026-12-14T17:00:00.000Z'); // Tue 15/12 00:00
    cookie = await t.login('tayho@demo.vn');
    const late = await list(t, cookie, '?late=resolution');
    expect(late.map((i) => [i.id, i.lateStage])).toEqual([[resolving.id, 'resolution']]);
    expect((await t.req('/api/feedback?late=soon', { cookie })).status).toBe(400);
  });
});

describe('POST /api/feedback/:id/assign', () => {
  test('a manager assigns an item to staff who can see its unit; the list, detail and timeline show it', async () => {
    const t = await createTestApp();
    const { id, trackingCode } = await fileOne(t);
    const other = await fileOne(t, { title: 'Chưa giao cho ai' });
    const cookie = await t.login('dongthai@demo.vn');
    const me = await userId(t, 'dongthai@demo.vn');
    const options = (await (await t.req(`/api/feedback/${id}/assignees`, { cookie })).json()) as {
      id: string;
    }[];
    expect(options.map((o) => o.id)).toEqual([me]); // the district's staff are above this school
    const res = await t.req(`/api/feedback/${id}/assign`, { body: { userId: me }, cookie });
    expect(res.status).toBe(200);
    const detail = (await res.json()) as {
      assignee: { name: string } | null;
      timeline: { kind: string; assignee?: string | null; actor: string | null }[];
    };
    expect(detail.assignee).toMatchObject({ name: 'THCS Đông Thái' });
    expect(detail.timeline.at(-1)).toMatchObject({
      kind: 'assigned',
      assignee: 'THCS Đông Thái',
      actor: 'THCS Đông Thái',
    });
    expect(ids(await list(t, cookie, '?assignee=me'))).toEqual([id]);
    expect(ids(await list(t, cookie, '?assignee=none'))).toEqual([other.id]);
    expect((await list(t, cookie)).find((i) => i.id === id)?.assignee?.name).toBe('THCS Đông Thái');
    // The citizen's status page does not name the staff member.
    const pub = (await (await t.req(`/api/public/feedback/${trackingCode}`)).json()) as {
      timeline: unknown[];
    };
    expect(JSON.stringify(pub)).not.toContain(me);
    expect(JSON.stringify(pub)).not.toMatch(/assign/i);
    expect(pub.timeline.length).toBe(1);
    // Unassigning is recorded too.
    const off = await t.req(`/api/feedback/${id}/assign`, { body: { userId: null }, cookie });
    const after = (await off.json()) as typeof detail;
    expect(after.assignee).toBeNull();
    expect(after.timeline.filter((e) => e.kind === 'assigned').length).toBe(2);
    expect(await list(t, cookie, '?assignee=me')).toEqual([]);
  });

  test('refuses someone outside the unit, above the caller, a viewer, or a viewer assigning', async () => {
    const t = await createTestApp();
    const { id } = await fileOne(t, { unitId: DONGTHAI });
    const nhattan = await addUser(t, 'nhattan@demo.vn', NHATTAN);
    const viewer = await addUser(t, 'xem@demo.vn', DONGTHAI, 'viewer');
    const school = await t.login('dongthai@demo.vn');
    const district = await t.login('tayho@demo.vn');
    const assign = (cookie: string, userId: string | null) =>
      t.req(`/api/feedback/${id}/assign`, { body: { userId }, cookie });
    const refused = await assign(district, nhattan); // another school cannot see the item
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe(
      'validation_failed',
    );
    expect((await assign(district, viewer)).status).toBe(400); // a viewer cannot act on it
    expect((await assign(school, await userId(t, 'tayho@demo.vn'))).status).toBe(400); // above the school
    expect((await assign(district, 'no-such-user')).status).toBe(400);
    expect((await assign(district, await userId(t, 'dongthai@demo.vn'))).status).toBe(200);
    expect((await assign(await t.login('xem@demo.vn'), viewer)).status).toBe(403);
    expect((await assign(await t.login('nhattan@demo.vn'), nhattan)).status).toBe(404);
  });
});

describe('reply templates', () => {
  interface Tpl {
    id: string;
    unitId: string;
    title: string;
    editable: boolean;
  }
  const create = (t: TestApp, cookie: string, unitId: string, title: string) =>
    t.req('/api/feedback/templates', {
      body: { unitId, title, body: 'Kính gửi phụ huynh, phản ánh {ma} nhận ngày {ngay_nhan}…' },
      cookie,
    });
  const listFor = async (t: TestApp, cookie: string, unitId: string) => {
    const res = await t.req(`/api/feedback/templates?unitId=${unitId}`, { cookie });
    expect(res.status).toBe(200);
    return (await res.json()) as Tpl[];
  };

  test("a unit's templates serve its own items and those of every unit below it, never a sibling's", async () => {
    const t = await createTestApp();
    const district = await t.login('tayho@demo.vn');
    const school = await t.login('dongthai@demo.vn');
    expect((await create(t, district, 'HN-TAYHO', 'Mẫu của Phòng')).status).toBe(201);
    expect((await create(t, school, DONGTHAI, 'Mẫu của trường')).status).toBe(201);
    expect((await create(t, district, NHATTAN, 'Mẫu Nhật Tân')).status).toBe(201);
    const forSchool = await listFor(t, school, DONGTHAI);
    expect(forSchool.map((x) => [x.title, x.editable])).toEqual([
      ['Mẫu của trường', true],
      ['Mẫu của Phòng', false],
    ]);
    expect((await listFor(t, district, NHATTAN)).map((x) => x.title)).toEqual([
      'Mẫu Nhật Tân',
      'Mẫu của Phòng',
    ]);
    // The school may use the district's template but not change or delete it.
    const up = forSchool.find((x) => x.unitId === 'HN-TAYHO')!;
    const patch = await t.req(`/api/feedback/templates/${up.id}`, {
      method: 'PATCH',
      body: { title: 'Sửa' },
      cookie: school,
    });
    expect(patch.status).toBe(404);
    const del = await t.req(`/api/feedback/templates/${up.id}`, {
      method: 'DELETE',
      cookie: school,
    });
    expect(del.status).toBe(404);
    expect((await create(t, school, 'HN-TAYHO', 'Lấn quyền')).status).toBe(404);
    expect(
      (await t.req(`/api/feedback/templates?unitId=${NHATTAN}`, { cookie: school })).status,
    ).toBe(404);
  });

  test('managers edit and delete their own; viewers only read; bad input is refused', async () => {
    const t = await createTestApp();
    await addUser(t, 'xem@demo.vn', DONGTHAI, 'viewer');
    const cookie = await t.login('dongthai@demo.vn');
    const made = (await (await create(t, cookie, DONGTHAI, 'Mẫu')).json()) as Tpl;
    const patched = await t.req(`/api/feedback/templates/${made.id}`, {
      method: 'PATCH',
      body: { title: 'Mẫu đã sửa' },
      cookie,
    });
    expect(((await patched.json()) as Tpl).title).toBe('Mẫu đã sửa');
    const viewer = await t.login('xem@demo.vn');
    expect((await listFor(t, viewer, DONGTHAI)).length).toBe(1);
    expect((await create(t, viewer, DONGTHAI, 'Không được')).status).toBe(403);
    const empty = await t.req('/api/feedback/templates', {
      body: { unitId: DONGTHAI, title: 'Trống', body: '   ' },
      cookie,
    });
    expect(empty.status).toBe(400);
    expect(
      (await t.req(`/api/feedback/templates/${made.id}`, { method: 'DELETE', cookie })).status,
    ).toBe(204);
    expect(await listFor(t, cookie, DONGTHAI)).toEqual([]);
  });
});
