import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { backupSqlite, restoreSqlite } from '../../db/backup.js';
import { createDb, migrateToLatest } from '../../db/index.js';
import { getUnit, listAllUnits } from '../../db/repositories/units.js';
import { DEMO_CAMPAIGNS } from '../../cli/seed/campaigns.js';
import { BASE_STEP, seedDemo } from '../../cli/seed/demo.js';
import type { Db } from '../../db/index.js';
import { recordResponse } from '../../server/responses.js';
import { closeServices, createServices } from '../../server/services.js';
import { loadCampaignFor, unitIndices } from '../../server/indices/service.js';
import { prepare } from '../../server/startup.js';
import { testDialect } from '../helpers/db.js';

const dir = mkdtempSync(join(tmpdir(), 'hl-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The online backup is SQLite's own API; on PostgreSQL operators use pg_dump (README).
describe.skipIf(testDialect === 'postgres')('db:backup and db:restore (SQLite)', () => {
  test('a backup taken while a connection writes restores the data as it was', async () => {
    const path = join(dir, 'live.db');
    const live = createDb(path);
    await migrateToLatest(live.db);
    await seedDemo(
      { db: live.db, clock: () => new Date('2026-11-23T02:00:00Z'), password: 'x' },
      () => {},
      [BASE_STEP],
    );
    const before = await listAllUnits(live.db);

    await backupSqlite(path, join(dir, 'backup.db'));
    // Keep serving: a change after the backup must be gone after the restore.
    await live.db
      .updateTable('units')
      .set({ name: 'đổi tên sau sao lưu' })
      .where('id', '=', 'HN')
      .execute();
    await live.close();

    await restoreSqlite(join(dir, 'backup.db'), path);
    const restored = createDb(path);
    expect(await listAllUnits(restored.db)).toEqual(before);
    await restored.close();
  });

  test('the indices of every demo campaign are identical after a restore, and a later response is gone', async () => {
    const clock = () => new Date('2026-11-23T02:00:00Z');
    const path = join(dir, 'indices.db');
    const live = createDb(path);
    await migrateToLatest(live.db);
    await prepare(live.db, clock);
    await seedDemo({ db: live.db, clock, password: 'x' });
    const campaigns = [DEMO_CAMPAIGNS.open, ...Object.values(DEMO_CAMPAIGNS.previous)];
    const before = await indicesOf(live.db, campaigns);
    expect(before[DEMO_CAMPAIGNS.open]!.responses).toBeGreaterThan(0);

    await backupSqlite(path, join(dir, 'indices-backup.db'));
    // A parent answers after the backup: the live indices move, the restored ones must not.
    const services = createServices(live.db);
    const deps = { db: live.db, ...services };
    const loaded = await loadCampaignFor(
      deps,
      (await getUnit(live.db, 'HN'))!,
      DEMO_CAMPAIGNS.open,
    );
    const answers = Object.fromEntries(
      loaded.definition.sections
        .flatMap((s) => s.questions)
        .filter((q) => q.type === 'likert5' && !q.showIf)
        .map((q) => [q.id, 1]),
    );
    const unitId = (
      await live.db
        .selectFrom('campaign_units')
        .select('unit_id')
        .where('campaign_id', '=', DEMO_CAMPAIGNS.open)
        .executeTakeFirstOrThrow()
    ).unit_id;
    await recordResponse(deps, {
      campaignId: DEMO_CAMPAIGNS.open,
      unitId,
      definition: loaded.definition,
      clientId: crypto.randomUUID(),
      answers: { ...answers, da_phan_anh: 'khong' },
      submittedAt: clock().toISOString(),
      channel: 'api',
    });
    expect(await indicesOf(live.db, campaigns)).not.toEqual(before);
    await closeServices(services);
    await live.close();

    await restoreSqlite(join(dir, 'indices-backup.db'), path);
    const restored = createDb(path);
    expect(await indicesOf(restored.db, campaigns)).toEqual(before);
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

/** The pooled indices of each campaign over the whole Department, as GET /api/indices computes them. */
async function indicesOf(db: Db, campaignIds: string[]) {
  const root = (await getUnit(db, 'HN'))!;
  const out: Record<string, Awaited<ReturnType<typeof unitIndices>>> = {};
  const services = createServices(db);
  const deps = { db, ...services };
  for (const id of campaignIds)
    out[id] = await unitIndices(deps, await loadCampaignFor(deps, root, id), root);
  await closeServices(services);
  return out;
}
