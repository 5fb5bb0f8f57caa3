import { describe, expect, test } from 'vitest';
import { paknSatisfactionInputs } from '../../db/repositories/feedback-ratings.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { driveTo, fileOne } from '../helpers/feedback.js';

async function rate(t: TestApp, code: string, overall: number | null, complainedAgain: boolean) {
  const res = await t.req(`/api/public/feedback/${code}/rating`, { body: { overall, complainedAgain } });
  expect(res.status).toBe(201);
}

describe('paknSatisfactionInputs (Decision 766: all − not satisfied − complained again − late, ÷ all)', () => {
  test('counts open overdue items as late and subtracts an item failing twice only once', async () => {
    const t = await createTestApp(); // all filed Mon 23/11/2026, due Mon 14/12
    const onTime = await fileOne(t);
    const again = await fileOne(t);
    const late = await fileOne(t);
    const open = await fileOne(t);
    let cookie = await t.login('tayho@demo.vn');
    await driveTo(t, cookie, onTime.id, 'published');
    await driveTo(t, cookie, again.id, 'published');
    await rate(t, onTime.trackingCode, 5, false);
    await rate(t, again.trackingCode, 4, true);
    t.clock.set('2026-12-16T03:00:00.000Z'); // two days after the due date
    cookie = await t.login('tayho@demo.vn');
    await driveTo(t, cookie, late.id, 'published');
    await rate(t, late.trackingCode, 2, false);

    const r = await paknSatisfactionInputs(t.handle.db, {
      rootPath: '/HN/',
      from: '2026-12-01T00:00:00.000Z',
      to: '2027-01-01T00:00:00.000Z',
      now: t.clock().toISOString(),
    });
    expect({ all: r.all, notSatisfied: r.ratedNotSatisfied, again: r.complainedAgain, late: r.late, failing: r.failing }).toEqual({
      all: 4,
      notSatisfied: 1,
      again: 1,
      late: 2,
      failing: 3,
    });
    expect(r.value).toBe(0.25);
    expect(r.items.find((i) => i.id === open.id)).toMatchObject({ late: true, status: 'received' });

    const elsewhere = await paknSatisfactionInputs(t.handle.db, { rootPath: '/HN/HN-BADINH/', from: '2026-12-01', to: '2027-01-01', now: t.clock().toISOString() });
    expect(elsewhere).toMatchObject({ all: 0, value: null });
  });
});
