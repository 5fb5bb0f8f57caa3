import { Hono } from 'hono';
import { z } from 'zod';
import { listSubtree } from '../../db/repositories/units.js';
import type { Unit } from '../../db/schema.js';
import type { AppEnv } from '../context.js';
import { requireStaff, scopedUnit } from '../middleware/auth.js';
import { validate } from '../validate.js';

export function unitDto(u: Unit) {
  return {
    id: u.id,
    parentId: u.parent_id,
    name: u.name,
    kind: u.kind,
    level: u.level,
    eligible: u.eligible,
  };
}

const units = new Hono<AppEnv>()
  .use(requireStaff)
  .get('/', validate('query', z.object({ root: z.string().max(100).optional() })), async (c) => {
    const root = await scopedUnit(c, c.req.valid('query').root);
    const list = await listSubtree(c.var.deps.db, root.id);
    return c.json(list.map(unitDto));
  })
  .get('/:id', async (c) => {
    const unit = await scopedUnit(c, c.req.param('id'));
    return c.json(unitDto(unit));
  });

export default units;
