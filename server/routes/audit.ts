import { Hono } from 'hono';
import { z } from 'zod';
import { auditPage } from '../audit/service.js';
import type { AppEnv } from '../context.js';
import { ZAuditKind } from '../domain/accounts.js';
import { startOfVnDay, addCalendarDays } from '../domain/vn-time.js';
import { requireRole, requireStaff, scopedUnit } from '../middleware/auth.js';
import { validate } from '../validate.js';

/** A Vietnamese calendar date, or an instant. */
const ZBound = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

export const ZAuditQuery = z.object({
  unitId: z.string().min(1).max(100).optional(),
  /** From this date (00:00 Vietnam time) or instant, included. */
  from: ZBound.optional(),
  /** To this date (its whole day, Vietnam time) or instant, excluded. */
  to: ZBound.optional(),
  kind: ZAuditKind.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

const isDate = (s: string) => s.length === 10;

/** GET /api/audit: who changed what and when, in the admin's subtree, newest first. */
const audit = new Hono<AppEnv>()
  .use(requireStaff)
  .use(requireRole('admin'))
  .get('/', validate('query', ZAuditQuery), async (c) => {
    const q = c.req.valid('query');
    const unit = await scopedUnit(c, q.unitId);
    const from = q.from && (isDate(q.from) ? startOfVnDay(q.from) : new Date(q.from).toISOString());
    const to =
      q.to &&
      (isDate(q.to) ? startOfVnDay(addCalendarDays(q.to, 1)) : new Date(q.to).toISOString());
    return c.json(
      await auditPage(c.var.deps.db, unit, {
        from,
        to,
        kind: q.kind,
        limit: q.limit,
        offset: q.offset,
      }),
    );
  });

export default audit;
