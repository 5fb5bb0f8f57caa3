import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context.js';
import { requireRole, requireStaff, scopedUnit } from '../middleware/auth.js';
import { periodOf, ZDate, ZPeriodQuery } from '../targets/query.js';
import { computeTargets, targetTrend } from '../targets/service.js';
import { effectiveTargets, saveSetting, settingsUnder } from '../targets/target-settings.js';
import { vnDate } from '../domain/vn-time.js';
import { TARGET_IDS } from '../targets/types.js';
import { validate } from '../validate.js';

const ZTrendQuery = z.object({
  unitId: z.string().min(1).max(100).optional(),
  quarters: z.coerce.number().int().min(1).max(8).default(4),
});

const ZSettingBody = z.object({
  unitId: z.string().min(1).max(100),
  targetId: z.enum(TARGET_IDS),
  validFrom: ZDate,
  /** Percent; null removes the setting (the ancestor's or the plan's default applies again). */
  value: z.number().min(0).max(100).nullable(),
});

const targets = new Hono<AppEnv>()
  .use(requireStaff)
  .get('/', validate('query', ZPeriodQuery), async (c) => {
    const q = c.req.valid('query');
    const unit = await scopedUnit(c, q.unitId);
    const { clock } = c.var.deps;
    const now = clock();
    return c.json(await computeTargets(c.var.deps, unit, periodOf(q, now), now));
  })
  .get('/trend', validate('query', ZTrendQuery), async (c) => {
    const q = c.req.valid('query');
    const unit = await scopedUnit(c, q.unitId);
    const { clock } = c.var.deps;
    return c.json(await targetTrend(c.var.deps, unit, q.quarters, clock()));
  })
  .get(
    '/settings',
    validate('query', z.object({ unitId: z.string().min(1).max(100).optional() })),
    async (c) => {
      const unit = await scopedUnit(c, c.req.valid('query').unitId);
      return c.json(await settingsUnder(c.var.deps.db, unit));
    },
  )
  .get(
    '/settings/effective',
    validate(
      'query',
      z.object({ unitId: z.string().min(1).max(100).optional(), on: ZDate.optional() }),
    ),
    async (c) => {
      const q = c.req.valid('query');
      const unit = await scopedUnit(c, q.unitId);
      const on = q.on ?? vnDate(c.var.deps.clock());
      return c.json(await effectiveTargets(c.var.deps.db, unit, on));
    },
  )
  .put('/settings', requireRole('admin'), validate('json', ZSettingBody), async (c) => {
    const b = c.req.valid('json');
    const unit = await scopedUnit(c, b.unitId);
    const { db, clock } = c.var.deps;
    const by = { userId: c.var.staff.user.id, at: clock() };
    return c.json(await saveSetting(db, unit, b, by));
  });

export default targets;
