import { sql } from 'kysely';
import type { Db } from '../index.js';
import type { FeedbackRating } from '../schema.js';

export async function getRating(db: Db, feedbackId: string): Promise<FeedbackRating | undefined> {
  return db
    .selectFrom('feedback_ratings')
    .selectAll()
    .where('feedback_id', '=', feedbackId)
    .executeTakeFirst();
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

/**
 * An appeal counts the item as "complained again" (Decision 766): on its rating when the citizen
 * rated it, or on a rating row of its own (no score) when they did not.
 */
export async function markComplainedAgain(db: Db, feedbackId: string, at: string): Promise<void> {
  await db
    .insertInto('feedback_ratings')
    .values({ feedback_id: feedbackId, overall: null, complained_again: 1, rated_at: at })
    .onConflict((oc) => oc.column('feedback_id').doUpdateSet({ complained_again: 1 }))
    .execute();
}

export interface ItemRating {
  /** Rated 1 or 2 ("not satisfied"); 3 is neutral, null is no opinion. */
  notSatisfied: boolean;
  complainedAgain: boolean;
}

/**
 * The citizens' ratings of the items of a subtree due in [from, to) (the items the feedback
 * targets count), by item id: the inputs Decision 766's satisfaction measure adds to the facts.
 */
export async function ratingsOfItemsDue(
  db: Db,
  q: { rootPath: string; from: string; to: string },
): Promise<Map<string, ItemRating>> {
  const rows = await db
    .selectFrom('feedback_ratings as r')
    .innerJoin('feedback as f', 'f.id', 'r.feedback_id')
    .innerJoin('units as u', 'u.id', 'f.unit_id')
    .where(sql<string>`substr(u.path, 1, ${q.rootPath.length})`, '=', q.rootPath)
    .where('f.due_at', '>=', q.from)
    .where('f.due_at', '<', q.to)
    .select(['r.feedback_id', 'r.overall', 'r.complained_again'])
    .execute();
  return new Map(
    rows.map((r) => [
      r.feedback_id,
      {
        notSatisfied: r.overall !== null && Number(r.overall) <= 2,
        complainedAgain: Number(r.complained_again ?? 0) === 1,
      },
    ]),
  );
}
