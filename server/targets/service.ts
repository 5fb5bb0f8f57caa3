import { ratingsOfItemsDue } from '../../db/repositories/feedback-ratings.js';
import {
  campaignUnitsIn,
  targetSettingsFor,
  type CampaignUnitRow,
} from '../../db/repositories/targets.js';
import type { Unit } from '../../db/schema.js';
import { waitReturns, type WaitReturns } from '../feedback/waits.js';
import { dialogueCadenceOf } from './dialogue-cadence.js';
import { feedbackRows } from './feedback-rows.js';
import { tthcFilesDueIn } from '../../db/repositories/tthc.js';
import { tthcOnTime } from './tthc-formulas.js';
import {
  paknAcceptedOnTime,
  paknOnTime,
  paknPublished,
  paknSatisfaction766,
} from './feedback-formulas.js';
import { lastQuarters, type Period } from './period.js';
import { ancestorIds } from './settings.js';
import { ancestorNames, sourceOf } from './target-settings.js';
import { loadCampaignFigures } from './survey-data.js';
import {
  satisfactionIndex,
  surveyCoverage,
  type CampaignFigure,
  type CoverageUnit,
} from './survey-formulas.js';
import { judge, type Measure, type TargetId, type TargetResult } from './types.js';
import type { Suppression } from '../indices/suppression.js';
import { suppressionsFor } from '../indices/withheld.js';
import type { CountReader } from '../services.js';

/**
 * Every target of a unit's subtree for one period, judged against the values in force. `shared`:
 * the ended waits the caller already read (a report shows its tables from the same view).
 */
export async function computeTargets(
  deps: CountReader,
  unit: Unit,
  p: Period,
  now: Date,
  shared?: WaitReturns,
): Promise<TargetResult[]> {
  const { db } = deps;
  await deps.tally.settle(); // the counters read below include every acknowledged response
  const span = { rootPath: unit.path, startIso: p.startIso, endIso: p.endIso };
  const nowIso = now.toISOString();
  // Waits past their end count as back with staff, as the next sweep will store them: a read
  // never writes (server/feedback/waits.ts).
  const returns = shared ?? (await waitReturns(db, now, { rootPath: unit.path }));
  const [due, acceptDue, settings, overlapping, closing, files] = await Promise.all([
    feedbackRows(db, 'due_at', span, returns),
    feedbackRows(db, 'accept_due_at', span, returns),
    targetSettingsFor(db, ancestorIds(unit), p.to),
    campaignUnitsIn(db, span),
    campaignUnitsIn(db, span, true),
    tthcFilesDueIn(db, span),
  ]);
  const ratings = await ratingsOfItemsDue(db, {
    rootPath: span.rootPath,
    from: span.startIso,
    to: span.endIso,
  });
  const satisfaction766 = paknSatisfaction766(
    due.map((f) => ({ ...f, ...ratings.get(f.id) })),
    nowIso,
  );
  const [figures, withheld] = await Promise.all([
    loadCampaignFigures(db, closing, unit.path),
    suppressionsFor(
      deps,
      closing.map((r) => r.campaign_id),
    ),
  ]);

  const names = await ancestorNames(db, unit);
  // The value in force and where it comes from: the same function the settings screen reads.
  const judged = (id: TargetId, m: Measure): TargetResult => {
    const { value, basis } = sourceOf(id, unit, settings, names);
    return { ...judge(id, m, value), basis };
  };

  return [
    judged('pakn_on_time', paknOnTime(due, nowIso)),
    judged('pakn_published', paknPublished(due, nowIso)),
    judged('pakn_accepted_on_time', paknAcceptedOnTime(acceptDue, nowIso)),
    judged('pakn_satisfaction_766', satisfaction766),
    judged('survey_coverage', surveyCoverage(coverageUnits(overlapping), nowIso)),
    judged('satisfaction_index', smallGroupsWithheld(figures, withheld)),
    judged('dialogue_cadence', await dialogueCadenceOf(db, unit, p, now)),
    judged('tthc_on_time', tthcOnTime(files, nowIso)),
  ];
}

/**
 * The small-groups rule on the satisfaction target: a unit whose own figure is withheld in a
 * campaign (server/indices/suppression.ts) is not judged in it — neither counted nor named, since
 * "met" or "missed" already says something of its index.
 */
function smallGroupsWithheld(
  figures: readonly CampaignFigure[],
  withheld: ReadonlyMap<string, Suppression>,
): Measure {
  const shown = figures.filter((f) => !withheld.get(f.campaignId)?.own.has(f.unitId));
  const m = satisfactionIndex(shown);
  if (shown.length === figures.length || m.denominator > 0) return m;
  const note = {
    vi: 'Không hiển thị: nhóm dưới 5 phiếu, hoặc ẩn kèm để không suy ra được nhóm dưới 5 phiếu.',
    en: 'Withheld: fewer than 5 responses, or withheld so that such a group cannot be computed.',
  };
  return { ...m, note };
}

function coverageUnits(rows: readonly CampaignUnitRow[]): CoverageUnit[] {
  const byUnit = new Map<string, CoverageUnit>();
  for (const r of rows) {
    const u = byUnit.get(r.unit_id) ?? { id: r.unit_id, name: r.unit_name, campaigns: [] };
    u.campaigns.push({
      name: r.campaign_name,
      eligible: r.eligible,
      responses: r.responses,
      closesAt: r.closes_at,
    });
    byUnit.set(r.unit_id, u);
  }
  return [...byUnit.values()];
}

/** GET /api/targets/trend: each of the last `quarters` quarters with its targets' values. */
export async function targetTrend(deps: CountReader, unit: Unit, quarters: number, now: Date) {
  const out = [];
  // Sequential: a handful of quarters, and it keeps one request from holding many connections.
  for (const p of lastQuarters(now, quarters)) {
    const list = await computeTargets(deps, unit, p, now);
    out.push({
      label: p.label,
      from: p.from,
      to: p.to,
      targets: list.map((t) => ({
        id: t.id,
        value: t.value,
        target: t.target,
        met: t.met,
        status: t.status,
      })),
    });
  }
  return out;
}
