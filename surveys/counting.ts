import type { TSurveyDefinition } from './schema.js';

/**
 * What one stored response adds to the counters. Pure functions of a questionnaire and its
 * validated answers, shared by the tally (db/repositories/tally.ts) and the benchmark generator,
 * so both count exactly alike.
 */

/** A validated answer: likert 1–5 or null ("không ý kiến"), an option value, several, or text. */
export type CountedAnswer = number | string | string[] | null;

/** Below this many milliseconds per answered question a response counts as implausibly fast. */
export const FAST_MS_PER_ANSWER = 2000;

/** One counter increment per answer value: likert '1'…'5' or 'na', option values; text none. */
export function counterValues(
  def: TSurveyDefinition,
  answers: Readonly<Record<string, CountedAnswer | undefined>>,
): { questionId: string; value: string }[] {
  const out: { questionId: string; value: string }[] = [];
  for (const s of def.sections)
    for (const q of s.questions) {
      const a = answers[q.id];
      if (a === undefined || q.type === 'text') continue;
      if (q.type === 'likert5')
        out.push({ questionId: q.id, value: a === null ? 'na' : String(a) });
      else
        for (const v of Array.isArray(a) ? a : [String(a)])
          out.push({ questionId: q.id, value: v });
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
