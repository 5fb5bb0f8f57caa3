import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context.js';
import { publicResults, publicUnit } from '../results/public.js';
import { validate } from '../validate.js';

/** GET /api/public/results?unitId=: the unit's published campaigns (no sign-in). */
const publicResultsRoute = new Hono<AppEnv>().get(
  '/',
  validate('query', z.object({ unitId: z.string().trim().min(1).max(100) })),
  async (c) => {
    const { deps } = c.var;
    const unit = await publicUnit(deps, c.req.valid('query').unitId);
    return c.json(await publicResults(deps, unit, deps.clock()));
  },
);

export default publicResultsRoute;
