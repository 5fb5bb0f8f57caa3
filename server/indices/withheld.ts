import {
  ownAnswerCounts,
  treeWithResponses,
  type OwnAnswersRow,
} from '../../db/repositories/suppression.js';
import type { TSurveyDefinition } from '../../surveys/schema.js';

import { likertItems } from '../../surveys/items.js';
import { LIKERT_VALUES, MIN_RESPONSES } from './engine.js';
import { suppressedUnits, type Suppression } from './suppression.js';
import type { CountReader } from '../services.js';

/**
 * The small-groups decision of campaigns as stored now: loads the whole unit tree, the units'
 * own response counters and, where a small group makes residuals possible, their own answer
 * counters, and asks the one rule (suppression.ts). Every route that shows figures, answers or
 * rows calls this, so one decision holds everywhere.
 */
export async function suppressionsFor(
  deps: CountReader,
  campaignIds: readonly string[],
): Promise<Map<string, Suppression>> {
  const { db } = deps;
  await deps.tally.settle(); // the counters read below include every acknowledged response
  const ids = [...new Set(campaignIds)];
  const { units, responses } = await treeWithResponses(db, ids);
  const ownResponses = new Map<string, Map<string, number>>(ids.map((id) => [id, new Map()]));
  for (const r of responses) {
    const own = ownResponses.get(r.campaign_id)!;
    own.set(r.unit_id, (own.get(r.unit_id) ?? 0) + r.n);
  }
  // Without a cell of 1–4 responses nothing is withheld, every residual is 0 and the answers
  // cannot matter: only campaigns with a small cell read their answer counters.
  const withSmall = ids.filter((id) =>
    [...ownResponses.get(id)!.values()].some((n) => n > 0 && n < MIN_RESPONSES),
  );
  const components = await componentsOf(deps, withSmall);
  const out = new Map<string, Suppression>();
  for (const id of ids) {
    const own = ownResponses.get(id)!;
    const counts = components.get(id);
    out.set(
      id,
      suppressedUnits(
        units.map((u) => ({
          id: u.id,
          parentId: u.parent_id,
          responses: own.get(u.id) ?? 0,
          components: counts?.get(u.id),
        })),
      ),
    );
  }
  return out;
}

/** One campaign's decision. */
export async function campaignSuppression(
  deps: CountReader,
  campaignId: string,
): Promise<Suppression> {
  return (await suppressionsFor(deps, [campaignId])).get(campaignId)!;
}

/**
 * Per campaign and unit, its own counts in each component the figures show of a group of
 * answers: a likert question's valid answers (1–5: the distribution, index and mean rest on
 * them) under the question's id, its "no opinion" answers under `id|na`, and each choice option
 * under `id|value`. Other values (none are stored for text questions) show nothing.
 */
async function componentsOf(
  deps: CountReader,
  campaignIds: readonly string[],
): Promise<Map<string, Map<string, Record<string, number>>>> {
  const out = new Map<string, Map<string, Record<string, number>>>();
  if (campaignIds.length === 0) return out;
  const { surveys, answers } = await ownAnswerCounts(deps.db, campaignIds);
  const keyOf = new Map<string, (r: OwnAnswersRow) => string | null>();
  for (const s of surveys) {
    const def = await deps.surveys.get(s.survey_id, s.survey_version);
    if (def) keyOf.set(s.id, componentKeys(def));
  }
  for (const r of answers) {
    const key = keyOf.get(r.campaign_id)?.(r);
    if (!key || r.n <= 0) continue;
    let byUnit = out.get(r.campaign_id);
    if (!byUnit) out.set(r.campaign_id, (byUnit = new Map()));
    const counts = byUnit.get(r.unit_id) ?? {};
    counts[key] = (counts[key] ?? 0) + r.n;
    byUnit.set(r.unit_id, counts);
  }
  return out;
}

const LIKERT = new Set<string>(LIKERT_VALUES);

/**
 * A counter row's component under one questionnaire, or null: each likert question's valid
 * answers (1–5), the answers a question's distribution and index are made of. "No opinion" and
 * choice options are not components: a residual of 1–4 of them inside a group of ≥ 5 responses
 * says no more than a shown unit's own per-value counts do, and counting them withheld every
 * school of an office with a few scattered "không ý kiến" answers.
 */
function componentKeys(def: TSurveyDefinition): (r: OwnAnswersRow) => string | null {
  const likert = new Set(likertItems(def).map((q) => q.id));
  return (r) => (likert.has(r.question_id) && LIKERT.has(r.value) ? r.question_id : null);
}
