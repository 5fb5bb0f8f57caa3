import { describe, expect, test } from 'vitest';
import { createTestApp } from '../helpers/app.js';

describe('GET /api/units', () => {
  test('the Department admin sees the whole tree', async () => {
    const t = await createTestApp();
    const res = await t.req('/api/units', { cookie: await t.login('admin@demo.vn') });
    const units: { id: string; parentId: string | null }[] = await res.json();
    expect(units[0]).toMatchObject({ id: 'HN', parentId: null });
    expect(units.map((u) => u.id)).toContain('HN-CAUGIAY-MN-HOASEN');
  });

  test('the Tây Hồ manager sees its office and schools only', async () => {
    const t = await createTestApp();
    const res = await t.req('/api/units', { cookie: await t.login('tayho@demo.vn') });
    const ids = ((await res.json()) as { id: string }[]).map((u) => u.id);
    expect(ids[0]).toBe('HN-TAYHO');
    expect(ids).toContain('HN-TAYHO-THCS-DONGTHAI');
    expect(ids.every((id) => id.startsWith('HN-TAYHO'))).toBe(true);
    expect(ids).not.toContain('HN');
  });

  test("a school user cannot read its parent's or a sibling's units", async () => {
    const t = await createTestApp();
    const cookie = await t.login('dongthai@demo.vn');
    const own = await t.req('/api/units', { cookie });
    expect(((await own.json()) as { id: string }[]).map((u) => u.id)).toEqual([
      'HN-TAYHO-THCS-DONGTHAI',
    ]);
    for (const other of ['HN-TAYHO', 'HN', 'HN-TAYHO-TH-NHATTAN']) {
      const one = await t.req(`/api/units/${other}`, { cookie });
      expect([403, 404]).toContain(one.status);
      const sub = await t.req(`/api/units?root=${other}`, { cookie });
      expect([403, 404]).toContain(sub.status);
      expect(JSON.stringify(await sub.json())).not.toContain('"parentId"');
    }
  });

  test('without a session → 401 in the error shape', async () => {
    const t = await createTestApp();
    const res = await t.req('/api/units');
    expect(res.status).toBe(401);
    const body = await res.json();
    expect(body.error.code).toBe('unauthenticated');
    expect(body.error.messages.vi).toBeTruthy();
    expect(body.error.messages.en).toBeTruthy();
  });
});
