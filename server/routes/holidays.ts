import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context.js';
import { forbidden } from '../errors.js';
import { listHolidays, setHolidayDates } from '../holidays.js';
import { requireStaff } from '../middleware/auth.js';
import { validate } from '../validate.js';

const ZDate = z.iso.date();

export const ZHolidaysPut = z.object({
  dates: z.array(ZDate).max(2000),
  /** Optional names for new dates; a date already listed keeps its name. */
  names: z.record(ZDate, z.string().trim().min(1).max(200)).optional(),
});

const holidays = new Hono<AppEnv>()
  .use(requireStaff)
  .get('/', async (c) => {
    const rows = await listHolidays(c.var.deps.db);
    return c.json({ dates: rows.map((r) => r.date), holidays: rows });
  })
  .put('/', validate('json', ZHolidaysPut), async (c) => {
    // Holidays apply to every unit's deadlines: only an admin of a root (Department) unit edits them.
    const { user, root } = c.var.staff;
    if (user.role !== 'admin' || root.parent_id !== null) throw forbidden();
    const body = c.req.valid('json');
    await setHolidayDates(c.var.deps.db, body.dates, body.names);
    const rows = await listHolidays(c.var.deps.db);
    return c.json({ dates: rows.map((r) => r.date), holidays: rows });
  });

export default holidays;
