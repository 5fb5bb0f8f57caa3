import { describe, expect, test } from 'vitest';
import { firstAdminHint } from '../../cli/first-admin.js';
import { upsertUnits } from '../../db/repositories/units.js';
import { insertUser } from '../../db/repositories/users.js';
import { ACCOUNT_POLICY } from '../../server/auth/throttle.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

type Account = {
  id: string;
  email: string;
  name: string;
  role: string;
  unitId: string;
  disabled: boolean;
  mustChangePassword: boolean;
};

const TAYHO = 'HN-TAYHO';
const DONGTHAI = 'HN-TAYHO-THCS-DONGTHAI';
const BADINH_SCHOOL = 'HN-BADINH-THCS-GIANGVO';

async function createAccount(
  t: TestApp,
  cookie: string,
  body: { email: string; name?: string; role: string; unitId: string },
) {
  return t.req('/api/users', { cookie, body: { name: 'Nguyễn Thị Lan', ...body } });
}

/** An account made by the Department admin, signed in with its one-time password. */
async function madeAccount(
  t: TestApp,
  role: 'admin' | 'manager' | 'viewer',
  unitId: string,
  email = `${role}.${unitId.toLowerCase()}@demo.vn`,
) {
  const admin = await t.login('admin@demo.vn');
  const res = await createAccount(t, admin, { email, role, unitId });
  expect(res.status).toBe(201);
  const { id, password } = (await res.json()) as { id: string; password: string };
  return { id, email, password, cookie: await t.login(email, password) };
}

async function accounts(t: TestApp, cookie: string): Promise<Account[]> {
  const res = await t.req('/api/users', { cookie });
  expect(res.status).toBe(200);
  return (await res.json()) as Account[];
}

describe('the access matrix of /api/users', () => {
  test('the Department admin lists every account of its tree, without password hashes', async () => {
    const t = await createTestApp();
    const list = await accounts(t, await t.login('admin@demo.vn'));
    expect(list.map((a) => a.email).sort()).toEqual(
      ['admin@demo.vn', 'dongthai@demo.vn', 'tayho@demo.vn'].sort(),
    );
    expect(JSON.stringify(list)).not.toMatch(/scrypt|password_hash/);
  });

  test('managers and viewers are refused every account route, and change nothing', async () => {
    const t = await createTestApp();
    const viewer = await madeAccount(t, 'viewer', TAYHO);
    const target = (await accounts(t, await t.login('admin@demo.vn'))).find(
      (a) => a.email === 'dongthai@demo.vn',
    )!;
    for (const cookie of [await t.login('tayho@demo.vn'), viewer.cookie]) {
      const answers = [
        await t.req('/api/users', { cookie }),
        await createAccount(t, cookie, { email: 'x@demo.vn', role: 'viewer', unitId: DONGTHAI }),
        await t.req(`/api/users/${target.id}`, {
          method: 'PATCH',
          cookie,
          body: { role: 'admin' },
        }),
        await t.req(`/api/users/${target.id}/reset-password`, { method: 'POST', cookie }),
      ];
      expect(answers.map((r) => r.status)).toEqual([403, 403, 403, 403]);
    }
    const after = (await accounts(t, await t.login('admin@demo.vn'))).find(
      (a) => a.id === target.id,
    );
    expect(after).toEqual(target);
    expect(
      (await t.req('/api/auth/login', { body: { email: 'x@demo.vn', password: 'x' } })).status,
    ).toBe(401);
  });

  test("an office admin sees and changes only its office's accounts", async () => {
    const t = await createTestApp();
    const office = await madeAccount(t, 'admin', TAYHO);
    const list = await accounts(t, office.cookie);
    expect(list.map((a) => a.email).sort()).toEqual(
      [office.email, 'dongthai@demo.vn', 'tayho@demo.vn'].sort(),
    );
    const dept = (await accounts(t, await t.login('admin@demo.vn'))).find(
      (a) => a.email === 'admin@demo.vn',
    )!;
    const dongthai = list.find((a) => a.email === 'dongthai@demo.vn')!;
    const c = office.cookie;
    // Outside: the Department's admin, a unit of another office, a move out of the subtree.
    expect(
      (
        await t.req(`/api/users/${dept.id}`, {
          method: 'PATCH',
          cookie: c,
          body: { disabled: true },
        })
      ).status,
    ).toBe(404);
    expect(
      (await t.req(`/api/users/${dept.id}/reset-password`, { method: 'POST', cookie: c })).status,
    ).toBe(404);
    expect(
      (await createAccount(t, c, { email: 'out@demo.vn', role: 'viewer', unitId: BADINH_SCHOOL }))
        .status,
    ).toBe(404);
    expect(
      (await createAccount(t, c, { email: 'up@demo.vn', role: 'viewer', unitId: 'HN' })).status,
    ).toBe(404);
    expect(
      (
        await t.req(`/api/users/${dongthai.id}`, {
          method: 'PATCH',
          cookie: c,
          body: { unitId: BADINH_SCHOOL },
        })
      ).status,
    ).toBe(404);
    // Inside: allowed.
    expect(
      (await createAccount(t, c, { email: 'in@demo.vn', role: 'manager', unitId: DONGTHAI }))
        .status,
    ).toBe(201);
    const moved = await t.req(`/api/users/${dongthai.id}`, {
      method: 'PATCH',
      cookie: c,
      body: { unitId: 'HN-TAYHO-TH-NHATTAN', role: 'viewer' },
    });
    expect(moved.status).toBe(200);
    expect(await moved.json()).toMatchObject({ unitId: 'HN-TAYHO-TH-NHATTAN', role: 'viewer' });
    const stillThere = (await accounts(t, await t.login('admin@demo.vn'))).find(
      (a) => a.id === dept.id,
    );
    expect(stillThere).toMatchObject({ disabled: false, role: 'admin', unitId: 'HN' });
  });

  test('an admin cannot disable, demote or move itself, and is told so in Vietnamese', async () => {
    const t = await createTestApp();
    const cookie = await t.login('admin@demo.vn');
    const me = (await accounts(t, cookie)).find((a) => a.email === 'admin@demo.vn')!;
    for (const body of [{ disabled: true }, { role: 'manager' }, { unitId: TAYHO }]) {
      const res = await t.req(`/api/users/${me.id}`, { method: 'PATCH', cookie, body });
      expect(res.status).toBe(403);
      expect((await res.json()).error.message).toMatch(/Bạn không thể tự/);
    }
    expect((await accounts(t, cookie)).find((a) => a.id === me.id)).toEqual(me);
    // Its name it may change.
    const renamed = await t.req(`/api/users/${me.id}`, {
      method: 'PATCH',
      cookie,
      body: { name: 'Trần Văn Bình' },
    });
    expect(renamed.status).toBe(200);
  });

  test('an e-mail address already used (in any case) is a 409 conflict', async () => {
    const t = await createTestApp();
    const cookie = await t.login('admin@demo.vn');
    const res = await createAccount(t, cookie, {
      email: 'TayHo@Demo.vn',
      role: 'viewer',
      unitId: TAYHO,
    });
    expect(res.status).toBe(409);
    const body = await res.json();
    expect(body.error.code).toBe('conflict');
    expect(body.error.message).toMatch(/Đã có tài khoản/);
  });

  test('bad input is a 400 naming the field', async () => {
    const t = await createTestApp();
    const cookie = await t.login('admin@demo.vn');
    const res = await createAccount(t, cookie, {
      email: 'not-an-email',
      role: 'boss',
      unitId: TAYHO,
    });
    expect(res.status).toBe(400);
    const paths = ((await res.json()).error.details as { path: string }[]).map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['email', 'role']));
  });
});

describe('one-time passwords', () => {
  test('a new account signs in with its one-time password and must change it first', async () => {
    const t = await createTestApp();
    const made = await madeAccount(t, 'manager', DONGTHAI, 'hieutruong@demo.vn');
    expect(made.password).toMatch(/^[2-9A-Z]{12}$/);
    const me = await (await t.req('/api/auth/me', { cookie: made.cookie })).json();
    expect(me.user.mustChangePassword).toBe(true);
    const changed = await t.req('/api/auth/password', {
      cookie: made.cookie,
      body: { current: made.password, next: 'hoa-sen-mua-ha-2026' },
    });
    expect(changed.status).toBe(204);
    const after = await (await t.req('/api/auth/me', { cookie: made.cookie })).json();
    expect(after.user.mustChangePassword).toBe(false);
    const old = await t.req('/api/auth/login', {
      body: { email: made.email, password: made.password },
    });
    expect(old.status).toBe(401);
    await t.login(made.email, 'hoa-sen-mua-ha-2026');
  });

  test('a reset gives a new one-time password, ends the sessions and refuses the old one', async () => {
    const t = await createTestApp();
    const session = await t.login('dongthai@demo.vn');
    const admin = await t.login('admin@demo.vn');
    const id = (await accounts(t, admin)).find((a) => a.email === 'dongthai@demo.vn')!.id;
    const res = await t.req(`/api/users/${id}/reset-password`, { method: 'POST', cookie: admin });
    expect(res.status).toBe(200);
    const { password } = (await res.json()) as { password: string };
    expect((await t.req('/api/units', { cookie: session })).status).toBe(401);
    expect(
      (
        await t.req('/api/auth/login', {
          body: { email: 'dongthai@demo.vn', password: 'demo-2024' },
        })
      ).status,
    ).toBe(401);
    const fresh = await t.login('dongthai@demo.vn', password);
    expect(
      (await (await t.req('/api/auth/me', { cookie: fresh })).json()).user.mustChangePassword,
    ).toBe(true);
  });
});

describe('disabling an account', () => {
  test('ends its sessions at once: the next request with its cookie is 401, and it cannot sign in', async () => {
    const t = await createTestApp();
    const session = await t.login('tayho@demo.vn');
    expect((await t.req('/api/units', { cookie: session })).status).toBe(200);
    const admin = await t.login('admin@demo.vn');
    const id = (await accounts(t, admin)).find((a) => a.email === 'tayho@demo.vn')!.id;
    const res = await t.req(`/api/users/${id}`, {
      method: 'PATCH',
      cookie: admin,
      body: { disabled: true },
    });
    expect(res.status).toBe(200);
    expect((await res.json()).disabled).toBe(true);
    expect((await t.req('/api/units', { cookie: session })).status).toBe(401);
    expect(
      (await t.req('/api/auth/login', { body: { email: 'tayho@demo.vn', password: 'demo-2024' } }))
        .status,
    ).toBe(401);
    // Enabled again: the same password works.
    await t.req(`/api/users/${id}`, { method: 'PATCH', cookie: admin, body: { disabled: false } });
    await t.login('tayho@demo.vn');
  });
});

describe('POST /api/auth/password', () => {
  test('ends the other sessions of the user and keeps the one that changed it', async () => {
    const t = await createTestApp();
    const phone = await t.login('tayho@demo.vn');
    const desk = await t.login('tayho@demo.vn');
    const other = await t.login('dongthai@demo.vn');
    const res = await t.req('/api/auth/password', {
      cookie: desk,
      body: { current: 'demo-2024', next: 'mot-mat-khau-dai-hon' },
    });
    expect(res.status).toBe(204);
    expect((await t.req('/api/units', { cookie: desk })).status).toBe(200);
    expect((await t.req('/api/units', { cookie: phone })).status).toBe(401);
    expect((await t.req('/api/units', { cookie: other })).status).toBe(200);
  });

  test('refuses a short password, the e-mail address, and a wrong current password', async () => {
    const t = await createTestApp();
    const cookie = await t.login('tayho@demo.vn');
    const short = await t.req('/api/auth/password', {
      cookie,
      body: { current: 'demo-2024', next: 'ngan-qua' },
    });
    expect(short.status).toBe(400);
    expect((await short.json()).error.details[0].path).toBe('next');
    const email = await t.req('/api/auth/password', {
      cookie,
      body: { current: 'demo-2024', next: 'TayHo@demo.vn' },
    });
    expect(email.status).toBe(400);
    expect((await email.json()).error.message).toBe('Mật khẩu mới không được trùng với email.');
    const wrong = await t.req('/api/auth/password', {
      cookie,
      body: { current: 'doan-sai', next: 'mot-mat-khau-dai-hon' },
    });
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).error.message).toBe('Mật khẩu hiện tại không đúng.');
    await t.login('tayho@demo.vn'); // unchanged
  });

  test('a wrong current password is throttled like a sign-in', async () => {
    const t = await createTestApp();
    const cookie = await t.login('tayho@demo.vn');
    for (let i = 0; i < ACCOUNT_POLICY.free; i++) {
      const r = await t.req('/api/auth/password', {
        cookie,
        body: { current: `sai-${i}`, next: 'mot-mat-khau-dai-hon' },
      });
      expect(r.status).toBe(400);
    }
    const locked = await t.req('/api/auth/password', {
      cookie,
      body: { current: 'demo-2024', next: 'mot-mat-khau-dai-hon' },
    });
    expect(locked.status).toBe(429);
    t.clock.advance(16 * 60_000);
    const ok = await t.req('/api/auth/password', {
      cookie,
      body: { current: 'demo-2024', next: 'mot-mat-khau-dai-hon' },
    });
    expect(ok.status).toBe(204);
  });

  test('needs a session', async () => {
    const t = await createTestApp();
    const res = await t.req('/api/auth/password', {
      body: { current: 'demo-2024', next: 'mot-mat-khau-dai-hon' },
    });
    expect(res.status).toBe(401);
  });
});

describe('a fresh deployment without demo data', () => {
  test('is told at start how to make the first admin with the CLI, until an account exists', async () => {
    const t = await createTestApp({ seed: false });
    const empty = await firstAdminHint(t.handle.db);
    expect(empty).toMatch(/npm run import:units -- units\.csv/);
    expect(empty).toMatch(/npm run user:create -- --email \S+ --name "[^"]+" --role admin --unit/);
    await upsertUnits(
      t.handle.db,
      [
        {
          id: 'HN',
          parent_id: null,
          name: 'Sở GDĐT',
          kind: 'department',
          level: null,
          eligible: 0,
        },
      ],
      t.clock().toISOString(),
    );
    expect(await firstAdminHint(t.handle.db)).toMatch(/--role admin --unit HN$/m);
    await insertUser(t.handle.db, {
      id: 'u1',
      email: 'a@b.vn',
      name: 'A',
      role: 'admin',
      unit_id: 'HN',
      password_hash: 'x',
      disabled: 0,
      created_at: t.clock().toISOString(),
    });
    expect(await firstAdminHint(t.handle.db)).toBeNull();
  });
});
