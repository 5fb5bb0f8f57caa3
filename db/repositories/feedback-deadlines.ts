import { sql } from 'kysely';
import type { Db } from '../index.js';
import type { Feedback, FeedbackStatus } from '../schema.js';

/** Items whose accept, resolution or publication clock still runs (or is paused). */
const RUNNING: FeedbackStatus[] = [
  'received',
  'accepted',
  'in_progress',
  'waiting_citizen',
  'answered',
];

export async function itemsWithRunningDeadlines(db: Db): Promise<Feedback[]> {
  return db
    .selectFrom('feedback')
    .selectAll()
    .where('status', 'in', RUNNING)
    .orderBy('received_at')
    .orderBy('id')
    .execute();
}

/** Sets new deadlines on an item still in `status` (a concurrent move leaves it alone); true when set. */
export async function setDeadlinesIfStatus(
  db: Db,
  id: string,
  status: FeedbackStatus,
  set: {
    accept_due_at?: string;
    due_at?: string;
    publish_due_at?: string | null;
    updated_at: string;
  },
): Promise<boolean> {
  const r = await db
    .updateTable('feedback')
    .set(set)
    .where('id', '=', id)
    .where('status', '=', status)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export interface WaitingItem {
  item: Feedback;
  /** When the current wait for the citizen began (the last move into waiting_citizen). */
  since: string;
}

/**
 * Items waiting for the citizen (of `ids`, or of the subtree at `rootPath`, or all), with the
 * start of their current wait.
 */
export async function waitingItems(
  db: Db,
  scope: { ids?: readonly string[]; rootPath?: string } = {},
): Promise<WaitingItem[]> {
  const { ids, rootPath } = scope;
  if (ids && !ids.length) return [];
  const items = await db
    .selectFrom('feedback')
    .selectAll('feedback')
    .where('status', '=', 'waiting_citizen')
    .$if(!!ids, (q) => q.where('feedback.id', 'in', ids!))
    .$if(rootPath !== undefined, (q) =>
      q.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('units as u')
            .select('u.id')
            .whereRef('u.id', '=', 'feedback.unit_id')
            .where(sql<string>`substr(u.path, 1, ${rootPath!.length})`, '=', rootPath!),
        ),
      ),
    )
    .execute();
  if (!items.length) return [];
  const starts = await db
    .selectFrom('feedback_events')
    .select(['feedback_id', (eb) => eb.fn.max('at').as('since')])
    .where('to_status', '=', 'waiting_citizen')
    // Entering the wait, not a recomputed deadline's event on an item already waiting: a
    // calendar edit must not restart the 15 working days.
    .where('from_status', '=', 'in_progress')
    .where(
      'feedback_id',
      'in',
      items.map((i) => i.id),
    )
    .groupBy('feedback_id')
    .execute();
  const since = new Map(starts.map((s) => [s.feedback_id, String(s.since)]));
  return items.map((item) => ({
    item,
    since: since.get(item.id) ?? item.clock_paused_at ?? item.updated_at,
  }));
}
