import { tthcFilesDueIn } from '../../db/repositories/tthc.js';
import { targetSettingsFor } from '../../db/repositories/targets.js';
import type { Unit } from '../../db/schema.js';
import type { Db } from '../../db/index.js';
import { addCalendarDays } from '../domain/vn-time.js';
import { period } from '../targets/period.js';
import { ancestorIds } from '../targets/settings.js';
import { ancestorNames, sourceOf } from '../targets/target-settings.js';
import { tthcOnTime } from '../targets/tthc-formulas.js';
import { judge, type TargetResult } from '../targets/types.js';

/** The last day of a month 'YYYY-MM'. */
function lastDay(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return addCalendarDays(next, -1);
}

/**
 * The monthly figure the plans publish: tthc_on_time of a unit's subtree for the files due in
 * `month` ('YYYY-MM', Vietnam's calendar), judged against the target in force at the month's end,
 * failing files named. The same arithmetic as GET /api/targets for that month.
 */
export async function tthcOnTimeForMonth(
  db: Db,
  unit: Unit,
  month: string,
  now: Date,
): Promise<TargetResult> {
  const p = period(`${month}-01`, lastDay(month));
  const [files, settings, names] = await Promise.all([
    tthcFilesDueIn(db, { rootPath: unit.path, startIso: p.startIso, endIso: p.endIso }),
    targetSettingsFor(db, ancestorIds(unit), p.to),
    ancestorNames(db, unit),
  ]);
  const { value, basis } = sourceOf('tthc_on_time', unit, settings, names);
  return { ...judge('tthc_on_time', tthcOnTime(files, now.toISOString()), value), basis };
}
