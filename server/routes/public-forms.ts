import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context.js';
import { campaignState, openCode, submitResponse } from '../responses.js';
import { respondentSurveyDto } from '../question-type-dto.js';
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

/** The form as data for the respondent script (and any other client), in both languages. */
export async function formDto(deps: AppEnv['Variables']['deps'], code: string) {
  const t = await openCode(deps.db, code);
  return {
    campaign: {
      id: t.campaign.id,
      name: t.campaign.name,
      opensAt: t.campaign.opens_at,
      closesAt: t.campaign.closes_at,
      state: campaignState(t.campaign, deps.clock()),
    },
    unit: { id: t.unitId, name: t.unitName },
    ...(t.token ? { token: { used: t.token.usedAt !== null } } : {}),
    survey: respondentSurveyDto(t.definition),
  };
}

const publicForms = new Hono<AppEnv>()
  .get('/:code', validate('param', ZCode), async (c) => {
    const dto = await formDto(c.var.deps, c.req.valid('param').code);
    // Public and small; a short cache spares slow phones a second download on reload.
    c.header('Cache-Control', 'private, max-age=60');
    return c.json(dto);
  })
  .post('/:code/responses', validate('param', ZCode), validate('json', ZSubmission), async (c) => {
    const target = await openCode(c.var.deps.db, c.req.valid('param').code);
    const res = await submitResponse(c.var.deps, target, c.req.valid('json'), 'api');
    return c.json({ id: res.id }, res.created ? 201 : 200);
  });

export default publicForms;
