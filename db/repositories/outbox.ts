import type { Db } from '../index.js';
import type { NewOutboxRow, OutboxChannel, OutboxRow } from '../schema.js';
import { pathInSubtree } from './subtree.js';

export async function insertOutbox(db: Db, rows: NewOutboxRow[]): Promise<void> {
  if (rows.length) await db.insertInto('outbox').values(rows).execute();
}

/**
 * Rows due at `now` on the given channels, not claimed by anyone (or claimed before
 * `staleBefore`, by a process that died while sending): candidates, not yet claimed.
 */
export async function dueOutbox(
  db: Db,
  now: string,
  staleBefore: string,
  channels: OutboxChannel[],
  limit: number,
): Promise<Pick<OutboxRow, 'id' | 'claimed_at'>[]> {
  if (!channels.length) return [];
  return db
    .selectFrom('outbox')
    .select(['id', 'claimed_at'])
    .where('sent_at', 'is', null)
    .where('next_attempt_at', 'is not', null)
    .where('next_attempt_at', '<=', now)
    .where('channel', 'in', channels)
    .where((eb) => eb.or([eb('claimed_at', 'is', null), eb('claimed_at', '<', staleBefore)]))
    .orderBy('next_attempt_at')
    .limit(limit)
    .execute();
}

/**
 * Claims a row for this process: an update guarded by the claim it had when read, so of two
 * processes (or two runs) that read the same row, exactly one claims it. Counts the attempt.
 */
export async function claimOutbox(
  db: Db,
  row: Pick<OutboxRow, 'id' | 'claimed_at'>,
  at: string,
): Promise<OutboxRow | undefined> {
  const r = await db
    .updateTable('outbox')
    .set((eb) => ({ claimed_at: at, attempted_at: at, attempts: eb('attempts', '+', 1) }))
    .where('id', '=', row.id)
    .where('sent_at', 'is', null)
    .where('claimed_at', row.claimed_at === null ? 'is' : '=', row.claimed_at)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return undefined;
  return db.selectFrom('outbox').selectAll().where('id', '=', row.id).executeTakeFirst();
}

/** Is the contact this row goes to still there (not erased)? */
export async function contactStillHeld(db: Db, feedbackId: string): Promise<boolean> {
  const c = await db
    .selectFrom('feedback_contacts')
    .select('erased_at')
    .where('feedback_id', '=', feedbackId)
    .executeTakeFirst();
  return !!c && c.erased_at === null;
}

export async function markOutboxSent(
  db: Db,
  id: string,
  at: string,
  rendered: { subject: string | null; text: string; html: string | null },
): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ ...rendered, sent_at: at, claimed_at: null, next_attempt_at: null, last_error: null })
    .where('id', '=', id)
    .execute();
}

/** A failed attempt: the error, and the next try (null: given up). */
export async function markOutboxFailed(
  db: Db,
  id: string,
  error: string,
  nextAttemptAt: string | null,
  rendered: { subject: string | null; text: string; html: string | null } | null,
): Promise<void> {
  await db
    .updateTable('outbox')
    .set({
      ...rendered,
      last_error: error.slice(0, 500),
      next_attempt_at: nextAttemptAt,
      claimed_at: null,
    })
    .where('id', '=', id)
    .execute();
}

export async function deleteOutboxRow(db: Db, id: string): Promise<void> {
  await db.deleteFrom('outbox').where('id', '=', id).execute();
}

/**
 * Erasure of an item's contact: unsent messages are dropped (they would go to an address the
 * person asked us to forget) and sent ones keep no address.
 */
export async function eraseOutboxFor(db: Db, feedbackIds: string[]): Promise<void> {
  if (!feedbackIds.length) return;
  await db
    .deleteFrom('outbox')
    .where('feedback_id', 'in', feedbackIds)
    .where('sent_at', 'is', null)
    .execute();
  await db
    .updateTable('outbox')
    .set({ recipient: '' })
    .where('feedback_id', 'in', feedbackIds)
    .execute();
}

/** The same for every contact the retention sweep erased (contacts erased, their outbox not). */
export async function eraseOutboxOfErasedContacts(db: Db): Promise<void> {
  const erased = db
    .selectFrom('feedback_contacts')
    .select('feedback_id')
    .where('erased_at', 'is not', null);
  await db
    .deleteFrom('outbox')
    .where('sent_at', 'is', null)
    .where('feedback_id', 'in', erased)
    .execute();
  await db
    .updateTable('outbox')
    .set({ recipient: '' })
    .where('recipient', '!=', '')
    .where('feedback_id', 'in', erased)
    .execute();
}

export interface OutboxListRow {
  id: string;
  feedback_id: string;
  tracking_code: string;
  unit_name: string;
  channel: OutboxChannel;
  recipient: string;
  event: OutboxRow['event'];
  attempts: number;
  attempted_at: string | null;
  next_attempt_at: string | null;
  last_error: string | null;
  created_at: string;
}

function inSubtree(db: Db, rootPath: string) {
  return db
    .selectFrom('outbox')
    .innerJoin('feedback', 'feedback.id', 'outbox.feedback_id')
    .innerJoin('units', 'units.id', 'feedback.unit_id')
    .where('outbox.sent_at', 'is', null)
    .where(pathInSubtree(db, 'units.path', rootPath));
}

/** Unsent messages of the subtree that have failed at least once (retrying or given up). */
export async function failedOutbox(
  db: Db,
  rootPath: string,
  limit: number,
): Promise<OutboxListRow[]> {
  return inSubtree(db, rootPath)
    .where('outbox.last_error', 'is not', null)
    .select([
      'outbox.id',
      'outbox.feedback_id',
      'feedback.tracking_code',
      'units.name as unit_name',
      'outbox.channel',
      'outbox.recipient',
      'outbox.event',
      'outbox.attempts',
      'outbox.attempted_at',
      'outbox.next_attempt_at',
      'outbox.last_error',
      'outbox.created_at',
    ])
    .orderBy('outbox.created_at', 'desc')
    .limit(limit)
    .execute();
}

/** Messages of the subtree still to be sent (including those waiting for a retry). */
export async function pendingOutboxCount(db: Db, rootPath: string): Promise<number> {
  const r = await inSubtree(db, rootPath)
    .where('outbox.next_attempt_at', 'is not', null)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function getOutboxInSubtree(
  db: Db,
  rootPath: string,
  id: string,
): Promise<Pick<OutboxRow, 'id'> | undefined> {
  return inSubtree(db, rootPath).where('outbox.id', '=', id).select('outbox.id').executeTakeFirst();
}

/** "Send again": due now, a fresh count of attempts, off the failed list until it fails again. */
export async function retryOutbox(db: Db, id: string, now: string): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ attempts: 0, next_attempt_at: now, claimed_at: null, last_error: null })
    .where('id', '=', id)
    .where('sent_at', 'is', null)
    .execute();
}
