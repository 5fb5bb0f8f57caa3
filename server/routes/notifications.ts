import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context.js';
import { requireRole, requireStaff, scopedUnit } from '../middleware/auth.js';
import { failedSends, sendAgain } from '../notifications/failed.js';
import { validate } from '../validate.js';

const ZId = z.object({ id: z.string().trim().min(1).max(100) });
const ZQuery = z.object({ unitId: z.string().trim().min(1).max(100).optional() });

/** Citizens' e-mails and SMS that could not be sent, within the signed-in user's subtree. */
const notifications = new Hono<AppEnv>()
  .use(requireStaff)
  .get('/failed', requireRole('manager'), validate('query', ZQuery), async (c) => {
    const { db, notifier } = c.var.deps;
    const unit = await scopedUnit(c, c.req.valid('query').unitId); // a unit outside → 404
    return c.json(await failedSends(db, unit, notifier));
  })
  .post('/:id/retry', requireRole('manager'), validate('param', ZId), async (c) => {
    const { db, clock, notifier } = c.var.deps;
    await sendAgain(db, c.var.staff.root, c.req.valid('param').id, clock(), notifier);
    return c.json({ ok: true });
  });

export default notifications;
