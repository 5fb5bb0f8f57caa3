import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context.js';
import { loadCampaignFor } from '../indices/service.js';
import { scopedUnit } from '../middleware/auth.js';
import { attachment } from '../reports/attachment.js';
import { exportStream } from '../reports/export-thread.js';
import { exportWithheld } from '../reports/export-withheld.js';
import { validate } from '../validate.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * GET /api/campaigns/:id/export — the campaign's raw responses within the user's subtree.
 * Mounted inside routes/campaigns.ts, behind its one `requireStaff`.
 */
const exports = new Hono<AppEnv>().get(
  '/:id/export',
  validate('param', z.object({ id: z.string().min(1).max(100) })),
  validate(
    'query',
    z.object({
      format: z.enum(['csv', 'xlsx']).default('csv'),
      unitId: z.string().min(1).max(100).optional(),
    }),
  ),
  async (c) => {
    const { format, unitId } = c.req.valid('query');
    const { campaign, definition } = await loadCampaignFor(
      c.var.deps,
      c.var.staff.root,
      c.req.valid('param').id,
    );
    const unit = await scopedUnit(c, unitId);
    const withheld = await exportWithheld(c.var.deps, campaign.id, unit);
    const input = { campaignId: campaign.id, definition, rootPath: unit.path, withheld };
    const base = `phieu-tra-loi-${campaign.name}-${unit.id}`;
    const stream = exportStream(c.var.deps, format, input);
    return c.body(stream, 200, {
      'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE,
      'content-disposition': attachment(`${base}.${format}`),
      'cache-control': 'no-store',
    });
  },
);

export default exports;
