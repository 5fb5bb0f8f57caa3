import type { Db } from '../index.js';
import type { FeedbackPhoto, NewFeedbackPhoto } from '../schema.js';

export type PhotoInfo = Omit<FeedbackPhoto, 'data'>;

export async function insertPhotos(db: Db, rows: NewFeedbackPhoto[]): Promise<void> {
  if (rows.length) await db.insertInto('feedback_photos').values(rows).execute();
}

/** The photos of an item, without their bytes, oldest first. */
export async function listPhotos(db: Db, feedbackId: string): Promise<PhotoInfo[]> {
  return db
    .selectFrom('feedback_photos')
    .select([
      'id',
      'feedback_id',
      'event_id',
      'format',
      'bytes',
      'width',
      'height',
      'public',
      'created_at',
    ])
    .where('feedback_id', '=', feedbackId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function getPhoto(
  db: Db,
  feedbackId: string,
  photoId: string,
): Promise<FeedbackPhoto | undefined> {
  return db
    .selectFrom('feedback_photos')
    .selectAll()
    .where('feedback_id', '=', feedbackId)
    .where('id', '=', photoId)
    .executeTakeFirst();
}

/** Attaches every photo of the item to its published answer. */
export async function publishPhotos(db: Db, feedbackId: string): Promise<void> {
  await db
    .updateTable('feedback_photos')
    .set({ public: 1 })
    .where('feedback_id', '=', feedbackId)
    .execute();
}

/** Erasure: the photos go with the person's other data. Returns how many were deleted. */
export async function deletePhotos(db: Db, feedbackIds: string[]): Promise<number> {
  if (!feedbackIds.length) return 0;
  const r = await db
    .deleteFrom('feedback_photos')
    .where('feedback_id', 'in', feedbackIds)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
