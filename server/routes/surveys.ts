import { Hono } from 'hono';
import type { AppEnv } from '../context.js';
import { requireStaff } from '../middleware/auth.js';
import { listLatestDefinitions } from '../surveys.js';

/** The questionnaire definitions (newest version of each), in the definition format itself. */
const surveys = new Hono<AppEnv>().use(requireStaff).get('/', async (c) => {
  return c.json(await listLatestDefinitions(c.var.deps.db));
});

export default surveys;
