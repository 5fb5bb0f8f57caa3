import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context.js';
import { requireStaff, scopedUnit } from '../middleware/auth.js';
import { nextReport, reportsOfYear } from '../reports/calendar.js';
import { reportHtml } from '../reports/html.js';
import { buildReport } from '../reports/model.js';
import { reportCsv, reportXlsx } from '../reports/render.js';
import { vnDate } from '../domain/vn-time.js';
import { periodOf, ZPeriodQuery } from '../targets/query.js';
import { validate } from '../validate.js';
import { attachment } from '../reports/attachment.js';

const ZReportQuery = ZPeriodQuery.and(
  z.object({ format: z.enum(['xlsx', 'csv', 'html']).default('xlsx') }),
);
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const reports = new Hono<AppEnv>()
  .use(requireStaff)
  .get('/calendar', (c) => {
    const now = c.var.deps.clock();
    const next = nextReport(now);
    return c.json({ next, reports: reportsOfYear(next.year, vnDate(now)) });
  })
  .get('/', validate('query', ZReportQuery), async (c) => {
    const q = c.req.valid('query');
    const unit = await scopedUnit(c, q.unitId);
    const { clock } = c.var.deps;
    const now = clock();
    const model = await buildReport(c.var.deps, unit, periodOf(q, now), now);
    const name = `bao-cao-${unit.id}-${model.period.from}-${model.period.to}`;
    if (q.format === 'html') return c.html(reportHtml(model));
    if (q.format === 'csv') {
      return c.body(reportCsv(model), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': attachment(`${name}.csv`),
      });
    }
    return c.body(await reportXlsx(model), 200, {
      'content-type': XLSX_TYPE,
      'content-disposition': attachment(`${name}.xlsx`),
    });
  });

export default reports;
