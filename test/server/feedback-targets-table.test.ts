import { describe, expect, test } from 'vitest';
import {
  paknAcceptedOnTime,
  paknOnTime,
  paknPublished,
  paknSatisfaction766,
  type RatedFacts,
} from '../../server/targets/feedback-formulas.js';
import type { Measure } from '../../server/targets/types.js';

/**
 * Every feedback target × every status, written from the rule (README "How the targets are
 * counted"): outside the remit (rejected, transferred away, duplicate) is outside every
 * resolution target; a paused item is judged like an open one unless its wait stopped the clock
 * in time; an answer is judged by its date against 24:00 of the due date.
 * Now: Mon 23/11/2026 09:00 in Vietnam.
 */
const NOW = '2026-11-23T02:00:00.000Z';
const end = (date: string) => `${date}T16:59:59.000Z`;
const PAST = end('2026-11-20');
const FUTURE = end('2026-12-14');

type Outcome = 'pass' | 'fail' | 'pending' | 'not counted';

function outcome(m: Measure): Outcome {
  if (m.denominator === 1) return m.numerator === 1 ? 'pass' : 'fail';
  return m.pending === 1 ? 'pending' : 'not counted';
}

let seq = 0;
function item(over: Partial<RatedFacts>): RatedFacts {
  seq++;
  return {
    id: `item-${seq}`,
    tracking_code: `PA-${seq}`,
    status: 'received',
    accept_due_at: end('2026-11-25'),
    due_at: FUTURE,
    publish_due_at: null,
    accepted_at: null,
    answered_at: null,
    published_at: null,
    closed_at: null,
    duplicate_of: null,
    clock_paused_at: null,
    ...over,
  };
}

const accepted = { accepted_at: '2026-11-02T03:00:00.000Z', accept_due_at: end('2026-11-03') };
const answered = (at: string, due = end('2026-11-20')) => ({
  ...accepted,
  status: 'answered' as const,
  due_at: due,
  answered_at: at,
  publish_due_at: end('2026-11-25'),
});

// [case, item, pakn_on_time, pakn_satisfaction_766, pakn_published, pakn_accepted_on_time]
const TABLE: [string, RatedFacts, Outcome, Outcome, Outcome, Outcome][] = [
  ['received, not due yet', item({}), 'pending', 'pending', 'not counted', 'pending'],
  [
    'received, past every deadline',
    item({ accept_due_at: end('2026-11-05'), due_at: PAST }),
    'fail',
    'fail',
    'not counted',
    'fail',
  ],
  [
    'accepted, not due yet',
    item({ ...accepted, status: 'accepted' }),
    'pending',
    'pending',
    'not counted',
    'pass',
  ],
  [
    'in progress, past due',
    item({ ...accepted, status: 'in_progress', due_at: PAST }),
    'fail',
    'fail',
    'not counted',
    'pass',
  ],
  [
    'waiting for the citizen, paused before the due date (clock stopped)',
    item({
      ...accepted,
      status: 'waiting_citizen',
      due_at: PAST,
      clock_paused_at: '2026-11-18T03:00:00.000Z',
    }),
    'pending',
    'pending',
    'not counted',
    'pass',
  ],
  [
    'waiting for the citizen, paused after the due date (clock not stopped)',
    item({ ...accepted, status: 'waiting_citizen', due_at: PAST, clock_paused_at: null }),
    'fail',
    'fail',
    'not counted',
    'pass',
  ],
  [
    'answered on time, at 23:59:59.5 of the due date',
    item(answered('2026-11-20T16:59:59.500Z')),
    'pass',
    'pass',
    'pending',
    'pass',
  ],
  [
    'answered late, at 00:00 the day after',
    item(answered('2026-11-20T17:00:00.000Z')),
    'fail',
    'fail',
    'pending',
    'pass',
  ],
  [
    'published on time',
    item({
      ...answered('2026-11-19T03:00:00.000Z'),
      status: 'published',
      published_at: '2026-11-20T03:00:00.000Z',
    }),
    'pass',
    'pass',
    'pass',
    'pass',
  ],
  [
    'published, rated not satisfied',
    item({
      ...answered('2026-11-19T03:00:00.000Z'),
      status: 'published',
      published_at: '2026-11-20T03:00:00.000Z',
      notSatisfied: true,
    }),
    'pass',
    'fail',
    'pass',
    'pass',
  ],
  [
    'rejected',
    item({
      status: 'rejected',
      closed_at: '2026-11-02T03:00:00.000Z',
      accept_due_at: end('2026-11-03'),
      due_at: PAST,
    }),
    'not counted',
    'not counted',
    'not counted',
    'pass',
  ],
  [
    // Counted once, through the item the receiving unit opened (its own deadlines).
    'transferred to another unit',
    item({
      status: 'transferred',
      closed_at: '2026-11-02T03:00:00.000Z',
      accept_due_at: end('2026-11-03'),
      due_at: PAST,
    }),
    'not counted',
    'not counted',
    'not counted',
    'not counted',
  ],
  [
    'duplicate of another item',
    item({
      status: 'rejected',
      closed_at: '2026-11-02T03:00:00.000Z',
      duplicate_of: 'item-original',
      due_at: PAST,
    }),
    'not counted',
    'not counted',
    'not counted',
    'not counted',
  ],
];

describe('every feedback target × every status', () => {
  test.each(TABLE)('%s', (_, f, onTime, s766, published, acceptedOnTime) => {
    expect({
      pakn_on_time: outcome(paknOnTime([f], NOW)),
      pakn_satisfaction_766: outcome(paknSatisfaction766([f], NOW)),
      pakn_published: outcome(paknPublished([f], NOW)),
      pakn_accepted_on_time: outcome(paknAcceptedOnTime([f], NOW)),
    }).toEqual({
      pakn_on_time: onTime,
      pakn_satisfaction_766: s766,
      pakn_published: published,
      pakn_accepted_on_time: acceptedOnTime,
    });
  });

  test('pakn_on_time and the 766 measure count exactly the same items, and fail the same late ones', () => {
    const items = TABLE.map((row) => row[1]);
    const onTime = paknOnTime(items, NOW);
    const s766 = paknSatisfaction766(items, NOW);
    expect([s766.denominator, s766.pending]).toEqual([onTime.denominator, onTime.pending]);
    const late = new Set(onTime.failing.map((f) => f.id));
    expect(s766.failing.filter((f) => f.detail?.includes('trễ hạn')).map((f) => f.id)).toEqual([
      ...late,
    ]);
  });
});
