import { systemClock } from '../db/clock.js';
import { createDb, migrateToLatest } from '../db/index.js';
import { seedDemo } from './seed/demo.js';
import { loadConfig } from '../server/config.js';
import { prepare } from '../server/startup.js';

const config = loadConfig();
const handle = createDb(config.databaseUrl);
try {
  await migrateToLatest(handle.db);
  await prepare(handle.db, systemClock);
  const seeded = await seedDemo(
    { db: handle.db, clock: systemClock, password: config.demoPassword },
    console.log,
  );
  console.log(
    seeded
      ? 'demo data written'
      : 'the database already has data: nothing written (use a new DATABASE_URL)',
  );
} finally {
  await handle.close();
}
