import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { copyDatabase, countRows, userTables } from '../../db/copy.js';
import { createDb, migrateToLatest, type DbHandle } from '../../db/index.js';
import { BASE_STEP, DEMO_STEPS, seedDemo } from '../../cli/seed/demo.js';
import { indicesSnapshot } from '../../server/indices/snapshot.js';
import { listSubtree } from '../../db/repositories/units.js';
import { createTestDb, sqliteImage, testDialect } from '../helpers/db.js';
import { prepare } from '../../server/startup.js';

const handles: DbHandle[] = [];
afterEach(async () => {
  while (handles.length) await handles.pop()!.close();
});

describe(`db:copy from SQLite to ${testDialect}`, () => {
  // The full demo is seeded once per test run (before the test, in the hook's time) and each use
  // opens a copy of it (test/helpers/db.ts).
  let fullDemo: Promise<Buffer>;
  beforeAll(async () => {
    const clock = () => new Date('2026-11-23T02:00:00Z');
    fullDemo = sqliteImage('copy: full demo at 2026-11-23T02:00:00Z', async (h) => {
      await prepare(h.db, clock);
      await seedDemo({ db: h.db, clock, password: 'x' }, () => {}, DEMO_STEPS);
    });
    await fullDemo;
  });

  test('moves every row of every table of the full demo, keeping the unit tree and the indices', async () => {
    const src = createDb(':memory:', { image: await fullDemo });
    handles.push(src);
    const dst = await createTestDb();
    handles.push(dst);

    const copied = await copyDatabase(src, dst);
    for (const t of await userTables(src.db)) {
      expect(await countRows(dst.db, t), t).toBe(await countRows(src.db, t));
    }
    expect(copied.units).toBeGreaterThan(10);
    expect(copied.responses).toBeGreaterThan(1000);
    const before = await indicesSnapshot(src.db);
    expect(Object.keys(before).length).toBeGreaterThan(0);
    expect(await indicesSnapshot(dst.db)).toEqual(before);
    const tree = await listSubtree(dst.db, 'HN-TAYHO');
    expect(tree.map((u) => u.id)).toEqual((await listSubtree(src.db, 'HN-TAYHO')).map((u) => u.id));
  });

  test('refuses a target that already has data, writing nothing', async () => {
    const src = createDb(':memory:');
    handles.push(src);
    await migrateToLatest(src.db);
    await seedDemo({ db: src.db, clock: () => new Date(), password: 'x' }, () => {}, [BASE_STEP]);
    const dst = await createTestDb();
    handles.push(dst);
    await seedDemo({ db: dst.db, clock: () => new Date(), password: 'x' }, () => {}, [BASE_STEP]);
    const before = await countRows(dst.db, 'units');
    await expect(copyDatabase(src, dst)).rejects.toThrow(/not empty/);
    expect(await countRows(dst.db, 'units')).toBe(before);
  });
});
