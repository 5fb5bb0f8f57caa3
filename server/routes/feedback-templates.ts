import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context.js';
import { ZTemplateInput, ZTemplatePatch, ZTemplateQuery } from '../feedback/schemas.js';
import {
  changeTemplate,
  createTemplate,
  removeTemplate,
  templatesFor,
} from '../feedback/templates.js';
import { requireRole, scopedUnit } from '../middleware/auth.js';
import { validate } from '../validate.js';

const ZId = z.object({ id: z.string().trim().min(1).max(100) });

/**
 * Reply templates, mounted under /api/feedback (which signs staff in). Reading: any staff, for a
 * unit of their subtree (the unit's own templates and its ancestors'); writing: managers, for
 * units of their subtree.
 */
const templates = new Hono<AppEnv>()
  .get('/', validate('query', ZTemplateQuery), async (c) => {
    const unit = await scopedUnit(c, c.req.valid('query').unitId);
    return c.json(await templatesFor(c.var.deps.db, unit, c.var.staff.root));
  })
  .post('/', requireRole('manager'), validate('json', ZTemplateInput), async (c) => {
    const input = c.req.valid('json');
    await scopedUnit(c, input.unitId);
    const { db, clock } = c.var.deps;
    const { user, root } = c.var.staff;
    return c.json(await createTemplate(db, clock(), user, root, input), 201);
  })
  .patch(
    '/:id',
    requireRole('manager'),
    validate('param', ZId),
    validate('json', ZTemplatePatch),
    async (c) => {
      const { db, clock } = c.var.deps;
      const { id } = c.req.valid('param');
      return c.json(await changeTemplate(db, clock(), c.var.staff.root, id, c.req.valid('json')));
    },
  )
  .delete('/:id', requireRole('manager'), validate('param', ZId), async (c) => {
    await removeTemplate(c.var.deps.db, c.var.staff.root, c.req.valid('param').id);
    return c.body(null, 204);
  });

export default templates;
