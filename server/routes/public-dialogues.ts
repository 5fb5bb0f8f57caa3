import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context.js';
import { publicDialogues } from '../dialogues/dto.js';
import { ZDialogueQuestion } from '../dialogues/schemas.js';
import { askQuestion, findUnit, openDialogue } from '../dialogues/service.js';
import { notFound } from '../errors.js';
import { validate } from '../validate.js';

const ZId = z.string().trim().min(1).max(100);

/** Citizens' side of dialogues: no sign-in, and never any personal data in an answer. */
const publicDialoguesRoutes = new Hono<AppEnv>()
  .get('/', validate('query', z.object({ unitId: ZId })), async (c) => {
    const { db, clock } = c.var.deps;
    const unit = await findUnit(db, c.req.valid('query').unitId);
    if (!unit) throw notFound();
    return c.json(await publicDialogues(db, unit, clock()));
  })
  .post(
    '/:id/questions',
    validate('param', z.object({ id: ZId })),
    validate('json', ZDialogueQuestion),
    async (c) => {
      const { db, clock } = c.var.deps;
      const now = clock();
      const d = await openDialogue(db, c.req.valid('param').id, now);
      const { question, created } = await askQuestion(db, now, d, c.req.valid('json'));
      return c.json({ id: question.id, receivedAt: question.received_at }, created ? 201 : 200);
    },
  );

export default publicDialoguesRoutes;
