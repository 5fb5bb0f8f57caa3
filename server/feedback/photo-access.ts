import { getFeedback } from '../../db/repositories/feedback.js';
import { listPhotos } from '../../db/repositories/feedback-photos.js';
import type { Db } from '../../db/index.js';
import { getPhoto } from '../../db/repositories/feedback-photos.js';
import type { Feedback, FeedbackPhoto } from '../../db/schema.js';
import { PHOTO_TYPES } from './photos.js';

/**
 * A photo of `item` as the asker may see it: the citizen with the key (`own`) and staff of the
 * unit see every photo; anyone else only those staff attached to the published answer.
 */
export async function visiblePhoto(
  db: Db,
  item: Feedback,
  photoId: string,
  own: boolean,
): Promise<FeedbackPhoto | undefined> {
  const photo = await getPhoto(db, item.id, photoId);
  if (!photo) return undefined;
  if (own) return photo;
  return item.status === 'published' && Number(photo.public) === 1 ? photo : undefined;
}

/** The image itself; never cached by a shared cache (it may be a private photo). */
export function photoResponse(photo: FeedbackPhoto): Response {
  return new Response(Buffer.from(photo.data, 'base64'), {
    headers: {
      'content-type': PHOTO_TYPES[photo.format],
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
      'content-disposition': 'inline',
    },
  });
}

/** A feedback item by id, whatever its unit (the staff photo routes check the scope next). */
export function feedbackItem(db: Db, id: string) {
  return getFeedback(db, id);
}

/** The photos stored with an item (filing and replies), for the staff photo routes. */
export function itemPhotos(db: Db, feedbackId: string) {
  return listPhotos(db, feedbackId);
}
