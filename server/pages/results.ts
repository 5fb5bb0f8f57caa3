import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context.js';
import { vnDate } from '../domain/vn-time.js';
import { monthlyPublication, shiftMonth } from '../results/monthly.js';
import { publicResults, publicUnitOrNone } from '../results/public.js';
import { monthlyPage, notFoundPage, resultsPage } from './results-views.js';

const ZUnit = z.object({ unitId: z.string().min(1).max(100) });
const ZMonth = ZUnit.extend({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/) });

function unitOr404(c: Context<AppEnv>, id: string) {
  return publicUnitOrNone(c.var.deps, id);
}

/** The public results pages: no sign-in, no script (server/pages/results-views.ts). */
const resultsPages = new Hono<AppEnv>()
  .get('/:unitId', async (c) => {
    const p = ZUnit.safeParse(c.req.param());
    const unit = p.success ? await unitOr404(c, p.data.unitId) : undefined;
    if (!unit) return c.html(notFoundPage(), 404);
    const { deps } = c.var;
    const now = deps.clock();
    const results = await publicResults(deps, unit, now);
    const parentUnit = unit.parent_id ? await unitOr404(c, unit.parent_id) : undefined;
    const parent = parentUnit
      ? { unit: parentUnit, results: await publicResults(deps, parentUnit, now) }
      : undefined;
    return c.html(resultsPage({ unit, results, parent, month: vnDate(now).slice(0, 7) }));
  })
  .get('/:unitId/month/:month', async (c) => {
    const p = ZMonth.safeParse(c.req.param());
    const unit = p.success ? await unitOr404(c, p.data.unitId) : undefined;
    if (!p.success || !unit) return c.html(notFoundPage(), 404);
    const { deps } = c.var;
    const now = deps.clock();
    const month = p.data.month;
    const current = vnDate(now).slice(0, 7);
    if (month > current) return c.html(notFoundPage(), 404);
    const m = await monthlyPublication(deps, unit, month, now);
    const next = month < current ? shiftMonth(month, 1) : null;
    return c.html(monthlyPage(m, now, shiftMonth(month, -1), next));
  });

export default resultsPages;
