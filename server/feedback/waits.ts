import type { Db } from '../../db/index.js';
import { eventId, insertEvent, updateFeedbackIfStatus } from '../../db/repositories/feedback.js';
import { waitingItems } from '../../db/repositories/feedback-deadlines.js';
import { holidaySet } from '../../db/repositories/holidays.js';
import type { Feedback } from '../../db/schema.js';
import { addWorkingDays, isLate, resumeDeadline, type CalendarLike } from '../deadlines.js';

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
 * Returns to `in_progress` every item (of `ids`, or all) whose wait passed its end at `now`.
 * Run on start and before the reads that show or count items, so a fixed clock drives it.
 * Returns the ids it moved.
 */
export async function sweepExpiredWaits(
  db: Db,
  now: Date,
  ids?: readonly string[],
): Promise<string[]> {
  const waiting = await waitingItems(db, ids);
  if (!waiting.length) return [];
  const calendar = await holidaySet(db);
  const moved: string[] = [];
  for (const { item, since } of waiting) {
    const end = waitEndsAt(since, calendar);
    if (!isLate(now, end)) continue;
    const at = now.toISOString();
    const done = await db.transaction().execute(async (trx) => {
      const set = {
        status: 'in_progress' as const,
        due_at: dueAfterWait(item, end, calendar),
        clock_paused_at: null,
        updated_at: at,
      };
      if (!(await updateFeedbackIfStatus(trx, item.id, 'waiting_citizen', set))) return false;
      await insertEvent(trx, {
        id: eventId(at),
        feedback_id: item.id,
        from_status: 'waiting_citizen',
        to_status: 'in_progress',
        actor_user_id: null,
        at,
        note: WAIT_EXPIRED_NOTE,
      });
      return true;
    });
    if (done) moved.push(item.id);
  }
  return moved;
}
