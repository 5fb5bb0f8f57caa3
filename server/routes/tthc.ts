import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context.js';
import { requireRole, requireStaff, scopedUnit } from '../middleware/auth.js';
import { importTthcFiles } from '../tthc/import.js';
import { tthcOnTimeForMonth } from '../tthc/monthly.js';
import { uploadLines } from '../tthc/read-upload.js';
import { validate } from '../validate.js';
import { vnDate } from '../domain/vn-time.js';

/** The body limit of an import: 100 000 files of a one-stop export fit with room to spare. */
export const TTHC_BODY_LIMIT_BYTES = 40 * 1024 * 1024;

const ZImportForm = z.object({
  file: z.instanceof(File, { message: 'choose a CSV or XLSX file' }),
});

const ZMonthQuery = z.object({
  unitId: z.string().min(1).max(100).optional(),
  /** Default: the current month in Vietnam. */
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM')
    .optional(),
});

const tthc = new Hono<AppEnv>()
  .use(requireStaff)
  .post('/import', requireRole('manager'), validate('form', ZImportForm), async (c) => {
    const { file } = c.req.valid('form');
    const { db, clock } = c.var.deps;
    const { user, root } = c.var.staff;
    const result = await importTthcFiles(db, {
      lines: uploadLines(file),
      scope: root,
      userId: user.id,
      now: clock(),
    });
    return c.json(result);
  })
  .get('/monthly', validate('query', ZMonthQuery), async (c) => {
    const q = c.req.valid('query');
    const unit = await scopedUnit(c, q.unitId);
    const { db, clock } = c.var.deps;
    const now = clock();
    return c.json(await tthcOnTimeForMonth(db, unit, q.month ?? vnDate(now).slice(0, 7), now));
  });

export default tthc;
