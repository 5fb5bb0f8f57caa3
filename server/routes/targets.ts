import { Hono } from 'hono';
import { z } from 'zod';
import {
  deleteTargetSetting,
  listTargetSettings,
  upsertTargetSetting,
} from '../../db/repositories/targets.js';
import type { AppEnv } from '../context.js';
import { requireRole, requireStaff, scopedUnit } from '../middleware/auth.js';
import { lastQuarters } from '../targets/period.js';
import { periodOf, ZDate, ZPeriodQuery } from '../targets/query.js';
import { computeTargets } from '../targets/service.js';
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

function settingDto(s: {
  unit_id: string;
  target_id: string;
  valid_from: string;
  value: number;
  updated_at: string;
}) {
  return {
    unitId: s.unit_id,
    targetId: s.target_id,
    validFrom: s.valid_from,
    value: s.value,
    updatedAt: s.updated_at,
  };
}

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
    const now = clock();
    const out = [];
    // Sequential: a handful of quarters, and it keeps one request from holding many connections.
    for (const p of lastQuarters(now, q.quarters)) {
      const list = await computeTargets(c.var.deps, unit, p, now);
      out.push({
        label: p.label,
        from: p.from,
        to: p.to,
        targets: list.map((t) => ({
          id: t.id,
          value: t.value,
          target: t.target,
          met: t.met,
          status: t.status,
        })),
      });
    }
    return c.json(out);
  })
  .get(
    '/settings',
    validate('query', z.object({ unitId: z.string().min(1).max(100).optional() })),
    async (c) => {
      const unit = await scopedUnit(c, c.req.valid('query').unitId);
      return c.json((await listTargetSettings(c.var.deps.db, unit.path)).map(settingDto));
    },
  )
  .put('/settings', requireRole('admin'), validate('json', ZSettingBody), async (c) => {
    const b = c.req.valid('json');
    const unit = await scopedUnit(c, b.unitId);
    const { db, clock } = c.var.deps;
    const key = { unit_id: unit.id, target_id: b.targetId, valid_from: b.validFrom };
    if (b.value === null) await deleteTargetSetting(db, key);
    else {
      await upsertTargetSetting(db, {
        ...key,
        value: b.value,
        updated_by: c.var.staff.user.id,
        updated_at: clock().toISOString(),
      });
    }
    return c.json(
      (await listTargetSettings(db, unit.path))
        .filter((s) => s.unit_id === unit.id)
        .map(settingDto),
    );
  });

export default targets;
