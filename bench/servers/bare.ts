import { serve } from '@hono/node-server';
import { Hono } from 'hono';

// The baseline: the same framework and server, parsing the same JSON and answering 201,
// with no validation and no database. Same path as the real route, so both see the same requests.
const app = new Hono().post('/api/public/forms/:code/responses', async (c) => {
  const body = await c.req.json<{ clientId: string }>();
  return c.json({ id: body.clientId }, 201);
});
serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  console.log(`READY ${JSON.stringify({ origin: `http://127.0.0.1:${info.port}` })}`);
});
