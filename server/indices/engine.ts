import { OVERALL_SCOPE } from '../../surveys/counting.js';
import {
  moeOf,
  scoreInterval,
  wilsonInterval,
  Z95,
  type Interval,
  type ScoreTotals,
} from './intervals.js';

/**
 * The index arithmetic of DOMAIN.md, on pooled answer counters: no HTTP, no SQL, no clock.
 * Every figure is a plain function of counts, so the tests check it against hand-computed values.
 */

export { Z95 };
/** The margin the sample size is planned for (DOMAIN.md: e = 0.05). */
export const SAMPLE_MARGIN = 0.05;
/** A unit with fewer responses than this shows no breakdown of its own. */
export const MIN_RESPONSES = 5;

export const LIKERT_VALUES = ['1', '2', '3', '4', '5'] as const;
export type LikertValue = (typeof LIKERT_VALUES)[number];
export type Distribution = Record<LikertValue, number>;

/** Pooled counts of one question: answer value ('1'…'5', 'na', or an option) → how many. */
export type ValueCounts = Readonly<Record<string, number>>;

export interface IndexQuestionDef {
  id: string;
  factor: string;
}
export interface IndexFactorDef {
  id: string;
  weight?: number;
  /** Reported beside the others (e.g. "overall satisfaction") but kept out of the overall index. */
  summary?: boolean;
}

export interface QuestionIndex {
  id: string;
  factor: string;
  /** Share satisfied in percent (answers 4–5 ÷ valid answers 1–5), null without a valid answer. */
  index: number | null;
  /** Mean of the valid answers on the 1–5 scale. */
  mean: number | null;
  /** The larger distance from `index` to a bound of its 95% interval, in percentage points. */
  moe: number | null;
  /** 95% Wilson interval (finite-population corrected where N is known), in percent. */
  low: number | null;
  high: number | null;
  valid: number;
  satisfied: number;
  distribution: Distribution;
  /** "Not applicable / no opinion": left out of `valid`. */
  na: number;
}

export interface FactorIndex {
  id: string;
  weight: number;
  index: number | null;
  mean: number | null;
  moe: number | null;
  /** 95% interval from the per-respondent scores, in percent. */
  low: number | null;
  high: number | null;
  /** Questions that had at least one valid answer (the ones averaged). */
  questions: number;
}

export interface OverallIndex {
  index: number | null;
  mean: number | null;
  moe: number | null;
  low: number | null;
  high: number | null;
}

/** What the intervals need besides the answer counts. */
export interface IntervalInputs {
  /** Per-respondent score counters by scope (factor id, or '*' for the overall score). */
  scores?: ReadonlyMap<string, ScoreTotals>;
  /** The population N behind the counts, null when any unit's N is unknown. */
  population?: number | null;
}

function bounds(index: number | null, i: Interval | null) {
  return { moe: moeOf(index, i), low: i?.low ?? null, high: i?.high ?? null };
}

export interface IndexResult {
  overall: OverallIndex;
  factors: FactorIndex[];
  questions: QuestionIndex[];
}

/**
 * Half-width of the Wilson score interval for `satisfied` of `valid`, in percentage points.
 * Unlike the Wald interval it does not collapse to ±0 at 0% or 100%.
 */
export function wilsonHalfWidth(satisfied: number, valid: number, z = Z95): number | null {
  if (valid <= 0) return null;
  const p = satisfied / valid;
  const z2 = z * z;
  const half = (z / (1 + z2 / valid)) * Math.sqrt((p * (1 - p)) / valid + z2 / (4 * valid * valid));
  return half * 100;
}

/** n = N / (1 + N·e²), rounded up: how many responses a unit of N eligible respondents needs. */
export function sampleSize(eligible: number, e = SAMPLE_MARGIN): number {
  if (eligible <= 0) return 0;
  return Math.ceil(eligible / (1 + eligible * e * e));
}

/** Whether the responses reach the sample size; null when the eligible count is unknown (0). */
export function isRepresentative(responses: number, eligible: number): boolean | null {
  if (eligible <= 0) return null;
  return responses >= sampleSize(eligible);
}

export function questionIndex(
  def: IndexQuestionDef,
  counts: ValueCounts = {},
  population: number | null = null,
): QuestionIndex {
  const distribution = {} as Distribution;
  let valid = 0;
  let sum = 0;
  for (const v of LIKERT_VALUES) {
    const n = counts[v] ?? 0;
    distribution[v] = n;
    valid += n;
    sum += n * Number(v);
  }
  const satisfied = distribution['4'] + distribution['5'];
  const index = valid > 0 ? (satisfied / valid) * 100 : null;
  return {
    id: def.id,
    factor: def.factor,
    index,
    mean: valid > 0 ? sum / valid : null,
    ...bounds(index, wilsonInterval(satisfied, valid, population)),
    valid,
    satisfied,
    distribution,
    na: counts.na ?? 0,
  };
}

/** Weighted mean of the non-null values; null when none is left. */
function weightedMean(items: { value: number | null; weight: number }[]): number | null {
  let total = 0;
  let weights = 0;
  for (const { value, weight } of items) {
    if (value === null) continue;
    total += value * weight;
    weights += weight;
  }
  return weights > 0 ? total / weights : null;
}

function factorIndex(
  def: IndexFactorDef,
  questions: QuestionIndex[],
  inputs: IntervalInputs,
): FactorIndex {
  const answered = questions.filter((q) => q.factor === def.id && q.valid > 0);
  const equal = (pick: (q: QuestionIndex) => number | null) =>
    weightedMean(answered.map((q) => ({ value: pick(q), weight: 1 })));
  const index = equal((q) => q.index);
  const i = scoreInterval(index, inputs.scores?.get(def.id), inputs.population ?? null);
  return {
    id: def.id,
    weight: def.weight ?? 1,
    index,
    mean: equal((q) => q.mean),
    ...bounds(index, i),
    questions: answered.length,
  };
}

/**
 * Question, factor and overall indices from pooled counts (question id → value counts).
 * Questions without a valid answer and factors without such a question are left out of the
 * means above them; weights default to 1; summary factors are reported but not averaged in.
 */
export function computeIndices(
  factors: readonly IndexFactorDef[],
  questions: readonly IndexQuestionDef[],
  counts: ReadonlyMap<string, ValueCounts>,
  inputs: IntervalInputs = {},
): IndexResult {
  const population = inputs.population ?? null;
  const qs = questions.map((q) => questionIndex(q, counts.get(q.id), population));
  const fs = factors.map((f) => factorIndex(f, qs, inputs));
  const summary = new Set(factors.filter((f) => f.summary).map((f) => f.id));
  const counted = fs.filter((f) => !summary.has(f.id));
  const weighted = (pick: (f: FactorIndex) => number | null) =>
    weightedMean(counted.map((f) => ({ value: pick(f), weight: f.weight })));
  const index = weighted((f) => f.index);
  const i = scoreInterval(index, inputs.scores?.get(OVERALL_SCOPE), population);
  return {
    overall: { index, mean: weighted((f) => f.mean), ...bounds(index, i) },
    factors: fs,
    questions: qs,
  };
}
