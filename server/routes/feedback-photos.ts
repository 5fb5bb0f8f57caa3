import { Hono, type MiddlewareHandler } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context.js';
import { notFound } from '../errors.js';
import { feedbackItem, itemPhotos, photoResponse, visiblePhoto } from '../feedback/photo-access.js';
import { requireStaff, scopedUnit } from '../middleware/auth.js';
import { validate } from '../validate.js';

const ZId = z.object({ id: z.string().trim().min(1).max(100) });
const ZPhotoParam = ZId.extend({ photoId: z.string().trim().min(1).max(100) });

/**
 * Mounted on /api/feedback beside the inbox's sub-app, whose guard has already looked the session
 * up for these paths: check it only if that did not happen, so a request looks it up once.
 */
const staffOnce: MiddlewareHandler<AppEnv> = (c, next) =>
  c.get('staff') ? next() : requireStaff(c, next);

/** The citizen's photos of one item, for staff whose subtree holds it (else 404). */
const feedbackPhotos = new Hono<AppEnv>()
  .use(staffOnce)
  .get('/:id/photos', validate('param', ZId), async (c) => {
    const { db } = c.var.deps;
    const item = await feedbackItem(db, c.req.valid('param').id);
    if (!item) throw notFound();
    await scopedUnit(c, item.unit_id);
    const photos = await itemPhotos(db, item.id);
    return c.json({
      photos: photos.map((p) => ({
        id: p.id,
        /** The citizen's reply it came with (a timeline entry id); null: sent at filing. */
        replyEventId: p.event_id,
        format: p.format,
        width: p.width,
        height: p.height,
        bytes: p.bytes,
        public: Number(p.public) === 1,
        createdAt: p.created_at,
        url: `/api/feedback/${encodeURIComponent(item.id)}/photos/${encodeURIComponent(p.id)}`,
      })),
    });
  })
  .get('/:id/photos/:photoId', validate('param', ZPhotoParam), async (c) => {
    const { db } = c.var.deps;
    const { id, photoId } = c.req.valid('param');
    const item = await feedbackItem(db, id);
    if (!item) throw notFound();
    await scopedUnit(c, item.unit_id);
    const photo = await visiblePhoto(db, item, photoId, true);
    if (!photo) throw notFound();
    return photoResponse(photo);
  });

export default feedbackPhotos;
