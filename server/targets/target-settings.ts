import type { Db } from '../../db/index.js';
import {
  deleteTargetSetting,
  listTargetSettings,
  targetSettingsFor,
  upsertTargetSetting,
} from '../../db/repositories/targets.js';
import { getUnit } from '../../db/repositories/units.js';
import type { TargetSetting, Unit } from '../../db/schema.js';
import { recordAudit, type AuditInput } from '../audit/service.js';
import { ancestorIds, winningSetting } from './settings.js';
import { formatVnDate } from '../domain/vn-time.js';
import { DEFAULT_SOURCES } from './sources.js';
import { DEFAULT_TARGETS, TARGET_IDS, TARGET_LABELS, type TargetId } from './types.js';

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
/** Where a target's value in force comes from: a unit's setting, or the plan's default. */
export type TargetSource =
  | { kind: 'setting'; unitId: string; unitName: string; validFrom: string; inherited: boolean }
  | { kind: 'default'; vi: string; en: string };

/** The ancestors' names, for "đặt tại Sở GDĐT …" (a few units: the path's length). */
export async function ancestorNames(
  db: Db,
  unit: Pick<Unit, 'path'>,
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const id of ancestorIds(unit)) names.set(id, (await getUnit(db, id))?.name ?? id);
  return names;
}

/** Where a target in force comes from, for people: the unit that set it, or the plan. */
export function sourceOf(
  targetId: TargetId,
  unit: Pick<Unit, 'id' | 'path'>,
  settings: readonly TargetSetting[],
  names: ReadonlyMap<string, string>,
): { value: number; source: TargetSource; basis: { vi: string; en: string } } {
  const win = winningSetting(targetId, unit, settings);
  if (!win) {
    const d = DEFAULT_SOURCES[targetId];
    return { value: DEFAULT_TARGETS[targetId], source: { kind: 'default', ...d }, basis: d };
  }
  const unitName = names.get(win.unit_id) ?? win.unit_id;
  const source: TargetSource = {
    kind: 'setting',
    unitId: win.unit_id,
    unitName,
    validFrom: win.valid_from,
    inherited: win.unit_id !== unit.id,
  };
  const from = formatVnDate(win.valid_from);
  return {
    value: win.value,
    source,
    basis: { vi: `Đặt tại ${unitName} từ ngày ${from}`, en: `Set by ${unitName} from ${from}` },
  };
}

/**
 * GET /api/targets/settings/effective: every target's value in force for a unit on a date, as
 * `computeTargets` applies it (the nearest ancestor's latest setting, else the plan's default),
 * with where it comes from and the unit's own settings (the ones "reset" removes).
 */
export async function effectiveTargets(db: Db, unit: Pick<Unit, 'id' | 'path'>, onDate: string) {
  const settings = await targetSettingsFor(db, ancestorIds(unit), onDate);
  const names = await ancestorNames(db, unit);
  return TARGET_IDS.map((targetId) => {
    const { value, source, basis } = sourceOf(targetId, unit, settings, names);
    const own = settings
      .filter((s) => s.unit_id === unit.id && s.target_id === targetId)
      .map((s) => ({ validFrom: s.valid_from, value: s.value }));
    return {
      targetId,
      label: TARGET_LABELS[targetId].vi,
      labelEn: TARGET_LABELS[targetId].en,
      value,
      basis,
      defaultValue: DEFAULT_TARGETS[targetId],
      source,
      own,
    };
  });
}
