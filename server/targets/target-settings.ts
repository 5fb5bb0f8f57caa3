import type { Db } from '../../db/index.js';
import {
  deleteTargetSetting,
  listTargetSettings,
  upsertTargetSetting,
} from '../../db/repositories/targets.js';
import type { TargetSetting, Unit } from '../../db/schema.js';
import { recordAudit, type AuditInput } from '../audit/service.js';
import { formatVnDate } from '../domain/vn-time.js';
import { TARGET_LABELS, type TargetId } from './types.js';

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
  unit: Pick<Unit, 'id' | 'path' | 'name'>,
  input: { targetId: TargetId; validFrom: string; value: number | null },
  by: { userId: string; at: Date },
) {
  const key = { unit_id: unit.id, target_id: input.targetId, valid_from: input.validFrom };
  await db.transaction().execute(async (trx) => {
    if (input.value === null) await deleteTargetSetting(trx, key);
    else {
      await upsertTargetSetting(trx, {
        ...key,
        value: input.value,
        updated_by: by.userId,
        updated_at: by.at.toISOString(),
      });
    }
    await recordAudit(trx, targetAudit(unit, input, by));
  });
  return (await settingsUnder(db, unit)).filter((s) => s.unitId === unit.id);
}

/** The audit event of a target setting, in Vietnamese: which target, for which unit, from when. */
function targetAudit(
  unit: Pick<Unit, 'id' | 'name'>,
  input: { targetId: TargetId; validFrom: string; value: number | null },
  by: { userId: string; at: Date },
): AuditInput {
  const label = TARGET_LABELS[input.targetId].vi;
  const from = formatVnDate(input.validFrom);
  return {
    at: by.at,
    userId: by.userId,
    action: input.value === null ? 'delete' : 'set',
    kind: 'target',
    objectId: `${unit.id}:${input.targetId}:${input.validFrom}`,
    unitId: unit.id,
    summary:
      input.value === null
        ? `Bỏ chỉ tiêu "${label}" của ${unit.name} từ ${from} (áp dụng lại mức mặc định)`
        : `Đặt chỉ tiêu "${label}" của ${unit.name} là ${input.value.toLocaleString('vi-VN')}% từ ${from}`,
    detail: input,
  };
}
