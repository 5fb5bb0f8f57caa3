import { describe, expect, test } from 'vitest';
import { newId } from '../../db/ids.js';
import { getFeedback } from '../../db/repositories/feedback.js';
import { insertUser } from '../../db/repositories/users.js';
import { hashPassword } from '../../server/auth/password.js';
import { WAIT_EXPIRED_NOTE } from '../../server/feedback/waits.js';
import { sweep } from '../../server/maintenance.js';
import { createTestApp, DEMO_PASSWORD, type TestApp } from '../helpers/app.js';
import { DONGTHAI, driveTo, fileOne, move, NHATTAN } from '../helpers/feedback.js';

// The fixed clock starts on Mon 23/11/2026 09:00 in Vietnam.
const vn = (local: string) => new Date(`${local}+07:00`).toISOString();
const Q1 = 'from=2027-01-01&to=2027-03-31';
const Q4 = 'from=2026-10-01&to=2026-12-31';

interface ListItem {
  id: string;
  status: string;
  dueAt: string;
  overdue: boolean;
}
interface Target {
  id: string;
  denominator: number;
  pending: number;
  failing: { id: string; detail?: string }[];
}

/** Every row of the feedback tables, as stored: a read must leave this byte-for-byte alone. */
async function stored(t: TestApp) {
  const db = t.handle.db;
  return JSON.stringify({
    feedback: await db.selectFrom('feedback').selectAll().orderBy('id').execute(),
    events: await db.selectFrom('feedback_events').selectAll().orderBy('id').execute(),
  });
}

/**
 * Item A (Đông Thái) and item B (Nhật Tân) enter a wait on Wed 25/11 that stops their clock; it
 * ends at 24:00 of Wed 16/12. A was due Mon 14/12; with the 15 working days given back (Fri 1/1
 * is a day off) it is due Tue 5/1/2027, so on Wed 6/1/2027 it is back with staff and overdue.
 */
async function expiredWaits() {
  const t = await createTestApp();
  let cookie = await t.login('tayho@demo.vn');
  const a = await fileOne(t);
  const b = await fileOne(t, { unitId: NHATTAN });
  await driveTo(t, cookie, a.id, 'in_progress');
  await driveTo(t, cookie, b.id, 'in_progress');
  t.clock.set(vn('2026-11-25T09:00:00'));
  cookie = await t.login('tayho@demo.vn'); // sessions expire as the clock moves
  for (const id of [a.id, b.id])
    expect((await move(t, cookie, id, { to: 'waiting_citizen', note: 'Xin gửi ảnh' })).status).toBe(
      200,
    );
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
  t.clock.set(vn('2027-01-06T09:00:00'));
  return { t, a, b };
}

/** What the school's read-only viewer and the district's manager read. */
async function reads(t: TestApp, aId: string, aCode: string) {
  const viewer = await t.login('viewer@demo.vn');
  const manager = await t.login('tayho@demo.vn');
  const get = async (path: string, cookie?: string) => {
    const res = await t.req(path, cookie ? { cookie } : undefined);
    expect(res.status, path).toBe(200);
    return res.headers.get('content-type')?.includes('json') ? res.json() : res.text();
  };
  return {
    inbox: (await get('/api/feedback', viewer)) as { items: ListItem[] },
    inProgress: (await get('/api/feedback?status=in_progress', viewer)) as { items: ListItem[] },
    waiting: (await get('/api/feedback?status=waiting_citizen', manager)) as { items: ListItem[] },
    overdue: (await get('/api/feedback?overdue=true', manager)) as { items: ListItem[] },
    districtInbox: (await get('/api/feedback', manager)) as { items: ListItem[] },
    detail: (await get(`/api/feedback/${aId}`, viewer)) as ListItem & {
      timeline: {
        from: string;
        to: string;
        at: string;
        note: string | null;
        actor: string | null;
      }[];
      allowedMoves: string[];
    },
    managerDetail: await get(`/api/feedback/${aId}`, manager),
    targetsQ1: (await get(`/api/targets?${Q1}`, viewer)) as Target[],
    targetsQ4: (await get(`/api/targets?${Q4}`, viewer)) as Target[],
    trend: await get('/api/targets/trend', viewer),
    report: (await get(`/api/reports?${Q1}&format=csv`, viewer)) as string,
    districtReport: (await get(
      `/api/reports?unitId=HN-TAYHO&${Q1}&format=html`,
      manager,
    )) as string,
    public: (await get(`/api/public/feedback/${aCode}`)) as {
      status: string;
      dueAt: string;
      timeline: { status: string; message?: string }[];
    },
  };
}

describe('reads never write: an ended wait is shown, and stored only by the sweep', () => {
  test('a viewer reading the inbox, the item, the targets and a report leaves the database unchanged', async () => {
    const { t, a } = await expiredWaits();
    const before = await stored(t);
    await reads(t, a.id, a.trackingCode);
    expect(await stored(t)).toBe(before);
    expect((await getFeedback(t.handle.db, a.id))?.status).toBe('waiting_citizen');
  });

  test('the reads show the ended wait as back with staff, overdue by its deadline after the wait', async () => {
    const { t, a, b } = await expiredWaits();
    const r = await reads(t, a.id, a.trackingCode);
    const dueAfter = vn('2027-01-05T23:59:59');

    expect(r.inbox.items).toEqual([
      expect.objectContaining({ id: a.id, status: 'in_progress', dueAt: dueAfter, overdue: true }),
    ]);
    expect(r.inProgress.items.map((i) => i.id)).toEqual([a.id]);
    expect(r.waiting.items).toEqual([]);
    expect(r.overdue.items.map((i) => i.id).sort()).toEqual([a.id, b.id].sort());
    expect(r.districtInbox.items.every((i) => i.status === 'in_progress')).toBe(true);

    expect(r.detail).toMatchObject({ status: 'in_progress', dueAt: dueAfter, overdue: true });
    expect(r.detail.allowedMoves).toEqual([]); // a viewer still moves nothing
    expect(r.detail.timeline.at(-1)).toMatchObject({
      from: 'waiting_citizen',
      to: 'in_progress',
      at: vn('2026-12-17T00:00:00'), // when the wait ended, not when someone looked
      note: WAIT_EXPIRED_NOTE,
      actor: null,
    });
    expect(r.public).toMatchObject({ status: 'in_progress', dueAt: dueAfter });
    expect(r.public.timeline.at(-1)).toMatchObject({ message: WAIT_EXPIRED_NOTE });

    // Due on 5/1/2027 now, not 14/12/2026: counted in the first quarter, failing, 1 day late.
    const q1 = r.targetsQ1.find((x) => x.id === 'pakn_on_time')!;
    expect(q1.denominator).toBe(1);
    expect(q1.failing).toEqual([
      expect.objectContaining({ id: a.id, detail: expect.stringContaining('1 ngày') }),
    ]);
    expect(r.targetsQ4.find((x) => x.id === 'pakn_on_time')!.denominator).toBe(0);
    expect(r.report).toContain(a.trackingCode);
  });

  test('the sweep then stores exactly what the reads showed', async () => {
    const { t, a } = await expiredWaits();
    const shown = await reads(t, a.id, a.trackingCode);
    const eventsBefore = await t.handle.db.selectFrom('feedback_events').selectAll().execute();

    await sweep(t.handle.db, t.clock());

    const row = (await getFeedback(t.handle.db, a.id))!;
    expect(row).toMatchObject({
      status: 'in_progress',
      due_at: shown.detail.dueAt,
      clock_paused_at: null,
      updated_at: t.clock().toISOString(),
    });
    const eventsAfter = await t.handle.db.selectFrom('feedback_events').selectAll().execute();
    expect(eventsAfter.length).toBe(eventsBefore.length + 2); // A and B, one event each
    expect(await reads(t, a.id, a.trackingCode)).toEqual(shown);
  });

  test('a staff move on an item whose wait ended stores the return first, then the move', async () => {
    const { t, a } = await expiredWaits();
    const cookie = await t.login('tayho@demo.vn');
    const res = await move(t, cookie, a.id, { to: 'answered', answer: 'Đã sửa vòi nước.' });
    expect(res.status).toBe(200);
    const events = await t.handle.db
      .selectFrom('feedback_events')
      .select(['from_status', 'to_status', 'note', 'at'])
      .where('feedback_id', '=', a.id)
      .orderBy('at')
      .orderBy('id')
      .execute();
    expect(events.slice(-2)).toEqual([
      {
        from_status: 'waiting_citizen',
        to_status: 'in_progress',
        note: WAIT_EXPIRED_NOTE,
        at: vn('2026-12-17T00:00:00'),
      },
      expect.objectContaining({ from_status: 'in_progress', to_status: 'answered' }),
    ]);
  });
});
