import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context.js';
import { loadCampaignFor } from '../indices/service.js';
import { requireStaff, scopedUnit } from '../middleware/auth.js';
import { exportStream } from '../reports/export-thread.js';
import { exportWithheld } from '../reports/export-withheld.js';
import { validate } from '../validate.js';

/** `attachment` with an ASCII fallback and the UTF-8 name (RFC 6266) for Vietnamese titles. */
export function attachment(name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\w.-]+/g, '-');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** GET /api/campaigns/:id/export — the campaign's raw responses within the user's subtree. */
const exports = new Hono<AppEnv>().use(requireStaff).get(
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
