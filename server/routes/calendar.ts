import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context.js';
import { LIMITS } from '../feedback/limits.js';
import { calendarDueAt } from '../feedback/service.js';
import { requireStaff, scopedUnit } from '../middleware/auth.js';
import { validate } from '../validate.js';

export const ZCalendarDueQuery = z.object({
  /** Defaults to now. */
  receivedAt: z.iso.datetime({ offset: true }).optional(),
  /** Defaults to the resolution limit of feedback (15 working days). */
  workingDays: z.coerce.number().int().min(0).max(365).optional(),
  /** Accepted for symmetry with the other staff reads: the calendar is the same for every unit. */
  unitId: z.string().trim().min(1).max(100).optional(),
});

/** What the calendar in force gives: the deadline an intake at a given moment would get. */
const calendar = new Hono<AppEnv>()
  .use(requireStaff)
  .get('/due', validate('query', ZCalendarDueQuery), async (c) => {
    const q = c.req.valid('query');
    if (q.unitId) await scopedUnit(c, q.unitId);
    const receivedAt = q.receivedAt ? new Date(q.receivedAt) : c.var.deps.clock();
    const days = q.workingDays ?? LIMITS.feedback.resolve;
    return c.json({ dueAt: await calendarDueAt(c.var.deps.db, receivedAt, days) });
  });

export default calendar;
