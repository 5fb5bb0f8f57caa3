import { sql } from 'kysely';
import type { Db } from '../index.js';
import type { FeedbackRating, FeedbackStatus } from '../schema.js';

export async function getRating(db: Db, feedbackId: string): Promise<FeedbackRating | undefined> {
  return db.selectFrom('feedback_ratings').selectAll().where('feedback_id', '=', feedbackId).executeTakeFirst();
}

/** One rating per item, guarded by the primary key; false when the item was already rated. */
export async function insertRatingOnce(db: Db, r: FeedbackRating): Promise<boolean> {
  const res = await db
    .insertInto('feedback_ratings')
    .values(r)
    .onConflict((oc) => oc.column('feedback_id').doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}

export interface PaknSatisfactionItem {
  id: string;
  trackingCode: string;
  unitId: string;
  status: FeedbackStatus;
  dueAt: string;
  /** Rated 1 or 2 ("not satisfied"); 3 is neutral, null is no opinion. */
  notSatisfied: boolean;
  complainedAgain: boolean;
  /** Answered (or refused) after the due date, or still open past it at `now`. */
  late: boolean;
}

export interface PaknSatisfaction {
  all: number;
  ratedNotSatisfied: number;
  complainedAgain: number;
  late: number;
  /** Items failing at least one of the three (each counted once). */
  failing: number;
  /** (all − failing) ÷ all, a share 0–1; null when there is nothing in the period. */
  value: number | null;
  items: PaknSatisfactionItem[];
}

/**
 * Inputs of Decision 766's "satisfaction with PAKN handling" =
 * (all − rated not satisfied − complained again − late) ÷ all, for the items of a subtree due in
 * [from, to). Transferred items are left out: the new item at the receiving unit counts instead.
 * An item failing on two counts is subtracted once (`failing`), so the share never goes below 0.
 */
export async function paknSatisfactionInputs(
  db: Db,
  q: { rootPath: string; from: string; to: string; now: string },
): Promise<PaknSatisfaction> {
  const rows = await db
    .selectFrom('feedback as f')
    .innerJoin('units as u', 'u.id', 'f.unit_id')
    .leftJoin('feedback_ratings as r', 'r.feedback_id', 'f.id')
    .where(sql<string>`substr(u.path, 1, ${q.rootPath.length})`, '=', q.rootPath)
    .where('f.status', '!=', 'transferred')
    .where('f.due_at', '>=', q.from)
    .where('f.due_at', '<', q.to)
    .select(['f.id', 'f.tracking_code', 'f.unit_id', 'f.status', 'f.due_at', 'f.answered_at', 'f.closed_at', 'r.overall', 'r.complained_again'])
    .orderBy('f.due_at')
    .execute();
  const items = rows.map((r): PaknSatisfactionItem => {
    const handledAt = r.answered_at ?? (r.status === 'rejected' ? r.closed_at : null);
    const late = handledAt ? handledAt > r.due_at : q.now > r.due_at;
    return {
      id: r.id,
      trackingCode: r.tracking_code,
      unitId: r.unit_id,
      status: r.status,
      dueAt: r.due_at,
      notSatisfied: r.overall !== null && Number(r.overall) <= 2,
      complainedAgain: Number(r.complained_again ?? 0) === 1,
      late,
    };
  });
  const count = (p: (i: PaknSatisfactionItem) => boolean) => items.filter(p).length;
  const failing = count((i) => i.notSatisfied || i.complainedAgain || i.late);
  return {
    all: items.length,
    ratedNotSatisfied: count((i) => i.notSatisfied),
    complainedAgain: count((i) => i.complainedAgain),
    late: count((i) => i.late),
    failing,
    value: items.length ? (items.length - failing) / items.length : null,
    items,
  };
}
