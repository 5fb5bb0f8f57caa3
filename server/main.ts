import { serve } from '@hono/node-server';
import { systemClock } from '../db/clock.js';
import { createDb, migrateToLatest } from '../db/index.js';
import { sweepCounts } from '../db/repositories/tally.js';
import { seedDemo } from '../db/seed/demo.js';
import { DEMO_USERS } from '../db/seed/units.js';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { prepare } from './startup.js';

const config = loadConfig();
const handle = createDb(config.databaseUrl);
const applied = await migrateToLatest(handle.db);
if (applied.length) console.log(`migrated: ${applied.join(', ')}`);
await prepare(handle.db, systemClock);
if (config.seedDemo) {
  const seeded = await seedDemo({ db: handle.db, clock: systemClock, password: config.demoPassword }, console.log);
  if (seeded) console.log('empty database: filled with the demo data');
}

// Several servers may share one PostgreSQL database: pick up what a stopped one left uncounted.
if (handle.dialect === 'postgres') sweepCounts(handle.db, 5_000);

const app = createApp({ ...handle, config });
const server = serve({ fetch: app.fetch, port: config.port }, (info) => {
  console.log(`Hài Lòng is serving on http://localhost:${info.port}/  (database: ${handle.dialect})`);
  if (config.seedDemo) {
    console.log(`  demo sign-in at http://localhost:${info.port}/app — password "${config.demoPassword}":`);
    for (const u of DEMO_USERS) console.log(`    ${u.email.padEnd(18)} ${u.name} (${u.role})`);
  }
});

for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    server.close();
    void handle.close().then(() => process.exit(0));
  });
}
