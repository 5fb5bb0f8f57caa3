import type { Db } from '../../db/index.js';
import {
  deleteTargetSetting,
  listTargetSettings,
  upsertTargetSetting,
} from '../../db/repositories/targets.js';
import type { TargetSetting, Unit } from '../../db/schema.js';
import type { TargetId } from './types.js';

/** A target setting as the API gives it. */
export function settingDto(s: TargetSetting) {
  return {
    unitId: s.unit_id,
    targetId: s.target_id,
    validFrom: s.valid_from,
    value: s.value,
    updatedAt: s.updated_at,
  };
}

/** GET /api/targets/settings: the settings of the unit's subtree. */
export async function settingsUnder(db: Db, unit: Pick<Unit, 'path'>) {
  return (await listTargetSettings(db, unit.path)).map(settingDto);
}

/**
 * PUT /api/targets/settings: sets (or with `value: null` removes) one target from a date for one
 * unit, and gives back that unit's settings.
 */
export async function saveSetting(
  db: Db,
  unit: Pick<Unit, 'id' | 'path'>,
  input: { targetId: TargetId; validFrom: string; value: number | null },
  by: { userId: string; at: Date },
) {
  const key = { unit_id: unit.id, target_id: input.targetId, valid_from: input.validFrom };
  if (input.value === null) await deleteTargetSetting(db, key);
  else {
    await upsertTargetSetting(db, {
      ...key,
      value: input.value,
      updated_by: by.userId,
      updated_at: by.at.toISOString(),
    });
  }
  return (await settingsUnder(db, unit)).filter((s) => s.unitId === unit.id);
}
