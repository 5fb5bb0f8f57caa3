import { describe, expect, test } from 'vitest';
import * as calendarMigration from '../../db/migrations/2026-11-29T1400-calendar.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { driveTo, fileOne } from '../helpers/feedback.js';

const vn = (local: string) => new Date(`${local}+07:00`).toISOString();

interface Calendar {
  dates: string[];
  workingDates: string[];
  estimatedYears: number[];
}

async function calendar(t: TestApp): Promise<Calendar> {
  const res = await t.req('/api/holidays', { cookie: await t.login('dongthai@demo.vn') });
  expect(res.status).toBe(200);
  return (await res.json()) as Calendar;
}

async function put(t: TestApp, body: unknown) {
  return t.req('/api/holidays', { method: 'PUT', cookie: await t.login('admin@demo.vn'), body });
}

describe('GET /api/holidays', () => {
  test('holds the announced days off of 2025 and 2026 and the swapped Saturdays as working days', async () => {
    const t = await createTestApp();
    const c = await calendar(t);
    for (const d of [
      '2025-01-01',
      '2025-01-29',
      '2025-04-07',
      '2025-05-02',
      '2025-09-01',
      '2026-01-02',
      '2026-02-16',
      '2026-08-31',
      '2026-09-01',
    ]) {
      expect(c.dates).toContain(d);
    }
    expect(c.workingDates).toEqual(['2025-04-26', '2026-01-10', '2026-08-22']);
    expect(c.estimatedYears).toEqual([2027]);
  });
});

describe('GET /api/calendar/due', () => {
  test('a swapped Saturday counts as a working day', async () => {
    const t = await createTestApp();
    const cookie = await t.login('dongthai@demo.vn');
    // Thu 8/1/2026: Fri 9/1 is the first working day, Sat 10/1 (worked in exchange for 2/1) the second.
    const res = await t.req(
      `/api/calendar/due?receivedAt=${encodeURIComponent('2026-01-08T09:00:00+07:00')}&workingDays=2`,
      { cookie },
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ dueAt: vn('2026-01-10T23:59:59') });
  });

  test('gives the deadline the feedback intake gives', async () => {
    const t = await createTestApp();
    t.clock.set(vn('2026-08-20T15:00:00')); // Thu 20/8/2026, before the 31/8 – 2/9 break
    const filed = await fileOne(t);
    const res = await t.req(
      `/api/calendar/due?receivedAt=${encodeURIComponent(vn('2026-08-20T15:00:00'))}&workingDays=15`,
      {
        cookie: await t.login('dongthai@demo.vn'),
      },
    );
    expect(((await res.json()) as { dueAt: string }).dueAt).toBe(filed.dueAt);
    // 21, Sat 22 (worked), 24–28 (7 days), then 31/8, 1/9, 2/9 off: 3, 4, 7–11, 14 → Mon 14/9.
    expect(filed.dueAt).toBe(vn('2026-09-14T23:59:59'));
  });

  test('bad input → 400 naming each bad field', async () => {
    const t = await createTestApp();
    const res = await t.req('/api/calendar/due?receivedAt=hôm-qua&workingDays=-3', {
      cookie: await t.login('dongthai@demo.vn'),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; details: { path: string }[] } };
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.details.map((d) => d.path).sort()).toEqual(['receivedAt', 'workingDays']);
  });

  test('needs a session', async () => {
    const t = await createTestApp();
    expect(
      (await t.req('/api/calendar/due?receivedAt=2026-01-08T09:00:00Z&workingDays=2')).status,
    ).toBe(401);
  });
});

describe('PUT /api/holidays with working days', () => {
  test('sets working days; a later PUT without workingDates leaves them; editing 2027 ends its estimate', async () => {
    const t = await createTestApp();
    const before = await calendar(t);
    let res = await put(t, { dates: before.dates, workingDates: ['2026-12-19'] });
    expect(res.status).toBe(200);
    expect(((await res.json()) as Calendar).workingDates).toEqual(['2026-12-19']);
    res = await put(t, {
      dates: [...before.dates.filter((d) => d !== '2027-02-11'), '2027-02-12'],
    });
    const after = (await res.json()) as Calendar;
    expect(after.workingDates).toEqual(['2026-12-19']);
    expect(after.estimatedYears).toEqual([]);
  });

  test('a weekday is not a swapped working day, nor a day both off and worked → 400', async () => {
    const t = await createTestApp();
    for (const body of [
      { dates: [], workingDates: ['2026-12-17'] },
      { dates: ['2026-12-19'], workingDates: ['2026-12-19'] },
    ]) {
      const res = await put(t, body);
      expect(res.status).toBe(400);
      expect(
        ((await res.json()) as { error: { details: { path: string }[] } }).error.details[0]!.path,
      ).toBe('workingDates.0');
    }
    expect((await calendar(t)).workingDates).toEqual(['2025-04-26', '2026-01-10', '2026-08-22']);
  });
});

describe('a calendar change recomputes open items', () => {
  test("an open item's deadlines move and its timeline says so, for staff and the citizen; answered items keep theirs", async () => {
    const t = await createTestApp(); // Mon 23/11/2026: accept by Wed 25/11, resolve by Mon 14/12
    const open = await fileOne(t);
    const done = await fileOne(t);
    await driveTo(t, await t.login('tayho@demo.vn'), done.id, 'answered');
    const { dates } = await calendar(t);
    const res = await put(t, { dates: [...dates, '2026-11-24'] });
    expect(((await res.json()) as { recomputed: number }).recomputed).toBe(2); // the open item; the answered one's publication

    const cookie = await t.login('tayho@demo.vn');
    const item = (await (await t.req(`/api/feedback/${open.id}`, { cookie })).json()) as {
      dueAt: string;
      acceptDueAt: string;
      timeline: { note: string | null }[];
    };
    expect(item.acceptDueAt).toBe(vn('2026-11-26T23:59:59'));
    expect(item.dueAt).toBe(vn('2026-12-15T23:59:59'));
    const note =
      'Lịch ngày nghỉ, ngày làm việc thay đổi: hạn tiếp nhận từ 25/11/2026 thành 26/11/2026; hạn giải quyết từ 14/12/2026 thành 15/12/2026.';
    expect(item.timeline.at(-1)!.note).toBe(note);

    const pub = (await (await t.req(`/api/public/feedback/${open.trackingCode}`)).json()) as {
      dueAt: string;
      timeline: { message?: string }[];
    };
    expect(pub.dueAt).toBe(vn('2026-12-15T23:59:59'));
    expect(pub.timeline.at(-1)!.message).toBe(note);

    const answered = (await (await t.req(`/api/feedback/${done.id}`, { cookie })).json()) as {
      dueAt: string;
      publishDueAt: string;
    };
    expect(answered.dueAt).toBe(vn('2026-12-14T23:59:59'));
    expect(answered.publishDueAt).toBe(vn('2026-11-26T23:59:59'));
  });

  test('the same list again changes nothing and writes nothing', async () => {
    const t = await createTestApp();
    await fileOne(t);
    const { dates } = await calendar(t);
    const res = await put(t, { dates });
    expect(((await res.json()) as { recomputed: number }).recomputed).toBe(0);
  });
});

describe('the calendar migration', () => {
  test("fills in a database that holds the first version's defaults, keeping an admin's own days", async () => {
    const t = await createTestApp();
    const db = t.handle.db;
    await calendarMigration.down(db);
    await db.deleteFrom('holidays').execute();
    const old = [
      '2026-01-01',
      '2026-02-16',
      '2026-04-27',
      '2026-09-02',
      '2027-01-01',
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
      '2027-02-09',
      '2027-02-10',
      '2027-02-11',
      '2027-04-16',
      '2027-04-30',
      '2027-05-01',
      '2027-05-03',
      '2027-09-02',
      '2027-09-03',
    ];
    await db
      .insertInto('holidays')
      .values([...old, '2026-12-24'].map((date) => ({ date, name: 'Ngày nghỉ' })) as never)
      .execute();
    await calendarMigration.up(db);
    const c = await calendar(t);
    for (const d of ['2025-01-27', '2025-05-02', '2026-01-02', '2026-08-31', '2026-12-24'])
      expect(c.dates).toContain(d);
    expect(c.workingDates).toEqual(['2025-04-26', '2026-01-10', '2026-08-22']);
    expect(c.estimatedYears).toEqual([2027]);
  });
});
