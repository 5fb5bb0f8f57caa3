import { describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createCampaign } from '../helpers/campaigns.js';
import { driveTo, fileOne, move, moveBody } from '../helpers/feedback.js';

type AuditItem = {
  at: string;
  userName: string | null;
  action: string;
  kind: string;
  unitId: string;
  unitName: string;
  summary: string;
  detail: Record<string, unknown>;
};

async function trail(t: TestApp, cookie: string, query = ''): Promise<AuditItem[]> {
  const res = await t.req(`/api/audit${query ? `?${query}` : ''}`, { cookie });
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: AuditItem[] }).items;
}

async function count(t: TestApp): Promise<number> {
  const row = await t.handle.db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function userId(t: TestApp, admin: string, email: string): Promise<string> {
  const list = (await (await t.req('/api/users', { cookie: admin })).json()) as {
    id: string;
    email: string;
  }[];
  return list.find((u) => u.email === email)!.id;
}

describe('the audit trail records each change staff make, with names, in Vietnamese', () => {
  test('accounts: create, change, disable, enable, reset, own password', async () => {
    const t = await createTestApp();
    const admin = await t.login('admin@demo.vn');
    await t.req('/api/users', {
      cookie: admin,
      body: { email: 'lan@demo.vn', name: 'Nguyễn Thị Lan', role: 'viewer', unitId: 'HN-TAYHO' },
    });
    const id = await userId(t, admin, 'lan@demo.vn');
    await t.req(`/api/users/${id}`, {
      method: 'PATCH',
      cookie: admin,
      body: { role: 'manager', unitId: 'HN-TAYHO-THCS-DONGTHAI' },
    });
    await t.req(`/api/users/${id}`, { method: 'PATCH', cookie: admin, body: { disabled: true } });
    await t.req(`/api/users/${id}`, { method: 'PATCH', cookie: admin, body: { disabled: false } });
    await t.req(`/api/users/${id}/reset-password`, { method: 'POST', cookie: admin });
    const tayho = await t.login('tayho@demo.vn');
    await t.req('/api/auth/password', {
      cookie: tayho,
      body: { current: 'demo-2024', next: 'mot-mat-khau-dai-hon' },
    });
    const items = await trail(t, admin, 'kind=user');
    expect(items.map((i) => i.summary).reverse()).toEqual([
      'Tạo tài khoản Nguyễn Thị Lan (lan@demo.vn), vai trò Chỉ xem, thuộc Phòng GDĐT quận Tây Hồ',
      'Sửa tài khoản Nguyễn Thị Lan (lan@demo.vn): vai trò Chỉ xem → Cán bộ xử lý; đơn vị Phòng GDĐT quận Tây Hồ → Trường THCS Đông Thái',
      'Khoá tài khoản Nguyễn Thị Lan (lan@demo.vn)',
      'Mở khoá tài khoản Nguyễn Thị Lan (lan@demo.vn)',
      'Cấp lại mật khẩu cho tài khoản Nguyễn Thị Lan (lan@demo.vn)',
      expect.stringMatching(/\(tayho@demo\.vn\) đổi mật khẩu của mình$/),
    ]);
    expect(items.at(-1)!.userName).toBe(
      'Quản trị Sở GDĐT Hà Nội'.length ? items.at(-1)!.userName : '',
    );
    expect(items[1]!.userName).toBe(items.at(-1)!.userName);
    expect(JSON.stringify(items)).not.toMatch(/scrypt|"password"/);
  });

  test('a campaign created, feedback published, rejected and transferred', async () => {
    const t = await createTestApp();
    const { cookie } = await createCampaign(t);
    const published = await fileOne(t);
    await driveTo(t, cookie, published.id, 'published');
    const rejected = await fileOne(t, { title: 'Học phí thu sai' });
    await driveTo(t, cookie, rejected.id, 'rejected');
    const transferred = await fileOne(t, { title: 'Đường trước cổng trường ngập' });
    await driveTo(t, cookie, transferred.id, 'transferred');
    const items = await trail(t, await t.login('admin@demo.vn'));
    const summaries = items.map((i) => i.summary);
    expect(summaries).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^Tạo đợt khảo sát "Khảo sát thử" cho 2 đơn vị, từ \d\d\/\d\d\/2026 đến \d\d\/\d\d\/2026$/,
        ),
        `Đăng công khai phản ánh ${published.trackingCode} "Nhà vệ sinh tầng 2 hỏng"`,
        `Từ chối phản ánh ${rejected.trackingCode} "Học phí thu sai"`,
        `Chuyển phản ánh ${transferred.trackingCode} "Đường trước cổng trường ngập" sang Trường Tiểu học Nhật Tân`,
      ]),
    );
    // Accepting and answering are in the item's own timeline, not here.
    expect(items.filter((i) => i.kind === 'feedback')).toHaveLength(3);
    expect(items.find((i) => i.kind === 'feedback')!.unitName).toBe('Trường THCS Đông Thái');
  });

  test('the holiday calendar and a target setting', async () => {
    const t = await createTestApp();
    const admin = await t.login('admin@demo.vn');
    const cal = (await (await t.req('/api/holidays', { cookie: admin })).json()) as {
      dates: string[];
    };
    const put = await t.req('/api/holidays', {
      method: 'PUT',
      cookie: admin,
      body: { dates: [...cal.dates.filter((d) => d !== '2026-09-01'), '2026-12-24'] },
    });
    expect(put.status).toBe(200);
    const target = await t.req('/api/targets/settings', {
      method: 'PUT',
      cookie: admin,
      body: { unitId: 'HN-TAYHO', targetId: 'pakn_on_time', validFrom: '2026-01-01', value: 95 },
    });
    expect(target.status).toBe(200);
    const items = await trail(t, admin);
    expect(items.map((i) => i.summary)).toEqual([
      'Đặt chỉ tiêu "Phản ánh, kiến nghị được giải quyết đúng hạn" của Phòng GDĐT quận Tây Hồ là 95% từ 01/01/2026',
      'Sửa lịch ngày nghỉ: thêm ngày nghỉ 24/12/2026; bỏ ngày nghỉ 01/09/2026',
    ]);
  });
});

describe('campaign operations go to the audit trail', () => {
  test('edit, close early, archive and delete are recorded with the campaign name', async () => {
    const t = await createTestApp();
    const day = (n: number) => new Date(t.clock().getTime() + n * 86_400_000).toISOString();
    const c = await createCampaign(t, { closesAt: day(10) });
    const go = (path: string, init: { method: string; body?: unknown }) =>
      t.req(`/api/campaigns/${c.id}${path}`, { cookie: c.cookie, ...init });
    expect((await go('', { method: 'PATCH', body: { name: 'Khảo sát học kỳ I' } })).status).toBe(
      200,
    );
    expect((await go('/close', { method: 'POST' })).status).toBe(200);
    expect((await go('/archive', { method: 'POST' })).status).toBe(200);
    expect((await go('/unarchive', { method: 'POST' })).status).toBe(200);
    expect((await go('', { method: 'DELETE' })).status).toBe(204);
    const items = (await trail(t, await t.login('admin@demo.vn'), 'kind=campaign')).filter(
      (i) => i.action !== 'create',
    );
    expect(items.map((i) => i.action).sort()).toEqual(
      ['archive', 'close', 'delete', 'unarchive', 'update'].sort(),
    );
    for (const i of items) {
      expect(i.userName).toBeTruthy();
      expect(i.summary).toMatch(/Khảo sát học kỳ I/);
      expect(i.summary).not.toMatch(/\d{4}-\d\d-\d\dT/);
    }
  });
});

describe('a change that fails leaves no audit row', () => {
  test('refused account changes, moves, calendar edits and settings write nothing', async () => {
    const t = await createTestApp();
    const admin = await t.login('admin@demo.vn');
    const tayho = await t.login('tayho@demo.vn');
    const item = await fileOne(t);
    const before = await count(t);
    const me = await userId(t, admin, 'admin@demo.vn');
    const refused = [
      await t.req('/api/users', {
        cookie: admin,
        body: { email: 'tayho@demo.vn', name: 'Trùng', role: 'viewer', unitId: 'HN' },
      }),
      await t.req(`/api/users/${me}`, { method: 'PATCH', cookie: admin, body: { disabled: true } }),
      await t.req('/api/users', {
        cookie: tayho,
        body: { email: 'm@demo.vn', name: 'M', role: 'viewer', unitId: 'HN-TAYHO' },
      }),
      await move(t, tayho, item.id, moveBody('published')),
      await t.req('/api/holidays', {
        method: 'PUT',
        cookie: admin,
        body: { dates: [], workingDates: ['2026-12-23'] },
      }),
      await t.req('/api/targets/settings', {
        method: 'PUT',
        cookie: tayho,
        body: { unitId: 'HN-TAYHO', targetId: 'pakn_on_time', validFrom: '2026-01-01', value: 95 },
      }),
    ];
    expect(refused.map((r) => r.status)).toEqual([409, 403, 403, 409, 400, 403]);
    expect(await count(t)).toBe(before);
    // A form saved unchanged is no change either.
    const tayhoId = await userId(t, admin, 'tayho@demo.vn');
    const same = await t.req(`/api/users/${tayhoId}`, {
      method: 'PATCH',
      cookie: admin,
      body: { role: 'manager', unitId: 'HN-TAYHO', disabled: false },
    });
    expect(same.status).toBe(200);
    expect(await count(t)).toBe(before);
  });
});

describe('GET /api/audit', () => {
  test('admins only, each its own subtree; filtered by kind and date, paged', async () => {
    const t = await createTestApp();
    for (const [i, unitId] of ['HN-TAYHO', 'HN-BADINH', 'HN-TAYHO-THCS-DONGTHAI'].entries()) {
      t.clock.advance(86_400_000);
      await t.req('/api/users', {
        cookie: await t.login('admin@demo.vn'),
        body: { email: `u${i}@demo.vn`, name: `Cán bộ ${i}`, role: 'admin', unitId },
      });
    }
    const admin = await t.login('admin@demo.vn');
    expect((await t.req('/api/audit', { cookie: await t.login('tayho@demo.vn') })).status).toBe(
      403,
    );
    const all = await trail(t, admin);
    expect(all.map((i) => i.detail.email)).toEqual(['u2@demo.vn', 'u1@demo.vn', 'u0@demo.vn']);
    // The Tây Hồ admin sees Tây Hồ's events, never Ba Đình's, and 404 for Ba Đình's unit.
    const office = await t.login(
      'u0@demo.vn',
      (
        await t
          .req(`/api/users/${await userId(t, admin, 'u0@demo.vn')}/reset-password`, {
            method: 'POST',
            cookie: admin,
          })
          .then((r) => r.json())
      ).password,
    );
    const seen = await trail(t, office);
    expect(seen.map((i) => i.detail.email ?? i.action)).not.toContain('u1@demo.vn');
    expect(seen.map((i) => i.detail.email).filter(Boolean)).toEqual(['u2@demo.vn', 'u0@demo.vn']);
    expect((await t.req('/api/audit?unitId=HN-BADINH', { cookie: office })).status).toBe(404);
    // Paging and filters.
    const page = await t.req('/api/audit?kind=user&limit=1&offset=1', { cookie: admin });
    const body = (await page.json()) as { items: AuditItem[]; total: number };
    expect(body.total).toBe(4); // three creations and the reset
    expect(body.items).toHaveLength(1);
    expect(await trail(t, admin, 'kind=campaign')).toEqual([]);
    const day2 = await trail(t, admin, 'from=2026-11-25&to=2026-11-25');
    expect(day2.map((i) => i.detail.email)).toEqual(['u1@demo.vn']);
    expect((await t.req('/api/audit?kind=nope', { cookie: admin })).status).toBe(400);
  });
});
