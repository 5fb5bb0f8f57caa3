import { newCode, newId } from '../../db/ids.js';
import type { Db } from '../../db/index.js';
import {
  getContact,
  getFeedbackByClientId,
  insertContact,
  eventId,
  insertEvent,
  insertFeedbackIfNew,
  setReplyKeyHash,
} from '../../db/repositories/feedback.js';
import { putSearchText } from '../../db/repositories/feedback-inbox.js';
import { holidaySet } from '../../db/repositories/holidays.js';
import { getUnit } from '../../db/repositories/units.js';
import { enqueueNotices } from '../notifications/enqueue.js';
import type { Feedback, FeedbackKind } from '../../db/schema.js';
import { addWorkingDays, type CalendarLike } from '../deadlines.js';
import { foldText } from '../domain/text.js';
import { conflict, invalid } from '../errors.js';
import { insertPhotos } from '../../db/repositories/feedback-photos.js';
import { LIMITS } from './limits.js';
import { photoRows, type CleanPhoto } from './photos.js';
import { newReplyKey } from './reply-key.js';
import { hasContact, type TContact, type TFeedbackFiling } from './schemas.js';

/** What the staff search matches: the tracking code, title and content, folded. */
export function searchTextOf(f: Pick<Feedback, 'tracking_code' | 'title' | 'content'>): string {
  return foldText(`${f.tracking_code}\n${f.title}\n${f.content}`);
}

/** How long contact details are kept after filing; said on the form, enforced on start. */
export const CONTACT_RETENTION_MONTHS = 24;

export function newTrackingCode(): string {
  return `PA-${newCode(8)}`;
}

function retainUntil(now: Date): string {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() + CONTACT_RETENTION_MONTHS);
  return d.toISOString();
}

/** The deadline of a limit of `workingDays` for an item received at `receivedAt` (intake and GET /api/calendar/due). */
export function intakeDueAt(receivedAt: Date, workingDays: number, calendar: CalendarLike): string {
  return addWorkingDays(receivedAt, workingDays, calendar);
}

/** GET /api/calendar/due: the deadline an intake at `receivedAt` gets by the calendar in force. */
export async function calendarDueAt(
  db: Db,
  receivedAt: Date,
  workingDays: number,
): Promise<string> {
  return intakeDueAt(receivedAt, workingDays, await holidaySet(db));
}

/** A new `received` row with its accept and resolution deadlines counted from `now`. */
export function newItemRow(
  input: {
    unitId: string;
    kind: FeedbackKind;
    category: string;
    title: string;
    content: string;
    clientId?: string | null;
    transferredFrom?: string | null;
    replyKeyHash?: string | null;
    appealOf?: string | null;
  },
  now: Date,
  holidays: CalendarLike,
): Feedback {
  const at = now.toISOString();
  const limits = LIMITS[input.kind];
  return {
    id: newId(),
    tracking_code: newTrackingCode(),
    unit_id: input.unitId,
    kind: input.kind,
    category: input.category,
    title: input.title,
    content: input.content,
    status: 'received',
    received_at: at,
    accept_due_at: intakeDueAt(now, limits.accept, holidays),
    due_at: intakeDueAt(now, limits.resolve, holidays),
    publish_due_at: null,
    accepted_at: null,
    answered_at: null,
    published_at: null,
    closed_at: null,
    answer: null,
    duplicate_of: null,
    transferred_from: input.transferredFrom ?? null,
    transferred_to: null,
    client_id: input.clientId ?? null,
    updated_at: at,
    clock_paused_at: null,
    reply_key_hash: input.replyKeyHash ?? null,
    appeal_of: input.appealOf ?? null,
  };
}

/**
 * Inserts a received item, its contact (if any) and its first event. Retries on the rare
 * tracking-code collision; returns undefined when `client_id` is already taken.
 */
export async function insertReceived(
  db: Db,
  build: () => Feedback,
  contact: {
    name: string | null;
    phone: string | null;
    email: string | null;
    consent_at: string;
    retain_until: string;
  } | null,
  event: { actor: string | null; note: string | null },
): Promise<Feedback | undefined> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const row = build();
    if (!(await insertFeedbackIfNew(db, row))) {
      if (row.client_id && (await getFeedbackByClientId(db, row.client_id))) return undefined;
      continue; // tracking code taken: draw another
    }
    await putSearchText(db, row.id, searchTextOf(row));
    if (contact) await insertContact(db, { feedback_id: row.id, ...contact, erased_at: null });
    await insertEvent(db, {
      id: eventId(row.received_at),
      feedback_id: row.id,
      from_status: null,
      to_status: 'received',
      actor_user_id: event.actor,
      at: row.received_at,
      note: event.note,
    });
    return row;
  }
  throw new Error('could not draw a free tracking code');
}

function contactRow(c: TContact | undefined, now: Date) {
  if (!hasContact(c)) return null;
  return {
    name: c.name ?? null,
    phone: c.phone ?? null,
    email: c.email ?? null,
    consent_at: now.toISOString(),
    retain_until: retainUntil(now),
  };
}

/** The first item of this clientId when `input` is a retry of it; 409 when it is different. */
function sameFilingOr409(
  existing: Feedback,
  input: TFeedbackFiling,
): { item: Feedback; created: false } {
  const same =
    existing.unit_id === input.unitId &&
    existing.kind === input.kind &&
    existing.category === input.category &&
    existing.title === input.title &&
    existing.content === input.content;
  // Answering a different filing with the first one's code would hand its sender someone else's case.
  if (!same) {
    throw conflict({
      vi: 'Phản ánh này đã được gửi trước đó với nội dung khác. Vui lòng tải lại trang rồi gửi lại.',
      en: 'This clientId was already used for a different filing. Please reload the page and send again.',
    });
  }
  return { item: existing, created: false };
}

/**
 * Files a citizen's feedback. The same `clientId` with the same filing again returns the first
 * item (created: false): a retry after a lost response never files twice. The same `clientId`
 * with a different filing is a 409.
 */
export async function fileFeedback(
  db: Db,
  now: Date,
  input: TFeedbackFiling,
  photos: CleanPhoto[] = [],
): Promise<{ item: Feedback; created: boolean; replyKey: string }> {
  if (input.clientId) {
    const existing = await getFeedbackByClientId(db, input.clientId);
    if (existing) return withFreshKey(db, sameFilingOr409(existing, input));
  }
  const unit = await getUnit(db, input.unitId);
  if (!unit) throw invalid([{ path: 'unitId', message: 'unknown unit' }]);
  const holidays = await holidaySet(db);
  const key = newReplyKey();
  const item = await db.transaction().execute(async (trx) => {
    const created = await insertReceived(
      trx,
      () =>
        newItemRow({ ...input, clientId: input.clientId, replyKeyHash: key.hash }, now, holidays),
      contactRow(input.contact, now),
      {
        actor: null,
        note: null,
      },
    );
    if (created) {
      await insertPhotos(trx, photoRows(photos, created.id, null, created.received_at));
      await enqueueNotices(trx, now, created); // the receipt, in the same transaction
    }
    return created;
  });
  if (item) return { item, created: true, replyKey: key.key };
  // Lost the race to a concurrent retry with the same clientId: answer with that one.
  const existing = await getFeedbackByClientId(db, input.clientId!);
  if (!existing) throw new Error('client id conflict without a row');
  return withFreshKey(db, sameFilingOr409(existing, input));
}

/**
 * A retry of a filing (same clientId, same text) whose first answer was lost: only the key's hash
 * is stored, so the retry gets a new key and the first one stops working. Only the sender knows
 * the clientId, so this hands the case to no one else.
 */
async function withFreshKey(db: Db, r: { item: Feedback; created: false }) {
  const key = newReplyKey();
  await setReplyKeyHash(db, r.item.id, key.hash);
  return { ...r, replyKey: key.key };
}

/** The contact of an item, copied to the item a transfer opens (the new unit now handles it). */
export async function copyContact(db: Db, fromId: string) {
  const c = await getContact(db, fromId);
  if (!c || c.erased_at) return null;
  return {
    name: c.name,
    phone: c.phone,
    email: c.email,
    consent_at: c.consent_at,
    retain_until: c.retain_until,
  };
}
