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
      reason: failureReason(r.channel, r.last_error),
      /** The sending library's or gateway's own words (technical detail, often English). */
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

/** What went wrong, in words staff can act on (the raw error stays beside it as detail). */
export function failureReason(
  channel: 'email' | 'sms',
  error: string | null,
): { vi: string; en: string } {
  const e = error ?? '';
  if (/ECONNREFUSED|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|ECONNRESET|timeout|aborted/i.test(e))
    return channel === 'email'
      ? { vi: 'Không kết nối được máy chủ thư.', en: 'Could not reach the mail server.' }
      : { vi: 'Không kết nối được cổng SMS.', en: 'Could not reach the SMS gateway.' };
  if (/auth|535|534/i.test(e))
    return { vi: 'Máy chủ thư từ chối đăng nhập.', en: 'The mail server refused the sign-in.' };
  const sms = /SMS webhook answered (\d+)/.exec(e);
  if (sms)
    return {
      vi: `Cổng SMS trả lời lỗi ${sms[1]}.`,
      en: `The SMS gateway answered ${sms[1]}.`,
    };
  if (/\b4\d\d\b/.test(e))
    return {
      vi: 'Máy chủ thư tạm thời từ chối thư.',
      en: 'The mail server refused the message for now.',
    };
  if (/\b5\d\d\b|recipient|address/i.test(e))
    return {
      vi: 'Máy chủ thư từ chối thư (có thể địa chỉ không đúng).',
      en: 'The mail server refused the message (perhaps a wrong address).',
    };
  return { vi: 'Gửi không thành công.', en: 'Sending failed.' };
}
