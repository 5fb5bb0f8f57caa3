import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { backupSqlite, restoreSqlite } from '../../db/backup.js';
import { createDb, migrateToLatest } from '../../db/index.js';
import { listAllUnits } from '../../db/repositories/units.js';
import { BASE_STEP, seedDemo } from '../../db/seed/demo.js';
import { testDialect } from '../helpers/db.js';

const dir = mkdtempSync(join(tmpdir(), 'hl-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The online backup is SQLite's own API; on PostgreSQL operators use pg_dump (README).
describe.skipIf(testDialect === 'postgres')('db:backup and db:restore (SQLite)', () => {
  test('a backup taken while a connection writes restores the data as it was', async () => {
    const path = join(dir, 'live.db');
    const live = createDb(path);
    await migrateToLatest(live.db);
    await seedDemo({ db: live.db, clock: () => new Date('2026-11-23T02:00:00Z'), password: 'x' }, () => {}, [BASE_STEP]);
    const before = await listAllUnits(live.db);

    await backupSqlite(path, join(dir, 'backup.db'));
    // Keep serving: a change after the backup must be gone after the restore.
    await live.db.updateTable('units').set({ name: 'đổi tên sau sao lưu' }).where('id', '=', 'HN').execute();
    await live.close();

    await restoreSqlite(join(dir, 'backup.db'), path);
    const restored = createDb(path);
    expect(await listAllUnits(restored.db)).toEqual(before);
    await restored.close();
  });

  test('a damaged backup is refused before the database is touched', async () => {
    const path = join(dir, 'keep.db');
    const h = createDb(path);
    await migrateToLatest(h.db);
    await h.close();
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'junk.db'), 'not a database');
    await expect(restoreSqlite(join(dir, 'junk.db'), path)).rejects.toThrow();
    const again = createDb(path);
    expect(await listAllUnits(again.db)).toEqual([]);
    await again.close();
  });
});
