import { describe, expect, test } from 'vitest';
import { DEFAULT_HOLIDAYS } from '../../server/holidays.js';
import { prepare } from '../../server/startup.js';
import { createTestApp } from '../helpers/app.js';
import { filing } from '../helpers/feedback.js';

describe('GET /api/holidays', () => {
  test("a fresh install knows Vietnam's holidays and the 2026 Tết break", async () => {
    const t = await createTestApp();
    const res = await t.req('/api/holidays', { cookie: await t.login('dongthai@demo.vn') });
    const { dates } = (await res.json()) as { dates: string[] };
    expect(dates).toHaveLength(DEFAULT_HOLIDAYS.length);
    for (const d of [
      '2026-01-01',
      '2026-02-17',
      '2026-04-27',
      '2026-04-30',
      '2026-05-01',
      '2026-09-02',
      '2027-02-08',
    ]) {
      expect(dates).toContain(d);
    }
  });

  test('needs a session', async () => {
    const t = await createTestApp();
    expect((await t.req('/api/holidays')).status).toBe(401);
  });
});

describe('PUT /api/holidays', () => {
  test('the Department admin replaces the list, and new deadlines follow it', async () => {
    const t = await createTestApp(); // Mon 23/11/2026
    const cookie = await t.login('admin@demo.vn');
    const res = await t.req('/api/holidays', {
      method: 'PUT',
      cookie,
      body: { dates: ['2026-11-24', '2026-11-24', '2027-01-01'] },
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { dates: string[] }).dates).toEqual(['2026-11-24', '2027-01-01']);
    const filed = await t.req('/api/public/feedback', { body: filing() });
    // Tue 24/11 is now a holiday: 15 working days end on Tue 15/12 instead of Mon 14/12.
    expect(((await filed.json()) as { dueAt: string }).dueAt).toBe('2026-12-15T16:59:59.000Z');
  });

  test('an office manager or a school → 403, and the list is unchanged', async () => {
    const t = await createTestApp();
    for (const email of ['tayho@demo.vn', 'dongthai@demo.vn']) {
      const res = await t.req('/api/holidays', {
        method: 'PUT',
        cookie: await t.login(email),
        body: { dates: [] },
      });
      expect(res.status).toBe(403);
    }
    const count = await t.handle.db.selectFrom('holidays').select('date').execute();
    expect(count).toHaveLength(DEFAULT_HOLIDAYS.length);
  });

  test('a date that is not YYYY-MM-DD → 400', async () => {
    const t = await createTestApp();
    const res = await t.req('/api/holidays', {
      method: 'PUT',
      cookie: await t.login('admin@demo.vn'),
      body: { dates: ['30/04/2026'] },
    });
    expect(res.status).toBe(400);
  });

  test('a restart does not bring the defaults back over an edited list', async () => {
    const t = await createTestApp();
    await t.req('/api/holidays', {
      method: 'PUT',
      cookie: await t.login('admin@demo.vn'),
      body: { dates: ['2026-12-24'] },
    });
    await prepare(t.handle.db, t.clock);
    const rows = await t.handle.db.selectFrom('holidays').select('date').execute();
    expect(rows.map((r) => r.date)).toEqual(['2026-12-24']);
  });
});
