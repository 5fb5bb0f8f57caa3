import type { Db } from '../../db/index.js';
import { eventId, insertEvent } from '../../db/repositories/feedback.js';
import {
  itemsWithRunningDeadlines,
  setDeadlinesIfStatus,
} from '../../db/repositories/feedback-deadlines.js';
import type { Feedback } from '../../db/schema.js';
import { addWorkingDays, workingDaysBetween, type CalendarLike } from '../deadlines.js';
import { formatVnDateShort } from '../domain/vn-time.js';

/**
 * The same deadline counted again on a new calendar: the number of working days from `from` to
 * the old deadline (the limit plus any days a wait gave back) is kept, and counted afresh.
 */
function recount(from: string, oldDue: string, before: CalendarLike, after: CalendarLike): string {
  return addWorkingDays(from, workingDaysBetween(from, oldDue, before), after);
}

type Changes = { accept_due_at?: string; due_at?: string; publish_due_at?: string };

/** Which deadlines of an open item run: acceptance until decided, resolution until answered, publication until published. */
function newDeadlines(f: Feedback, before: CalendarLike, after: CalendarLike): Changes {
  const set: Changes = {};
  if (f.status === 'received') {
    const accept = recount(f.received_at, f.accept_due_at, before, after);
    if (accept !== f.accept_due_at) set.accept_due_at = accept;
  }
  if (f.status !== 'answered') {
    const due = recount(f.received_at, f.due_at, before, after);
    if (due !== f.due_at) set.due_at = due;
  } else if (f.publish_due_at && f.answered_at) {
    const publish = recount(f.answered_at, f.publish_due_at, before, after);
    if (publish !== f.publish_due_at) set.publish_due_at = publish;
  }
  return set;
}

const LABELS: Record<keyof Changes, string> = {
  accept_due_at: 'hạn tiếp nhận',
  due_at: 'hạn giải quyết',
  publish_due_at: 'hạn công khai',
};

function note(f: Feedback, set: Changes): string {
  const parts = (Object.keys(set) as (keyof Changes)[]).map(
    (k) => `${LABELS[k]} từ ${formatVnDateShort(f[k]!)} thành ${formatVnDateShort(set[k]!)}`,
  );
  return `Lịch ngày nghỉ, ngày làm việc thay đổi: ${parts.join('; ')}.`;
}

/**
 * After the calendar changed (inside the same transaction): every open item's running deadlines
 * are counted again, and each item that changed says so in its timeline. Returns how many changed.
 */
export async function recomputeDeadlines(
  trx: Db,
  now: Date,
  actorId: string | null,
  before: CalendarLike,
  after: CalendarLike,
): Promise<number> {
  const at = now.toISOString();
  let changed = 0;
  for (const f of await itemsWithRunningDeadlines(trx)) {
    const set = newDeadlines(f, before, after);
    if (!Object.keys(set).length) continue;
    if (!(await setDeadlinesIfStatus(trx, f.id, f.status, { ...set, updated_at: at }))) continue;
    await insertEvent(trx, {
      id: eventId(at),
      feedback_id: f.id,
      from_status: f.status,
      to_status: f.status,
      actor_user_id: actorId,
      at,
      note: note(f, set),
    });
    changed++;
  }
  return changed;
}
