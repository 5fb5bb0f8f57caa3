/**
 * Time as read in Vietnam (Asia/Ho_Chi_Minh: UTC+7 all year, no daylight saving). The one home of
 * every "which Vietnamese day is this instant" and "how is it written" rule, for the server and
 * the dashboard alike: it imports nothing, so the client may import it too.
 *
 * Dates are 'YYYY-MM-DD' strings of the Vietnamese calendar; instants are `Date`s or ISO strings.
 * Every function that takes an instant also takes a bare date ('2026-11-23' reads as that day).
 */

const OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

function millis(at: Date | string): number {
  return typeof at === 'string' ? Date.parse(at) : at.getTime();
}

/** The instant shifted so that its UTC fields read as a clock in Vietnam. */
function wallClock(at: Date | string): string {
  return new Date(millis(at) + OFFSET_MS).toISOString();
}

/** 'YYYY-MM-DD' of an instant, as read on a clock in Vietnam. */
export function vnDate(at: Date | string): string {
  return wallClock(at).slice(0, 10);
}

/** The instant 00:00 +07:00 on a Vietnamese calendar date, as an ISO UTC string. */
export function startOfVnDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) - OFFSET_MS).toISOString();
}

/**
 * The instant 23:59:59 +07:00 on a Vietnamese calendar date, as an ISO UTC string: how a
 * deadline's last day is stored (the day itself still ends at 24:00, see deadlines.ts `isLate`).
 */
export function endOfVnDay(date: string): string {
  return `${date}T16:59:59.000Z`;
}

/** The calendar date `n` days after `date` (before, when `n` is negative). */
export function addCalendarDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** 'YYYY-MM-DDThh:mm' on a clock in Vietnam, as an `<input type="datetime-local">` holds it. */
export function toVnInput(at: Date | string): string {
  return wallClock(at).slice(0, 16);
}

/** The instant a 'YYYY-MM-DDThh:mm' typed as Vietnamese time stands for, as an ISO UTC string. */
export function fromVnInput(value: string): string {
  return new Date(Date.parse(`${value.slice(0, 16)}:00.000Z`) - OFFSET_MS).toISOString();
}

/** 'dd/mm/yyyy', as dates are written in Vietnam: '03/02/2026'. */
export function formatVnDate(at: Date | string): string {
  const [y, m, d] = vnDate(at).split('-');
  return `${d}/${m}/${y}`;
}

/** 'd/m/yyyy' without leading zeros, as running text writes a date: '3/2/2026'. */
export function formatVnDateShort(at: Date | string): string {
  const [y, m, d] = vnDate(at).split('-');
  return `${Number(d)}/${Number(m)}/${y}`;
}

/** 'hh:mm', 24-hour, on a clock in Vietnam. */
export function formatVnTime(at: Date | string): string {
  return wallClock(at).slice(11, 16);
}

/** 'dd/mm/yyyy hh:mm' in Vietnam, the order of tables and reports: '23/11/2026 09:05'. */
export function formatVnDateTime(at: Date | string): string {
  return `${formatVnDate(at)} ${formatVnTime(at)}`;
}

/** 'hh:mm dd/mm/yyyy' in Vietnam, the order of running Vietnamese text: '09:05 23/11/2026'. */
export function formatVnTimeDate(at: Date | string): string {
  return `${formatVnTime(at)} ${formatVnDate(at)}`;
}
