import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context.js';
import { forbidden } from '../errors.js';
import { calendarView, setCalendar } from '../holidays.js';
import { requireStaff } from '../middleware/auth.js';
import { validate } from '../validate.js';

const ZDate = z.iso.date();

export const ZHolidaysPut = z.object({
  /** Days off, weekdays included. */
  dates: z.array(ZDate).max(2000),
  /** Saturdays or Sundays declared working days; missing leaves the list as it is. */
  workingDates: z.array(ZDate).max(2000).optional(),
  /** Optional names for new dates; a date already listed keeps its name. */
  names: z.record(ZDate, z.string().trim().min(1).max(200)).optional(),
});

const holidays = new Hono<AppEnv>()
  .use(requireStaff)
  .get('/', async (c) => c.json(await calendarView(c.var.deps.db)))
  .put('/', validate('json', ZHolidaysPut), async (c) => {
    // The calendar applies to every unit's deadlines: only an admin of a root (Department) unit edits it.
    const { user, root } = c.var.staff;
    if (user.role !== 'admin' || root.parent_id !== null) throw forbidden();
    const recomputed = await setCalendar(
      c.var.deps.db,
      c.var.deps.clock(),
      user.id,
      c.req.valid('json'),
      { unitId: root.id },
    );
    return c.json({ ...(await calendarView(c.var.deps.db)), recomputed });
  });

export default holidays;
