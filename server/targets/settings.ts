import type { TargetSetting, Unit } from '../../db/schema.js';
import { DEFAULT_TARGETS, type TargetId } from './types.js';

/** The ids on a unit's path, root first: '/HN/HN-TAYHO/X/' → ['HN', 'HN-TAYHO', 'X']. */
export function ancestorIds(unit: Pick<Unit, 'path'>): string[] {
  return unit.path.split('/').filter(Boolean);
}

/**
 * The target value in force for a unit: among the settings in force at the period's end, the
 * nearest ancestor's (the unit itself first) latest one wins; otherwise `fallback`.
 */
export function resolveTarget(
  id: TargetId,
  unit: Pick<Unit, 'path'>,
  settings: readonly TargetSetting[],
  fallback: number = DEFAULT_TARGETS[id],
): number {
  return winningSetting(id, unit, settings)?.value ?? fallback;
}

/** The setting `resolveTarget` applies (the nearest ancestor's latest), if any. */
export function winningSetting(
  id: TargetId,
  unit: Pick<Unit, 'path'>,
  settings: readonly TargetSetting[],
): TargetSetting | undefined {
  const depth = new Map(ancestorIds(unit).map((a, i) => [a, i]));
  let best: TargetSetting | undefined;
  for (const s of settings) {
    if (s.target_id !== id || !depth.has(s.unit_id)) continue;
    if (!best) best = s;
    else {
      const d = depth.get(s.unit_id)! - depth.get(best.unit_id)!;
      if (d > 0 || (d === 0 && s.valid_from > best.valid_from)) best = s;
    }
  }
  return best;
}
