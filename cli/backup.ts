import { isPostgresUrl } from '../db/index.js';
import { backupSqlite, restoreSqlite } from '../db/backup.js';
import { loadConfig } from '../server/config.js';

const [mode, file] = process.argv.slice(2);
const { databaseUrl } = loadConfig();
if ((mode !== 'backup' && mode !== 'restore') || !file) {
  console.error('usage: npm run db:backup -- FILE   |   npm run db:restore -- FILE');
  process.exit(2);
}
if (isPostgresUrl(databaseUrl) || databaseUrl === ':memory:') {
  console.error(
    'db:backup and db:restore are for the SQLite file; on PostgreSQL use pg_dump and pg_restore.',
  );
  process.exit(2);
}
try {
  if (mode === 'backup') {
    const { pages } = await backupSqlite(databaseUrl, file);
    console.log(`backed up ${databaseUrl} to ${file} (${pages} pages), online`);
  } else {
    await restoreSqlite(file, databaseUrl);
    console.log(`restored ${databaseUrl} from ${file}; start the server again`);
  }
} catch (e) {
  console.error((e as Error).message);
  process.exitCode = 1;
}
