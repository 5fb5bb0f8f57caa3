import { describe, expect, test } from 'vitest';
import { addWorkingDays, resumeDeadline, workingDaysBetween } from '../../server/deadlines.js';
import { vnDate } from '../../server/domain/vn-time.js';
import { DEFAULT_HOLIDAYS } from '../../server/holidays.js';

const none = new Set<string>();
const vietnam = new Set(DEFAULT_HOLIDAYS.map((h) => h.date));
/** An instant given as Vietnamese wall-clock time. */
const vn = (local: string) => new Date(`${local}+07:00`);

describe('addWorkingDays', () => {
  test('counts from the day after receipt and ends at 23:59:59 in Vietnam', () => {
    // Mon 23/11/2026: Tue and Wed are the two working days.
    expect(addWorkingDays(vn('2026-11-23T09:00:00'), 2, none)).toBe('2026-11-25T16:59:59.000Z');
  });

  test('skips the weekend', () => {
    // Fri 20/11/2026 → Mon 23, Tue 24.
    expect(addWorkingDays(vn('2026-11-20T10:00:00'), 2, none)).toBe('2026-11-24T16:59:59.000Z');
  });

  test('reads the receipt date on a Vietnamese clock, not in UTC', () => {
    // 01:00 on Friday in Hanoi is still Thursday in UTC: the count starts after Friday.
    expect(vnDate(vn('2026-11-20T01:00:00'))).toBe('2026-11-20');
    expect(addWorkingDays(vn('2026-11-20T01:00:00'), 1, none)).toBe('2026-11-23T16:59:59.000Z');
    // 23:30 on Thursday in Hanoi: the count starts after Thursday.
    expect(addWorkingDays(vn('2026-11-19T23:30:00'), 1, none)).toBe('2026-11-20T16:59:59.000Z');
  });

  test('filed on a Saturday counts from Monday', () => {
    expect(addWorkingDays(vn('2026-11-21T15:00:00'), 1, none)).toBe('2026-11-23T16:59:59.000Z');
  });

  test('skips the 30/4 and 1/5 holidays', () => {
    // Tue 28/4/2026: Wed 29 counts, Thu 30/4 and Fri 1/5 are holidays, then the weekend.
    expect(addWorkingDays(vn('2026-04-28T09:00:00'), 2, vietnam)).toBe('2026-05-04T16:59:59.000Z');
    expect(addWorkingDays(vn('2026-04-28T09:00:00'), 2, none)).toBe('2026-04-30T16:59:59.000Z');
  });

  test('skips the whole Tết break of 2026', () => {
    // Thu 12/2/2026: Fri 13 counts, 14–22/2 is Tết, Mon 23 is the second day.
    expect(addWorkingDays(vn('2026-02-12T09:00:00'), 2, vietnam)).toBe('2026-02-23T16:59:59.000Z');
    // 15 working days: 13/2, 23–27/2, 2–6/3, 9–12/3.
    expect(addWorkingDays(vn('2026-02-12T09:00:00'), 15, vietnam)).toBe('2026-03-12T16:59:59.000Z');
  });

  test('a holiday that falls on a Sunday is made up on the Monday (Hùng Kings 2026)', () => {
    // Fri 24/4/2026: Sun 26 is the holiday, Mon 27 its make-up day, so Tue 28 is the first working day.
    expect(addWorkingDays(vn('2026-04-24T09:00:00'), 1, vietnam)).toBe('2026-04-28T16:59:59.000Z');
  });
});

describe('a pause while waiting for the citizen', () => {
  const due = '2026-12-11T16:59:59.000Z'; // Fri 11/12/2026

  test('gives back every working day after the day the wait began, up to the day it ended', () => {
    // Waits from Tue 1/12 to Fri 4/12: Wed, Thu, Fri are given back → Wed 16/12.
    expect(workingDaysBetween(vn('2026-12-01T09:00:00'), vn('2026-12-04T15:00:00'), none)).toBe(3);
    expect(
      resumeDeadline(due, vn('2026-12-01T09:00:00').toISOString(), vn('2026-12-04T15:00:00'), none),
    ).toBe('2026-12-16T16:59:59.000Z');
  });

  test('a wait that starts and ends the same day moves nothing', () => {
    expect(
      resumeDeadline(due, vn('2026-12-01T09:00:00').toISOString(), vn('2026-12-01T17:00:00'), none),
    ).toBe(due);
  });

  test('weekend days spent waiting are not given back', () => {
    // Fri 4/12 → Mon 7/12: only Monday is given back.
    expect(
      resumeDeadline(due, vn('2026-12-04T16:00:00').toISOString(), vn('2026-12-07T08:00:00'), none),
    ).toBe('2026-12-14T16:59:59.000Z');
  });

  test('the extended deadline also skips holidays', () => {
    // Due Wed 29/4/2026, one day given back: Thu 30/4 and Fri 1/5 are holidays → Mon 4/5.
    expect(
      resumeDeadline(
        '2026-04-29T16:59:59.000Z',
        vn('2026-04-20T09:00:00').toISOString(),
        vn('2026-04-21T09:00:00'),
        vietnam,
      ),
    ).toBe('2026-05-04T16:59:59.000Z');
  });
});

describe('the 24:00 rule and pauses (second round)', () => {
  test('a deadline ends at 24:00 of its last day in Vietnam: 23:59:59.5 is on time, 00:00 is late', async () => {
    const { isLate, lateCutoff } = await import('../../server/deadlines.js');
    const due = addWorkingDays(vn('2026-11-23T09:00:00'), 15, vietnam); // Mon 14/12, stored 23:59:59
    expect(due).toBe('2026-12-14T16:59:59.000Z');
    expect(isLate(vn('2026-12-14T23:59:59.500'), due)).toBe(false);
    expect(isLate(vn('2026-12-15T00:00:00'), due)).toBe(true);
    // The SQL form agrees: a deadline is past when it is before today's 00:00.
    expect(due < lateCutoff(vn('2026-12-14T23:59:59.500'))).toBe(false);
    expect(due < lateCutoff(vn('2026-12-15T00:00:00'))).toBe(true);
  });

  test('a wait that starts after the deadline gives nothing back', () => {
    const due = '2026-12-14T16:59:59.000Z';
    expect(
      resumeDeadline(
        due,
        vn('2026-12-15T08:00:00').toISOString(),
        vn('2026-12-22T08:00:00'),
        vietnam,
      ),
    ).toBe(due);
    // Started on the last day itself, time was left: the days waited are given back.
    expect(
      resumeDeadline(
        due,
        vn('2026-12-14T08:00:00').toISOString(),
        vn('2026-12-16T08:00:00'),
        vietnam,
      ),
    ).toBe('2026-12-16T16:59:59.000Z');
  });

  test('a swapped Saturday is a working day and its bridging Friday is not', () => {
    const calendar = { off: vietnam, working: new Set(['2026-01-10']) };
    // Wed 31/12/2025: Thu 1/1 and Fri 2/1 off, Sat 10/1 worked. 1 → Mon 5/1; 6 → Sat 10/1.
    expect(addWorkingDays(vn('2025-12-31T09:00:00'), 1, calendar)).toBe('2026-01-05T16:59:59.000Z');
    expect(addWorkingDays(vn('2025-12-31T09:00:00'), 6, calendar)).toBe('2026-01-10T16:59:59.000Z');
    expect(workingDaysBetween(vn('2026-01-09T09:00:00'), vn('2026-01-12T09:00:00'), calendar)).toBe(
      2,
    );
  });
});
