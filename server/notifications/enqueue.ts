import { newId } from '../../db/ids.js';
import type { Db } from '../../db/index.js';
import { getContact, getFeedback } from '../../db/repositories/feedback.js';
import { insertOutbox } from '../../db/repositories/outbox.js';
import { getUnit } from '../../db/repositories/units.js';
import type { Feedback, NewOutboxRow } from '../../db/schema.js';
import { NOTIFIED, type NoticeFacts } from './messages.js';

/**
 * Writes the messages that report `item`'s new status (or its receipt) to the outbox. Call it
 * inside the transaction that makes the change: a change that rolls back leaves no message, and
 * a change that commits always has its message. Only a contact who consented and gave an
 * address or a number, and whose details are not erased, gets anything.
 */
export async function enqueueNotices(
  trx: Db,
  now: Date,
  item: Feedback,
  note: string | null = null,
): Promise<void> {
  if (!NOTIFIED.includes(item.status)) return;
  const contact = await getContact(trx, item.id);
  if (!contact || contact.erased_at || !contact.consent_at) return;
  const targets = [
    ['email', contact.email?.trim()],
    ['sms', contact.phone?.trim()],
  ] as const;
  if (!targets.some(([, to]) => to)) return;
  const payload = JSON.stringify(await factsOf(trx, item, note));
  const at = now.toISOString();
  const rows: NewOutboxRow[] = [];
  for (const [channel, to] of targets) {
    if (!to) continue;
    rows.push({
      id: newId(),
      feedback_id: item.id,
      channel,
      recipient: to,
      event: item.status,
      payload,
      subject: null,
      text: null,
      html: null,
      next_attempt_at: at,
      claimed_at: null,
      attempted_at: null,
      sent_at: null,
      last_error: null,
      created_at: at,
    });
  }
  await insertOutbox(trx, rows);
}

async function factsOf(trx: Db, item: Feedback, note: string | null): Promise<NoticeFacts> {
  const unit = await getUnit(trx, item.unit_id);
  const facts: NoticeFacts = {
    code: item.tracking_code,
    kind: item.kind,
    title: item.title,
    unitName: unit?.name ?? '',
    dueAt: item.due_at,
  };
  if (item.status === 'waiting_citizen' || item.status === 'rejected') facts.note = note;
  if (item.status === 'rejected' && item.duplicate_of) facts.duplicate = true;
  if (item.status === 'answered') facts.answer = item.answer;
  if (item.status === 'transferred' && item.transferred_to) {
    const next = await getFeedback(trx, item.transferred_to);
    facts.newCode = next?.tracking_code ?? null;
    facts.newUnitName = next ? ((await getUnit(trx, next.unit_id))?.name ?? null) : null;
  }
  return facts;
}
