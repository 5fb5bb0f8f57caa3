/**
 * Working-day arithmetic in Vietnam's time zone (Asia/Ho_Chi_Minh, UTC+7, no daylight saving).
 * Pure: every function takes the holiday dates as data, so tests and the service agree.
 *
 * Rules:
 * - A working day is a Monday–Friday calendar date (in UTC+7) that is not in the holiday set.
 * - A limit of N working days is counted from the day after receipt: the deadline is the end
 *   (23:59:59 +07:00, i.e. 16:59:59.000Z) of the N-th working day after the receipt date.
 * - Pause: when an item waits for the citizen from instant A to instant B, its deadline moves
 *   later by the number of working days D with date(A) < D ≤ date(B). The day the wait starts
 *   still counts as worked (the clock ran that day); every working day after it, up to and
 *   including the day the citizen answers, is given back. A wait that starts and ends the same
 *   day gives nothing back.
 */

const OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** 'YYYY-MM-DD' of an instant, as read on a clock in Vietnam. */
export function vnDate(at: Date | string): string {
  const t = typeof at === 'string' ? Date.parse(at) : at.getTime();
  return new Date(t + OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant 23:59:59 +07:00 on a Vietnamese calendar date, as an ISO UTC string. */
export function endOfVnDay(date: string): string {
  return `${date}T16:59:59.000Z`;
}

function addCalendarDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

export function isWeekend(date: string): boolean {
  const dow = new Date(`${date}T00:00:00.000Z`).getUTCDay();
  return dow === 0 || dow === 6;
}

export function isWorkingDay(date: string, holidays: ReadonlySet<string>): boolean {
  return !isWeekend(date) && !holidays.has(date);
}

/** The N-th working day strictly after `date` (N ≥ 0; N = 0 gives `date` itself). */
export function nthWorkingDayAfter(date: string, n: number, holidays: ReadonlySet<string>): string {
  let d = date;
  for (let left = n; left > 0; ) {
    d = addCalendarDays(d, 1);
    if (isWorkingDay(d, holidays)) left--;
  }
  return d;
}

/** Deadline of a limit of `days` working days for something received at `receivedAt`. */
export function addWorkingDays(receivedAt: Date | string, days: number, holidays: ReadonlySet<string>): string {
  return endOfVnDay(nthWorkingDayAfter(vnDate(receivedAt), days, holidays));
}

/** Working days D with date(from) < D ≤ date(to): what a pause from `from` to `to` gives back. */
export function workingDaysBetween(from: Date | string, to: Date | string, holidays: ReadonlySet<string>): number {
  const end = vnDate(to);
  let n = 0;
  for (let d = addCalendarDays(vnDate(from), 1); d <= end; d = addCalendarDays(d, 1)) {
    if (isWorkingDay(d, holidays)) n++;
  }
  return n;
}

/** A deadline moved later by `days` working days (used when a wait for the citizen ends). */
export function extendDeadline(dueAt: string, days: number, holidays: ReadonlySet<string>): string {
  if (days <= 0) return dueAt;
  return endOfVnDay(nthWorkingDayAfter(vnDate(dueAt), days, holidays));
}

/** The deadline after the citizen answered: the original plus the working days spent waiting. */
export function resumeDeadline(
  dueAt: string,
  waitStartedAt: string,
  resumedAt: Date | string,
  holidays: ReadonlySet<string>,
): string {
  return extendDeadline(dueAt, workingDaysBetween(waitStartedAt, resumedAt, holidays), holidays);
}
