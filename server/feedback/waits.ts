import type { Db } from '../../db/index.js';
import { insertEvent, updateFeedbackIfStatus } from '../../db/repositories/feedback.js';
import { waitingItems, type WaitingItem } from '../../db/repositories/feedback-deadlines.js';
import { holidaySet } from '../../db/repositories/holidays.js';
import type { Feedback } from '../../db/schema.js';
import {
  addWorkingDays,
  isLate,
  lateCutoff,
  resumeDeadline,
  type CalendarLike,
} from '../deadlines.js';

/**
 * Waiting for the citizen (DOMAIN.md "Pauses cannot hide a late item"):
 * - Asking for more information has its own limit: 5 working days from acceptance (the
 *   national portal's rule). A request made after that limit is still sent, but it does not
 *   stop the clock: the wait gives no time back, and the timeline says so.
 * - A wait that starts after the resolution deadline gives nothing back either: an item that
 *   was overdue when paused stays overdue (and failing) while it waits and after.
 * - A wait has an end: after 15 working days without a reply (to 24:00 of the 15th working day
 *   after the request), the item returns to staff as `in_progress`, with a note in its timeline;
 *   the 15 days are given back as for any wait that stops the clock.
 */
export const INFO_REQUEST_WORKING_DAYS = 5;
export const MAX_WAIT_WORKING_DAYS = 15;

/** The last moment to ask the citizen for more information, or null before acceptance. */
export function infoRequestDueAt(
  item: Pick<Feedback, 'accepted_at'>,
  calendar: CalendarLike,
): string | null {
  return item.accepted_at
    ? addWorkingDays(item.accepted_at, INFO_REQUEST_WORKING_DAYS, calendar)
    : null;
}

/** Does a wait that started at `since` stop the item's resolution clock? */
export function waitStopsClock(
  item: Pick<Feedback, 'accepted_at' | 'due_at'>,
  since: string,
  calendar: CalendarLike,
): boolean {
  if (isLate(since, item.due_at)) return false;
  const infoDue = infoRequestDueAt(item, calendar);
  return !(infoDue && isLate(since, infoDue));
}

/**
 * The resolution deadline once the current wait ends at `resumedAt`: the working days waited are
 * given back only when the wait stopped the clock (`clock_paused_at` set when it began).
 */
export function dueAfterWait(
  item: Pick<Feedback, 'due_at' | 'clock_paused_at'>,
  resumedAt: Date | string,
  calendar: CalendarLike,
): string {
  return item.clock_paused_at
    ? resumeDeadline(item.due_at, item.clock_paused_at, resumedAt, calendar)
    : item.due_at;
}

/** The end of the longest wait (stored form: 23:59:59 of its last day; it ends at 24:00). */
export function waitEndsAt(since: string, calendar: CalendarLike): string {
  return addWorkingDays(since, MAX_WAIT_WORKING_DAYS, calendar);
}

/** The note a request for information carries in the timeline when it comes too late to pause. */
export function lateRequestNote(
  item: Pick<Feedback, 'accepted_at' | 'due_at'>,
  at: string,
  calendar: CalendarLike,
): string | null {
  if (isLate(at, item.due_at))
    return 'Yêu cầu bổ sung sau khi đã quá hạn giải quyết: thời gian chờ không được cộng thêm vào hạn.';
  const infoDue = infoRequestDueAt(item, calendar);
  if (infoDue && isLate(at, infoDue)) {
    return `Yêu cầu bổ sung quá ${INFO_REQUEST_WORKING_DAYS} ngày làm việc kể từ khi thụ lý: thời gian chờ không được cộng thêm vào hạn.`;
  }
  return null;
}

export const WAIT_EXPIRED_NOTE = `Quá ${MAX_WAIT_WORKING_DAYS} ngày làm việc không nhận được thông tin bổ sung: hồ sơ trở lại tiếp tục xử lý.`;

/**
 * What the sweep does to one item whose wait has ended, computed without writing: the fields it
 * sets and the timeline event it appends. Reads show an expired wait through this (`asReturned`,
 * `returnedEvent`) and the sweep writes exactly this, so the two cannot disagree.
 */
export interface WaitReturn {
  item: Feedback;
  /** The moment the wait ended: 24:00 of its last working day (the event's `at`). */
  at: string;
  set: { status: 'in_progress'; due_at: string; clock_paused_at: null };
  event: {
    id: string;
    feedback_id: string;
    from_status: 'waiting_citizen';
    to_status: 'in_progress';
    actor_user_id: null;
    at: string;
    note: string;
  };
}

/** The return of a waiting item at `now`, or null while its wait still runs. Pure. */
export function waitReturn(w: WaitingItem, now: Date, calendar: CalendarLike): WaitReturn | null {
  const end = waitEndsAt(w.since, calendar);
  if (!isLate(now, end)) return null;
  // The next day's 00:00 in Vietnam, whenever the sweep happens to run: the event is dated
  // when the wait ended, so a read before the sweep and the sweep agree on it.
  const at = lateCutoff(new Date(Date.parse(end) + 1000));
  return {
    item: w.item,
    at,
    set: {
      status: 'in_progress',
      due_at: dueAfterWait(w.item, end, calendar),
      clock_paused_at: null,
    },
    event: {
      id: `${at}~wait~${w.item.id}`,
      feedback_id: w.item.id,
      from_status: 'waiting_citizen',
      to_status: 'in_progress',
      actor_user_id: null,
      at,
      note: WAIT_EXPIRED_NOTE,
    },
  };
}

export type WaitReturns = ReadonlyMap<string, WaitReturn>;

/**
 * The waits ended at `now` (of `ids`, or of the subtree at `rootPath`, or all), by item id.
 * Reads only: a read shows these items as `asReturned` and leaves the writing to the sweep.
 */
export async function waitReturns(
  db: Db,
  now: Date,
  scope: { ids?: readonly string[]; rootPath?: string } = {},
): Promise<WaitReturns> {
  const waiting = await waitingItems(db, scope);
  if (!waiting.length) return new Map();
  const calendar = await holidaySet(db);
  const out = new Map<string, WaitReturn>();
  for (const w of waiting) {
    const r = waitReturn(w, now, calendar);
    if (r) out.set(w.item.id, r);
  }
  return out;
}

/** A row as it will be once the sweep has returned its expired wait (unchanged otherwise). */
export function asReturned<T extends Pick<Feedback, 'id' | 'status'>>(
  row: T,
  returns: WaitReturns,
): T {
  const r = returns.get(row.id);
  return r && row.status === 'waiting_citizen' ? { ...row, ...r.set } : row;
}

/**
 * Returns to `in_progress` every item (of `ids`, or all) whose wait passed its end at `now`.
 * Run on start, hourly (server/maintenance.ts) and before a staff move on the item; never by a
 * read (reads show the same through `waitReturns`). Returns the ids it moved.
 */
export async function sweepExpiredWaits(
  db: Db,
  now: Date,
  ids?: readonly string[],
): Promise<string[]> {
  const returns = await waitReturns(db, now, { ids });
  const moved: string[] = [];
  for (const r of returns.values()) {
    const done = await db.transaction().execute(async (trx) => {
      const set = { ...r.set, updated_at: now.toISOString() };
      if (!(await updateFeedbackIfStatus(trx, r.item.id, 'waiting_citizen', set))) return false;
      await insertEvent(trx, r.event);
      return true;
    });
    if (done) moved.push(r.item.id);
  }
  return moved;
}
