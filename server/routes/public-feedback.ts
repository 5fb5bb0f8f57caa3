import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context.js';
import { byCode, disclosures, publicStatus, rate } from '../feedback/public-view.js';
import { ZFeedbackFiling, ZRating } from '../feedback/schemas.js';
import { fileFeedback } from '../feedback/service.js';
import { publicUnitDtos } from '../units.js';
import { validate } from '../validate.js';

const ZCodeParam = z.object({ trackingCode: z.string().trim().min(1).max(40) });

/** Citizens' side of PAKN: no sign-in, no personal data in any answer. */
const publicFeedback = new Hono<AppEnv>()
  .get('/units', async (c) => c.json(await publicUnitDtos(c.var.deps.db)))
  .post('/feedback', validate('json', ZFeedbackFiling), async (c) => {
    const { db, clock } = c.var.deps;
    const { item, created } = await fileFeedback(db, clock(), c.req.valid('json'));
    return c.json(
      { trackingCode: item.tracking_code, dueAt: item.due_at, acceptDueAt: item.accept_due_at },
      created ? 201 : 200,
    );
  })
  .get('/feedback/:trackingCode', validate('param', ZCodeParam), async (c) => {
    const { db, clock } = c.var.deps;
    const item = await byCode(db, c.req.valid('param').trackingCode);
    return c.json(await publicStatus(db, item, clock()));
  })
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
