import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context.js';
import { requireStaff, scopedUnit } from '../middleware/auth.js';
import { subtreeDtos, unitDto } from '../units.js';
import { validate } from '../validate.js';

const units = new Hono<AppEnv>()
  .use(requireStaff)
  .get('/', validate('query', z.object({ root: z.string().max(100).optional() })), async (c) => {
    const root = await scopedUnit(c, c.req.valid('query').root);
    return c.json(await subtreeDtos(c.var.deps.db, root.id));
  })
  .get('/:id', async (c) => {
    const unit = await scopedUnit(c, c.req.param('id'));
    return c.json(unitDto(unit));
  });

export default units;
