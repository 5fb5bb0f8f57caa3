import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context.js';
import { requireRole } from '../middleware/auth.js';
import { publicationOf, publishCampaign, unpublishCampaign } from '../results/publication.js';
import { validate } from '../validate.js';

const ZId = z.object({ id: z.string().min(1).max(100) });

/** Publication of a closed campaign's results (mounted under /api/campaigns, staff only). */
const campaignPublication = new Hono<AppEnv>()
  .get('/:id/publication', validate('param', ZId), async (c) => {
    const { deps, staff } = c.var;
    return c.json(await publicationOf(deps, staff.root, c.req.valid('param').id));
  })
  .post('/:id/publish', requireRole('manager'), validate('param', ZId), async (c) => {
    const { deps, staff } = c.var;
    const by = { userId: staff.user.id, root: staff.root };
    return c.json(await publishCampaign(deps, by, c.req.valid('param').id));
  })
  .delete('/:id/publish', requireRole('manager'), validate('param', ZId), async (c) => {
    const { deps, staff } = c.var;
    const by = { userId: staff.user.id, root: staff.root };
    return c.json(await unpublishCampaign(deps, by, c.req.valid('param').id));
  });

export default campaignPublication;
