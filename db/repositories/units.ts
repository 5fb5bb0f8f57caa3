import { sql } from 'kysely';
import type { Db } from '../index.js';
import type { NewUnit, Unit } from '../schema.js';
import { rebuildRollups } from './rollups.js';

export type UnitInput = Omit<NewUnit, 'path' | 'created_at' | 'updated_at'>;

export async function getUnit(db: Db, id: string): Promise<Unit | undefined> {
  return db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The unit and all its descendants, parents before children. */
export async function listSubtree(db: Db, rootId: string): Promise<Unit[]> {
  const root = await getUnit(db, rootId);
  if (!root) return [];
  return db
    .selectFrom('units')
    .selectAll()
    .where(sql<string>`substr(path, 1, ${root.path.length})`, '=', root.path)
    .orderBy('path')
    .execute();
}

/** True when `unitId` is `rootId` or one of its descendants. */
export async function isInSubtree(db: Db, rootId: string, unitId: string): Promise<boolean> {
  const unit = await getUnit(db, unitId);
  return !!unit && unit.path.includes(`/${rootId}/`);
}

export async function listAllUnits(db: Db): Promise<Unit[]> {
  return db.selectFrom('units').selectAll().orderBy('path').execute();
}

/**
 * Inserts or updates units given parents-first or in any order whose parents exist in the
 * batch or the database; recomputes every descendant's path and the rollup counters when a
 * unit moves. Call it in a transaction.
 */
/** The imported parents would make a unit its own ancestor: the file is wrong, not the database. */
export class UnitTreeCycle extends Error {
  constructor(readonly unitId: string) {
    super(`cycle in the unit tree at ${unitId}`);
    this.name = 'UnitTreeCycle';
  }
}

export async function upsertUnits(db: Db, units: UnitInput[], now: string): Promise<void> {
  const existing = new Map((await listAllUnits(db)).map((u) => [u.id, u]));
  const parentOf = new Map<string, string | null>();
  for (const u of existing.values()) parentOf.set(u.id, u.parent_id);
  for (const u of units) parentOf.set(u.id, u.parent_id ?? null);

  const pathCache = new Map<string, string>();
  const pathOf = (id: string, seen = new Set<string>()): string => {
    const cached = pathCache.get(id);
    if (cached) return cached;
    if (seen.has(id)) throw new UnitTreeCycle(id);
    seen.add(id);
    const parent = parentOf.get(id);
    const p = parent ? `${pathOf(parent, seen)}${id}/` : `/${id}/`;
    pathCache.set(id, p);
    return p;
  };

  // Insert parents before children so foreign keys hold at every step.
  const all = [...parentOf.keys()].sort((a, b) => pathOf(a).length - pathOf(b).length);
  const incoming = new Map(units.map((u) => [u.id, u]));
  let moved = false;
  for (const id of all) {
    const path = pathOf(id);
    const input = incoming.get(id);
    const old = existing.get(id);
    if (input && !old) {
      await db
        .insertInto('units')
        .values({
          ...input,
          parent_id: input.parent_id ?? null,
          path,
          created_at: now,
          updated_at: now,
        })
        .execute();
    } else if (input || (old && old.path !== path)) {
      moved ||= !!old && old.path !== path;
      await db
        .updateTable('units')
        .set({ ...input, path, updated_at: now })
        .where('id', '=', id)
        .execute();
    }
  }
  // A moved unit's counts now pool into other ancestors: derive the rollups again.
  if (moved) await rebuildRollups(db);
}
