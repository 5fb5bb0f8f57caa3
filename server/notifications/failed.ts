import type { Db } from '../../db/index.js';
import {
  failedOutbox,
  getOutboxInSubtree,
  pendingOutboxCount,
  retryOutbox,
} from '../../db/repositories/outbox.js';
import type { Unit } from '../../db/schema.js';
import { notFound } from '../errors.js';
import type { Notifier } from './notifier.js';

const LIST_LIMIT = 200;

/**
 * The staff view of the outbox for a subtree: every unsent message that has failed at least
 * once (given up when `nextAttemptAt` is null), the number still waiting to be sent, and which
 * channels are configured at all.
 */
export async function failedSends(db: Db, root: Unit, notifier: Notifier) {
  const rows = await failedOutbox(db, root.path, LIST_LIMIT);
  return {
    pending: await pendingOutboxCount(db, root.path),
    channels: notifier.channels,
    items: rows.map((r) => ({
      id: r.id,
      feedbackId: r.feedback_id,
      trackingCode: r.tracking_code,
      unitName: r.unit_name,
      channel: r.channel,
      recipient: r.recipient,
      event: r.event,
      attempts: Number(r.attempts),
      lastAttemptAt: r.attempted_at,
      nextAttemptAt: r.next_attempt_at,
      givenUp: r.next_attempt_at === null,
      lastError: r.last_error,
      createdAt: r.created_at,
    })),
  };
}

/** "Send again": the message is due now with a fresh count of attempts. */
export async function sendAgain(db: Db, root: Unit, id: string, now: Date, notifier: Notifier) {
  if (!(await getOutboxInSubtree(db, root.path, id))) throw notFound();
  await retryOutbox(db, id, now.toISOString());
  notifier.wake();
}
