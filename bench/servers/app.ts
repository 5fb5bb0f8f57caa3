import { serve } from '@hono/node-server';
import { systemClock } from '../../db/clock.js';
import { createDb } from '../../db/index.js';
import { createApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { closeServices, createServices } from '../../server/services.js';

// The real application on an already prepared database (bench/scenario.ts), as `npm start`
// serves it but without migrating or seeding, so start-up does not count.
const config = loadConfig();
const handle = createDb(config.databaseUrl);
const services = createServices(handle.db, handle.source);
const app = createApp({ ...handle, ...services, clock: systemClock, config });
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  console.log(`READY ${JSON.stringify({ origin: `http://127.0.0.1:${info.port}` })}`);
});
process.on('SIGTERM', () => {
  server.close();
  void closeServices(services)
    .then(() => handle.close())
    .then(() => process.exit(0));
});
