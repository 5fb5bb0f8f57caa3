import { Hono, type Context } from 'hono';
import QRCode from 'qrcode';
import { z } from 'zod';
import type { AppEnv } from '../context.js';
import { ZCreateKiosk, ZPatchKiosk } from '../kiosks/schemas.js';
import { createKiosk, kioskInScope, kioskUrl, listKiosks, setDisabled } from '../kiosks/service.js';
import { requireRole, requireStaff, scopedUnit } from '../middleware/auth.js';
import { publicOrigin } from '../middleware/proxy.js';
import { validate } from '../validate.js';

const ZId = z.object({ id: z.string().min(1).max(100) });
/** The devices of one unit's subtree (a unit outside the user's own is 404); default: all of it. */
const ZListQuery = z.object({ unitId: z.string().trim().min(1).max(100).optional() });

const origin = (c: Context<AppEnv>) => publicOrigin(c);

/** Counter devices (kiosks) of the user's subtree: register, list, disable, QR code. */
const kiosks = new Hono<AppEnv>()
  .use(requireStaff)
  .get('/', validate('query', ZListQuery), async (c) => {
    const unit = await scopedUnit(c, c.req.valid('query').unitId);
    return c.json(await listKiosks(c.var.deps.db, unit, origin(c)));
  })
  .post('/', requireRole('manager'), validate('json', ZCreateKiosk), async (c) => {
    const k = await createKiosk(c.var.deps, c.var.staff, c.req.valid('json'), origin(c));
    return c.json(k, 201);
  })
  .patch(
    '/:id',
    requireRole('manager'),
    validate('param', ZId),
    validate('json', ZPatchKiosk),
    async (c) => {
      const { id } = c.req.valid('param');
      const { disabled } = c.req.valid('json');
      return c.json(await setDisabled(c.var.deps, c.var.staff, id, disabled, origin(c)));
    },
  )
  .get('/:id/qr.svg', validate('param', ZId), async (c) => {
    const k = await kioskInScope(c.var.deps.db, c.var.staff, c.req.valid('param').id);
    const svg = await QRCode.toString(kioskUrl(origin(c), k.device_code), {
      type: 'svg',
      errorCorrectionLevel: 'M',
      margin: 2,
    });
    return c.body(svg, 200, { 'content-type': 'image/svg+xml; charset=utf-8' });
  });

export default kiosks;
