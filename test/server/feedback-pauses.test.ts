import { describe, expect, test } from 'vitest';
import { getFeedback } from '../../db/repositories/feedback.js';
import { WAIT_EXPIRED_NOTE } from '../../server/feedback/waits.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { driveTo, fileOne, move } from '../helpers/feedback.js';

// The fixed clock starts on Mon 23/11/2026 09:00 in Vietnam: items filed now are due Mon 14/12.
const vn = (local: string) => new Date(`${local}+07:00`).toISOString();

interface Target {
  id: string;
  numerator: number;
  denominator: number;
  pending: number;
  failing: { id: string; detail?: string }[];
}

async function onTime(t: TestApp, cookie: string): Promise<Target> {
  const res = await t.req('/api/targets', { cookie });
  expect(res.status).toBe(200);
  return ((await res.json()) as Target[]).find((x) => x.id === 'pakn_on_time')!;
}

async function detail(t: TestApp, cookie: string, id: string) {
  const res = await t.req(`/api/feedback/${id}`, { cookie });
  expect(res.status).toBe(200);
  return (await res.json()) as {
    status: string;
    dueAt: string;
    overdue: boolean;
    timeline: { to: string; note: string | null }[];
  };
}

async function publicTimeline(t: TestApp, code: string) {
  const res = await t.req(`/api/public/feedback/${code}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { timeline: { status: string; message?: string }[] }).timeline;
}

describe('pauses cannot hide a late item', () => {
  test('an overdue item moved to waiting_citizen stays counted and failing: 10 of 14, not 10 of 13', async () => {
    const t = await createTestApp();
    let cookie = await t.login('tayho@demo.vn');
    const items = [];
    for (let i = 0; i < 14; i++) items.push(await fileOne(t));
    for (const f of items.slice(0, 10)) await driveTo(t, cookie, f.id, 'published');
    for (const f of items.slice(10)) await driveTo(t, cookie, f.id, 'in_progress');
    t.clock.set(vn('2026-12-16T09:00:00')); // two days past the due date
    cookie = await t.login('tayho@demo.vn'); // sessions expire as the clock moves
    const paused = items[10]!;
    expect(
      (await move(t, cookie, paused.id, { to: 'waiting_citizen', note: 'Xin gửi ảnh chụp' }))
        .status,
    ).toBe(200);

    const m = await onTime(t, cookie);
    expect([m.numerator, m.denominator]).toEqual([10, 14]);
    expect(m.failing.map((f) => f.id)).toContain(paused.id);
    // The inbox still shows it overdue.
    expect((await detail(t, cookie, paused.id)).overdue).toBe(true);
    const list = await t.req('/api/feedback?overdue=true', { cookie });
    expect(((await list.json()) as { total: number }).total).toBe(4);

    // A wait that started after the due date gives nothing back when it ends.
    t.clock.set(vn('2026-12-18T09:00:00'));
    cookie = await t.login('tayho@demo.vn'); // sessions expire as the clock moves
    expect((await move(t, cookie, paused.id, { to: 'in_progress' })).status).toBe(200);
    expect((await detail(t, cookie, paused.id)).dueAt).toBe(vn('2026-12-14T23:59:59'));
  });

  test('a wait that starts in time stops the clock: pending while waiting, the days waited given back', async () => {
    const t = await createTestApp();
    let cookie = await t.login('tayho@demo.vn');
    const f = await fileOne(t);
    await driveTo(t, cookie, f.id, 'in_progress');
    t.clock.set(vn('2026-11-25T09:00:00')); // Wed 25/11: asked within 5 working days of acceptance
    cookie = await t.login('tayho@demo.vn'); // sessions expire as the clock moves
    expect(
      (await move(t, cookie, f.id, { to: 'waiting_citizen', note: 'Xin gửi ảnh chụp' })).status,
    ).toBe(200);

    t.clock.set(vn('2026-12-15T09:00:00')); // past the original due date, but the clock is stopped
    cookie = await t.login('tayho@demo.vn'); // sessions expire as the clock moves
    expect(await onTime(t, cookie)).toMatchObject({ denominator: 0, pending: 1 });
    expect((await detail(t, cookie, f.id)).overdue).toBe(false);

    // The 14 working days from Thu 26/11 to Tue 15/12 are given back: Mon 14/12 becomes Mon 4/1/2027
    // (Fri 1/1/2027 is a day off).
    expect((await move(t, cookie, f.id, { to: 'in_progress' })).status).toBe(200);
    expect((await detail(t, cookie, f.id)).dueAt).toBe(vn('2027-01-04T23:59:59'));
  });

  test('a request for information after 5 working days from acceptance stops nothing, and the timeline says so', async () => {
    const t = await createTestApp();
    let cookie = await t.login('tayho@demo.vn');
    const f = await fileOne(t);
    await driveTo(t, cookie, f.id, 'in_progress'); // accepted Mon 23/11: the limit is Mon 30/11
    t.clock.set(vn('2026-12-01T09:00:00'));
    cookie = await t.login('tayho@demo.vn'); // sessions expire as the clock moves
    expect(
      (await move(t, cookie, f.id, { to: 'waiting_citizen', note: 'Xin gửi ảnh chụp' })).status,
    ).toBe(200);
    const note = /quá 5 ngày làm việc kể từ khi thụ lý/;
    expect((await detail(t, cookie, f.id)).timeline.some((e) => note.test(e.note ?? ''))).toBe(
      true,
    );
    expect((await publicTimeline(t, f.trackingCode)).some((e) => note.test(e.message ?? ''))).toBe(
      true,
    );

    t.clock.set(vn('2026-12-08T09:00:00'));
    cookie = await t.login('tayho@demo.vn'); // sessions expire as the clock moves
    expect((await move(t, cookie, f.id, { to: 'in_progress' })).status).toBe(200);
    expect((await detail(t, cookie, f.id)).dueAt).toBe(vn('2026-12-14T23:59:59'));
  });

  test('a request made within the limit carries no such note', async () => {
    const t = await createTestApp();
    let cookie = await t.login('tayho@demo.vn');
    const f = await fileOne(t);
    await driveTo(t, cookie, f.id, 'in_progress');
    t.clock.set(vn('2026-11-30T23:59:59.500')); // the last half-second of the 5th working day
    cookie = await t.login('tayho@demo.vn'); // sessions expire as the clock moves
    expect(
      (await move(t, cookie, f.id, { to: 'waiting_citizen', note: 'Xin gửi ảnh chụp' })).status,
    ).toBe(200);
    expect(
      (await detail(t, cookie, f.id)).timeline.filter((e) => e.to === 'waiting_citizen'),
    ).toHaveLength(1);
  });

  test('after 15 working days without a reply the item returns to staff as in_progress, with a note', async () => {
    const t = await createTestApp();
    let cookie = await t.login('tayho@demo.vn');
    const f = await fileOne(t);
    await driveTo(t, cookie, f.id, 'in_progress');
    t.clock.set(vn('2026-11-25T09:00:00')); // Wed 25/11: the wait may last to the end of Wed 16/12
    cookie = await t.login('tayho@demo.vn'); // sessions expire as the clock moves
    expect(
      (await move(t, cookie, f.id, { to: 'waiting_citizen', note: 'Xin gửi ảnh chụp' })).status,
    ).toBe(200);

    t.clock.set(vn('2026-12-16T23:59:59.500'));
    cookie = await t.login('tayho@demo.vn'); // sessions expire as the clock moves
    expect((await detail(t, cookie, f.id)).status).toBe('waiting_citizen');

    t.clock.set(vn('2026-12-17T00:00:00'));
    cookie = await t.login('tayho@demo.vn'); // sessions expire as the clock moves
    const back = await detail(t, cookie, f.id);
    expect(back.status).toBe('in_progress');
    expect(back.timeline.at(-1)).toMatchObject({ to: 'in_progress', note: WAIT_EXPIRED_NOTE });
    // The 15 working days are given back: Mon 14/12 + 15 (Fri 1/1/2027 is a day off) = Tue 5/1/2027.
    expect(back.dueAt).toBe(vn('2027-01-05T23:59:59'));
    expect((await publicTimeline(t, f.trackingCode)).at(-1)).toMatchObject({
      status: 'in_progress',
      message: WAIT_EXPIRED_NOTE,
    });
  });

  test('the return also happens on start, without anyone reading the item', async () => {
    const t = await createTestApp();
    let cookie = await t.login('tayho@demo.vn');
    const f = await fileOne(t);
    await driveTo(t, cookie, f.id, 'waiting_citizen');
    t.clock.set(vn('2026-12-31T09:00:00'));
    cookie = await t.login('tayho@demo.vn'); // sessions expire as the clock moves
    const { prepare } = await import('../../server/startup.js');
    await prepare(t.handle.db, t.clock);
    expect((await getFeedback(t.handle.db, f.id))?.status).toBe('in_progress');
  });

  test('a calendar edit during the wait moves its end by the new day off, and does not restart it', async () => {
    const t = await createTestApp();
    let cookie = await t.login('tayho@demo.vn');
    const f = await fileOne(t);
    await driveTo(t, cookie, f.id, 'in_progress');
    t.clock.set(vn('2026-11-25T09:00:00'));
    cookie = await t.login('tayho@demo.vn');
    expect(
      (await move(t, cookie, f.id, { to: 'waiting_citizen', note: 'Xin gửi ảnh' })).status,
    ).toBe(200);
    // On Tue 1/12 the admin makes Thu 10/12 a day off: the open items' deadlines are recomputed.
    t.clock.set(vn('2026-12-01T09:00:00'));
    const admin = await t.login('admin@demo.vn');
    const cal = (await (await t.req('/api/holidays', { cookie: admin })).json()) as {
      dates: string[];
    };
    const put = await t.req('/api/holidays', {
      cookie: admin,
      method: 'PUT',
      body: { dates: [...cal.dates, '2026-12-10'] },
    });
    expect(put.status).toBe(200);
    // 15 working days from Wed 25/11, 10/12 off, end at 24:00 of Thu 17/12: on Fri 18/12 it is
    // back with staff (a wait counted from the edit would still be running).
    t.clock.set(vn('2026-12-18T09:00:00'));
    cookie = await t.login('tayho@demo.vn');
    expect((await detail(t, cookie, f.id)).status).toBe('in_progress');
  });
});

describe('a time limit ends at 24:00 of its last day', () => {
  test('an answer at 23:59:59.5 on the due date is on time; an open item is overdue from 00:00', async () => {
    const t = await createTestApp();
    let cookie = await t.login('tayho@demo.vn');
    const answered = await fileOne(t);
    const open = await fileOne(t);
    await driveTo(t, cookie, answered.id, 'in_progress');
    await driveTo(t, cookie, open.id, 'in_progress');
    t.clock.set(vn('2026-12-14T23:59:59.500'));
    cookie = await t.login('tayho@demo.vn'); // sessions expire as the clock moves
    expect(
      (await move(t, cookie, answered.id, { to: 'answered', answer: 'Đã sửa vòi nước.' })).status,
    ).toBe(200);
    expect((await detail(t, cookie, open.id)).overdue).toBe(false);
    expect(await onTime(t, cookie)).toMatchObject({ numerator: 1, denominator: 1, pending: 1 });

    t.clock.set(vn('2026-12-15T00:00:00'));
    cookie = await t.login('tayho@demo.vn'); // sessions expire as the clock moves
    expect((await detail(t, cookie, open.id)).overdue).toBe(true);
    expect(await onTime(t, cookie)).toMatchObject({ numerator: 1, denominator: 2 });
  });
});
