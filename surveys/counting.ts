import { answerItems } from './items.js';
import type { TSurveyDefinition } from './schema.js';

/**
 * What one stored response adds to the counters. Pure functions of a questionnaire and its
 * validated answers, shared by the tally (db/repositories/tally.ts) and the benchmark generator,
 * so both count exactly alike.
 */

/**
 * A validated answer: likert 1–5 or null ("không ý kiến"), an option value, several, text, a
 * number, or a date "YYYY-MM-DD".
 */
export type CountedAnswer = number | string | string[] | null;

/** Below this many milliseconds per answered question a response counts as implausibly fast. */
export const FAST_MS_PER_ANSWER = 2000;

/**
 * One counter increment per answer value: likert '1'…'5' or 'na' (grid rows as likert5
 * questions), option values (single, multi, dropdown). Text, number and date answers are stored
 * with the response and exported, not counted.
 */
export function counterValues(
  def: TSurveyDefinition,
  answers: Readonly<Record<string, CountedAnswer | undefined>>,
): { questionId: string; value: string }[] {
  const out: { questionId: string; value: string }[] = [];
  for (const q of answerItems(def)) {
    const a = answers[q.id];
    if (a === undefined || q.type === 'text' || q.type === 'number' || q.type === 'date') continue;
    if (q.type === 'likert5') out.push({ questionId: q.id, value: a === null ? 'na' : String(a) });
    else
      for (const v of Array.isArray(a) ? a : [String(a)]) out.push({ questionId: q.id, value: v });
  }
  return out;
}

/** Milliseconds from start to submit, or null when unknown or the phone's clock ran ahead. */
export function durationMs(
  startedAt: string | null | undefined,
  submittedAt: string,
): number | null {
  if (!startedAt) return null;
  const d = Date.parse(submittedAt) - Date.parse(startedAt);
  return Number.isFinite(d) && d >= 0 ? d : null;
}

export function isFast(duration: number | null, answered: number): boolean {
  return duration !== null && answered > 0 && duration < FAST_MS_PER_ANSWER * answered;
}

/** The scope of a response's overall score among its per-factor scores. */
export const OVERALL_SCOPE = '*';

/**
 * One respondent's scores, shares in [0, 1]: per factor, its answers at level 4–5 ÷ its valid
 * answers (1–5) in that factor (a factor it left without a valid answer has no score); overall,
 * the mean of its content factors' scores by the questionnaire's weights (summary factors are
 * left out, as they are of the overall index). The counters of these (n, Σs, Σs²) give the factor
 * and overall intervals (server/indices/intervals.ts).
 */
export function responseScores(
  def: Pick<TSurveyDefinition, 'factors' | 'sections'>,
  answers: Readonly<Record<string, CountedAnswer | undefined>>,
): { scope: string; s: number }[] {
  const satisfied = new Map<string, number>();
  const valid = new Map<string, number>();
  for (const q of answerItems(def)) {
    const a = answers[q.id];
    if (q.type !== 'likert5' || !q.factor || typeof a !== 'number') continue;
    valid.set(q.factor, (valid.get(q.factor) ?? 0) + 1);
    if (a >= 4) satisfied.set(q.factor, (satisfied.get(q.factor) ?? 0) + 1);
  }
  const out: { scope: string; s: number }[] = [];
  let total = 0;
  let weights = 0;
  for (const f of def.factors) {
    const v = valid.get(f.id);
    if (!v) continue;
    const s = (satisfied.get(f.id) ?? 0) / v;
    out.push({ scope: f.id, s });
    if (f.summary) continue;
    total += s * (f.weight ?? 1);
    weights += f.weight ?? 1;
  }
  if (weights > 0) out.push({ scope: OVERALL_SCOPE, s: total / weights });
  return out;
}
