import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { FeedbackStatus } from '../../db/schema.js';
import { inResolutionRemit, paknAcceptedOnTime, paknOnTime, paknPublished, type FeedbackFacts } from '../../server/targets/feedback-formulas.js';
import { lastQuarters, period, quarterOf } from '../../server/targets/period.js';
import { surveyCoverage } from '../../server/targets/survey-formulas.js';
import type { Measure } from '../../server/targets/types.js';

const STATUSES: FeedbackStatus[] = ['received', 'accepted', 'rejected', 'transferred', 'in_progress', 'waiting_citizen', 'answered', 'published'];
const DAY = 86_400_000;
const T0 = Date.parse('2026-10-01T00:00:00.000Z');
const instant = fc.integer({ min: 0, max: 90 * DAY }).map((ms) => new Date(T0 + ms).toISOString());

const facts: fc.Arbitrary<FeedbackFacts> = fc.record({
  id: fc.uuid(),
  tracking_code: fc.string({ minLength: 1, maxLength: 8 }),
  status: fc.constantFrom(...STATUSES),
  accept_due_at: instant,
  due_at: instant,
  publish_due_at: fc.option(instant, { nil: null }),
  accepted_at: fc.option(instant, { nil: null }),
  answered_at: fc.option(instant, { nil: null }),
  published_at: fc.option(instant, { nil: null }),
  closed_at: fc.option(instant, { nil: null }),
  duplicate_of: fc.option(fc.uuid(), { nil: null }),
});

function consistent(m: Measure) {
  expect(m.numerator + m.failing.length).toBe(m.denominator);
  if (m.denominator === 0) expect(m.value).toBeNull();
  else expect(m.value).toBeCloseTo((m.numerator / m.denominator) * 100, 10);
}

describe('feedback target formulas', () => {
  test('every counted item either meets the target or is named as failing; nothing counted gives no value', () => {
    fc.assert(
      fc.property(fc.array(facts, { maxLength: 30 }), instant, (items, now) => {
        for (const m of [paknOnTime(items, now), paknPublished(items, now), paknAcceptedOnTime(items, now)]) consistent(m);
        const onTime = paknOnTime(items, now);
        expect(onTime.denominator + onTime.pending).toBe(items.filter(inResolutionRemit).length);
      }),
    );
  });

  test('an open item past its due date is always counted against on-time', () => {
    fc.assert(
      fc.property(fc.array(facts, { maxLength: 30 }), instant, (items, now) => {
        const failing = new Set(paknOnTime(items, now).failing.map((f) => f.id));
        for (const f of items.filter(inResolutionRemit)) {
          if (['received', 'accepted', 'in_progress'].includes(f.status) && f.answered_at === null && f.due_at < now) {
            expect(failing.has(f.id)).toBe(true);
          }
        }
      }),
    );
  });
});

describe('survey coverage', () => {
  test('a unit counts only when every campaign reached its sample size', () => {
    // 640 eligible families → 247 responses needed.
    const m = surveyCoverage([
      { id: 'a', name: 'A', eligible: 640, campaigns: [{ name: 'X', responses: 247 }, { name: 'Y', responses: 246 }] },
      { id: 'b', name: 'B', eligible: 640, campaigns: [{ name: 'X', responses: 300 }] },
      { id: 'c', name: 'C', eligible: 0, campaigns: [{ name: 'X', responses: 300 }] },
    ]);
    expect([m.numerator, m.denominator]).toEqual([1, 3]);
    expect(m.failing.map((f) => [f.id, f.detail])).toEqual([
      ['a', 'Y: 246/247 phiếu, thiếu 1'],
      ['c', 'Chưa khai báo số đối tượng khảo sát'],
    ]);
  });
});

describe('periods', () => {
  test('quarters follow Vietnam\'s calendar: 1 October 00:30 in Hanoi is already Q4', () => {
    expect(quarterOf(new Date('2026-09-30T17:30:00.000Z')).label).toBe('Q4/2026');
    expect(quarterOf(new Date('2026-09-30T16:30:00.000Z')).label).toBe('Q3/2026');
    expect(lastQuarters(new Date('2026-02-01T00:00:00.000Z'), 4).map((q) => q.label)).toEqual(['Q2/2025', 'Q3/2025', 'Q4/2025', 'Q1/2026']);
    expect(period('2026-10-01', '2026-12-31')).toMatchObject({ startIso: '2026-09-30T17:00:00.000Z', endIso: '2026-12-31T17:00:00.000Z' });
  });
});
