import type { Db } from '../../db/index.js';
import { paknSatisfactionInputs } from '../../db/repositories/feedback-ratings.js';
import {
  campaignUnitsIn,
  feedbackByInstant,
  targetSettingsFor,
  type CampaignUnitRow,
} from '../../db/repositories/targets.js';
import type { Unit } from '../../db/schema.js';
import { paknAcceptedOnTime, paknOnTime, paknPublished } from './feedback-formulas.js';
import type { Period } from './period.js';
import { ancestorIds, resolveTarget } from './settings.js';
import { loadCampaignFigures } from './survey-data.js';
import { satisfactionIndex, surveyCoverage, type CoverageUnit } from './survey-formulas.js';
import { DEFAULT_TARGETS, judge, ratio, type Measure, type TargetResult } from './types.js';

/** Every target of a unit's subtree for one period, judged against the values in force. */
export async function computeTargets(
  db: Db,
  unit: Unit,
  p: Period,
  now: Date,
): Promise<TargetResult[]> {
  const span = { rootPath: unit.path, startIso: p.startIso, endIso: p.endIso };
  const nowIso = now.toISOString();
  const [due, acceptDue, settings, overlapping, closing] = await Promise.all([
    feedbackByInstant(db, 'due_at', span),
    feedbackByInstant(db, 'accept_due_at', span),
    targetSettingsFor(db, ancestorIds(unit), p.to),
    campaignUnitsIn(db, span),
    campaignUnitsIn(db, span, true),
  ]);
  const satisfaction766 = await paknSatisfaction(db, span, nowIso);
  const figures = await loadCampaignFigures(db, closing, unit.path);

  const target = (id: keyof typeof DEFAULT_TARGETS) => resolveTarget(id, unit, settings);

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
    judge('satisfaction_index', satisfactionIndex(figures), target('satisfaction_index')),
  ];
}

const HANDLED = new Set(['answered', 'published', 'rejected']);

/** Decision 766's measure from the feedback module's inputs (ratings included). */
async function paknSatisfaction(
  db: Db,
  span: { rootPath: string; startIso: string; endIso: string },
  nowIso: string,
): Promise<Measure> {
  const s = await paknSatisfactionInputs(db, {
    rootPath: span.rootPath,
    from: span.startIso,
    to: span.endIso,
    now: nowIso,
  });
  // An open item not yet due has neither failed nor succeeded: leave it out until it does.
  const counted = s.items.filter((i) => i.late || HANDLED.has(i.status));
  const failing = counted
    .filter((i) => i.notSatisfied || i.complainedAgain || i.late)
    .map((i) => {
      const vi = [
        i.late && 'trễ hạn',
        i.notSatisfied && 'không hài lòng',
        i.complainedAgain && 'phản ánh lại',
      ].filter(Boolean);
      const en = [
        i.late && 'late',
        i.notSatisfied && 'rated not satisfied',
        i.complainedAgain && 'complained again',
      ].filter(Boolean);
      return {
        id: i.id,
        label: i.trackingCode,
        kind: 'feedback' as const,
        detail: vi.join(', '),
        detailEn: en.join(', '),
      };
    });
  const numerator = counted.length - failing.length;
  return {
    numerator,
    denominator: counted.length,
    value: ratio(numerator, counted.length),
    pending: s.all - counted.length,
    failing,
  };
}

function coverageUnits(rows: readonly CampaignUnitRow[]): CoverageUnit[] {
  const byUnit = new Map<string, CoverageUnit>();
  for (const r of rows) {
    const u = byUnit.get(r.unit_id) ?? { id: r.unit_id, name: r.unit_name, campaigns: [] };
    u.campaigns.push({ name: r.campaign_name, eligible: r.eligible, responses: r.responses });
    byUnit.set(r.unit_id, u);
  }
  return [...byUnit.values()];
}
