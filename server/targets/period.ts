/**
 * Reporting periods as Vietnamese calendar dates (Asia/Ho_Chi_Minh, UTC+7, no daylight saving),
 * turned into the ISO UTC instants the database compares: a period [from, to] covers every
 * instant from 00:00 on `from` to just before 00:00 on the day after `to`, read in Vietnam.
 */

import { addCalendarDays, startOfVnDay, vnDate } from '../domain/vn-time.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface Period {
  /** 'YYYY-MM-DD', inclusive. */
  from: string;
  /** 'YYYY-MM-DD', inclusive. */
  to: string;
  /** First instant of the period (ISO UTC). */
  startIso: string;
  /** First instant after the period (ISO UTC): compare with `<`. */
  endIso: string;
}

export function period(from: string, to: string): Period {
  return {
    from,
    to,
    startIso: startOfVnDay(from),
    endIso: startOfVnDay(addCalendarDays(to, 1)),
  };
}

const ROMAN = ['I', 'II', 'III', 'IV'];

/** The calendar quarter `offset` quarters from the one holding `now` (0 = current, -1 = last). */
export function quarterOf(now: Date, offset = 0): Period & { label: string } {
  const today = vnDate(now);
  const index =
    Number(today.slice(0, 4)) * 4 + Math.floor((Number(today.slice(5, 7)) - 1) / 3) + offset;
  const year = Math.floor(index / 4);
  const q = index - year * 4;
  const startMonth = q * 3 + 1;
  const from = `${year}-${String(startMonth).padStart(2, '0')}-01`;
  const nextStart =
    q === 3 ? `${year + 1}-01-01` : `${year}-${String(startMonth + 3).padStart(2, '0')}-01`;
  return { ...period(from, addCalendarDays(nextStart, -1)), label: `Quý ${ROMAN[q]}/${year}` };
}

/** The last `n` quarters, oldest first, ending with the current one. */
export function lastQuarters(now: Date, n: number): (Period & { label: string })[] {
  return Array.from({ length: n }, (_, i) => quarterOf(now, i - n + 1));
}

/** Whole days from `due` to `at`, rounded up (an item 1 minute late is 1 day late). */
export function daysLate(dueIso: string, atIso: string): number {
  return Math.max(1, Math.ceil((Date.parse(atIso) - Date.parse(dueIso)) / DAY_MS));
}
