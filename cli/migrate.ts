import { createDb, migrateToLatest } from '../db/index.js';
import { loadConfig } from '../server/config.js';

const { databaseUrl } = loadConfig();
const handle = createDb(databaseUrl);
try {
  const applied = await migrateToLatest(handle.db);
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
} finally {
  await handle.close();
}
