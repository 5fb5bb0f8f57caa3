/**
 * Working-day arithmetic in Vietnam's time zone (Asia/Ho_Chi_Minh, UTC+7, no daylight saving).
 * Pure: every function takes the calendar as data, so tests and the service agree.
 *
 * Rules:
 * - A working day is a Monday–Friday calendar date (in UTC+7) that is not a day off, or a
 *   Saturday/Sunday the government declared a working day (a swapped day, e.g. Sat 10/1/2026).
 * - A limit of N working days is counted from the day after receipt: the deadline is the last
 *   day of the limit. It is stored as 23:59:59 +07:00 of that day (16:59:59.000Z, the contract's
 *   `dueAt`), but the limit ends at 24:00 of that day (Civil Code 2015 art. 148): something done
 *   at 23:59:59.5 is on time. Every comparison goes through `isLate`/`lateCutoff` below.
 * - Pause: when an item waits for the citizen from instant A to instant B, its deadline moves
 *   later by the number of working days D with date(A) < D ≤ date(B). The day the wait starts
 *   still counts as worked (the clock ran that day); every working day after it, up to and
 *   including the day the citizen answers, is given back. A wait that starts and ends the same
 *   day gives nothing back, and a wait that starts after the deadline gives nothing back (only
 *   time that was left is returned: an overdue item stays overdue).
 */

import { addCalendarDays, endOfVnDay, startOfVnDay, vnDate } from './domain/vn-time.js';

/** Days off (weekdays included) and weekend days declared working days. */
export interface WorkCalendar {
  off: ReadonlySet<string>;
  working: ReadonlySet<string>;
}

/** A calendar, or just a set of days off (no swapped working days). */
export type CalendarLike = WorkCalendar | ReadonlySet<string>;

function asCalendar(c: CalendarLike): WorkCalendar {
  return 'off' in c ? c : { off: c, working: new Set() };
}

/**
 * The one rule for "late" (Civil Code art. 148): a deadline ends at 24:00 of its last day, so
 * `at` is late when it falls on or after the next day's 00:00 in Vietnam, i.e. when its
 * Vietnamese date is after the deadline's.
 */
export function isLate(at: Date | string, dueAt: string): boolean {
  return vnDate(at) > vnDate(dueAt);
}

/**
 * For SQL and string comparisons: a deadline is past at `now` exactly when `dueAt < lateCutoff(now)`
 * (today's 00:00 in Vietnam). Same rule as `isLate(now, dueAt)`.
 */
export function lateCutoff(now: Date | string): string {
  return startOfVnDay(vnDate(now));
}

export function isWeekend(date: string): boolean {
  const dow = new Date(`${date}T00:00:00.000Z`).getUTCDay();
  return dow === 0 || dow === 6;
}

export function isWorkingDay(date: string, calendar: CalendarLike): boolean {
  const c = asCalendar(calendar);
  if (c.working.has(date)) return true;
  return !isWeekend(date) && !c.off.has(date);
}

/** The N-th working day strictly after `date` (N ≥ 0; N = 0 gives `date` itself). */
export function nthWorkingDayAfter(date: string, n: number, calendar: CalendarLike): string {
  const c = asCalendar(calendar);
  let d = date;
  for (let left = n; left > 0;) {
    d = addCalendarDays(d, 1);
    if (isWorkingDay(d, c)) left--;
  }
  return d;
}

/** Deadline of a limit of `days` working days for something received at `receivedAt`. */
export function addWorkingDays(
  receivedAt: Date | string,
  days: number,
  calendar: CalendarLike,
): string {
  return endOfVnDay(nthWorkingDayAfter(vnDate(receivedAt), days, calendar));
}

/** Working days D with date(from) < D ≤ date(to): what a pause from `from` to `to` gives back. */
export function workingDaysBetween(
  from: Date | string,
  to: Date | string,
  calendar: CalendarLike,
): number {
  const c = asCalendar(calendar);
  const end = vnDate(to);
  let n = 0;
  for (let d = addCalendarDays(vnDate(from), 1); d <= end; d = addCalendarDays(d, 1)) {
    if (isWorkingDay(d, c)) n++;
  }
  return n;
}

/** A deadline moved later by `days` working days (used when a wait for the citizen ends). */
export function extendDeadline(dueAt: string, days: number, calendar: CalendarLike): string {
  if (days <= 0) return dueAt;
  return endOfVnDay(nthWorkingDayAfter(vnDate(dueAt), days, calendar));
}

/**
 * The deadline after the citizen answered: the original plus the working days spent waiting,
 * or the original unchanged when the wait started after it (nothing was left to give back).
 */
export function resumeDeadline(
  dueAt: string,
  waitStartedAt: string,
  resumedAt: Date | string,
  calendar: CalendarLike,
): string {
  if (isLate(waitStartedAt, dueAt)) return dueAt;
  return extendDeadline(dueAt, workingDaysBetween(waitStartedAt, resumedAt, calendar), calendar);
}
