import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context.js';
import { requireRole, requireStaff } from '../middleware/auth.js';
import { failedSends, sendAgain } from '../notifications/failed.js';
import { validate } from '../validate.js';

const ZId = z.object({ id: z.string().trim().min(1).max(100) });

/** Citizens' e-mails and SMS that could not be sent, within the signed-in user's subtree. */
const notifications = new Hono<AppEnv>()
  .use(requireStaff)
  .get('/failed', requireRole('manager'), async (c) => {
    const { db, notifier } = c.var.deps;
    return c.json(await failedSends(db, c.var.staff.root, notifier));
  })
  .post('/:id/retry', requireRole('manager'), validate('param', ZId), async (c) => {
    const { db, clock, notifier } = c.var.deps;
    await sendAgain(db, c.var.staff.root, c.req.valid('param').id, clock(), notifier);
    return c.json({ ok: true });
  });

export default notifications;
