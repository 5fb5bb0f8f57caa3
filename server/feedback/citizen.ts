import type { Db } from '../../db/index.js';
import {
  appealsOf,
  getFeedback,
  lastCitizenEventId,
  listEvents,
} from '../../db/repositories/feedback.js';
import { insertPhotos, listPhotos, type PhotoInfo } from '../../db/repositories/feedback-photos.js';
import { markComplainedAgain } from '../../db/repositories/feedback-ratings.js';
import { holidaySet } from '../../db/repositories/holidays.js';
import type { Feedback } from '../../db/schema.js';
import { conflict, notFound } from '../errors.js';
import { enqueueNotices } from '../notifications/enqueue.js';
import type { TPublicFeedback } from './dto.js';
import { erasePersonalData } from './personal-data.js';
import { photoRows, type CleanPhoto } from './photos.js';
import { byCode, publicStatus } from './public-view.js';
import { keyMatches, newReplyKey } from './reply-key.js';
import { copyContact, insertReceived, newItemRow } from './service.js';
import { transitionIn } from './transitions.js';
import { sweepExpiredWaits } from './waits.js';

/**
 * How long after the answer a citizen may ask for it to be reconsidered: 30 days, the limit of
 * Luật Khiếu nại 2011 art. 33 for a second complaint after the first decision. The same 30 days
 * are used for feedback (phản ánh, where no law sets one) and denunciations (Luật Tố cáo 2018
 * art. 37 lets a denouncer ask again without a fixed limit): one rule a citizen can read.
 */
export const APPEAL_DAYS = 30;

const WRONG_KEY = {
  vi: 'Không tìm thấy phản ánh với mã và khoá trả lời này.',
  en: 'No feedback has this tracking code and reply key.',
};

/** The item when `key` is its reply key; 404 otherwise (the same answer as an unknown code). */
export async function byCodeAndKey(db: Db, code: string, key: string): Promise<Feedback> {
  const item = await byCode(db, code).catch(() => undefined);
  if (!item || !keyMatches(item.reply_key_hash, key)) throw notFound(WRONG_KEY);
  return item;
}

export interface TOwnPhoto {
  id: string;
  format: string;
  width: number;
  height: number;
}

/** What the citizen holding the key sees beyond the public status. */
export interface TOwnFeedback extends TPublicFeedback {
  own: {
    /** The answer as soon as it is given; public only once published. */
    answer: string | null;
    photos: TOwnPhoto[];
    replies: { at: string; content: string; photos: TOwnPhoto[] }[];
    canReply: boolean;
    /** The last moment to ask for reconsideration, while it can be asked. */
    appealUntil: string | null;
    appealedAs: string | null;
  };
}

export function appealUntil(item: Feedback): string | null {
  if (!item.answered_at || (item.status !== 'answered' && item.status !== 'published')) return null;
  return new Date(Date.parse(item.answered_at) + APPEAL_DAYS * 86_400_000).toISOString();
}

const photoDto = (p: PhotoInfo): TOwnPhoto => ({
  id: p.id,
  format: p.format,
  width: p.width,
  height: p.height,
});

export async function ownStatus(db: Db, item: Feedback, now: Date): Promise<TOwnFeedback> {
  const pub = await publicStatus(db, item, now);
  const photos = await listPhotos(db, item.id);
  const events = await listEvents(db, item.id);
  const appeals = await appealsOf(db, item.id);
  const until = appealUntil(item);
  return {
    ...pub,
    own: {
      answer: item.answer,
      photos: photos.filter((p) => !p.event_id).map(photoDto),
      replies: events
        .filter((e) => e.by_citizen === 1)
        .map((e) => ({
          at: e.at,
          content: e.note ?? '',
          photos: photos.filter((p) => p.event_id === e.id).map(photoDto),
        })),
      canReply: pub.status === 'waiting_citizen',
      appealUntil: until && !appeals.length && now.toISOString() <= until ? until : null,
      appealedAs: appeals[0]?.tracking_code ?? null,
    },
  };
}

/**
 * The citizen's reply to a request for information: the move waiting_citizen → in_progress by
 * the transition service (which gives back the days waited), with the reply as the entry's note
 * and its photos. Any other status → 409.
 */
export async function reply(
  db: Db,
  now: Date,
  item: Feedback,
  content: string,
  photos: CleanPhoto[],
): Promise<void> {
  await sweepExpiredWaits(db, now, [item.id]); // a wait past its end is already back with staff
  await db.transaction().execute(async (trx) => {
    const current = await getFeedback(trx, item.id);
    if (current?.status !== 'waiting_citizen') {
      throw conflict({
        vi: 'Phản ánh này hiện không chờ bạn bổ sung thông tin.',
        en: 'This item is not waiting for information from you.',
      });
    }
    await transitionIn(trx, now, null, item.id, { to: 'in_progress', note: content });
    const eventId = (await lastCitizenEventId(trx, item.id)) ?? null;
    await insertPhotos(trx, photoRows(photos, item.id, eventId, now.toISOString()));
  });
}

/**
 * Asks for an answer to be reconsidered: a new item at the same unit, linked to the first
 * (`appeal_of`), with the same contact and a key of its own; the first item counts as
 * "complained again" for Decision 766. Once per item, within APPEAL_DAYS of the answer.
 */
export async function appeal(
  db: Db,
  now: Date,
  item: Feedback,
  reason: string,
): Promise<{ item: Feedback; replyKey: string }> {
  const until = appealUntil(item);
  if (!until || now.toISOString() > until) {
    throw conflict({
      vi: `Chỉ có thể đề nghị xem xét lại trong ${APPEAL_DAYS} ngày sau khi có câu trả lời.`,
      en: `Reconsideration can be asked within ${APPEAL_DAYS} days of the answer.`,
    });
  }
  const holidays = await holidaySet(db);
  const key = newReplyKey();
  const created = await db.transaction().execute(async (trx) => {
    if ((await appealsOf(trx, item.id)).length) {
      throw conflict({
        vi: 'Bạn đã đề nghị xem xét lại câu trả lời này.',
        en: 'You have already asked for this answer to be reconsidered.',
      });
    }
    const row = await insertReceived(
      trx,
      () =>
        newItemRow(
          {
            unitId: item.unit_id,
            kind: item.kind,
            category: item.category,
            title: `Đề nghị xem xét lại: ${item.title}`.slice(0, 200),
            content: reason,
            replyKeyHash: key.hash,
            appealOf: item.id,
          },
          now,
          holidays,
        ),
      await copyContact(trx, item.id),
      { actor: null, note: `Đề nghị xem xét lại câu trả lời của ${item.tracking_code}` },
    );
    if (!row) throw new Error('appeal could not open the new item');
    await markComplainedAgain(trx, item.id, now.toISOString());
    await enqueueNotices(trx, now, row);
    return row;
  });
  return { item: created, replyKey: key.key };
}

/**
 * Erasure on the citizen's own request: their contact details and photos, on this item, the
 * items transfers made of it and the appeals they filed on it. The cases stay, without them.
 */
export async function eraseOwnData(
  db: Db,
  now: Date,
  item: Feedback,
): Promise<{ contacts: number; photos: number }> {
  return db.transaction().execute(async (trx) => {
    let contacts = 0;
    let photos = 0;
    for (const f of [item, ...(await appealsOf(trx, item.id))]) {
      const r = await erasePersonalData(trx, now, f, async () => true);
      contacts += r.erased;
      photos += r.photosErased;
    }
    return { contacts, photos };
  });
}
