import { describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { driveTo, fileOne } from '../helpers/feedback.js';

async function rate(t: TestApp, code: string, overall: number | null, complainedAgain: boolean) {
  const res = await t.req(`/api/public/feedback/${code}/rating`, {
    body: { overall, complainedAgain },
  });
  expect(res.status).toBe(201);
}

describe('pakn_satisfaction_766 (Decision 766: all − not satisfied − complained again − late, ÷ all)', () => {
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

    const res = await t.req('/api/targets', { cookie });
    const all = (await res.json()) as {
      id: string;
      numerator: number;
      denominator: number;
      value: number | null;
      failing: { id: string; detail: string }[];
    }[];
    const s = all.find((x) => x.id === 'pakn_satisfaction_766')!;
    expect(s).toMatchObject({ numerator: 1, denominator: 4, value: 25 });
    expect(Object.fromEntries(s.failing.map((f) => [f.id, f.detail]))).toEqual({
      [again.id]: 'phản ánh lại',
      [late.id]: 'trễ hạn, không hài lòng',
      [open.id]: 'trễ hạn',
    });

    const elsewhere = await t.req('/api/targets?unitId=HN-TAYHO-TH-NHATTAN', { cookie });
    const other = ((await elsewhere.json()) as typeof all).find(
      (x) => x.id === 'pakn_satisfaction_766',
    )!;
    expect(other).toMatchObject({ denominator: 0, value: null });
  });
});
