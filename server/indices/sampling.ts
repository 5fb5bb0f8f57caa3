import { type ScoreRow } from '../../db/repositories/indices.js';
import {
  unitOverallScores,
  unitShares,
  type StratumRow,
} from '../../db/repositories/indices-sampling.js';
import type { Unit } from '../../db/schema.js';
import { OVERALL_SCOPE } from '../../surveys/counting.js';
import type { TSurveyDefinition } from '../../surveys/schema.js';
import { likertItems } from '../../surveys/items.js';
import { computeIndices, sampleSize } from './engine.js';
import { weightedIndex, type ScoreTotals, type WeightedIndex } from './intervals.js';
import type { CountReader } from '../services.js';

/**
 * What the frozen populations N add to a subtree's figures: whether N is known (for the
 * finite-population correction), the sample judged unit by unit, and the index weighted by N.
 */

/** The subtree's population N when every unit's is known, else null (no correction). */
export function knownPopulation(t: { eligible: number; unknown?: number }): number | null {
  return (t.unknown ?? 0) === 0 && t.eligible > 0 ? t.eligible : null;
}

/** Score counter rows as the engine takes them, by scope. */
export function scoresByScope(rows: readonly ScoreRow[]): Map<string, ScoreTotals> {
  return new Map(rows.map((r) => [r.scope, { n: r.n, s: r.s, ss: r.ss }]));
}

/** What a subtree's sample needs and whether it is reached. */
export interface SampleJudgement {
  sampleSize: number;
  representative: boolean | null;
}

/**
 * The sample judged per unit, never pooled: the sum of each campaign unit's own sample size, and
 * reached only when every unit reached its own (null when a unit's N is unknown). Pooling would
 * let one school's many answers cover another that has none.
 */
export function samplePerUnit(units: readonly StratumRow[]): SampleJudgement {
  const need = units.reduce((a, u) => a + sampleSize(u.eligible), 0);
  if (!units.length || units.some((u) => u.eligible <= 0))
    return { sampleSize: need, representative: null };
  return {
    sampleSize: need,
    representative: units.every((u) => u.responses >= sampleSize(u.eligible)),
  };
}

/**
 * Σ N_h·p_h ÷ Σ N_h over the campaign's units in the subtree that have answers, each p_h the
 * unit's own overall index and N_h its frozen population (server/indices/intervals.ts). Null
 * when any of those units lacks N. Reads each unit's own counters: its cost grows with the
 * subtree, unlike the pooled figures, so it is read only where the pooled index is shown.
 */
export async function subtreeWeighted(
  deps: CountReader,
  loaded: { campaign: { id: string }; definition: TSurveyDefinition },
  unit: Unit,
  strata: readonly StratumRow[],
  withheld: ReadonlySet<string> = new Set(),
): Promise<WeightedIndex | null> {
  const { db } = deps;
  const id = loaded.campaign.id;
  const [shares, scores] = await Promise.all([
    unitShares(db, id, unit),
    unitOverallScores(db, id, unit, OVERALL_SCOPE),
  ]);
  if (!strata.length || strata.some((s) => s.eligible <= 0)) return null;
  // Units whose own figures are withheld (small groups) form ONE stratum together: a stratum of
  // its own would let its index be solved for from the weighted figure and its siblings'. The
  // merged group is what the parent's total minus its shown units already gives (≥ 5 or none).
  const key = (unitId: string) => (withheld.has(unitId) ? WITHHELD_STRATUM : unitId);
  const countsByUnit = new Map<string, Map<string, Record<string, number>>>();
  for (const r of shares) {
    const counts = countsByUnit.get(key(r.unit_id)) ?? new Map<string, Record<string, number>>();
    const c = counts.get(r.question_id);
    // The share is all the index needs: satisfied as '4', the rest of the valid answers as '1'.
    counts.set(r.question_id, {
      '4': (c?.['4'] ?? 0) + r.satisfied,
      '1': (c?.['1'] ?? 0) + r.valid - r.satisfied,
    });
    countsByUnit.set(key(r.unit_id), counts);
  }
  const scoresByUnit = new Map<string, ScoreTotals>();
  for (const r of scores) {
    const t = scoresByUnit.get(key(r.unit_id)) ?? { n: 0, s: 0, ss: 0 };
    scoresByUnit.set(key(r.unit_id), { n: t.n + r.n, s: t.s + r.s, ss: t.ss + r.ss });
  }
  const population = new Map<string, number>();
  for (const s of strata)
    population.set(key(s.unit_id), (population.get(key(s.unit_id)) ?? 0) + s.eligible);
  const questions = likertItems(loaded.definition);
  return weightedIndex(
    [...population].map(([k, eligible]) => ({
      population: eligible,
      index: computeIndices(loaded.definition.factors, questions, countsByUnit.get(k) ?? new Map())
        .overall.index,
      scores: scoresByUnit.get(k),
    })),
  );
}

const WITHHELD_STRATUM = '\u0000withheld';
