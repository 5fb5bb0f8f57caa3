import fc from 'fast-check';
import { isLate } from '../../server/deadlines.js';
import { describe, expect, test } from 'vitest';
import type { FeedbackStatus } from '../../db/schema.js';
import {
  inResolutionRemit,
  paknAcceptedOnTime,
  paknOnTime,
  paknPublished,
  type FeedbackFacts,
} from '../../server/targets/feedback-formulas.js';
import { lastQuarters, period, quarterOf } from '../../server/targets/period.js';
import {
  satisfactionIndex,
  surveyCoverage,
  type CampaignFigure,
} from '../../server/targets/survey-formulas.js';
import type { Measure } from '../../server/targets/types.js';

const STATUSES: FeedbackStatus[] = [
  'received',
  'accepted',
  'rejected',
  'transferred',
  'in_progress',
  'waiting_citizen',
  'answered',
  'published',
];
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
        for (const m of [
          paknOnTime(items, now),
          paknPublished(items, now),
          paknAcceptedOnTime(items, now),
        ])
          consistent(m);
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
          if (
            ['received', 'accepted', 'in_progress'].includes(f.status) &&
            f.answered_at === null &&
            isLate(now, f.due_at) // the 24:00 rule: late once the due date's day is over
          ) {
            expect(failing.has(f.id)).toBe(true);
          }
        }
      }),
    );
  });
});

describe('survey coverage', () => {
  test('a unit counts only when every campaign reached the sample size of the N it froze', () => {
    // 640 eligible families → 247 responses needed; 100 → 80.
    const m = surveyCoverage([
      {
        id: 'a',
        name: 'A',
        campaigns: [
          { name: 'X', eligible: 640, responses: 247 },
          { name: 'Y', eligible: 640, responses: 246 },
        ],
      },
      { id: 'b', name: 'B', campaigns: [{ name: 'X', eligible: 640, responses: 300 }] },
      { id: 'c', name: 'C', campaigns: [{ name: 'X', eligible: 0, responses: 300 }] },
      // Two questionnaires of 50 each are not one campaign of 100: each is judged on its own.
      {
        id: 'd',
        name: 'D',
        campaigns: [
          { name: 'X', eligible: 100, responses: 50 },
          { name: 'Z', eligible: 100, responses: 50 },
        ],
      },
    ]);
    expect([m.numerator, m.denominator]).toEqual([1, 4]);
    expect(m.failing.map((f) => [f.id, f.detail])).toEqual([
      ['a', 'Y: 246/247 phiếu, thiếu 1'],
      ['c', 'X: chưa khai báo số đối tượng khảo sát'],
      ['d', 'X: 50/80 phiếu, thiếu 30; Z: 50/80 phiếu, thiếu 30'],
    ]);
  });

  test('a campaign still open and short of its sample is pending, not failing', () => {
    const now = '2026-11-23T02:00:00.000Z';
    const open = { closesAt: '2026-12-27T16:59:59.000Z' };
    const closed = { closesAt: '2026-10-31T16:59:59.000Z' };
    const m = surveyCoverage(
      [
        // Still collecting: may yet reach 247.
        { id: 'a', name: 'A', campaigns: [{ name: 'X', eligible: 640, responses: 10, ...open }] },
        // Already reached it while open: counts.
        { id: 'b', name: 'B', campaigns: [{ name: 'X', eligible: 640, responses: 247, ...open }] },
        // A closed campaign that fell short fails the unit, whatever the open one does.
        {
          id: 'c',
          name: 'C',
          campaigns: [
            { name: 'W', eligible: 640, responses: 100, ...closed },
            { name: 'X', eligible: 640, responses: 10, ...open },
          ],
        },
      ],
      now,
    );
    expect([m.numerator, m.denominator, m.pending]).toEqual([1, 2, 1]);
    expect(m.failing.map((f) => [f.id, f.detail])).toEqual([['c', 'W: 100/247 phiếu, thiếu 147']]);
  });
});

describe('satisfaction index target', () => {
  const figure = (over: Partial<CampaignFigure>): CampaignFigure => ({
    campaignId: 'c1',
    campaignName: 'Khảo sát CMHS 2026',
    surveyTitle: 'Phiếu THCS',
    target: 85,
    unitId: 'u',
    unitName: 'U',
    eligible: 100,
    responses: 80,
    index: 90,
    ...over,
  });

  test('each figure is judged against its own questionnaire target, and the value is numerator ÷ denominator', () => {
    const m = satisfactionIndex([
      figure({ unitId: 'a', index: 90 }), // 90 ≥ 85: met
      figure({
        unitId: 'b',
        index: 86,
        campaignName: 'SIPAS 2026',
        surveyTitle: 'Phiếu SIPAS',
        target: 100,
      }), // 86 < 100
      figure({ unitId: 'c', index: 86 }), // 86 ≥ 85 on the parents' form, whatever SIPAS asks
      figure({ unitId: 'd', index: 40, responses: 4 }), // too few to be shown, not judged
      figure({ unitId: 'e', index: 70, responses: 20 }), // below 85, and below its sample of 80
    ]);
    expect([m.numerator, m.denominator]).toEqual([2, 4]);
    expect(m.value).toBe((m.numerator / m.denominator) * 100);
    expect(m.failing.map((f) => [f.id, f.detail])).toEqual([
      ['b', 'SIPAS 2026 (Phiếu SIPAS): 86,0% < 100% · 80 phiếu'],
      ['e', 'Khảo sát CMHS 2026 (Phiếu THCS): 70,0% < 85% · 20 phiếu (chưa đủ cỡ mẫu)'],
    ]);
    // Every figure left out of the numerator is named.
    expect(m.failing.length).toBe(m.denominator - m.numerator);
  });
});

describe('periods', () => {
  test("quarters follow Vietnam's calendar: 1 October 00:30 in Hanoi is already Q4", () => {
    expect(quarterOf(new Date('2026-09-30T17:30:00.000Z')).label).toBe('Quý IV/2026');
    expect(quarterOf(new Date('2026-09-30T16:30:00.000Z')).label).toBe('Quý III/2026');
    expect(lastQuarters(new Date('2026-02-01T00:00:00.000Z'), 4).map((q) => q.label)).toEqual([
      'Quý II/2025',
      'Quý III/2025',
      'Quý IV/2025',
      'Quý I/2026',
    ]);
    expect(period('2026-10-01', '2026-12-31')).toMatchObject({
      startIso: '2026-09-30T17:00:00.000Z',
      endIso: '2026-12-31T17:00:00.000Z',
    });
  });
});
