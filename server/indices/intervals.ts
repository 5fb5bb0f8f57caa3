/**
 * 95% intervals of the indices, in percent: plain functions of counts, no SQL.
 *
 * - A question's index is a share of valid answers: the Wilson score interval, not centred on
 *   the share (4 of 4 satisfied is about 51–100%).
 * - A factor's or the overall index is not one share: its uncertainty comes from per-respondent
 *   scores (each respondent's own share satisfied in the factor, and their weighted mean for the
 *   overall; surveys/counting.ts), summed as n, Σs, Σs². The interval is Agresti–Coull-style
 *   (z²/2 pseudo-respondents at 0 and at 1): centre ± z·SE, clipped to [0, 100].
 * - Where the population N is known, the finite-population correction (N − n) / (N − 1) scales
 *   the variance: a census (every one of N answered) has no sampling error, low = high = index.
 * `moe`, the contract's margin of error, is the larger distance from the index to a bound.
 */

/** The 95% normal quantile. */
export const Z95 = 1.959963984540054;

export interface Interval {
  low: number;
  high: number;
}

/** Per-respondent scores of one scope: respondents, Σs, Σs² (s a share in [0, 1]). */
export interface ScoreTotals {
  n: number;
  s: number;
  ss: number;
}

/**
 * The variance factor of a sample of n from a population of N: (N − n) / (N − 1); 1 when N is
 * unknown (≤ 0); 0 for a census (n = N). More answers than N means N is out of date (or parents
 * answered twice on an open link): N is not trusted then, and no correction is made, rather than
 * presenting the figure as exact precisely when N is known to be wrong.
 */
export function fpc(n: number, population: number | null): number {
  if (population === null || population <= 0 || n > population) return 1;
  if (n === population) return 0;
  return (population - n) / (population - 1);
}

const clip = (x: number) => Math.min(100, Math.max(0, x));

/** Wilson score interval of `satisfied` of `valid`, finite-population corrected; null without answers. */
export function wilsonInterval(
  satisfied: number,
  valid: number,
  population: number | null = null,
  z = Z95,
): Interval | null {
  if (valid <= 0) return null;
  const p = satisfied / valid;
  // The correction scales the sampling variance, so it scales z² in the score equation.
  const z2 = z * z * fpc(valid, population);
  const denom = 1 + z2 / valid;
  const centre = (p + z2 / (2 * valid)) / denom;
  const half =
    Math.sqrt((p * (1 - p)) / valid + z2 / (4 * valid * valid)) * (Math.sqrt(z2) / denom);
  if (z2 === 0) return { low: p * 100, high: p * 100 };
  return { low: clip((centre - half) * 100), high: clip((centre + half) * 100) };
}

/**
 * Per-respondent scores with the Agresti–Coull pseudo-respondents added: z²·f/2 scoring 0 and as
 * many scoring 1 (f the finite-population factor). Without them, five respondents who all scored
 * 0 would have no spread and a 0–0% interval; with them the interval is about as wide as Wilson's
 * for a share (0 of 5: 0–49%), and a census (f = 0) still has none. For answers that are all
 * 0 or 1 this is exactly the Agresti–Coull interval.
 */
function withPseudo(t: ScoreTotals, f: number, z: number) {
  const k = z * z * f;
  const n = t.n + k;
  const mean = (t.s + k / 2) / n;
  // Sample variance (n − 1) of the augmented scores; no estimate from fewer than two: 1/4.
  const variance = n > 1 ? Math.max(0, (t.ss + k / 2 - n * mean * mean) / (n - 1)) : 0.25;
  return { n, k, variance };
}

/** Variance of the mean score (in percent²), with the pseudo-respondents, finite-population corrected. */
export function meanVariance(t: ScoreTotals, population: number | null, z = Z95): number {
  const f = fpc(t.n, population);
  const a = withPseudo(t, f, z);
  return ((a.variance * f) / a.n) * 100 * 100;
}

/**
 * The interval of an index whose uncertainty comes from per-respondent score counters: centred,
 * as Agresti–Coull's, on the index pulled towards 50% by the pseudo-respondents, ± z·SE, clipped
 * to [0, 100] and always containing the index; null without an index or scores.
 */
export function scoreInterval(
  index: number | null,
  t: ScoreTotals | undefined,
  population: number | null = null,
  z = Z95,
): Interval | null {
  if (index === null || !t || t.n <= 0) return null;
  const f = fpc(t.n, population);
  if (f === 0) return { low: index, high: index };
  const a = withPseudo(t, f, z);
  const centre = (index * t.n + 50 * a.k) / a.n;
  const half = z * Math.sqrt(meanVariance(t, population, z));
  return {
    low: Math.min(index, clip(centre - half)),
    high: Math.max(index, clip(centre + half)),
  };
}

/** The margin of error the contract names: the larger distance from the index to a bound. */
export function moeOf(index: number | null, i: Interval | null): number | null {
  if (index === null || !i) return null;
  return Math.max(index - i.low, i.high - index);
}

export interface Stratum {
  /** The unit's frozen population N (> 0). */
  population: number;
  /** The unit's own overall index, null without answers. */
  index: number | null;
  /** Its per-respondent overall scores. */
  scores: ScoreTotals | undefined;
}

export interface WeightedIndex {
  index: number;
  low: number;
  high: number;
}

/**
 * The subtree's index with each unit weighted by its population: Σ N_h·p_h ÷ Σ N_h over the
 * units with an index. Its interval from the stratified variance Σ W_h²·Var(p̂_h), W_h = N_h ÷ Σ N_h,
 * each unit's variance from its own per-respondent scores with its own finite-population
 * correction. Null when no unit has an index.
 */
export function weightedIndex(strata: readonly Stratum[], z = Z95): WeightedIndex | null {
  const answered = strata.filter((s) => s.index !== null && s.scores && s.scores.n > 0);
  const total = answered.reduce((a, s) => a + s.population, 0);
  if (!answered.length || total <= 0) return null;
  let index = 0;
  let variance = 0;
  for (const s of answered) {
    const w = s.population / total;
    index += w * s.index!;
    variance += w * w * meanVariance(s.scores!, s.population);
  }
  const half = z * Math.sqrt(variance);
  return { index, low: clip(index - half), high: clip(index + half) };
}
