import type { UnitDto } from '../dto.js';

/** The subtree's units in tree order, each indented by its depth, as options of a unit picker. */
export function unitOptions(units: UnitDto[]) {
  const depth = new Map<string, number>();
  const ids = new Set(units.map((u) => u.id));
  const depthOf = (u: UnitDto): number => {
    const known = depth.get(u.id);
    if (known !== undefined) return known;
    const parent =
      u.parentId && ids.has(u.parentId) ? units.find((p) => p.id === u.parentId) : null;
    const d = parent ? depthOf(parent) + 1 : 0;
    depth.set(u.id, d);
    return d;
  };
  return units.map((u) => (
    <option key={u.id} value={u.id}>
      {`${'\u00a0\u00a0'.repeat(depthOf(u))}${u.name}`}
    </option>
  ));
}
