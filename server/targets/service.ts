import type { Db } from '../../db/index.js';
import { ratingsOfItemsDue } from '../../db/repositories/feedback-ratings.js';
import {
  campaignUnitsIn,
  feedbackByInstant,
  targetSettingsFor,
  type CampaignUnitRow,
} from '../../db/repositories/targets.js';
import type { Unit } from '../../db/schema.js';
import { sweepExpiredWaits } from '../feedback/waits.js';
import {
  paknAcceptedOnTime,
  paknOnTime,
  paknPublished,
  paknSatisfaction766,
} from './feedback-formulas.js';
import type { Period } from './period.js';
import { ancestorIds, resolveTarget } from './settings.js';
import { loadSurveyData } from './survey-data.js';
import { satisfactionIndex, surveyCoverage, type CoverageUnit } from './survey-formulas.js';
import { DEFAULT_TARGETS, judge, type Measure, type TargetResult } from './types.js';
import { ownShownInAll, shownInAll, type Suppression } from '../indices/suppression.js';
import { suppressionsFor } from '../indices/withheld.js';

/** Every target of a unit's subtree for one period, judged against the values in force. */
export async function computeTargets(
  db: Db,
  unit: Unit,
  p: Period,
  now: Date,
): Promise<TargetResult[]> {
  const span = { rootPath: unit.path, startIso: p.startIso, endIso: p.endIso };
  const nowIso = now.toISOString();
  await sweepExpiredWaits(db, now); // waits past their end are back with staff before counting
  const [due, acceptDue, settings, overlapping, closing] = await Promise.all([
    feedbackByInstant(db, 'due_at', span),
    feedbackByInstant(db, 'accept_due_at', span),
    targetSettingsFor(db, ancestorIds(unit), p.to),
    campaignUnitsIn(db, span),
    campaignUnitsIn(db, span, true),
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
  const surveyData = await loadSurveyData(db, closing, unit.path);
  const withheld = [
    ...(
      await suppressionsFor(
        db,
        closing.map((r) => r.campaign_id),
      )
    ).values(),
  ];

  const target = (id: keyof typeof DEFAULT_TARGETS, fallback?: number) =>
    resolveTarget(id, unit, settings, fallback);
  // The strictest target a questionnaire of the period declares, else MOET's 85%.
  const declared = surveyData.declaredTargets.length
    ? Math.max(...surveyData.declaredTargets)
    : undefined;
  const indexTarget = target('satisfaction_index', declared);

  return [
    judge('pakn_on_time', paknOnTime(due, nowIso), target('pakn_on_time')),
    judge('pakn_published', paknPublished(due, nowIso), target('pakn_published')),
    judge(
      'pakn_accepted_on_time',
      paknAcceptedOnTime(acceptDue, nowIso),
      target('pakn_accepted_on_time'),
    ),
    judge('pakn_satisfaction_766', satisfaction766, target('pakn_satisfaction_766')),
    judge('survey_coverage', surveyCoverage(coverageUnits(overlapping)), target('survey_coverage')),
    judge(
      'satisfaction_index',
      smallGroupsWithheld(
        satisfactionIndex(surveyData.surveys, distinctUnits(closing), indexTarget),
        unit,
        withheld,
      ),
      indexTarget,
    ),
  ];
}

/**
 * The small-groups rule on the satisfaction target: a subtree withheld in any campaign of the
 * period shows no index (nor the satisfied and valid answers behind it), and the failing list
 * names no unit whose own responses are withheld in any of them.
 */
function smallGroupsWithheld(m: Measure, unit: Unit, withheld: readonly Suppression[]): Measure {
  const failing = m.failing.filter((f) => ownShownInAll(withheld, f.id));
  if (shownInAll(withheld, unit.id)) return { ...m, failing };
  const note = {
    vi: 'Không hiển thị: nhóm dưới 5 phiếu, hoặc ẩn kèm để không suy ra được nhóm dưới 5 phiếu.',
    en: 'Withheld: fewer than 5 responses, or withheld so that such a group cannot be computed.',
  };
  return { numerator: 0, denominator: 0, value: null, pending: 0, failing: [], note };
}

function coverageUnits(rows: readonly CampaignUnitRow[]): CoverageUnit[] {
  const byUnit = new Map<string, CoverageUnit>();
  for (const r of rows) {
    const u = byUnit.get(r.unit_id) ?? {
      id: r.unit_id,
      name: r.unit_name,
      eligible: r.eligible,
      campaigns: [],
    };
    u.campaigns.push({ name: r.campaign_name, responses: r.responses });
    byUnit.set(r.unit_id, u);
  }
  return [...byUnit.values()];
}

function distinctUnits(rows: readonly CampaignUnitRow[]) {
  return [
    ...new Map(
      rows.map((r) => [r.unit_id, { id: r.unit_id, name: r.unit_name, eligible: r.eligible }]),
    ).values(),
  ];
}
