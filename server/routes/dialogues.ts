import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context.js';
import { staffDetail, staffList } from '../dialogues/dto.js';
import {
  ZDialogueInput,
  ZDialoguePatch,
  ZDialogueQuery,
  ZGroupInput,
  ZGroupPatch,
  ZQuestionPatch,
} from '../dialogues/schemas.js';
import {
  addGroup,
  changeDialogue,
  changeGroup,
  findDialogue,
  publishDialogue,
  regroupQuestion,
  removeGroup,
  scheduleDialogue,
} from '../dialogues/service.js';
import { notFound } from '../errors.js';
import { requireRole, requireStaff, scopedUnit } from '../middleware/auth.js';
import { validate } from '../validate.js';

const ZIdParam = z.object({ id: z.string().trim().min(1).max(100) });
const ZGroupParam = ZIdParam.extend({ groupId: z.string().trim().min(1).max(100) });
const ZQuestionParam = ZIdParam.extend({ questionId: z.string().trim().min(1).max(100) });

/** The dialogue when its unit is in the caller's subtree; 404 otherwise (not even its existence). */
async function scopedDialogue(c: Context<AppEnv>, id: string) {
  const d = await findDialogue(c.var.deps.db, id);
  if (!d) throw notFound();
  const unit = await scopedUnit(c, d.unit_id);
  return { d, unit };
}

async function detail(c: Context<AppEnv>, id: string) {
  const { d, unit } = await scopedDialogue(c, id);
  return staffDetail(c.var.deps.db, d, unit.name, c.var.deps.clock());
}

/** Staff side of dialogues (đối thoại): schedule, read the questions, group, answer, publish. */
const dialogues = new Hono<AppEnv>()
  .use(requireStaff)
  .get('/', validate('query', ZDialogueQuery), async (c) => {
    const unit = await scopedUnit(c, c.req.valid('query').unitId);
    return c.json(await staffList(c.var.deps.db, unit, c.var.deps.clock()));
  })
  .post('/', requireRole('manager'), validate('json', ZDialogueInput), async (c) => {
    const body = c.req.valid('json');
    const unit = await scopedUnit(c, body.unitId);
    const { db, clock } = c.var.deps;
    const d = await scheduleDialogue(db, clock(), body, c.var.staff.user.id);
    return c.json(await staffDetail(db, d, unit.name, clock()), 201);
  })
  .get('/:id', validate('param', ZIdParam), async (c) => {
    return c.json(await detail(c, c.req.valid('param').id));
  })
  .patch(
    '/:id',
    requireRole('manager'),
    validate('param', ZIdParam),
    validate('json', ZDialoguePatch),
    async (c) => {
      const { d } = await scopedDialogue(c, c.req.valid('param').id);
      const { db, clock } = c.var.deps;
      await changeDialogue(db, clock(), d, c.req.valid('json'));
      return c.json(await detail(c, d.id));
    },
  )
  .post(
    '/:id/groups',
    requireRole('manager'),
    validate('param', ZIdParam),
    validate('json', ZGroupInput),
    async (c) => {
      const { d } = await scopedDialogue(c, c.req.valid('param').id);
      const { db, clock } = c.var.deps;
      const g = await addGroup(db, clock(), d, c.req.valid('json'));
      return c.json({ ...(await detail(c, d.id)), groupId: g.id }, 201);
    },
  )
  .patch(
    '/:id/groups/:groupId',
    requireRole('manager'),
    validate('param', ZGroupParam),
    validate('json', ZGroupPatch),
    async (c) => {
      const p = c.req.valid('param');
      const { d } = await scopedDialogue(c, p.id);
      const { db, clock } = c.var.deps;
      await changeGroup(db, clock(), d, p.groupId, c.req.valid('json'));
      return c.json(await detail(c, d.id));
    },
  )
  .delete(
    '/:id/groups/:groupId',
    requireRole('manager'),
    validate('param', ZGroupParam),
    async (c) => {
      const p = c.req.valid('param');
      const { d } = await scopedDialogue(c, p.id);
      await removeGroup(c.var.deps.db, d, p.groupId);
      return c.json(await detail(c, d.id));
    },
  )
  .patch(
    '/:id/questions/:questionId',
    requireRole('manager'),
    validate('param', ZQuestionParam),
    validate('json', ZQuestionPatch),
    async (c) => {
      const p = c.req.valid('param');
      const { d } = await scopedDialogue(c, p.id);
      await regroupQuestion(c.var.deps.db, d, p.questionId, c.req.valid('json').groupId);
      return c.json(await detail(c, d.id));
    },
  )
  .post('/:id/publish', requireRole('manager'), validate('param', ZIdParam), async (c) => {
    const { d } = await scopedDialogue(c, c.req.valid('param').id);
    const { db, clock } = c.var.deps;
    await publishDialogue(db, clock(), d);
    return c.json(await detail(c, d.id));
  });

export default dialogues;
