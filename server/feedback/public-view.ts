import type { Db } from '../../db/index.js';
import {
  getFeedback,
  getFeedbackByCode,
  listEvents,
  listPublished,
} from '../../db/repositories/feedback.js';
import { listPhotos } from '../../db/repositories/feedback-photos.js';
import { getRating, insertRatingOnce } from '../../db/repositories/feedback-ratings.js';
import { getUnit } from '../../db/repositories/units.js';
import type { Feedback } from '../../db/schema.js';
import { AppError, conflict, notFound } from '../errors.js';
import { publicTimeline, type TPublicFeedback } from './dto.js';
import type { TRating } from './schemas.js';
import { asReturned, waitReturns } from './waits.js';

export async function findByCode(db: Db, code: string): Promise<Feedback | undefined> {
  return getFeedbackByCode(db, code.trim().toUpperCase());
}

/** Looks an item up by its tracking code (any case); 404 when unknown. */
export async function byCode(db: Db, code: string): Promise<Feedback> {
  const item = await findByCode(db, code);
  if (!item)
    throw notFound({
      vi: 'Không tìm thấy mã phản ánh này.',
      en: 'No feedback has this tracking code.',
    });
  return item;
}

/**
 * The public status of an item at `now`: built field by field from the case, never from its
 * contact. A wait past its end shows as back with staff, as the next sweep will store it.
 */
export async function publicStatus(db: Db, stored: Feedback, now: Date): Promise<TPublicFeedback> {
  const returns = await waitReturns(db, now, { ids: [stored.id] });
  const returned = returns.get(stored.id);
  const item = asReturned(stored, returns);
  const unit = await getUnit(db, item.unit_id);
  const out: TPublicFeedback = {
    trackingCode: item.tracking_code,
    status: item.status,
    kind: item.kind,
    category: item.category,
    title: item.title,
    unit: { id: item.unit_id, name: unit?.name ?? '' },
    receivedAt: item.received_at,
    dueAt: item.due_at,
    answeredAt: item.status === 'published' ? item.answered_at : null,
    publishedAt: item.published_at,
    timeline: publicTimeline([
      ...(await listEvents(db, item.id)),
      ...(returned ? [{ ...returned.event, actor_name: null }] : []),
    ]),
    rated: !!(await getRating(db, item.id)),
  };
  // The answer is public only once published; until then it may still change.
  if (item.status === 'published' && item.answer) out.answer = item.answer;
  if (item.status === 'published') {
    const shown = (await listPhotos(db, item.id)).filter((p) => Number(p.public) === 1);
    if (shown.length)
      out.photos = shown.map((p) => ({ id: p.id, width: p.width, height: p.height }));
  }
  if (item.transferred_to) {
    const next = await getFeedback(db, item.transferred_to);
    const nextUnit = next && (await getUnit(db, next.unit_id));
    if (next)
      out.transferredTo = { trackingCode: next.tracking_code, unitName: nextUnit?.name ?? '' };
  }
  if (item.duplicate_of) {
    const original = await getFeedback(db, item.duplicate_of);
    // Never the original's tracking code: it is another citizen's key to their own case.
    if (original) {
      out.duplicateOf = {};
      if (original.status === 'published' && original.answer)
        out.duplicateOf.answer = original.answer;
    }
  }
  return out;
}

export interface TDisclosure {
  trackingCode: string;
  unit: { id: string; name: string };
  kind: Feedback['kind'];
  category: string;
  title: string;
  answer: string;
  receivedAt: string;
  answeredAt: string | null;
  publishedAt: string | null;
}

/** Published answers of a unit and its subtree; 404 for an unknown unit. */
export async function disclosures(
  db: Db,
  unitId: string,
  limit = 100,
): Promise<{ unit: { id: string; name: string }; items: TDisclosure[] }> {
  const unit = await getUnit(db, unitId);
  if (!unit) throw notFound();
  const rows = await listPublished(db, unit.path, limit);
  return {
    unit: { id: unit.id, name: unit.name },
    items: rows.map((r) => ({
      trackingCode: r.tracking_code,
      unit: { id: r.unit_id, name: r.unit_name },
      kind: r.kind,
      category: r.category,
      title: r.title,
      answer: r.answer ?? '',
      receivedAt: r.received_at,
      answeredAt: r.answered_at,
      publishedAt: r.published_at,
    })),
  };
}

/** The citizen's one rating of a published answer. Before publication, or a second time → 409. */
export async function rate(db: Db, now: Date, item: Feedback, r: TRating): Promise<void> {
  if (item.status !== 'published') {
    throw new AppError(409, 'conflict', {
      vi: 'Chỉ đánh giá được sau khi câu trả lời được công khai.',
      en: 'You can rate only a published answer.',
    });
  }
  const ok = await insertRatingOnce(db, {
    feedback_id: item.id,
    overall: r.overall,
    complained_again: r.complainedAgain ? 1 : 0,
    rated_at: now.toISOString(),
  });
  if (!ok)
    throw conflict({
      vi: 'Phản ánh này đã được đánh giá.',
      en: 'This item has already been rated.',
    });
}
