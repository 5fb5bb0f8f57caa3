import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context.js';
import { requireRole, requireStaff } from '../middleware/auth.js';
import { diffDefinitions } from '../survey-diff.js';
import { importSurvey } from '../survey-import.js';
import { createSurvey, removeSurvey, setArchived, updateSurvey } from '../survey-library.js';
import { listSurveys, surveyDefinition, surveyDetail, surveyVersions } from '../survey-reads.js';
import { surveyXlsx } from '../survey-xlsx.js';
import { validate } from '../validate.js';
import { attachment } from '../reports/attachment.js';

const ZId = z.object({ id: z.string().min(1).max(64) });
/** The definition itself is checked by the questionnaire schema, which names every bad field. */
const ZDraft = z.record(z.string(), z.unknown());
const ZVersion = z.coerce.number().int().min(1).max(1_000_000);
const ZListQuery = z.object({ usable: z.enum(['true', 'false']).optional() });
const ZVersionQuery = z.object({ version: ZVersion.optional() });
const ZDiffQuery = z.object({ from: ZVersion.optional(), to: ZVersion.optional() });
const ZExportQuery = z.object({
  format: z.enum(['json', 'xlsx']).default('json'),
  version: ZVersion.optional(),
});
const ZImport = z.object({ file: z.instanceof(File) });

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The questionnaire library (README "The questionnaire library"). */
const surveys = new Hono<AppEnv>()
  .use(requireStaff)
  .get('/', validate('query', ZListQuery), async (c) => {
    const { usable } = c.req.valid('query');
    return c.json(await listSurveys(c.var.deps, c.var.staff, { usable: usable === 'true' }));
  })
  .post('/', requireRole('manager'), validate('json', ZDraft), async (c) => {
    return c.json(await createSurvey(c.var.deps, c.var.staff, c.req.valid('json')), 201);
  })
  .post('/import', requireRole('manager'), validate('form', ZImport), async (c) => {
    const { file } = c.req.valid('form');
    const result = await importSurvey(c.var.deps, c.var.staff, file);
    return c.json(result, result.created ? 201 : 200);
  })
  .get('/:id', validate('param', ZId), validate('query', ZVersionQuery), async (c) => {
    const { id } = c.req.valid('param');
    const { version } = c.req.valid('query');
    return c.json(await surveyDetail(c.var.deps, c.var.staff, id, version));
  })
  .put(
    '/:id',
    requireRole('manager'),
    validate('param', ZId),
    validate('json', ZDraft),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json(await updateSurvey(c.var.deps, c.var.staff, id, c.req.valid('json')));
    },
  )
  .delete('/:id', requireRole('manager'), validate('param', ZId), async (c) => {
    await removeSurvey(c.var.deps, c.var.staff, c.req.valid('param').id);
    return c.body(null, 204);
  })
  .post('/:id/archive', requireRole('manager'), validate('param', ZId), async (c) => {
    return c.json(await setArchived(c.var.deps, c.var.staff, c.req.valid('param').id, true));
  })
  .post('/:id/unarchive', requireRole('manager'), validate('param', ZId), async (c) => {
    return c.json(await setArchived(c.var.deps, c.var.staff, c.req.valid('param').id, false));
  })
  .get('/:id/diff', validate('param', ZId), validate('query', ZDiffQuery), async (c) => {
    const { id } = c.req.valid('param');
    const q = c.req.valid('query');
    const { from, to } = await surveyVersions(c.var.deps, c.var.staff, id, q.from, q.to);
    return c.json({ id, from: from.version, to: to.version, changes: diffDefinitions(from, to) });
  })
  .get('/:id/export', validate('param', ZId), validate('query', ZExportQuery), async (c) => {
    const { id } = c.req.valid('param');
    const { format, version } = c.req.valid('query');
    const def = await surveyDefinition(c.var.deps, c.var.staff, id, version);
    const name = `${def.id}-v${def.version}.${format}`;
    if (format === 'json') {
      return c.body(JSON.stringify(def, null, 2), 200, {
        'content-type': 'application/json; charset=utf-8',
        'content-disposition': attachment(name),
      });
    }
    return c.body(await surveyXlsx(def), 200, {
      'content-type': XLSX_TYPE,
      'content-disposition': attachment(name),
    });
  });

export default surveys;
