import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context.js';
import { ZKioskTap } from '../kiosks/schemas.js';
import { openKiosk, submitTap } from '../kiosks/service.js';
import { validate } from '../validate.js';

const ZDevice = z.object({ deviceCode: z.string().min(1).max(64) });

/** A counter device's taps: each one a response with channel `kiosk`, idempotent on clientId. */
const publicKiosks = new Hono<AppEnv>().post(
  '/:deviceCode/responses',
  validate('param', ZDevice),
  validate('json', ZKioskTap),
  async (c) => {
    const open = await openKiosk(c.var.deps, c.req.valid('param').deviceCode);
    const res = await submitTap(c.var.deps, open, c.req.valid('json'));
    return c.json({ id: res.id }, res.created ? 201 : 200);
  },
);

export default publicKiosks;
