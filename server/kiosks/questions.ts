import type { TQuestion, TSurveyDefinition } from '../../surveys/schema.js';

/**
 * What a kiosk asks, taken from the campaign's questionnaire: the first likert5 question as the
 * five faces, and the first single-choice question after it as the optional follow-up. A
 * questionnaire fits a kiosk when it has that likert5 question and no other required question
 * (one tap must make a whole response).
 */
export interface KioskQuestions {
  rating: TQuestion;
  followUp: TQuestion | null;
}

export function kioskQuestions(def: TSurveyDefinition): KioskQuestions | null {
  const all = def.sections.flatMap((s) => s.questions);
  const rating = all.find((q) => q.type === 'likert5');
  if (!rating) return null;
  if (all.some((q) => q.required && q !== rating)) return null;
  const after = all.slice(all.indexOf(rating) + 1);
  const followUp = after.find((q) => q.type === 'single' && q.options?.length) ?? null;
  return { rating, followUp };
}
