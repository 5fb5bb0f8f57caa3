import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context.js';
import { formDto } from '../public-form.js';
import { openCode, submitResponse } from '../responses.js';
import { validate } from '../validate.js';

const ZCode = z.object({ code: z.string().min(1).max(64) });

export const ZSubmission = z
  .object({
    clientId: z.uuid(),
    answers: z.record(z.string().max(64), z.unknown()),
    startedAt: z.iso
      .datetime({ offset: true })
      .transform((s) => new Date(s).toISOString())
      .optional(),
  })
  .strict();

const publicForms = new Hono<AppEnv>()
  .get('/:code', validate('param', ZCode), async (c) => {
    const dto = await formDto(c.var.deps, c.req.valid('param').code);
    // Public and small; a short cache spares slow phones a second download on reload.
    c.header('Cache-Control', 'private, max-age=60');
    return c.json(dto);
  })
  .post('/:code/responses', validate('param', ZCode), validate('json', ZSubmission), async (c) => {
    const target = await openCode(c.var.deps, c.req.valid('param').code);
    const res = await submitResponse(c.var.deps, target, c.req.valid('json'), 'api');
    return c.json({ id: res.id }, res.created ? 201 : 200);
  });

export default publicForms;
