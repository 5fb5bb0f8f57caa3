import { readFileSync } from 'node:fs';
import { createDb, migrateToLatest } from '../db/index.js';
import { loadConfig } from '../server/config.js';
import { importUnitsCsv, UNIT_CSV_COLUMNS } from '../server/units-import.js';

const file = process.argv[2];
if (!file) {
  console.error(
    `usage: npm run import:units -- units.csv   (UTF-8, columns: ${UNIT_CSV_COLUMNS.join(',')})`,
  );
  process.exit(2);
}
const handle = createDb(loadConfig().databaseUrl);
try {
  await migrateToLatest(handle.db);
  const result = await importUnitsCsv(
    handle.db,
    readFileSync(file, 'utf8'),
    new Date().toISOString(),
  );
  if (result.ok) {
    console.log(`imported ${result.count} units from ${file}`);
  } else {
    console.error(`${file}: nothing imported, ${result.errors.length} problem(s):`);
    for (const e of result.errors) console.error(`  line ${e.line}: ${e.message}`);
    process.exitCode = 1;
  }
} finally {
  await handle.close();
}
