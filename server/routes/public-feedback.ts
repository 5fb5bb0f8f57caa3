import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context.js';
import { notFound } from '../errors.js';
import { appeal, byCodeAndKey, eraseOwnData, ownStatus, reply } from '../feedback/citizen.js';
import { citizenBody } from '../feedback/citizen-body.js';
import { cleanPhotos } from '../feedback/photos.js';
import { photoResponse, visiblePhoto } from '../feedback/photo-access.js';
import { byCode, disclosures, publicStatus, rate } from '../feedback/public-view.js';
import {
  ZAppeal,
  ZErasure,
  ZFeedbackFiling,
  ZRating,
  ZReply,
  ZReplyKey,
} from '../feedback/schemas.js';
import { fileFeedback } from '../feedback/service.js';
import { publicUnitDtos } from '../units.js';
import { validate } from '../validate.js';

const ZCodeParam = z.object({ trackingCode: z.string().trim().min(1).max(40) });
const ZPhotoParam = ZCodeParam.extend({ photoId: z.string().trim().min(1).max(100) });
const ZKeyQuery = z.object({ key: ZReplyKey.optional() });

/** Citizens' side of PAKN: no sign-in, no personal data in any answer. */
const publicFeedback = new Hono<AppEnv>()
  .get('/units', async (c) => c.json(await publicUnitDtos(c.var.deps.db)))
  .post('/feedback', async (c) => {
    const { db, clock } = c.var.deps;
    const { data, photos } = await citizenBody(c, ZFeedbackFiling);
    const clean = await cleanPhotos(photos);
    const { item, created, replyKey } = await fileFeedback(db, clock(), data, clean);
    return c.json(
      {
        trackingCode: item.tracking_code,
        dueAt: item.due_at,
        acceptDueAt: item.accept_due_at,
        replyKey,
        photos: clean.length,
      },
      created ? 201 : 200,
    );
  })
  .get(
    '/feedback/:trackingCode',
    validate('param', ZCodeParam),
    validate('query', ZKeyQuery),
    async (c) => {
      const { db, clock } = c.var.deps;
      const { trackingCode } = c.req.valid('param');
      const { key } = c.req.valid('query');
      // With the key: the citizen's own view (their answer, replies, photos). A wrong key → 404.
      if (key !== undefined) {
        return c.json(await ownStatus(db, await byCodeAndKey(db, trackingCode, key), clock()));
      }
      return c.json(await publicStatus(db, await byCode(db, trackingCode), clock()));
    },
  )
  .post('/feedback/:trackingCode/replies', validate('param', ZCodeParam), async (c) => {
    const { db, clock } = c.var.deps;
    const { data, photos } = await citizenBody(c, ZReply);
    const item = await byCodeAndKey(db, c.req.valid('param').trackingCode, data.replyKey);
    await reply(db, clock(), item, data.content, await cleanPhotos(photos));
    return c.json({ ok: true, status: 'in_progress' as const }, 201);
  })
  .post(
    '/feedback/:trackingCode/appeal',
    validate('param', ZCodeParam),
    validate('json', ZAppeal),
    async (c) => {
      const { db, clock } = c.var.deps;
      const body = c.req.valid('json');
      const item = await byCodeAndKey(db, c.req.valid('param').trackingCode, body.replyKey);
      const r = await appeal(db, clock(), item, body.reason);
      return c.json(
        { trackingCode: r.item.tracking_code, dueAt: r.item.due_at, replyKey: r.replyKey },
        201,
      );
    },
  )
  .post(
    '/feedback/:trackingCode/erasure',
    validate('param', ZCodeParam),
    validate('json', ZErasure),
    async (c) => {
      const { db, clock } = c.var.deps;
      const body = c.req.valid('json');
      const item = await byCodeAndKey(db, c.req.valid('param').trackingCode, body.replyKey);
      return c.json(await eraseOwnData(db, clock(), item));
    },
  )
  .get(
    '/feedback/:trackingCode/photos/:photoId',
    validate('param', ZPhotoParam),
    validate('query', ZKeyQuery),
    async (c) => {
      const { db } = c.var.deps;
      const { trackingCode, photoId } = c.req.valid('param');
      const { key } = c.req.valid('query');
      const item =
        key !== undefined
          ? await byCodeAndKey(db, trackingCode, key)
          : await byCode(db, trackingCode);
      const photo = await visiblePhoto(db, item, photoId, key !== undefined);
      if (!photo) throw notFound();
      return photoResponse(photo);
    },
  )
  .post(
    '/feedback/:trackingCode/rating',
    validate('param', ZCodeParam),
    validate('json', ZRating),
    async (c) => {
      const { db, clock } = c.var.deps;
      await rate(
        db,
        clock(),
        await byCode(db, c.req.valid('param').trackingCode),
        c.req.valid('json'),
      );
      return c.json({ ok: true }, 201);
    },
  )
  .get(
    '/disclosures',
    validate('query', z.object({ unitId: z.string().trim().min(1).max(100) })),
    async (c) => {
      return c.json(await disclosures(c.var.deps.db, c.req.valid('query').unitId));
    },
  );

export default publicFeedback;
