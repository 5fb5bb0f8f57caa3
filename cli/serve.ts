import { systemClock } from '../db/clock.js';
import { createDb, migrateToLatest } from '../db/index.js';
import { loadConfig } from '../server/config.js';
import { startServer } from '../server/main.js';
import { prepare } from '../server/startup.js';
import { seedDemo } from './seed/demo.js';
import { firstAdminHint } from './first-admin.js';
import { DEMO_USERS } from './seed/units.js';

/**
 * The process entry (`npm start` runs its compiled form, dist/cli/serve.js): migrate, prepare,
 * fill an empty database with the demo data when SEED_DEMO=1, then serve. Seeding lives here,
 * above the server, so that nothing in server/ depends on the demo data.
 */
const config = loadConfig();
const handle = createDb(config.databaseUrl);
const applied = await migrateToLatest(handle.db);
if (applied.length) console.log(`migrated: ${applied.join(', ')}`);
await prepare(handle.db, systemClock);
if (config.seedDemo) {
  const seeded = await seedDemo(
    { db: handle.db, clock: systemClock, password: config.demoPassword },
    console.log,
  );
  if (seeded) console.log('empty database: filled with the demo data');
}
const firstAdmin = await firstAdminHint(handle.db);
if (firstAdmin) console.log(firstAdmin);

startServer(handle, config, {
  onListening: (port) => {
    if (!config.seedDemo) return;
    console.log(
      `  demo sign-in at http://localhost:${port}/app — password "${config.demoPassword}":`,
    );
    for (const u of DEMO_USERS) console.log(`    ${u.email.padEnd(18)} ${u.name} (${u.role})`);
  },
});
