import { parseArgs } from 'node:util';
import { copyDatabase, countRows, userTables } from '../db/copy.js';
import { createDb, migrateToLatest } from '../db/index.js';
import { indicesSnapshot } from '../server/indices/snapshot.js';

const { values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' } } });
if (!values.from || !values.to) {
  console.error('usage: npm run db:copy -- --from data/hailong.db --to postgres://user@host/db');
  process.exit(2);
}
const src = createDb(values.from);
const dst = createDb(values.to);
try {
  await migrateToLatest(src.db);
  await migrateToLatest(dst.db);
  console.log(`copying ${values.from} → ${dst.dialect}`);
  const copied = await copyDatabase(src, dst, console.log);
  // Verify: every table holds as many rows on both sides.
  const bad: string[] = [];
  for (const t of await userTables(src.db)) {
    const [a, b] = [await countRows(src.db, t), await countRows(dst.db, t)];
    if (a !== b || copied[t] !== a) bad.push(`${t}: source ${a}, target ${b}`);
  }
  if (bad.length) throw new Error(`copy does not match:\n  ${bad.join('\n  ')}`);
  // And the figures people read: every campaign's indices over each tree, on both sides.
  const [before, after] = [await indicesSnapshot(src.db), await indicesSnapshot(dst.db)];
  if (JSON.stringify(before) !== JSON.stringify(after))
    throw new Error('indices differ after the copy');
  console.log(
    `copied and verified: same rows in every table, same indices for ${Object.keys(before).length} campaign(s)`,
  );
} catch (e) {
  console.error((e as Error).message);
  process.exitCode = 1;
} finally {
  await src.close();
  await dst.close();
}
