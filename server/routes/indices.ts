import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context.js';
import { DEFAULT_BURST_RULES } from '../indices/quality.js';
import {
  CHANNELS,
  childrenRanking,
  loadCampaignFor,
  unitIndices,
  type IndicesChannel,
} from '../indices/service.js';
import { unitTrend, visibleCampaigns } from '../indices/trend.js';
import { liveCount, qualitySignals, suggestions } from '../indices/signals.js';
import { requireStaff, scopedUnit } from '../middleware/auth.js';
import { validate } from '../validate.js';

const ZId = z.string().trim().min(1).max(100);
const ZScope = z.object({ campaignId: ZId, unitId: ZId.optional() });

const ZSuggestionsQuery = ZScope.extend({
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

const ZQualityQuery = ZScope.extend({
  minRepeats: z.coerce.number().int().min(2).max(1000).default(DEFAULT_BURST_RULES.minRepeats),
  windowMinutes: z.coerce
    .number()
    .int()
    .min(1)
    .max(1440)
    .default(DEFAULT_BURST_RULES.windowMinutes),
});

/** GET /api/indices: `channel` limits the figures to the responses of one channel. */
const ZIndicesQuery = ZScope.extend({
  channel: z.enum(Object.keys(CHANNELS) as [IndicesChannel, ...IndicesChannel[]]).optional(),
});

const ZTrendQuery = z.object({ surveyFamily: ZId, unitId: ZId.optional() });

/** The unit (inside the user's subtree, else 404) and the campaign (visible to the user, else 404). */
async function scope(c: Context<AppEnv>, q: { campaignId: string; unitId?: string }) {
  const unit = await scopedUnit(c, q.unitId);
  const loaded = await loadCampaignFor(c.var.deps, c.var.staff.root, q.campaignId);
  return { unit, loaded, deps: c.var.deps };
}

const indices = new Hono<AppEnv>()
  .use(requireStaff)
  .get('/', validate('query', ZIndicesQuery), async (c) => {
    const q = c.req.valid('query');
    const { deps, loaded, unit } = await scope(c, q);
    return c.json(await unitIndices(deps, loaded, unit, q.channel ? { channel: q.channel } : {}));
  })
  .get('/children', validate('query', ZScope), async (c) => {
    const { deps, loaded, unit } = await scope(c, c.req.valid('query'));
    return c.json({ unitId: unit.id, children: await childrenRanking(deps, loaded, unit) });
  })
  .get('/trend', validate('query', ZTrendQuery), async (c) => {
    const q = c.req.valid('query');
    const unit = await scopedUnit(c, q.unitId);
    return c.json(await unitTrend(c.var.deps, c.var.staff.root, q.surveyFamily, unit));
  })
  .get('/suggestions', validate('query', ZSuggestionsQuery), async (c) => {
    const q = c.req.valid('query');
    const { deps, loaded, unit } = await scope(c, q);
    return c.json(await suggestions(deps, loaded, unit, q));
  })
  .get('/quality', validate('query', ZQualityQuery), async (c) => {
    const q = c.req.valid('query');
    const { deps, loaded, unit } = await scope(c, q);
    const rules = { minRepeats: q.minRepeats, windowMinutes: q.windowMinutes };
    return c.json(await qualitySignals(deps, loaded, unit, rules));
  })
  .get('/live', validate('query', ZScope), async (c) => {
    const { deps, loaded, unit } = await scope(c, c.req.valid('query'));
    c.header('cache-control', 'no-store');
    return c.json(await liveCount(deps, loaded, unit, c.var.deps.clock()));
  })
  // The campaign selector's list, until and beside GET /api/campaigns.
  .get('/campaigns', async (c) => {
    const { db, clock, tally } = c.var.deps;
    await tally.settle(); // "has responses" decides the default campaign
    return c.json(await visibleCampaigns(db, c.var.staff.root, clock()));
  });

export default indices;
