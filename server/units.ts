import type { Db } from '../db/index.js';
import { listAllUnits, listSubtree } from '../db/repositories/units.js';
import type { Unit } from '../db/schema.js';

/** A unit as the API gives it. */
export function unitDto(u: Unit) {
  return {
    id: u.id,
    parentId: u.parent_id,
    name: u.name,
    kind: u.kind,
    level: u.level,
    eligible: u.eligible,
  };
}

/** GET /api/units: the unit and everything under it. */
export async function subtreeDtos(db: Db, rootId: string) {
  return (await listSubtree(db, rootId)).map(unitDto);
}

/** Every unit, for the citizens' feedback form to choose from. */
export function unitsToChoose(db: Db): Promise<Unit[]> {
  return listAllUnits(db);
}

/** GET /api/public/units: what a citizen may see of each unit. */
export async function publicUnitDtos(db: Db) {
  return (await unitsToChoose(db)).map((u) => ({ id: u.id, name: u.name, kind: u.kind }));
}
