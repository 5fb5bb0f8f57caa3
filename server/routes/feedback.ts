import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import type { Feedback } from '../../db/schema.js';
import type { AppEnv } from '../context.js';
import { notFound } from '../errors.js';
import { erasePersonalData, exportPersonalData } from '../feedback/personal-data.js';
import { findByCode } from '../feedback/public-view.js';
import { assign, assigneeOptions } from '../feedback/assignment.js';
import { ZAssign, ZFeedbackQuery, ZTransition } from '../feedback/schemas.js';
import { inbox, inSubtreeOf, itemById, staffDetail } from '../feedback/staff-view.js';
import { applyTransition } from '../feedback/transitions.js';
import { requireRole, requireStaff, scopedUnit } from '../middleware/auth.js';
import { validate } from '../validate.js';
import templates from './feedback-templates.js';

const ZId = z.object({ id: z.string().trim().min(1).max(100) });
const ZCode = z.object({ trackingCode: z.string().trim().min(1).max(40) });

/** The item when it lies in the signed-in user's subtree; otherwise 404 (not even "exists"). */
async function scopedItem(c: Context<AppEnv>, item: Feedback | undefined): Promise<Feedback> {
  if (!item) throw notFound();
  await scopedUnit(c, item.unit_id);
  return item;
}

function inScope(c: Context<AppEnv>) {
  return inSubtreeOf(c.var.deps.db, c.var.staff.root.id);
}

const canWrite = (c: Context<AppEnv>) => c.var.staff.user.role !== 'viewer';

const feedback = new Hono<AppEnv>()
  .use(requireStaff)
  .get('/', validate('query', ZFeedbackQuery), async (c) => {
    const q = c.req.valid('query');
    const scope = await scopedUnit(c, q.unitId);
    return c.json(await inbox(c.var.deps.db, c.var.deps.clock(), scope, q, c.var.staff.user.id));
  })
  // Before '/:id', so that 'templates' is never read as an item's id.
  .route('/templates', templates)
  .get(
    '/by-code/:trackingCode/personal-data',
    requireRole('admin'),
    validate('param', ZCode),
    async (c) => {
      const { db } = c.var.deps;
      const item = await scopedItem(c, await findByCode(db, c.req.valid('param').trackingCode));
      return c.json(await exportPersonalData(db, item, inScope(c)));
    },
  )
  .delete(
    '/by-code/:trackingCode/personal-data',
    requireRole('admin'),
    validate('param', ZCode),
    async (c) => {
      const { db, clock } = c.var.deps;
      const item = await scopedItem(c, await findByCode(db, c.req.valid('param').trackingCode));
      return c.json(await erasePersonalData(db, clock(), item, inScope(c)));
    },
  )
  .get('/:id', validate('param', ZId), async (c) => {
    const { db, clock } = c.var.deps;
    const item = await scopedItem(c, await itemById(db, c.req.valid('param').id));
    return c.json(await staffDetail(db, clock(), item, canWrite(c)));
  })
  .get('/:id/assignees', validate('param', ZId), async (c) => {
    const { db } = c.var.deps;
    const item = await scopedItem(c, await itemById(db, c.req.valid('param').id));
    return c.json(await assigneeOptions(db, item, c.var.staff.root));
  })
  .post(
    '/:id/assign',
    requireRole('manager'),
    validate('param', ZId),
    validate('json', ZAssign),
    async (c) => {
      const { db, clock } = c.var.deps;
      const item = await scopedItem(c, await itemById(db, c.req.valid('param').id));
      const now = clock();
      const { user, root } = c.var.staff;
      await assign(db, now, user, root, item, c.req.valid('json').userId);
      return c.json(await staffDetail(db, now, item, canWrite(c)));
    },
  )
  .post(
    '/:id/transitions',
    requireRole('manager'),
    validate('param', ZId),
    validate('json', ZTransition),
    async (c) => {
      const { db, clock } = c.var.deps;
      const item = await scopedItem(c, await itemById(db, c.req.valid('param').id));
      const now = clock();
      const moved = await applyTransition(db, now, c.var.staff.user, item.id, c.req.valid('json'));
      return c.json(await staffDetail(db, now, moved, true));
    },
  );

export default feedback;
